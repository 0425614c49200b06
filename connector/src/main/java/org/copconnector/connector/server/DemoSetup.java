package org.copconnector.connector.server;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import org.copconnector.connector.config.ConnectorConfig;
import org.copconnector.connector.demo.DemoFiles;
import org.copconnector.connector.demo.DemoMode;
import org.copconnector.connector.demo.DemoResource;
import org.copconnector.connector.demo.DemoSchools;
import org.copconnector.connector.demo.SampleContent;
import org.copconnector.plugin.people.PeopleStore;
import org.copconnector.plugin.people.RosterSync;
import org.copconnector.plugin.session.SessionStore;
import org.copconnector.plugin.store.Database;
import org.copconnector.plugin.web.StaticResource;

/**
 * What a demo adds to a connector: the demo schools, a temporary folder for its files, its start
 * page, and (unless left empty) the sample content written once it runs.
 */
final class DemoSetup implements AutoCloseable {

  private final DemoFiles files;
  private final DemoSchools schools;
  private final boolean withSamples;
  // The start page lets people in once the sample content is written, or at once without it.
  private final CompletableFuture<Void> samplesWritten = new CompletableFuture<>();
  private volatile SampleContent samples;

  private DemoSetup(DemoFiles files, DemoSchools schools, boolean withSamples) {
    this.files = files;
    this.schools = schools;
    this.withSamples = withSamples;
  }

  /** A demo with its folder made; {@code withSamples} says whether sample content is written. */
  static DemoSetup create(boolean withSamples) throws IOException {
    DemoFiles files = DemoFiles.create();
    try {
      return new DemoSetup(files, DemoSchools.load(), withSamples);
    } catch (RuntimeException e) {
      files.close();
      throw e;
    }
  }

  DemoSchools schools() {
    return schools;
  }

  Path folder() {
    return files.folder();
  }

  /** The start page, where a visitor picks a demo person and course. */
  DemoResource resource(SessionStore sessions, PeopleStore people, StaticResource assets) {
    return new DemoResource(schools, sessions, people, assets, samplesWritten);
  }

  void syncRosters(RosterSync roster) {
    DemoMode.syncRosters(schools, roster);
  }

  /**
   * Starts writing the sample content through the product's services, wired as the server's but on
   * the samples' clock; without samples, lets people in at once.
   */
  void startSamples(Database database, ConnectorConfig config, ConnectorServices services) {
    if (!withSamples) {
      samplesWritten.complete(null);
      return;
    }
    samples =
        DemoMode.startSamples(
            schools,
            clock ->
                ProductServices.wire(
                        database.dataSource(),
                        services.lms(),
                        config,
                        services.blobs(),
                        services.resourceIndex(),
                        services.postIndex(),
                        clock)
                    .forSamples());
    samples.written().whenComplete((written, failure) -> samplesWritten.complete(null));
  }

  void stopSamples() {
    if (samples != null) {
      samples.close();
    }
  }

  /** Deletes the demo's folder. */
  @Override
  public void close() {
    files.close();
  }
}
