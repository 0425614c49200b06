package org.copconnector.connector.server;

import java.net.URI;
import java.nio.file.Files;
import java.time.Clock;
import java.util.List;
import org.copconnector.connector.config.ConnectorConfig;
import org.copconnector.connector.lti.Platform;
import org.copconnector.connector.lti.PlatformStore;
import org.copconnector.connector.lti.ToolKeys;
import org.copconnector.plugin.store.Database;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** LTI administration: list and register platforms by hand, rotate the tool's signing key. */
@Command(
    name = "lti",
    description = "LTI 1.3 administration.",
    subcommands = {
      LtiCommand.ListPlatforms.class,
      LtiCommand.AddPlatform.class,
      LtiCommand.RotateKey.class
    })
final class LtiCommand implements Runnable {

  @Override
  public void run() {
    picocli.CommandLine.usage(this, System.out);
  }

  /** Opens the database, bringing its schema up to date first. */
  static Database open(ConnectorConfig config) throws java.io.IOException {
    Files.createDirectories(config.dataDir());
    Database database = Database.open(config.database());
    database.migrate();
    return database;
  }

  @Command(name = "platforms", description = "List registered platforms and their deployments.")
  static final class ListPlatforms extends Main.Subcommand {
    @Override
    public Integer call() throws Exception {
      try (Database database = open(config())) {
        PlatformStore platforms = new PlatformStore(database.dataSource(), Clock.systemUTC());
        List<Platform> all = platforms.all();
        if (all.isEmpty()) {
          out.println("no platform is registered yet");
        }
        for (Platform p : all) {
          out.println(
              p.issuer()
                  + "  client id "
                  + p.clientId()
                  + "  deployments "
                  + platforms.deployments(p.id())
                  + "  ("
                  + p.registeredBy()
                  + ")");
        }
      }
      return 0;
    }
  }

  @Command(
      name = "add-platform",
      description =
          "Register a platform by hand (values from Moodle's tool configuration details).")
  static final class AddPlatform extends Main.Subcommand {
    @Option(
        names = "--issuer",
        required = true,
        description = "Platform ID, e.g. https://moodle.school.example")
    URI issuer;

    @Option(names = "--client-id", required = true, description = "Client ID")
    String clientId;

    @Option(
        names = "--deployment-id",
        required = true,
        description = "Deployment ID (repeat for several)")
    List<String> deploymentIds;

    @Option(names = "--auth-url", required = true, description = "Authentication request URL")
    URI authUrl;

    @Option(names = "--token-url", required = true, description = "Access token URL")
    URI tokenUrl;

    @Option(names = "--jwks-url", required = true, description = "Public keyset URL")
    URI jwksUrl;

    @Override
    public Integer call() throws Exception {
      try (Database database = open(config())) {
        PlatformStore platforms = new PlatformStore(database.dataSource(), Clock.systemUTC());
        String iss =
            issuer.toString().endsWith("/")
                ? issuer.toString().substring(0, issuer.toString().length() - 1)
                : issuer.toString();
        Platform platform = platforms.save(iss, clientId, authUrl, tokenUrl, jwksUrl, "cli");
        deploymentIds.forEach(d -> platforms.addDeployment(platform.id(), d));
        out.println(
            "registered "
                + iss
                + " (client id "
                + clientId
                + ", deployments "
                + platforms.deployments(platform.id())
                + ")");
      }
      return 0;
    }
  }

  @Command(
      name = "rotate-key",
      description = "Make a new signing key current; the old one stays published for 7 days.")
  static final class RotateKey extends Main.Subcommand {
    @Override
    public Integer call() throws Exception {
      try (Database database = open(config())) {
        out.println(
            "new tool key "
                + new ToolKeys(database.dataSource(), Clock.systemUTC()).rotate()
                + " is current");
      }
      return 0;
    }
  }
}
