package org.copconnector.plugin.web;

import java.util.List;
import java.util.Locale;

/**
 * Every specific reason the API refuses a request for, sent as {@code reason} in the error shape so
 * that the pages can translate it ({@code error.<reason>} in the web bundles). Each reason has one
 * HTTP status, the coarse {@code error} code clients already know, and the names of the {@code
 * details} parameters its translation may quote.
 */
public enum Reason {
  // The request itself cannot be read.
  BAD_REQUEST(400),
  CONTENT_LENGTH_INVALID(400),
  HEADER_INVALID(400, "header"),
  MALFORMED_JSON("malformed_json", 400),
  MISSING_BODY("missing_body", 400),
  PAYLOAD_TOO_LARGE(413, "limitBytes", "limitKiB"),
  REQUEST_TOO_LARGE(413),
  METHOD_NOT_ALLOWED("method_not_allowed", 405),
  NOT_ACCEPTABLE("not_acceptable", 406),
  UNSUPPORTED_MEDIA_TYPE("unsupported_media_type", 415),
  NOT_FOUND(404),
  ASSET_NOT_FOUND(404),
  METRICS_OFF(404),
  REQUEST_REFUSED(400),
  PAGE_READS_REQUIRED(422),
  TOO_MANY_PAGE_READS(422, "max"),
  PAGE_READ_INVALID(422),

  // A JSON body whose fields do not fit what the API takes.
  UNKNOWN_FIELD(422),
  UNKNOWN_VALUE(422, "allowed"),
  EXPECTED_OBJECT(422),
  EXPECTED_NUMBER(422),
  EXPECTED_INTEGER(422),
  NUMBER_RANGE(422, "min", "max"),
  EXPECTED_BOOLEAN(422),
  EXPECTED_STRING(422),
  CONTROL_CHARACTER(422, "position"),
  TEXT_LENGTH(422, "min", "max"),
  LIST_LENGTH(422, "maxEntries"),
  WRONG_TYPE(422),
  DATE_INVALID(422),
  DATE_TIME_INVALID(422),
  DATE_RANGE(422, "min", "max"),
  INVALID_BODY("invalid_body", 422),

  // Signing in.
  NOT_SIGNED_IN(401),
  SESSION_EXPIRED(401),
  METRICS_TOKEN_REQUIRED(401),
  BACKUP_PASS_REQUIRED(401),
  CROSS_SITE_REQUEST("cross_site_request", 403),

  // Faults on the server's side.
  INTERNAL_ERROR(500, "correlationId"),
  DATABASE_UNAVAILABLE(503, "correlationId"),
  LMS_UNAVAILABLE("lms_unavailable", 503),

  // Shared by several features.
  PAGE_RANGE(422, "min", "max"),
  COMMUNITY_REQUIRED(422),
  SEARCH_LENGTH(422, "max"),
  SEARCH_DATES_ORDER(422),
  TITLE_LENGTH(422, "min", "max"),
  TITLE_ONE_LINE(422),
  BODY_REQUIRED(422),
  BODY_LENGTH(422, "min", "max"),
  BODY_EMPTY(422),
  LANGUAGE_INVALID(422),
  TAG_LIST(422, "maxEntries", "maxLength"),
  LINK_INVALID(422, "max"),
  NOTE_LENGTH(422, "max"),
  ADMINS_ONLY(403),

  // Communities, their courses and members.
  NAME_LENGTH(422, "min", "max"),
  DOMAIN_LENGTH(422, "min", "max"),
  TOO_MANY_COURSES(422, "max"),
  COURSE_REQUIRED(422),
  PERSON_REQUIRED(422),
  ROLE_REQUIRED(422),
  FORUM_REQUIRED(422),
  NOT_IN_COMMUNITY_COURSES(422),
  NOT_A_COURSE_FORUM(422, "course"),
  FORUM_CLOSED_TO_TEACHERS(422, "forumType"),
  NOT_YOUR_COURSE(403, "course"),
  FACILITATORS_START_COMMUNITIES(403),
  FACILITATORS_ONLY(403),
  MEMBERS_ONLY_READ(403),
  MEMBERS_ONLY_POST(403),
  INVITATION_ONLY(403),
  OTHER_COURSE_SETTINGS(403),
  COURSE_FACILITATORS_ONLY(403),
  COMMUNITY_ARCHIVED(409),
  ALREADY_MEMBER(409),
  LAST_FACILITATOR(409),
  FORUM_TAKEN(409, "forumId"),
  COMMUNITY_NOT_FOUND(404),
  COMMUNITY_COURSE_NOT_FOUND(404),
  MEMBERSHIP_NOT_FOUND(404),
  JOIN_REQUEST_NOT_FOUND(404),
  MEMBER_NOT_FOUND(404),

  // The resource bank.
  RESOURCE_INCOMPLETE(422),
  SORT_INVALID(422, "allowed"),
  FILE_OR_LINK(422),
  DESCRIPTION_LENGTH(422, "max"),
  VISIBILITY_INVALID(422, "allowed"),
  RATING_RANGE(422, "min", "max"),
  COMMENT_LENGTH(422, "min", "max"),
  UPLOAD_NOT_FOUND(422),
  IMPORT_COURSE_REQUIRED(422),
  IMPORT_FILE_COUNT(422, "min", "max"),
  MEMBERS_ONLY_EXPORT(403),
  AUTHOR_ONLY_SHARE(403),
  AUTHOR_OR_FACILITATORS_EDIT(403),
  AUTHOR_OR_FACILITATORS_FORUM(403),
  NO_FORUM_CHOSEN(409),
  RESOURCE_NOT_FOUND(404),
  VERSION_NOT_FOUND(404),
  VERSION_IS_LINK(404),
  UPLOAD_INTERRUPTED("upload_interrupted", 400),
  FILE_TYPE_NOT_ALLOWED("unsupported_type", 415, "mediaType"),
  FILE_TOO_LARGE(413, "limitBytes", "maxMiB"),
  FILE_INFLATES(422),
  MOODLE_FILE_REFUSED(422),
  DOWNLOAD_INTERRUPTED("lms_unavailable", 503),

  // Discussions.
  THREAD_INCOMPLETE(422),
  TITLE_ONLY_FIRST_POST(422),
  FLAG_VALUE_REQUIRED(422),
  HELPED_IS_FOR_REPLIES(422),
  HELPED_OWN_POST(422),
  DELIVERY_INVALID(422, "allowed"),
  QUOTE_POST_REQUIRED(422),
  QUOTE_LENGTH(422, "max"),
  QUOTE_NOT_IN_POST(422),
  POST_NOT_IN_THREAD(422),
  AUTHOR_ONLY_EDIT(403),
  POST_HIDDEN(403),
  MEMBERS_ONLY_NOTIFICATIONS(403),
  EDIT_WINDOW_PASSED(409, "minutes"),
  THREAD_NOT_FOUND(404),
  POST_NOT_FOUND(404),
  // Following a conversation.
  ACCEPT_AUTHOR_OR_FACILITATORS(403),
  ACCEPTED_IS_FOR_REPLIES(422),
  ACCEPTED_POST_HIDDEN(422),
  FOLLOW_INVALID(422, "allowed"),

  // Pictures and attachments of posts.
  TOO_MANY_PICTURES(422, "max"),
  TOO_MANY_ATTACHMENTS(422, "max"),
  ATTACHMENT_NOT_FOUND(422),
  PICTURE_UNREADABLE(422),
  PICTURE_TOO_MANY_PIXELS(422, "maxMegapixels"),
  PICTURE_TYPE_NOT_ALLOWED(415, "mediaType"),
  POST_FILE_NOT_FOUND(404),

  // Surveys.
  SURVEY_TEMPLATE_REQUIRED(422),
  SURVEY_ITEMS(422, "maxEntries", "maxLength"),
  SURVEY_EMPTY(422),
  ROUND_DATES_REQUIRED(422),
  ROUND_DATES_ORDER(422, "maxDays"),
  MIN_RESPONDENTS_RANGE(422, "min", "max"),
  ANSWER_COUNT(422, "count"),
  AGREEMENT_RANGE(422, "min", "max"),
  MEMBERS_ONLY_ANSWER(403),
  ROUND_NOT_OPEN(409),
  ROUND_ALREADY_OPEN(409, "closesAt"),
  ROUND_OVERLAPS(409, "opensAt", "closesAt"),
  ALREADY_ANSWERED(409),
  TOO_FEW_RESPONDENTS("too_few_respondents", 409, "min", "respondents"),
  SURVEY_NOT_FOUND(404),
  ROUND_NOT_FOUND(404),
  STATEMENT_NOT_FOUND(404),

  // Reflection prompts, their schedules and the answers to them.
  PROMPT_LENGTH(422, "min", "max"),
  CHARACTERISTIC_REQUIRED(422),
  SHARE_TARGETS_REQUIRED(422),
  TOO_MANY_SHARES(422, "max"),
  SHARE_TARGET_UNKNOWN(422),
  TIME_ZONE_INVALID(422),
  REPEAT_REQUIRED(422),
  LOCAL_TIME_INVALID(422),
  OPEN_DAYS_RANGE(422, "min", "max"),
  UNTIL_BEFORE_FIRST(422),
  PROMPT_REQUIRED(422),
  EVIDENCE_REQUIRED(422),
  EVIDENCE_RESOURCE_OR_LINK(422),
  EVIDENCE_NOT_VISIBLE(422),
  ANSWER_TOO_LONG(422, "max"),
  MEMBERS_ONLY_DIALOGUE(403),
  REFLECTION_ALREADY_SHARED(409),
  SHARED_REFLECTION_EDIT(409),
  SHARED_REFLECTION_DELETE(409),
  PROMPT_NOT_FOUND(404),
  PROMPT_THREAD_NOT_FOUND(404),
  SCHEDULE_NOT_FOUND(404),
  REFLECTION_NOT_FOUND(404),

  // Continuous-training actions.
  EVALUATION_POLICY(422),
  ATTENDANCE_RULE(422),
  MARK_REQUIRED(422),
  MARK_RANGE(422, "min", "max"),
  MARK_UNKNOWN(422),
  MODALITY_REQUIRED(422),
  HOURS_INVALID(422, "max"),
  JOINT_HOURS_REQUIRED(422),
  JOINT_HOURS_EXCEEDED(422, "jointHours", "scheduledHours"),
  TRAINING_DATES_ORDER(422),
  PERSON_NOT_IN_COURSE(422),
  SESSION_TIME_REQUIRED(422),
  ATTENDANCE_STATUS_REQUIRED(422),
  LATE_MINUTES_RANGE(422, "max"),
  CHECK_IN_CODE(422),
  CORRECTION_REASON_REQUIRED(422),
  FACILITATORS_START_TRAINING(403),
  TRAINERS_ONLY(403),
  TRAINING_PARTICIPANTS_ONLY(403),
  TRAINEES_ONLY_CHECK_IN(403),
  TRAINEES_ONLY_REFLECT(403),
  TRAINEES_ONLY_ANSWER(403),
  TRAINING_CLOSED(409),
  SESSION_CANCELLED(409),
  CHECK_IN_CLOSED(409),
  FINAL_REFLECTION_CLOSED(409),
  SATISFACTION_ALREADY_OPENED(409),
  CHECK_IN_LOCKED(429, "max"),
  TRAINING_NOT_FOUND(404),
  TRAINING_SESSION_NOT_FOUND(404),
  TRAINEE_NOT_FOUND(404),
  SATISFACTION_NOT_OPENED(404),

  // Administration.
  OUTBOX_STATUS_INVALID(422, "allowed"),
  OUTBOX_MESSAGE_NOT_FOUND(404),
  BACKUP_UNAVAILABLE(409),
  ROSTER_SYNC_NOT_FOUND(404),
  ROSTER_REFRESH_NOT_ALLOWED(403),

  // The demo.
  DEMO_PERSON_NOT_FOUND(404);

  private final int status;
  private final String code;
  private final List<String> parameters;

  Reason(int status, String... parameters) {
    this(codeOf(status), status, parameters);
  }

  Reason(String code, int status, String... parameters) {
    this.status = status;
    this.code = code;
    this.parameters = List.of(parameters);
  }

  /** The name sent as {@code reason}, e.g. {@code title_length}. */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  public int status() {
    return status;
  }

  /** The coarse code sent as {@code error}, e.g. {@code invalid_field}. */
  public String code() {
    return code;
  }

  /** The {@code details} entries every refusal for this reason carries, besides {@code field}. */
  public List<String> parameters() {
    return parameters;
  }

  private static String codeOf(int status) {
    return switch (status) {
      case 400 -> "bad_request";
      case 401 -> "unauthenticated";
      case 403 -> "forbidden";
      case 404 -> "not_found";
      case 409 -> "conflict";
      case 413 -> "payload_too_large";
      case 429 -> "too_many_requests";
      case 422 -> "invalid_field";
      case 500 -> "internal_error";
      case 503 -> "unavailable";
      default -> "http_" + status;
    };
  }
}
