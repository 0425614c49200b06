package org.copconnector.plugin.community;

import com.google.gson.Gson;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import javax.sql.DataSource;
import org.copconnector.plugin.i18n.Locales;
import org.copconnector.plugin.i18n.Translations;
import org.copconnector.plugin.json.Json;
import org.copconnector.plugin.lms.Lms;
import org.copconnector.plugin.outbox.DeliveryFailure;
import org.copconnector.plugin.outbox.LmsMappings;
import org.copconnector.plugin.outbox.OutboxHandler;
import org.copconnector.plugin.people.PersonLanguages;
import org.copconnector.plugin.store.Sql;
import org.copconnector.plugin.store.Transaction;

/**
 * Mirrors a community anchor's membership into its course group: the group is found or created on
 * first need (by an idnumber derived from the anchor, so a lost answer never leads to a second
 * group) and its id kept; members are added or removed.
 */
public final class GroupMirror {

  /** Kind of the message that adds people to an anchor's group. */
  public static final String ADD = "group.add-members";

  /** Kind of the message that removes people from an anchor's group. */
  public static final String REMOVE = "group.remove-members";

  /** Mapping of an anchor id to its LMS group id. */
  public static final String MAPPING = "anchor-group";

  /** The payload: which anchor (community in one course), its group's name, whom. */
  public record Change(String anchorId, String courseId, String groupName, List<String> userIds) {}

  private static final Gson GSON = Json.lenient();

  private final Lms lms;
  private final LmsMappings mappings;
  private final Function<String, String> languageOfAnchor;

  /** A mirror that describes the groups it makes in English. */
  public GroupMirror(Lms lms, LmsMappings mappings) {
    this(lms, mappings, anchorId -> Locales.DEFAULT);
  }

  /**
   * A mirror that describes each group it makes in the language {@code languageOfAnchor} gives for
   * the group's anchor (see {@link #creatorsLanguage}).
   */
  public GroupMirror(Lms lms, LmsMappings mappings, Function<String, String> languageOfAnchor) {
    this.lms = lms;
    this.mappings = mappings;
    this.languageOfAnchor = languageOfAnchor;
  }

  /**
   * The language of the person who started the anchor's community. A group's description is written
   * once, when the group is made, and Moodle shows it as it is to the course's teachers: of them,
   * the community's creator is the one who surely reads it, and the community's name beside it is
   * in their words too. (The connector does not know Moodle's site language without another
   * web-service function, and per-reader texts are not possible in one stored description.)
   */
  public static Function<String, String> creatorsLanguage(
      DataSource dataSource, PersonLanguages languages) {
    return anchorId ->
        Transaction.run(
            dataSource,
            "group description language",
            c -> {
              Optional<String> creator =
                  Sql.first(
                      c,
                      "SELECT c.created_by FROM community c JOIN community_anchor a"
                          + " ON a.community_id = c.id WHERE a.id = ?",
                      anchorId);
              return creator.isPresent() ? languages.of(c, creator.get()) : Locales.DEFAULT;
            });
  }

  public static String payload(Change change) {
    return GSON.toJson(change);
  }

  /** The idnumber the anchor's group carries in the LMS. */
  public static String groupIdnumber(String anchorId) {
    return "cop-anchor-" + anchorId;
  }

  public OutboxHandler adding() {
    return handler(ADD, true);
  }

  public OutboxHandler removing() {
    return handler(REMOVE, false);
  }

  private OutboxHandler handler(String kind, boolean add) {
    return OutboxHandler.of(
        kind,
        message -> {
          Change change = GSON.fromJson(message.payload(), Change.class);
          DeliveryFailure.translating(
              () -> {
                String groupId = groupFor(change.anchorId(), change.courseId(), change.groupName());
                if (add) {
                  lms.addGroupMembers(groupId, change.userIds());
                } else {
                  lms.removeGroupMembers(groupId, change.userIds());
                }
              });
        });
  }

  /** The LMS group of an anchor, found or created on first need; may throw the LMS's exceptions. */
  public String groupFor(String anchorId, String courseId, String groupName) {
    return mappings
        .find(MAPPING, anchorId)
        .orElseGet(
            () -> {
              String description =
                  Translations.in(languageOfAnchor.apply(anchorId))
                      .text("moodle.group.description");
              String groupId =
                  lms.ensureGroup(courseId, groupName, groupIdnumber(anchorId), description);
              mappings.put(MAPPING, anchorId, groupId);
              return groupId;
            });
  }
}
