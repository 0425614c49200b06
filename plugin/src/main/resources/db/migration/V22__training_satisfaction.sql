-- The satisfaction questionnaire of a training action: a survey of the action's community with one
-- round, answered by the action's trainees only (the training feature checks who).
CREATE TABLE training_satisfaction (
  action_id VARCHAR(36) NOT NULL PRIMARY KEY REFERENCES training_action (id),
  survey_id VARCHAR(36) NOT NULL REFERENCES survey (id),
  round_id  VARCHAR(36) NOT NULL REFERENCES survey_round (id)
);

-- Open comments of a round, as anonymous as its answers: a random key, no person, no time.
CREATE TABLE survey_comment (
  id       VARCHAR(36)   NOT NULL PRIMARY KEY,
  round_id VARCHAR(36)   NOT NULL REFERENCES survey_round (id),
  body     VARCHAR(2000) NOT NULL
);
CREATE INDEX ix_comment_round ON survey_comment (round_id);

-- A correction's parts, so that pages can show it in the reader's language: whose record, which
-- session (attendance), the state before and after as JSON, and why.
ALTER TABLE training_correction ADD COLUMN kind VARCHAR(20);
ALTER TABLE training_correction ADD COLUMN lms_user_id VARCHAR(255);
ALTER TABLE training_correction ADD COLUMN session_id VARCHAR(36);
ALTER TABLE training_correction ADD COLUMN before_state VARCHAR(2000);
ALTER TABLE training_correction ADD COLUMN after_state VARCHAR(2000);
ALTER TABLE training_correction ADD COLUMN reason VARCHAR(1000);
