package org.copconnector.connector.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.copconnector.connector.testing.DemoHub;
import org.copconnector.connector.testing.DemoHub.Answer;
import org.copconnector.plugin.community.CommunityChange;
import org.copconnector.plugin.community.CommunityResource;
import org.copconnector.plugin.community.CourseSettings;
import org.copconnector.plugin.community.NewCommunity;
import org.copconnector.plugin.discussion.DiscussionLimits;
import org.copconnector.plugin.discussion.DiscussionRequests;
import org.copconnector.plugin.hub.LanguageResource;
import org.copconnector.plugin.json.Length;
import org.copconnector.plugin.prompt.OwnPrompts;
import org.copconnector.plugin.prompt.PromptSchedules;
import org.copconnector.plugin.prompt.Reflections;
import org.copconnector.plugin.resource.BankResource;
import org.copconnector.plugin.resource.ImportResource;
import org.copconnector.plugin.resource.NewResource;
import org.copconnector.plugin.resource.Resources;
import org.copconnector.plugin.store.DatabaseSettings;
import org.copconnector.plugin.survey.Surveys;
import org.copconnector.plugin.testing.PostgresServer;
import org.copconnector.plugin.testing.RequestRecords;
import org.copconnector.plugin.training.TrainingRequests;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * For every bounded field of every request, values at, just inside and just outside each declared
 * bound, sent to a live connector on each database: a value within its bound is never refused for
 * its length or range and never fails in the database (no 5xx: it fits its column); a value outside
 * is refused with a 422 naming the field.
 */
class BoundaryApiTest {

  private static final String NETWORK = "demo-rede-ciencias";

  /** Where each request record is sent, and a body that is valid apart from the field tried. */
  private record Target(String method, String path, String body) {}

  private static final Map<Class<?>, Target> TARGETS = new LinkedHashMap<>();

  static {
    target(NewCommunity.class, "POST", "/api/v1/communities", "{'name':'Abc','domain':'X'}");
    target(CommunityChange.class, "PUT", "/api/v1/communities/{community}", "{'name':'Abc'}");
    target(
        CommunityResource.Invitation.class,
        "POST",
        "/api/v1/communities/{community}/invitations",
        "{'userId':'d08'}");
    target(
        CommunityResource.RoleChange.class,
        "PUT",
        "/api/v1/communities/{community}/members/d07/role",
        "{'role':'facilitator'}");
    target(
        CommunityResource.ForumSelection.class,
        "PUT",
        "/api/v1/communities/{community}/courses/" + NETWORK + "/forum",
        "{'forumId':'1'}");
    target(
        CourseSettings.Settings.class,
        "PUT",
        "/api/v1/courses/" + NETWORK + "/settings",
        "{'teachersMayStartCommunities':true}");
    target(
        LanguageResource.LanguageChoice.class, "PUT", "/api/v1/me/language", "{'language':'pt'}");
    target(
        ImportResource.Request.class,
        "POST",
        "/api/v1/imports/moodle",
        "{'communityId':'{community}','courseId':'" + NETWORK + "','files':[{'url':'x'}]}");
    target(
        NewResource.class,
        "POST",
        "/api/v1/resources",
        "{'communityId':'{community}','url':'https://example.org/a','title':'T'}");
    target(
        Resources.NewVersion.class,
        "POST",
        "/api/v1/resources/{resource}/versions",
        "{'url':'https://example.org/b'}");
    target(
        BankResource.Share.class,
        "POST",
        "/api/v1/resources/{resource}/shares",
        "{'communityId':'{other}'}");
    target(
        BankResource.VisibilityChange.class,
        "PUT",
        "/api/v1/resources/{resource}/visibility",
        "{'visibility':'community'}");
    target(BankResource.Use.class, "POST", "/api/v1/resources/{resource}/uses", "{'note':'n'}");
    target(BankResource.Rating.class, "PUT", "/api/v1/resources/{resource}/rating", "{'stars':3}");
    target(
        BankResource.CommentText.class,
        "POST",
        "/api/v1/resources/{resource}/comments",
        "{'text':'c'}");
    target(
        Surveys.NewSurvey.class,
        "POST",
        "/api/v1/surveys",
        "{'communityId':'{community}','template':'custom','items':['a']}");
    target(
        Surveys.NewRound.class,
        "POST",
        "/api/v1/surveys/{survey}/rounds",
        "{'opensAt':'{now}','closesAt':'{later}'}");
    target(
        Surveys.Answers.class,
        "POST",
        "/api/v1/surveys/{survey}/rounds/{round}/answers",
        "{'agreements':[3]}");
    target(
        DiscussionRequests.NewThread.class,
        "POST",
        "/api/v1/threads",
        "{'communityId':'{community}','title':'T','body':'B'}");
    target(
        DiscussionRequests.NewReply.class,
        "POST",
        "/api/v1/threads/{thread}/posts",
        "{'body':'B','quote':{'postId':'{post}'}}");
    target(DiscussionRequests.Edit.class, "PUT", "/api/v1/posts/{post}", "{'body':'B'}");
    target(
        DiscussionRequests.Flag.class, "PUT", "/api/v1/threads/{thread}/pinned", "{'value':true}");
    target(
        DiscussionRequests.Following.class,
        "PUT",
        "/api/v1/threads/{thread}/follow",
        "{'state':'following'}");
    target(
        DiscussionRequests.Notifications.class,
        "PUT",
        "/api/v1/notifications/{community}",
        "{'delivery':'none'}");
    target(
        OwnPrompts.NewPrompt.class,
        "POST",
        "/api/v1/prompts/written",
        "{'communityId':'{community}','language':'pt','characteristic':'collaboration',"
            + "'title':'T','text':'X'}");
    target(
        OwnPrompts.Sharing.class,
        "POST",
        "/api/v1/prompts/written/{prompt}/shares",
        "{'communityIds':['{other}']}");
    target(
        PromptSchedules.NewSchedule.class,
        "POST",
        "/api/v1/prompt-schedules",
        "{'communityId':'{community}','title':'T','body':'B','repeat':'weekly',"
            + "'firstDate':'2030-01-07','localTime':'18:00','timeZone':'Europe/Lisbon'}");
    target(
        Reflections.NewReflection.class,
        "POST",
        "/api/v1/reflections",
        "{'threadId':'{opening}','body':'B','evidence':{'link':'https://example.org/e'}}");
    target(Reflections.Change.class, "PUT", "/api/v1/reflections/{reflection}", "{'body':'B'}");
    target(
        TrainingRequests.NewAction.class,
        "POST",
        "/api/v1/training-actions",
        "{'title':'T','modality':'workshop','jointHours':1000,"
            + "'policy':{'mentions':[{'name':'a','from':1}],'criteria':[{'name':'c','weight':1}]}}");
    target(
        TrainingRequests.People.class,
        "POST",
        "/api/v1/training-actions/{training}/trainees",
        "{'userIds':['d08']}");
    target(
        TrainingRequests.SessionPlan.class,
        "POST",
        "/api/v1/training-actions/{training}/sessions",
        "{'startsAt':'{now}','minutes':60}");
    target(
        TrainingRequests.Mark.class,
        "PUT",
        "/api/v1/training-sessions/{trainingSession}/attendance/d08",
        "{'status':'late','lateMinutes':5}");
    target(
        TrainingRequests.SatisfactionPlan.class,
        "POST",
        "/api/v1/training-actions/{training}/satisfaction",
        "{'closesAt':'{later}','minRespondents':3}");
    target(
        TrainingRequests.SatisfactionAnswers.class,
        "POST",
        "/api/v1/training-actions/{training}/satisfaction/answers",
        "{'agreements':[5,4,5,3,4,5],'comment':'C'}");
    target(
        TrainingRequests.CheckInCode.class,
        "POST",
        "/api/v1/training-sessions/{trainingSession}/check-in",
        "{'code':'ABCDEF'}");
    target(
        TrainingRequests.FinalReflectionText.class,
        "PUT",
        "/api/v1/training-actions/{training}/final-reflection",
        "{'body':'<p>B</p>'}");
    target(
        TrainingRequests.Grade.class,
        "PUT",
        "/api/v1/training-actions/{training}/grades/d08",
        "{'marks':{'participation':5,'work':5.5,'final_reflection':10},'comment':'C',"
            + "'reason':'R'}");
  }

  @TempDir Path dataDir;

  private DemoHub hub;
  private String filipe;
  private final Map<String, String> ids = new HashMap<>();

  private static void target(Class<?> record, String method, String path, String body) {
    TARGETS.put(record, new Target(method, path, body.replace('\'', '"')));
  }

  @ParameterizedTest
  @ValueSource(strings = {"h2", "postgresql"})
  void everyDeclaredBoundHoldsAndFitsItsColumn(String database) throws Exception {
    Set<Class<?>> bodies = RequestRecords.bodies();
    assertEquals(bodies, TARGETS.keySet(), "every request record has a target here");
    Map<String, String> settings = new HashMap<>();
    settings.put("COP_DISCUSSION_TITLE_MAX", String.valueOf(DiscussionLimits.TITLE_CEILING));
    settings.put("COP_DISCUSSION_BODY_MAX", String.valueOf(DiscussionLimits.BODY_CEILING));
    if (database.equals("postgresql")) {
      DatabaseSettings pg = PostgresServer.shared().newDatabase();
      settings.put("COP_DB_URL", pg.url());
      settings.put("COP_DB_USER", pg.user());
      settings.put("COP_DB_PASSWORD", pg.password());
    }
    List<String> failures = new ArrayList<>();
    int sent = 0;
    try (DemoHub started = DemoHub.start(dataDir, settings)) {
      hub = started;
      filipe = hub.enter("d07", NETWORK);
      fixtures();
      for (Map.Entry<Class<?>, Target> entry : TARGETS.entrySet()) {
        for (RequestRecords.Field field : RequestRecords.fields(entry.getKey())) {
          for (Trial trial : trials(field)) {
            sent++;
            String problem = send(entry.getValue(), trial);
            if (problem != null) {
              failures.add(entry.getKey().getSimpleName() + " " + problem);
            }
          }
        }
      }
    }
    assertTrue(sent > 150, "requests sent: " + sent);
    assertEquals(List.of(), failures, database);
  }

  /** A value for one field, and whether it lies within the field's bound. */
  private record Trial(
      RequestRecords.Field field, String what, JsonElement value, boolean within) {}

  private static List<Trial> trials(RequestRecords.Field field) {
    List<Trial> trials = new ArrayList<>();
    Length length = field.length();
    if (length != null && !field.isList()) {
      trials.add(new Trial(field, "max", text(length.max(), 0), true));
      trials.add(new Trial(field, "max+1", text(length.max() + 1, 0), false));
      if (length.min() > 0) {
        trials.add(new Trial(field, "min", text(length.min(), 0), true));
        trials.add(new Trial(field, "min-1", text(length.min() - 1, 0), false));
      }
    }
    if (length != null && field.isList()) {
      trials.add(new Trial(field, "entry max", list(1, length.max()), true));
      trials.add(new Trial(field, "entry max+1", list(1, length.max() + 1), false));
      if (length.entries() != Integer.MAX_VALUE) {
        trials.add(new Trial(field, "full", list(length.entries(), length.max()), true));
        trials.add(new Trial(field, "entries+1", list(length.entries() + 1, length.max()), false));
      }
    }
    if (field.range() != null) {
      long min = field.range().min();
      long max = field.range().max();
      for (long v : new long[] {min, max}) {
        trials.add(new Trial(field, "=" + v, number(field, v), true));
      }
      for (long v : new long[] {min - 1, max + 1}) {
        trials.add(new Trial(field, "=" + v, number(field, v), false));
      }
    }
    return trials;
  }

  private static JsonElement number(RequestRecords.Field field, long value) {
    if (!field.isList()) {
      return new JsonPrimitive(value);
    }
    JsonArray list = new JsonArray();
    list.add(value);
    return list;
  }

  /** A text of {@code length} characters, two bytes each in UTF-8, told apart by {@code n}. */
  private static JsonPrimitive text(int length, int n) {
    String mark = Integer.toString(n, 36);
    String body = "ç".repeat(Math.max(0, length - mark.length()));
    return new JsonPrimitive(length >= mark.length() ? mark + body : body);
  }

  private static JsonArray list(int entries, int length) {
    JsonArray list = new JsonArray();
    for (int i = 0; i < entries; i++) {
      list.add(text(length, i));
    }
    return list;
  }

  /** What is wrong with the answer to the trial, or null when it is right. */
  private String send(Target target, Trial trial) throws Exception {
    JsonObject body = JsonParser.parseString(resolve(target.body())).getAsJsonObject();
    set(body, trial.field().path(), trial.value());
    Answer answer = hub.call(filipe, target.method(), resolve(target.path()), body.toString());
    String where = trial.field().path() + " " + trial.what() + ": " + answer.status();
    if (answer.status() >= 500) {
      return where + " " + answer.json();
    }
    String refused = refusedField(answer);
    String field = trial.field().path().replaceAll("\\[0]$", "");
    boolean namesField = refused != null && refused.startsWith(field);
    if (!trial.within() && !namesField) {
      return where + " was not refused naming " + field + ": " + answer.json();
    }
    if (trial.within() && namesField && isBoundRefusal(answer, trial.field())) {
      return where + " within its bound, refused for it: " + answer.json();
    }
    return null;
  }

  private static String refusedField(Answer answer) {
    if (answer.status() != 422 || answer.json() == null || !answer.json().isJsonObject()) {
      return null;
    }
    JsonObject details = answer.object().getAsJsonObject("details");
    return details == null || !details.has("field") ? null : details.get("field").getAsString();
  }

  private static boolean isBoundRefusal(Answer answer, RequestRecords.Field field) {
    String reason = answer.object().get("reason").getAsString();
    return reason.equals("text_length")
        || reason.equals("list_length")
        || reason.equals("number_range")
        || (field.length() != null && reason.equals(field.length().reason()));
  }

  /** Sets the value at a dotted path ({@code quote.text}, {@code files[0].title}). */
  private static void set(JsonObject body, String path, JsonElement value) {
    String[] steps = path.split("\\.");
    JsonObject at = body;
    for (int i = 0; i < steps.length - 1; i++) {
      String step = steps[i];
      if (step.endsWith("[0]")) {
        at = at.getAsJsonArray(step.substring(0, step.length() - 3)).get(0).getAsJsonObject();
      } else {
        if (!at.has(step)) {
          at.add(step, new JsonObject());
        }
        at = at.getAsJsonObject(step);
      }
    }
    at.add(steps[steps.length - 1], value);
  }

  private String resolve(String text) {
    String resolved =
        text.replace("{now}", Instant.now().minusSeconds(60).toString())
            .replace("{later}", Instant.now().plusSeconds(30 * 86400).toString());
    for (Map.Entry<String, String> id : ids.entrySet()) {
      resolved = resolved.replace("{" + id.getKey() + "}", id.getValue());
    }
    return resolved;
  }

  /** A community with a thread, a resource, a survey round, a prompt and an answer to one. */
  private void fixtures() throws Exception {
    ids.put("community", made("POST", "/api/v1/communities", "{'name':'Limites','domain':'X'}"));
    ids.put("other", made("POST", "/api/v1/communities", "{'name':'Outra','domain':'X'}"));
    ids.put(
        "thread",
        made("POST", "/api/v1/threads", "{'communityId':'{community}','title':'T','body':'B'}"));
    ids.put(
        "post",
        hub.call(filipe, "GET", resolve("/api/v1/threads/{thread}"), null)
            .object()
            .getAsJsonArray("posts")
            .get(0)
            .getAsJsonObject()
            .get("id")
            .getAsString());
    ids.put(
        "resource",
        made(
            "POST",
            "/api/v1/resources",
            "{'communityId':'{community}','url':'https://example.org/a','title':'T'}"));
    ids.put(
        "survey",
        made(
            "POST",
            "/api/v1/surveys",
            "{'communityId':'{community}','template':'custom','items':['a']}"));
    Answer round =
        call("POST", "/api/v1/surveys/{survey}/rounds", "{'opensAt':'{now}','closesAt':'{later}'}");
    assertEquals(201, round.status(), String.valueOf(round.json()));
    ids.put(
        "round",
        round.object().getAsJsonArray("rounds").get(0).getAsJsonObject().get("id").getAsString());
    ids.put(
        "prompt",
        made(
            "POST",
            "/api/v1/prompts/written",
            "{'communityId':'{community}','language':'pt','characteristic':'collaboration',"
                + "'title':'T','text':'X'}"));
    Answer opened =
        call(
            "POST",
            "/api/v1/prompt-schedules",
            "{'communityId':'{community}','title':'T','body':'B','openNow':true}");
    assertEquals(201, opened.status(), String.valueOf(opened.json()));
    JsonArray rows =
        hub.call(
                filipe,
                "GET",
                resolve("/api/v1/prompt-schedules/dialogue?community={community}"),
                null)
            .json()
            .getAsJsonArray();
    ids.put("opening", rows.get(rows.size() - 1).getAsJsonObject().get("threadId").getAsString());
    ids.put(
        "reflection", made("POST", "/api/v1/reflections", "{'threadId':'{opening}','body':'B'}"));
    ids.put(
        "training",
        made(
            "POST",
            "/api/v1/training-actions",
            "{'title':'Limites','modality':'workshop','jointHours':1000}"));
    ids.put(
        "trainingSession",
        made(
            "POST",
            "/api/v1/training-actions/{training}/sessions",
            "{'startsAt':'{now}','minutes':60}"));
  }

  private Answer call(String method, String path, String body) throws Exception {
    return hub.call(filipe, method, resolve(path), resolve(body.replace('\'', '"')));
  }

  private String made(String method, String path, String body) throws Exception {
    Answer answer = call(method, path, body);
    assertEquals(201, answer.status(), path + " " + answer.json());
    return answer.object().get("id").getAsString();
  }
}
