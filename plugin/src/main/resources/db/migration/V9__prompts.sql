-- Reflective-dialogue prompts scheduled for communities, and each time one opened (once per
-- occurrence: the key makes a second opening of the same day impossible).
CREATE TABLE prompt_schedule (
  id              VARCHAR(36)   NOT NULL PRIMARY KEY,
  community_id    VARCHAR(36)   NOT NULL REFERENCES community (id),
  title           VARCHAR(300)  NOT NULL,
  body            VARCHAR(5000) NOT NULL,
  repeat_every    VARCHAR(20)   NOT NULL,
  first_date      DATE          NOT NULL,
  local_time      VARCHAR(5)    NOT NULL,
  time_zone       VARCHAR(60)   NOT NULL,
  open_days       INTEGER,
  until_date      DATE,
  created_by      VARCHAR(255)  NOT NULL,
  next_opening_at TIMESTAMP WITH TIME ZONE,
  created_at      TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ix_schedule_next ON prompt_schedule (next_opening_at);

CREATE TABLE prompt_opening (
  schedule_id     VARCHAR(36)  NOT NULL REFERENCES prompt_schedule (id),
  occurrence_date DATE         NOT NULL,
  thread_id       VARCHAR(36)  NOT NULL,
  opened_at       TIMESTAMP WITH TIME ZONE NOT NULL,
  closes_at       TIMESTAMP WITH TIME ZONE,
  PRIMARY KEY (schedule_id, occurrence_date)
);
