-- Self-assessment surveys of communities, run in rounds. Answers are anonymous: who took part is
-- kept apart from what was answered, and answers carry no person, no time and no order.
CREATE TABLE survey (
  id           VARCHAR(36)  NOT NULL PRIMARY KEY,
  community_id VARCHAR(36)  NOT NULL REFERENCES community (id),
  template     VARCHAR(20)  NOT NULL,
  title        VARCHAR(300) NOT NULL,
  created_by   VARCHAR(255) NOT NULL,
  created_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ix_survey_community ON survey (community_id);

CREATE TABLE survey_item (
  survey_id VARCHAR(36)  NOT NULL REFERENCES survey (id),
  position  INTEGER      NOT NULL,
  text      VARCHAR(500) NOT NULL,
  PRIMARY KEY (survey_id, position)
);

CREATE TABLE survey_round (
  id              VARCHAR(36)  NOT NULL PRIMARY KEY,
  survey_id       VARCHAR(36)  NOT NULL REFERENCES survey (id),
  opens_at        TIMESTAMP WITH TIME ZONE NOT NULL,
  closes_at       TIMESTAMP WITH TIME ZONE NOT NULL,
  min_respondents INTEGER      NOT NULL,
  created_at      TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ix_round_survey ON survey_round (survey_id, opens_at);

-- Who answered a round (to answer once), never what.
CREATE TABLE survey_participation (
  round_id    VARCHAR(36)  NOT NULL REFERENCES survey_round (id),
  lms_user_id VARCHAR(255) NOT NULL,
  PRIMARY KEY (round_id, lms_user_id)
);

-- One row per answered item: a random key, no person, no time.
CREATE TABLE survey_answer (
  id       VARCHAR(36) NOT NULL PRIMARY KEY,
  round_id VARCHAR(36) NOT NULL REFERENCES survey_round (id),
  position INTEGER     NOT NULL,
  agreement INTEGER    NOT NULL
);
CREATE INDEX ix_answer_round ON survey_answer (round_id, position, agreement);
