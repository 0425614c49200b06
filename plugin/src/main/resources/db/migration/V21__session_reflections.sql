-- The reflection prompt a training session opens in its action's community once it has ended: one
-- row per session (its key makes a second opening impossible, across instances and restarts), with
-- the prompt's thread, where trainees' answers are found for their portfolio.
CREATE TABLE training_session_prompt (
  session_id VARCHAR(36) NOT NULL PRIMARY KEY REFERENCES training_session (id),
  thread_id  VARCHAR(36) NOT NULL REFERENCES thread (id),
  opened_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ix_training_session_prompt_thread ON training_session_prompt (thread_id);
-- The background work finds sessions that have just ended by their start.
CREATE INDEX ix_training_session_start ON training_session (starts_at);
-- A person's answers in one prompt's thread, for the portfolios and the trainers' dashboard.
CREATE INDEX ix_reflection_thread_author ON reflection (thread_id, author_id);
