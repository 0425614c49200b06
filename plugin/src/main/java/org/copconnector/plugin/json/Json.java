package org.copconnector.plugin.json;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;

/**
 * The Gson configurations used across the product: strict for what clients send, lenient for what
 * we read from elsewhere.
 */
public final class Json {

  private static final com.google.gson.TypeAdapter<java.time.Instant> INSTANTS =
      new IsoTextAdapter<>(
              java.time.Instant::parse,
              "an ISO-8601 instant",
              JsonFieldException.Kind.NOT_AN_INSTANT)
          .nullSafe();
  private static final com.google.gson.TypeAdapter<java.time.LocalDate> DATES =
      new IsoTextAdapter<>(
              java.time.LocalDate::parse,
              "an ISO-8601 date (YYYY-MM-DD)",
              JsonFieldException.Kind.NOT_A_DATE)
          .nullSafe();

  private static final com.google.gson.TypeAdapter<java.time.Instant> WINDOWED_INSTANTS =
      new IsoTextAdapter<>(
              java.time.Instant::parse,
              "an ISO-8601 instant",
              JsonFieldException.Kind.NOT_AN_INSTANT)
          .within(DateWindow::contains)
          .nullSafe();
  private static final com.google.gson.TypeAdapter<java.time.LocalDate> WINDOWED_DATES =
      new IsoTextAdapter<>(
              java.time.LocalDate::parse,
              "an ISO-8601 date (YYYY-MM-DD)",
              JsonFieldException.Kind.NOT_A_DATE)
          .within(DateWindow::contains)
          .nullSafe();

  private Json() {}

  /**
   * For request bodies: unknown fields and unknown enum constants are errors rather than being
   * silently dropped, so a typo never stores something half-way; text must be a string of text,
   * whole numbers must be whole and fit, {@link Length}s and {@link Range}s hold and dates lie in
   * the {@link DateWindow}.
   */
  public static Gson strict() {
    return new GsonBuilder()
        .registerTypeAdapter(java.time.Instant.class, WINDOWED_INSTANTS)
        .registerTypeAdapter(java.time.LocalDate.class, WINDOWED_DATES)
        .registerTypeAdapter(String.class, new StrictStringAdapter())
        .registerTypeAdapterFactory(new StrictEnumAdapterFactory())
        .registerTypeAdapterFactory(new StrictScalarAdapterFactory())
        .registerTypeAdapterFactory(new StrictRecordAdapterFactory())
        // Without it Gson reads unquoted words, single quotes and comments as if they were JSON.
        .setStrictness(com.google.gson.Strictness.STRICT)
        .disableHtmlEscaping()
        .create();
  }

  /** For answers from other systems (Moodle), whose payloads carry far more than we model. */
  public static Gson lenient() {
    return new GsonBuilder()
        .registerTypeAdapter(java.time.Instant.class, INSTANTS)
        .registerTypeAdapter(java.time.LocalDate.class, DATES)
        .disableHtmlEscaping()
        .create();
  }
}
