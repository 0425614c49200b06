package org.copconnector.connector.server;

import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import okhttp3.OkHttpClient;
import org.copconnector.connector.config.ConfigException;
import org.copconnector.connector.config.ConfigLoader;
import org.copconnector.connector.config.ConnectorConfig;
import org.copconnector.connector.doctor.Doctor;
import org.copconnector.connector.doctor.RequiredFunctions;
import org.copconnector.connector.moodle.Moodle;
import org.copconnector.plugin.store.Database;
import org.copconnector.plugin.store.StoreException;
import org.slf4j.bridge.SLF4JBridgeHandler;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The command line: {@code serve}, {@code doctor}, {@code migrate}, {@code backup}, {@code
 * restore}.
 */
@Command(
    name = "cop-connector",
    mixinStandardHelpOptions = true,
    versionProvider = Main.VersionProvider.class,
    description =
        "Communities of practice, resource banks and reflective dialogue for Moodle courses.",
    subcommands = {
      Main.Serve.class,
      Main.DoctorCommand.class,
      Main.Migrate.class,
      BackupCommands.Backup.class,
      BackupCommands.Restore.class,
      LtiCommand.class
    })
public final class Main implements Runnable {

  /** Exit code for a configuration error. */
  static final int CONFIG_ERROR = 2;

  @Option(
      names = "--config",
      description = "properties file (default: config/connector.properties when present)",
      scope = CommandLine.ScopeType.INHERIT)
  Path configFile;

  public static void main(String[] args) {
    Warmup.start();
    SLF4JBridgeHandler.removeHandlersForRootLogger();
    SLF4JBridgeHandler.install();
    System.exit(run(args, System.getenv(), System.out, System.err));
  }

  /**
   * Runs a command and returns its exit code; {@code serve} blocks until the process is told to
   * stop.
   */
  static int run(String[] args, Map<String, String> environment, PrintStream out, PrintStream err) {
    CommandLine cli = new CommandLine(new Main());
    cli.setOut(new java.io.PrintWriter(out, true));
    cli.setErr(new java.io.PrintWriter(err, true));
    cli.setExecutionExceptionHandler(
        (e, commandLine, parsed) -> {
          if (e instanceof ConfigException
              || e instanceof StoreException
              || e instanceof java.io.IOException) {
            err.println("error: " + e.getMessage());
            return CONFIG_ERROR;
          }
          throw e;
        });
    giveEnvironment(cli, environment, out);
    return cli.execute(args);
  }

  private static void giveEnvironment(
      CommandLine command, Map<String, String> environment, PrintStream out) {
    for (CommandLine sub : command.getSubcommands().values()) {
      if (sub.getCommand() instanceof Subcommand subcommand) {
        subcommand.environment(environment, out);
      }
      giveEnvironment(sub, environment, out);
    }
  }

  @Override
  public void run() {
    CommandLine.usage(this, System.out);
  }

  private ConnectorConfig config(Map<String, String> environment) {
    return new ConfigLoader(environment).load(configFile);
  }

  /**
   * A subcommand: reads configuration from the environment given to {@link #run} and prints to its
   * stream.
   */
  abstract static class Subcommand implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;
    Map<String, String> environment;
    PrintStream out;

    final void environment(Map<String, String> environment, PrintStream out) {
      this.environment = environment;
      this.out = out;
    }

    final ConnectorConfig config() {
      CommandLine root = spec.commandLine();
      while (root.getParent() != null) {
        root = root.getParent();
      }
      ConnectorConfig config = ((Main) root.getCommand()).config(environment);
      LoggingConfigurator.use(config.logFormat());
      return config;
    }
  }

  @Command(name = "serve", description = "Start the connector's HTTP server.")
  static final class Serve extends Subcommand {
    @Option(
        names = "--demo",
        description =
            "Run against sample schools in memory (no Moodle, nothing stored); start page /demo.")
    boolean demo;

    @Override
    public Integer call() throws Exception {
      ConnectorConfig config = config();
      Connector connector = Connector.start(config, List.of(), demo);
      out.println(readyMessage(connector.address(), demo, config.lti().publicUrl()));
      CountDownLatch stopped = new CountDownLatch(1);
      // SIGTERM and Ctrl-C: finish in-flight requests, stop background work, close the database.
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> {
                    connector.close();
                    stopped.countDown();
                  },
                  "shutdown"));
      stopped.await();
      return 0;
    }
  }

  /**
   * What {@code serve} prints once it answers: the address to open (the demo's start page in demo
   * mode), where administrators and integrators go, and how to add the connector to Moodle.
   */
  static String readyMessage(URI address, boolean demo, Optional<URI> publicUrl) {
    if (demo) {
      return "CoP Connector demo is ready: open "
          + address
          + "/demo (administrators: "
          + address
          + "/admin, API description: "
          + address
          + "/api-docs)";
    }
    String register =
        publicUrl
            .map(url -> "use " + url.toString().replaceAll("/+$", "") + "/lti/register")
            .orElse("set public.url to its https address and use that address + /lti/register");
    return "CoP Connector is ready: open "
        + address
        + "/ (administrators: "
        + address
        + "/admin, API description: /api-docs, health: /health).\n"
        + "Teachers open it from their Moodle course; to add it to Moodle as an LTI 1.3 tool, "
        + register
        + " (README: \"Opening the connector from Moodle\").";
  }

  @Command(
      name = "doctor",
      description =
          "Check the Moodle connection, the token's functions and the database; exit 0 only when all pass.")
  static final class DoctorCommand extends Subcommand {
    @Override
    public Integer call() {
      ConnectorConfig config = config();
      OkHttpClient http =
          new OkHttpClient.Builder().callTimeout(java.time.Duration.ofSeconds(5)).build();
      Doctor doctor =
          new Doctor(
              config, settings -> Moodle.connect(http, settings), RequiredFunctions.load(), http);
      // The checklist reports every refusal with its fix; the client's log lines would repeat
      // them, including the refusals that some checks expect.
      ch.qos.logback.classic.Logger client =
          (ch.qos.logback.classic.Logger)
              org.slf4j.LoggerFactory.getLogger("org.copconnector.connector.moodle");
      ch.qos.logback.classic.Level level = client.getLevel();
      client.setLevel(ch.qos.logback.classic.Level.ERROR);
      try {
        return Doctor.print(doctor.run(), out);
      } finally {
        client.setLevel(level);
      }
    }
  }

  @Command(name = "migrate", description = "Apply pending database migrations and exit.")
  static final class Migrate extends Subcommand {
    @Override
    public Integer call() throws Exception {
      ConnectorConfig config = config();
      java.nio.file.Files.createDirectories(config.dataDir());
      try (Database database = Database.open(config.database())) {
        int applied = database.migrate();
        out.println(
            "applied "
                + applied
                + " migration(s); database "
                + config.database().safeUrl()
                + " is current");
      }
      return 0;
    }
  }

  /** Reports the build's version for {@code --version}. */
  static final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"cop-connector " + Version.current()};
    }
  }
}
