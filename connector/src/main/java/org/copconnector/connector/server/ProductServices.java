package org.copconnector.connector.server;

import java.time.Clock;
import javax.sql.DataSource;
import org.copconnector.connector.config.ConnectorConfig;
import org.copconnector.connector.demo.SampleContent;
import org.copconnector.plugin.discussion.DiscussionSearch;
import org.copconnector.plugin.discussion.PostIndex;
import org.copconnector.plugin.lms.Lms;
import org.copconnector.plugin.prompt.Dialogue;
import org.copconnector.plugin.prompt.OwnPrompts;
import org.copconnector.plugin.prompt.PromptSchedules;
import org.copconnector.plugin.prompt.Reflections;
import org.copconnector.plugin.resource.BlobStore;
import org.copconnector.plugin.resource.ResourceIndex;
import org.copconnector.plugin.resource.Resources;
import org.copconnector.plugin.resource.Uploads;
import org.copconnector.plugin.survey.Surveys;

/**
 * What teachers use, over one database, LMS, file store and search indexes: communities and their
 * discussions (and their search), prompts and reflections, surveys, the resource bank and training
 * actions. Wired in one place for the server and for the demo's sample content (the same services
 * on the samples' clock).
 */
public record ProductServices(
    CommunityServices core,
    PromptSchedules prompts,
    OwnPrompts ownPrompts,
    Reflections reflections,
    Dialogue dialogue,
    Surveys surveys,
    Uploads uploads,
    Resources bank,
    DiscussionSearch discussionSearch,
    TrainingServices training) {

  public static ProductServices wire(
      DataSource dataSource,
      Lms lms,
      ConnectorConfig config,
      BlobStore blobs,
      ResourceIndex index,
      PostIndex postIndex,
      Clock clock) {
    ConnectorConfig.DiscussionSettings discussions = config.discussions();
    Uploads uploads = new Uploads(dataSource, blobs, config.uploadMaxBytes(), clock);
    CommunityServices core =
        CommunityServices.wire(
            dataSource, lms, discussions.digestZone(), discussions.limits(), clock, blobs, uploads);
    PromptSchedules prompts =
        new PromptSchedules(
            dataSource,
            core.discussions(),
            core.notifier(),
            core.people(),
            discussions.digestZone(),
            clock);
    Resources bank = new Resources(dataSource, blobs, index, core.people(), core.notifier(), clock);
    Reflections reflections =
        new Reflections(dataSource, core.discussions(), bank, core.people(), clock);
    return new ProductServices(
        core,
        prompts,
        new OwnPrompts(dataSource, core.people(), clock),
        reflections,
        new Dialogue(dataSource, core.people(), reflections, clock),
        new Surveys(dataSource, core.people(), clock),
        uploads,
        bank,
        new DiscussionSearch(dataSource, postIndex, core.people(), discussions.digestZone(), clock),
        TrainingServices.wire(dataSource, core, prompts, discussions.digestZone(), clock));
  }

  /** The services the demo's sample content is written through. */
  SampleContent.Services forSamples() {
    return new SampleContent.Services(
        core.communities(),
        core.discussions(),
        prompts,
        reflections,
        dialogue,
        surveys,
        uploads,
        bank);
  }
}
