package org.copconnector.connector.moodle.fake;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.List;
import java.util.Map;
import org.copconnector.connector.moodle.fake.FakeMoodleState.Message;

/** Instant messages. */
final class MessagingFunctions {

  private final FakeMoodleState state;

  MessagingFunctions(FakeMoodleState state) {
    this.state = state;
  }

  void register(Map<String, FakeFunction> functions) {
    functions.put("core_message_send_instant_messages", this::sendMessages);
  }

  private JsonElement sendMessages(FormParams p) {
    p.allowOnly("messages\\[\\d+\\]\\[(touserid|text|textformat|clientmsgid)\\]");
    List<Map<String, String>> messages = p.structs("messages");
    if (!state.can("moodle/site:sendmessage")) {
      throw FakeMoodleError.noPermission("Send messages to any user");
    }
    JsonArray answer = new JsonArray();
    boolean anyFailed = false;
    for (Map<String, String> m : messages) {
      long to = FormParams.parseLong(m.get("touserid"));
      String clientMsgId = m.get("clientmsgid");
      JsonObject result;
      if (!state.users.containsKey(to)) {
        anyFailed = true;
        result = Samples.firstOf("core_message_send_instant_messages_unknown_user");
        result.addProperty(
            "errormessage",
            "You cannot send a message to a user ID (" + to + ") that doesn't exist.");
      } else if (!mayContact(to)) {
        result = new JsonObject();
        result.addProperty("msgid", -1);
        result.addProperty(
            "errormessage",
            "You can't message this user due to their message preferences. Try adding them as a"
                + " contact.");
        result.addProperty("candeletemessagesforallusers", false);
      } else {
        int format = (int) FormParams.parseLong(m.getOrDefault("textformat", "1"));
        // Moodle checks the format only after the recipient check, just before storing.
        if (!List.of(0, 1, 2, 4).contains(format)) {
          throw FakeMoodleError.of(
              "core\\exception\\moodle_exception",
              "formatnotsupported",
              "webservice/formatnotsupported");
        }
        Message message = new Message(state.nextId(), to, m.get("text"), format, clientMsgId);
        state.messages.add(message);
        result = Samples.firstOf("core_message_send_instant_messages");
        result.addProperty("msgid", message.id());
        result.addProperty("text", message.text());
        result.addProperty("useridfrom", state.serviceUserId);
      }
      if (clientMsgId == null) {
        result.remove("clientmsgid");
      } else {
        result.addProperty("clientmsgid", clientMsgId);
      }
      answer.add(result);
    }
    // The captured bug: with a bad recipient among several, the good ones are sent but the answer
    // is an exception.
    if (anyFailed && messages.size() > 1) {
      throw FakeMoodleError.sample("core_message_send_instant_messages_mixed_BUG");
    }
    return answer;
  }

  /**
   * Moodle's rule for a recipient with the default preference ("my contacts and anyone in my
   * courses"): oneself, anyone with moodle/site:messageanyuser, or someone sharing a course.
   */
  private boolean mayContact(long to) {
    if (to == state.serviceUserId || state.can("moodle/site:messageanyuser")) {
      return true;
    }
    return state.enrolments.values().stream()
        .anyMatch(c -> c.containsKey(to) && c.containsKey(state.serviceUserId));
  }
}
