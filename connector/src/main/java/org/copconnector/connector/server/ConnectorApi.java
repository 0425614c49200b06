package org.copconnector.connector.server;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.copconnector.connector.backup.BackupPass;
import org.copconnector.connector.backup.BackupPassResource;
import org.copconnector.connector.backup.BackupResource;
import org.copconnector.connector.backup.Backups;
import org.copconnector.connector.config.ConnectorConfig;
import org.copconnector.connector.lti.LtiTool;
import org.copconnector.connector.metrics.MetricsResource;
import org.copconnector.connector.metrics.RouteTimer;
import org.copconnector.plugin.community.CommunityResource;
import org.copconnector.plugin.community.CourseSettingsResource;
import org.copconnector.plugin.discussion.DiscussionResource;
import org.copconnector.plugin.discussion.DiscussionSearchResource;
import org.copconnector.plugin.discussion.PostFileResource;
import org.copconnector.plugin.discussion.RecentActivity;
import org.copconnector.plugin.hub.HubResource;
import org.copconnector.plugin.hub.LanguageResource;
import org.copconnector.plugin.json.Json;
import org.copconnector.plugin.outbox.OutboxResource;
import org.copconnector.plugin.outbox.OutboxTargets;
import org.copconnector.plugin.people.PeopleStore;
import org.copconnector.plugin.people.RosterOverviewResource;
import org.copconnector.plugin.people.RosterResource;
import org.copconnector.plugin.prompt.PromptResource;
import org.copconnector.plugin.prompt.ReflectionResource;
import org.copconnector.plugin.resource.AttachmentToBank;
import org.copconnector.plugin.resource.BankExport;
import org.copconnector.plugin.resource.BankResource;
import org.copconnector.plugin.resource.ImportResource;
import org.copconnector.plugin.resource.MoodleImport;
import org.copconnector.plugin.session.SessionFilter;
import org.copconnector.plugin.store.Database;
import org.copconnector.plugin.survey.SurveyResource;
import org.copconnector.plugin.web.ApiApplication;
import org.copconnector.plugin.web.HealthResource;
import org.copconnector.plugin.web.InMemoryRequests;
import org.copconnector.plugin.web.PageReadsResource;
import org.copconnector.plugin.web.SecurityHeaders;
import org.copconnector.plugin.web.StaticResource;
import org.copconnector.plugin.web.WebFiles;

/** The connector's HTTP side: every resource it mounts, in one Jersey application on Jetty. */
final class ConnectorApi {

  private ConnectorApi() {}

  /** The server for these services, not yet started; {@code extra} are mounted after the rest. */
  static HttpServer server(
      ConnectorConfig config,
      Database database,
      ConnectorServices services,
      DemoSetup demo,
      List<Object> extra) {
    LtiTool lti = services.lti();
    HealthResource health = new HealthResource(database, services.lms(), Version.current());
    WebFiles files = new WebFiles();
    RouteTimer timer = new RouteTimer(services.metrics().registry());
    List<Object> resources = new ArrayList<>(List.of(health, timer));
    resources.addAll(resources(config, database, services, demo, files));
    resources.addAll(extra);
    return new HttpServer(
        config.httpHost(),
        config.httpPort(),
        config.shutdownGrace(),
        config.maxJsonBytes(),
        new ApiApplication(Json.strict(), config.maxJsonBytes(), lti.frameAncestors(), resources),
        jersey ->
            new DirectAnswers(
                health,
                files,
                new SecurityHeaders(lti.frameAncestors()),
                timer,
                Json.strict(),
                jersey));
  }

  /** The product's resources and filters; a new resource is added here. */
  private static List<Object> resources(
      ConnectorConfig config,
      Database database,
      ConnectorServices services,
      DemoSetup demo,
      WebFiles files) {
    DataSource dataSource = database.dataSource();
    ProductServices features = services.features();
    CommunityServices core = features.core();
    PeopleStore people = core.people();
    LtiTool lti = services.lti();
    List<Object> resources = new ArrayList<>();
    resources.add(new SessionFilter(services.sessions()));
    resources.add(new MetricsResource(services.metrics(), config.metricsToken()));
    InMemoryRequests inMemory = new InMemoryRequests();
    resources.add(inMemory);
    resources.add(new PageReadsResource(inMemory));
    resources.add(new OpenApiResource(Version.current()));
    resources.add(lti.resource());
    resources.add(lti.errorPages());
    StaticResource assets = new StaticResource(files, demo != null ? "demo" : "hub");
    resources.add(assets);
    if (demo != null) {
      resources.add(demo.resource(services.sessions(), people, assets));
    }
    resources.add(
        new HubResource(
            people, core.communities(), people.languages(), new RecentActivity(dataSource)));
    resources.add(new LanguageResource(people.languages()));
    resources.add(new RosterResource(services.roster()));
    resources.add(
        new OutboxResource(core.outbox(), new OutboxTargets(dataSource), services.clock()));
    resources.addAll(AdminResources.of(config, demo != null, database, services));
    resources.addAll(backups(config, database, services, demo));
    resources.add(new RosterOverviewResource(people, services.roster()));
    resources.add(new CommunityResource(core.communities()));
    resources.add(new CourseSettingsResource(core.courseSettings()));
    resources.add(new DiscussionResource(core.discussions()));
    resources.add(new DiscussionSearchResource(features.discussionSearch()));
    resources.add(new SurveyResource(features.surveys(), people.languages()));
    resources.add(
        new PromptResource(
            features.prompts(), features.ownPrompts(), features.dialogue(), people.languages()));
    resources.add(new ReflectionResource(features.reflections()));
    resources.addAll(features.training().resources());
    resources.add(
        new BankResource(
            features.uploads(),
            features.bank(),
            new BankExport(dataSource, services.blobs(), people),
            services.forumShare()));
    resources.add(
        new PostFileResource(
            core.postFiles(),
            new AttachmentToBank(core.postFiles(), features.uploads(), features.bank())));
    resources.add(
        new ImportResource(
            new MoodleImport(
                dataSource, services.lms(), features.uploads(), features.bank(), people)));
    return resources;
  }

  /** Backups for administrators and for the {@code backup} command; none of the demo's. */
  private static List<Object> backups(
      ConnectorConfig config, Database database, ConnectorServices services, DemoSetup demo) {
    Backups backups =
        new Backups(
            database, config.dataDir(), services.blobs(), Version.current(), services.clock());
    Optional<String> unavailable =
        demo != null
            ? Optional.of("the demo keeps nothing to back up")
            : Backups.unavailable(config.database(), config.dataDir());
    return List.of(
        new BackupResource(backups, unavailable, services.clock()),
        new BackupPassResource(
            backups, new BackupPass(config.dataDir()), unavailable, services.clock()));
  }
}
