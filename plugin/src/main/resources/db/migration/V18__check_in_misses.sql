-- Wrong check-in codes per trainee and session: after a few, self check-in stops for that
-- trainee until the trainer shows a new code (guessing a code must not mark anyone present).
CREATE TABLE training_check_in_miss (
  session_id  VARCHAR(36)  NOT NULL REFERENCES training_session (id),
  lms_user_id VARCHAR(255) NOT NULL,
  misses      INTEGER      NOT NULL,
  PRIMARY KEY (session_id, lms_user_id)
);
