package org.copconnector.plugin.discussion;

import com.google.gson.annotations.SerializedName;

/** How a member hears about new posts of a community. */
public enum NotificationChoice {
  @SerializedName("every_post")
  EVERY_POST,
  @SerializedName("daily_digest")
  DAILY_DIGEST,
  @SerializedName("none")
  NONE;

  /** Voluntary participation: one quiet message a day unless the member asks for more or none. */
  public static final NotificationChoice DEFAULT = DAILY_DIGEST;
}
