package org.copconnector.connector.testing;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.io.IOException;
import java.util.List;
import org.copconnector.connector.testing.FuzzClient.Answer;

/**
 * SQL, HTML, script and template injection in every text field of what people write. These are
 * text, so they may be taken; taken, a plain text field must read back as exactly that text (data,
 * never run), and an HTML field without scripts, event handlers or javascript: links. The world's
 * other content must still read back.
 */
final class InjectionTexts {

  static final List<String> INJECTIONS =
      List.of(
          "'; DROP TABLE community; --",
          "\" OR \"1\"=\"1",
          "1); DELETE FROM post WHERE (1=1",
          "<script>alert(document.cookie)</script>",
          "<img src=x onerror=alert(1)>",
          "<img src=\"/api/v1/post-files/00000000-0000-4000-8000-000000000000\" onerror=alert(1)>",
          "<img src=\"javascript:alert(1)\"><img src=\"//evil.example/api/v1/post-files/x\">",
          "<a href=\"javascript:alert(1)\">x</a>",
          "<svg/onload=alert(1)>",
          "<a data-mention=\"d01\" href=\"javascript:alert(1)\" onmouseover=\"x()\">@R</a>",
          "{{7*7}}${7*7}<%= 7*7 %>",
          "${jndi:ldap://127.0.0.1:1/a}",
          "\u202Egnp.exe");

  /** A field people write, where it is sent and where what was written reads back. */
  private record Field(
      String session, String path, String body, String field, boolean html, String readBack) {}

  private final HostileFuzz fuzz;
  private final HostileWorld w;

  InjectionTexts(HostileFuzz fuzz) {
    this.fuzz = fuzz;
    this.w = fuzz.world;
  }

  void send() throws IOException {
    String a = w.communityA;
    List<Field> fields =
        List.of(
            new Field(
                w.facilitator,
                "/api/v1/communities",
                "{\"name\":\"Nova\",\"domain\":\"D\"}",
                "name",
                false,
                "/api/v1/communities/{id}"),
            new Field(
                w.facilitator,
                "/api/v1/communities",
                "{\"name\":\"Nova\",\"domain\":\"D\"}",
                "domain",
                false,
                "/api/v1/communities/{id}"),
            new Field(
                w.facilitator,
                "/api/v1/threads",
                thread(a),
                "title",
                false,
                "/api/v1/threads/{id}"),
            new Field(
                w.facilitator, "/api/v1/threads", thread(a), "body", true, "/api/v1/threads/{id}"),
            new Field(
                w.member,
                "/api/v1/threads/" + w.threadA + "/posts",
                "{\"body\":\"<p>r</p>\"}",
                "body",
                true,
                "/api/v1/threads/" + w.threadA),
            new Field(
                w.facilitator,
                "/api/v1/resources",
                resource(a),
                "title",
                false,
                "/api/v1/resources/{id}"),
            new Field(
                w.facilitator,
                "/api/v1/resources",
                resource(a),
                "description",
                true,
                "/api/v1/resources/{id}"),
            new Field(
                w.member,
                "/api/v1/resources/" + w.resourceA + "/comments",
                "{\"text\":\"c\"}",
                "text",
                false,
                "/api/v1/resources/" + w.resourceA),
            new Field(
                w.facilitator,
                "/api/v1/surveys",
                "{\"communityId\":\"" + a + "\",\"title\":\"S\",\"items\":[\"I\"]}",
                "title",
                false,
                "/api/v1/surveys/{id}"),
            new Field(
                w.facilitator,
                "/api/v1/prompts/written",
                prompt(a),
                "title",
                false,
                "/api/v1/prompts/written?community=" + a),
            new Field(
                w.facilitator,
                "/api/v1/prompts/written",
                prompt(a),
                "text",
                false,
                "/api/v1/prompts/written?community=" + a),
            new Field(
                w.member,
                "/api/v1/reflections",
                "{\"threadId\":\"" + w.promptThreadA + "\",\"body\":\"r\"}",
                "body",
                true,
                "/api/v1/me/reflections"));
    for (Field field : fields) {
      for (String injection : INJECTIONS) {
        JsonObject body = com.google.gson.JsonParser.parseString(field.body()).getAsJsonObject();
        body.add(field.field(), new JsonPrimitive(injection));
        String what = "POST " + field.path() + " " + field.field() + " = " + injection;
        Answer answer = fuzz.json(field.session(), "POST", field.path(), body.toString());
        if (answer.status() >= 400) {
          fuzz.refused(what, answer);
          continue;
        }
        String id =
            answer.json().isJsonObject() && answer.json().getAsJsonObject().has("id")
                ? answer.json().getAsJsonObject().get("id").getAsString()
                : "";
        Answer read = fuzz.json(field.session(), "GET", field.readBack().replace("{id}", id), null);
        String text = read.body();
        if (read.status() != 200) {
          fuzz.problem(what + ": not read back", read);
        } else if (field.html()) {
          String lower = text.toLowerCase(java.util.Locale.ROOT);
          if (lower.contains("<script")
              || lower.contains("onerror")
              || lower.contains("onload")
              || lower.contains("javascript:")) {
            fuzz.problem(what + ": read back with active HTML", read);
          }
        } else if (!holds(read.json(), injection.strip())) {
          fuzz.problem(what + ": not read back as the text written", read);
        }
      }
    }
    String world = w.readBack();
    if (world.lines().anyMatch(line -> !line.matches("\\S+ 200 .*"))) {
      fuzz.problem("after injection texts the world does not read back", world);
    }
  }

  /** Whether some string in {@code json} is exactly {@code value}. */
  private static boolean holds(JsonElement json, String value) {
    if (json.isJsonObject()) {
      return json.getAsJsonObject().entrySet().stream().anyMatch(e -> holds(e.getValue(), value));
    }
    if (json.isJsonArray()) {
      return json.getAsJsonArray().asList().stream().anyMatch(e -> holds(e, value));
    }
    return json.isJsonPrimitive() && json.getAsString().equals(value);
  }

  private static String thread(String community) {
    return "{\"communityId\":\"" + community + "\",\"title\":\"T\",\"body\":\"<p>B</p>\"}";
  }

  private static String resource(String community) {
    return "{\"communityId\":\""
        + community
        + "\",\"url\":\"https://example.org/i\",\"title\":\"T\"}";
  }

  private static String prompt(String community) {
    return "{\"communityId\":\""
        + community
        + "\",\"language\":\"pt\",\"characteristic\":\"deprivatised_practice\","
        + "\"moment\":\"lesson_study_analyse\",\"title\":\"T\",\"text\":\"Q?\"}";
  }
}
