package org.copconnector.connector.moodle;

import com.google.gson.reflect.TypeToken;
import java.util.List;
import java.util.Map;

/** Notifications to people: {@code core_message_send_instant_messages}, one message per call. */
public final class MessageApi {

  /** The outcome of one message: {@code msgid} -1 with an error message is a soft failure. */
  public record SentMessage(long msgid, String clientmsgid, String errormessage) {
    public boolean delivered() {
      return msgid > 0;
    }
  }

  private final MoodleClient client;

  public MessageApi(MoodleClient client) {
    this.client = client;
  }

  /**
   * Sends one message. One per call on purpose: with a bad recipient in a batch Moodle answers an
   * exception although the good messages were sent, which would make a retry send them twice.
   */
  public SentMessage send(long toUserId, String html, String clientMessageId) {
    List<SentMessage> answer =
        client.write(
            "core_message_send_instant_messages",
            MoodleParams.of()
                .put(
                    "messages",
                    List.of(
                        Map.of(
                            "touserid",
                            toUserId,
                            "text",
                            html,
                            "textformat",
                            1,
                            "clientmsgid",
                            clientMessageId))),
            new TypeToken<List<SentMessage>>() {}.getType());
    if (answer == null || answer.isEmpty()) {
      return new SentMessage(-1, clientMessageId, "Moodle returned no result for the message");
    }
    return answer.get(0);
  }
}
