package org.copconnector.plugin.training;

import com.google.gson.annotations.SerializedName;

/** The kinds of accredited continuous training an action may be. */
public enum Modality {
  @SerializedName("course")
  COURSE,
  @SerializedName("workshop")
  WORKSHOP,
  @SerializedName("study_circle")
  STUDY_CIRCLE,
  @SerializedName("short_action")
  SHORT_ACTION
}
