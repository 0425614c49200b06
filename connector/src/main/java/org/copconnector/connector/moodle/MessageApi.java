package org.copconnector.connector.moodle;

import com.google.gson.reflect.TypeToken;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Messages to people: {@code core_message_send_instant_messages}, one message per call. Moodle
 * stores them as private messages from the service user (its own conversation with each person),
 * not as notifications: no web-service function of Moodle sends a notification.
 */
public final class MessageApi {

  /** Moodle's FORMAT_PLAIN: the preview and the conversation show the text as written. */
  static final int PLAIN_TEXT = 2;

  /** A text format Moodle does not know (its formats are 0, 1, 2 and 4). */
  private static final int UNSUPPORTED_FORMAT = 7;

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
   * Sends one plain-text message (line breaks are kept; HTML would show as raw tags in Moodle's
   * message preview, which stores the text as sent). One per call on purpose: with a bad recipient
   * in a batch Moodle answers an exception although the good messages were sent, which would make a
   * retry send them twice.
   */
  public SentMessage send(long toUserId, String text, String clientMessageId) {
    return sendOne(toUserId, text, PLAIN_TEXT, clientMessageId);
  }

  /**
   * Whether Moodle lets the service user message {@code toUserId}, asked without sending anything:
   * empty when it may, else Moodle's reason. The probe carries a text format Moodle does not know,
   * which Moodle refuses only after the recipient check has passed and before storing the message
   * (message/externallib.php, Moodle 4.5), so an allowed probe is answered {@code
   * formatnotsupported} and a refused one {@code msgid} -1.
   *
   * @throws MoodleException for refusals of the call itself (no {@code moodle/site:sendmessage},
   *     messaging disabled on the site)
   */
  public Optional<String> refusalToMessage(long toUserId) {
    SentMessage answer;
    try {
      answer =
          sendOne(
              toUserId,
              "CoP Connector doctor: a check that is never delivered",
              UNSUPPORTED_FORMAT,
              null);
    } catch (MoodleException e) {
      if (e.is("formatnotsupported")) {
        return Optional.empty();
      }
      throw e;
    }
    return answer.delivered() ? Optional.empty() : Optional.of(answer.errormessage());
  }

  private SentMessage sendOne(long toUserId, String text, int format, String clientMessageId) {
    Map<String, Object> message = new java.util.LinkedHashMap<>();
    message.put("touserid", toUserId);
    message.put("text", text);
    message.put("textformat", format);
    if (clientMessageId != null) {
      message.put("clientmsgid", clientMessageId);
    }
    List<SentMessage> answer =
        client.write(
            "core_message_send_instant_messages",
            MoodleParams.of().put("messages", List.of(message)),
            new TypeToken<List<SentMessage>>() {}.getType());
    if (answer == null || answer.isEmpty()) {
      return new SentMessage(-1, clientMessageId, "Moodle returned no result for the message");
    }
    return answer.get(0);
  }
}
