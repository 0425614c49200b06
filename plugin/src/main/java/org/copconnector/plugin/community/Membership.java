package org.copconnector.plugin.community;

import com.google.gson.annotations.SerializedName;
import java.time.Instant;

/** One person's relation to a community. */
public record Membership(
    String communityId, String lmsUserId, Role role, Status status, Instant since) {

  /** What the person does in the community. */
  public enum Role {
    @SerializedName("facilitator")
    FACILITATOR,
    @SerializedName("member")
    MEMBER
  }

  /** Where the person stands. */
  public enum Status {
    @SerializedName("active")
    ACTIVE,
    @SerializedName("requested")
    REQUESTED,
    @SerializedName("invited")
    INVITED
  }

  public boolean activeFacilitator() {
    return status == Status.ACTIVE && role == Role.FACILITATOR;
  }

  public boolean active() {
    return status == Status.ACTIVE;
  }
}
