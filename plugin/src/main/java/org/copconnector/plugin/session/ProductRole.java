package org.copconnector.plugin.session;

import com.google.gson.annotations.SerializedName;

/** What a person may do in the product, derived from their LMS roles at launch. */
public enum ProductRole {
  /** Institution administrators: configuration, the outbox, everything. */
  @SerializedName("admin")
  ADMIN,
  /** Teachers who run communities and training actions (LMS instructors, trainers). */
  @SerializedName("facilitator")
  FACILITATOR,
  /** Everyone else: teachers taking part. */
  @SerializedName("member")
  MEMBER;

  public String wireName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  public static ProductRole fromWireName(String name) {
    return valueOf(name.toUpperCase(java.util.Locale.ROOT));
  }
}
