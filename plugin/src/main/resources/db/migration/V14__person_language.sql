-- Each person's language: the one they chose in the connector, and their LMS's locale at their
-- latest launch, per LTI platform (0 when signed in without one, as in demo mode). Messages to a
-- person who is not signed in use the latest choice, else the latest launch's locale.
CREATE TABLE person_language (
  platform_id   BIGINT       NOT NULL,
  lms_user_id   VARCHAR(255) NOT NULL,
  chosen        VARCHAR(16),
  chosen_at     TIMESTAMP WITH TIME ZONE,
  launch_locale VARCHAR(35),
  launched_at   TIMESTAMP WITH TIME ZONE,
  PRIMARY KEY (platform_id, lms_user_id)
);
CREATE INDEX ix_person_language_user ON person_language (lms_user_id);
