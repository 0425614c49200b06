package org.copconnector.connector.moodle;

/** One entry of a Moodle {@code warnings[]} list: the call succeeded, but not entirely. */
public record MoodleWarning(String item, Long itemid, String warningcode, String message) {}
