-- Where a platform's course takes grades (LTI Assignment and Grade Services), as the last launch
-- from it said: background work sends grades there without waiting for a launch.
CREATE TABLE lti_ags_endpoint (
  platform_id   BIGINT        NOT NULL REFERENCES lti_platform (id),
  context_id    VARCHAR(255)  NOT NULL,
  lineitems_url VARCHAR(1000) NOT NULL,
  scopes        VARCHAR(2000) NOT NULL,
  seen_at       TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (platform_id, context_id)
);
CREATE INDEX ix_lti_ags_endpoint_context ON lti_ags_endpoint (context_id, seen_at);

-- The gradebook column (line item) of each training action, once the platform made it.
CREATE TABLE training_line_item (
  action_id   VARCHAR(36)   NOT NULL PRIMARY KEY REFERENCES training_action (id),
  platform_id BIGINT        NOT NULL,
  url         VARCHAR(1000) NOT NULL,
  created_at  TIMESTAMP WITH TIME ZONE NOT NULL
);

-- The last score of each trainee's grade sent to the gradebook: its timestamp (whole seconds,
-- later for every regrade, as Moodle keeps seconds and refuses a score not later than the one it
-- has) and the outbox message that carries it.
CREATE TABLE training_grade_score (
  action_id   VARCHAR(36)  NOT NULL REFERENCES training_action (id),
  lms_user_id VARCHAR(255) NOT NULL,
  scored_at   TIMESTAMP WITH TIME ZONE NOT NULL,
  outbox_key  VARCHAR(300) NOT NULL,
  PRIMARY KEY (action_id, lms_user_id)
);
