package org.copconnector.plugin.discussion;

import com.google.gson.annotations.SerializedName;

/**
 * How a member hears about one thread, over their community's notification choice: following it
 * brings each reply at once, muting it silences it entirely (even with "every post"), normal leaves
 * the community's choice in charge. Writing in a thread from the hub follows it until the member
 * chooses otherwise.
 */
public enum ThreadFollow {
  @SerializedName("following")
  FOLLOWING,
  @SerializedName("normal")
  NORMAL,
  @SerializedName("muted")
  MUTED
}
