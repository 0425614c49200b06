package org.copconnector.connector.gradebook;

import com.google.gson.JsonObject;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import okhttp3.OkHttpClient;
import org.copconnector.connector.lti.GradeServiceEndpoints;
import org.copconnector.connector.lti.Launch.GradeService;
import org.copconnector.connector.lti.Platform;
import org.copconnector.connector.lti.PlatformStore;
import org.copconnector.connector.lti.ToolKeys;
import org.copconnector.plugin.outbox.DeliveryFailure;
import org.copconnector.plugin.outbox.OutboxHandler;
import org.copconnector.plugin.outbox.OutboxMessage;
import org.copconnector.plugin.training.GradebookScores;
import org.copconnector.plugin.training.GradebookScores.Score;

/**
 * Sends trainees' grades to the platform's gradebook (LTI Assignment and Grade Services): the
 * action's column is made once, then each score posted to it. Safe to repeat: the column is looked
 * for before it is made (its answer may have been lost), and the platform keeps a score only when
 * it is later than the one it has (Moodle answers 409 to the same score again and to an earlier
 * one), so a retried score never makes a second grade nor undoes a regrade.
 */
public final class ScoreDelivery implements OutboxHandler {

  /** Names the tool's columns among the course's others. */
  static final String TAG = "cop-training";

  private final GradeServiceEndpoints endpoints;
  private final PlatformStore platforms;
  private final GradebookScores scores;
  private final PlatformTokens tokens;
  private final GradebookClient service;
  private final Clock clock;

  public ScoreDelivery(
      GradeServiceEndpoints endpoints,
      PlatformStore platforms,
      ToolKeys keys,
      GradebookScores scores,
      Supplier<OkHttpClient> http,
      Clock clock) {
    this.endpoints = endpoints;
    this.platforms = platforms;
    this.scores = scores;
    // A write whose answer was lost is looked for, never sent again by the client on its own.
    Supplier<OkHttpClient> once =
        new Supplier<>() {
          private OkHttpClient client;

          @Override
          public synchronized OkHttpClient get() {
            if (client == null) {
              client = http.get().newBuilder().retryOnConnectionFailure(false).build();
            }
            return client;
          }
        };
    this.tokens = new PlatformTokens(once, keys, clock);
    this.service = new GradebookClient(once);
    this.clock = clock;
  }

  @Override
  public String kind() {
    return GradebookScores.KIND;
  }

  @Override
  public void deliver(OutboxMessage message) throws DeliveryFailure {
    Score score = Score.of(message);
    if (!scores.isLatest(score.actionId(), score.userId(), message.idempotencyKey())) {
      // A later grade of the same trainee is on its way: it replaces this one.
      return;
    }
    GradeServiceEndpoints.Endpoint endpoint =
        endpoints
            .forCourse(score.courseId())
            .orElseThrow(
                () ->
                    DeliveryFailure.waiting(
                        "Moodle has not yet said where course "
                            + score.courseId()
                            + " keeps grades: it goes once someone opens the connector from that"
                            + " course, with grades allowed for the tool"));
    if (!endpoint.scopes().contains(GradeService.SCORE)) {
      throw DeliveryFailure.waiting(
          "Moodle does not let the connector send grades in course "
              + score.courseId()
              + ": allow grades for the tool in Moodle, then open it from the course");
    }
    Platform platform =
        platforms
            .byId(endpoint.platformId())
            .orElseThrow(() -> DeliveryFailure.missing("the platform of the course is gone"));
    try {
      post(platform, endpoint, score);
    } catch (GradeServiceException e) {
      if (e.status() == 401) {
        // The platform no longer takes the token held: the next attempt asks for another.
        tokens.forget(platform);
        throw DeliveryFailure.retryable(e.getMessage(), e);
      }
      throw e.mayPass()
          ? DeliveryFailure.retryable(e.getMessage(), e)
          : DeliveryFailure.permanent(e.getMessage(), e);
    }
  }

  private void post(Platform platform, GradeServiceEndpoints.Endpoint endpoint, Score score)
      throws GradeServiceException, DeliveryFailure {
    String token = tokens.token(platform, GradeService.SCOPES);
    String lineItem = lineItem(platform, endpoint, score, token);
    JsonObject body = new JsonObject();
    body.addProperty("userId", score.userId());
    body.addProperty("scoreGiven", score.scoreGiven());
    body.addProperty("scoreMaximum", score.scoreMaximum());
    if (score.comment() != null) {
      body.addProperty("comment", score.comment());
    }
    body.addProperty("activityProgress", "Completed");
    body.addProperty("gradingProgress", "FullyGraded");
    body.addProperty("timestamp", score.timestamp().toString());
    try {
      service.postScore(lineItem, body, token);
    } catch (GradeServiceException e) {
      if (e.status() == 409) {
        // The platform has this score already, or a later one: nothing to change.
        return;
      }
      if (e.status() == 404) {
        // The column was deleted in the platform: the next attempt makes it again.
        scores.forgetLineItem(score.actionId());
        throw new GradeServiceException(503, e.getMessage() + "; the column is made again", e);
      }
      throw e;
    }
  }

  /**
   * The action's column: the one kept, else the platform's own with the action's resource id (made
   * by an attempt whose answer was lost), else a new one.
   */
  private String lineItem(
      Platform platform, GradeServiceEndpoints.Endpoint endpoint, Score score, String token)
      throws GradeServiceException, DeliveryFailure {
    Optional<GradebookScores.LineItem> kept = scores.lineItem(score.actionId());
    if (kept.isPresent() && kept.get().platformId() == platform.id()) {
      return kept.get().url();
    }
    List<GradebookClient.LineItem> found =
        service.lineItems(endpoint.lineItems(), score.actionId(), token).stream()
            .filter(item -> score.actionId().equals(item.resourceId()))
            .filter(item -> item.id() != null && platform.ownsAddress(item.id()))
            .toList();
    String url;
    if (!found.isEmpty()) {
      url = found.get(0).id();
    } else {
      if (!endpoint.scopes().contains(GradeService.LINE_ITEM)) {
        throw DeliveryFailure.waiting(
            "Moodle does not let the connector make its own gradebook columns in course "
                + score.courseId()
                + ": let the tool manage its columns in Moodle, then open it from the course");
      }
      JsonObject item = new JsonObject();
      item.addProperty("label", score.title());
      item.addProperty("scoreMaximum", score.scoreMaximum());
      item.addProperty("resourceId", score.actionId());
      item.addProperty("tag", TAG);
      GradebookClient.LineItem made = service.create(endpoint.lineItems(), item, token);
      if (!platform.ownsAddress(made.id())) {
        throw new GradeServiceException(
            502, "the platform named its new column outside its own site", null);
      }
      url = made.id();
    }
    scores.saveLineItem(
        score.actionId(), new GradebookScores.LineItem(platform.id(), url), Instant.now(clock));
    return url;
  }
}
