-- Prompts facilitators write for their community, and the other communities they share them with
-- (or every community of the site).
CREATE TABLE own_prompt (
  id              VARCHAR(36)   NOT NULL PRIMARY KEY,
  community_id    VARCHAR(36)   NOT NULL REFERENCES community (id),
  language        VARCHAR(10)   NOT NULL,
  characteristic  VARCHAR(40)   NOT NULL,
  moment          VARCHAR(40),
  title           VARCHAR(300)  NOT NULL,
  text            VARCHAR(5000) NOT NULL,
  asks_evidence   BOOLEAN       DEFAULT FALSE NOT NULL,
  shared_with_all BOOLEAN       DEFAULT FALSE NOT NULL,
  created_by      VARCHAR(255)  NOT NULL,
  created_at      TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ix_own_prompt_community ON own_prompt (community_id);

CREATE TABLE own_prompt_share (
  prompt_id    VARCHAR(36)  NOT NULL REFERENCES own_prompt (id),
  community_id VARCHAR(36)  NOT NULL REFERENCES community (id),
  shared_by    VARCHAR(255) NOT NULL,
  shared_at    TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (prompt_id, community_id)
);
CREATE INDEX ix_own_prompt_share_community ON own_prompt_share (community_id);

-- Whether answers to a scheduled prompt are asked for evidence (a bank resource or a link).
ALTER TABLE prompt_schedule ADD COLUMN asks_evidence BOOLEAN DEFAULT FALSE NOT NULL;

-- Answers written through the reflection view: private journal entries (post_id empty) or shared
-- in the prompt's thread (post_id is the post), with their evidence.
CREATE TABLE reflection (
  id                   VARCHAR(36)     NOT NULL PRIMARY KEY,
  thread_id            VARCHAR(36)     NOT NULL REFERENCES thread (id),
  author_id            VARCHAR(255)    NOT NULL,
  body                 VARCHAR(200000) NOT NULL,
  evidence_resource_id VARCHAR(36),
  evidence_link        VARCHAR(2000),
  post_id              VARCHAR(36),
  created_at           TIMESTAMP WITH TIME ZONE NOT NULL,
  updated_at           TIMESTAMP WITH TIME ZONE NOT NULL,
  shared_at            TIMESTAMP WITH TIME ZONE
);
CREATE INDEX ix_reflection_author ON reflection (author_id, created_at);
CREATE INDEX ix_reflection_thread ON reflection (thread_id);
