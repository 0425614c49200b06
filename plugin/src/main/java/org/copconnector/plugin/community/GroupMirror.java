package org.copconnector.plugin.community;

import com.google.gson.Gson;
import java.util.List;
import org.copconnector.plugin.json.Json;
import org.copconnector.plugin.lms.Lms;
import org.copconnector.plugin.outbox.DeliveryFailure;
import org.copconnector.plugin.outbox.LmsMappings;
import org.copconnector.plugin.outbox.OutboxHandler;

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

  public GroupMirror(Lms lms, LmsMappings mappings) {
    this.lms = lms;
    this.mappings = mappings;
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
              String groupId = lms.ensureGroup(courseId, groupName, groupIdnumber(anchorId));
              mappings.put(MAPPING, anchorId, groupId);
              return groupId;
            });
  }
}
