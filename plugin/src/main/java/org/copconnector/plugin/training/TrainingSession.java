package org.copconnector.plugin.training;

import com.google.gson.annotations.SerializedName;
import java.time.Instant;

/** A joint session of a training action, in person with a place or online with a link. */
public record TrainingSession(
    String id,
    String actionId,
    Instant startsAt,
    int minutes,
    Mode mode,
    String place,
    String link,
    Status status) {

  /** Where the session happens. */
  public enum Mode {
    @SerializedName("in_person")
    IN_PERSON,
    @SerializedName("online")
    ONLINE
  }

  /** A cancelled session counts neither toward the joint hours nor toward attendance. */
  public enum Status {
    @SerializedName("scheduled")
    SCHEDULED,
    @SerializedName("cancelled")
    CANCELLED
  }

  public boolean scheduled() {
    return status == Status.SCHEDULED;
  }

  public Instant endsAt() {
    return startsAt.plusSeconds(60L * minutes);
  }

  /** Whether the session has begun at {@code now}: its minutes are held. */
  public boolean startedBy(Instant now) {
    return !now.isBefore(startsAt);
  }
}
