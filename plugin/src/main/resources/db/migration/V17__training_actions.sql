-- Continuous-training actions: a course of sessions with trainers and trainees, attendance, an
-- evaluation under a policy, and a community of practice that outlives the action.
CREATE TABLE training_action (
  id                VARCHAR(36)   NOT NULL PRIMARY KEY,
  course_id         VARCHAR(255)  NOT NULL,
  community_id      VARCHAR(36)   REFERENCES community (id),
  title             VARCHAR(300)  NOT NULL,
  modality          VARCHAR(20)   NOT NULL,
  code              VARCHAR(60),
  joint_minutes     INTEGER       NOT NULL,
  autonomous_minutes INTEGER      NOT NULL,
  starts_on         DATE,
  ends_on           DATE,
  -- The least share of the joint hours a trainee attends, as a fraction (2/3).
  attendance_num    INTEGER       NOT NULL,
  attendance_den    INTEGER       NOT NULL,
  -- The evaluation policy as JSON (scale, decimals, mentions, weighted criteria).
  policy            VARCHAR(8000) NOT NULL,
  status            VARCHAR(20)   NOT NULL,
  closed_at         TIMESTAMP WITH TIME ZONE,
  created_by        VARCHAR(255)  NOT NULL,
  created_at        TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ix_training_course ON training_action (course_id);

CREATE TABLE training_trainer (
  action_id   VARCHAR(36)  NOT NULL REFERENCES training_action (id),
  lms_user_id VARCHAR(255) NOT NULL,
  PRIMARY KEY (action_id, lms_user_id)
);

CREATE TABLE training_trainee (
  action_id   VARCHAR(36)  NOT NULL REFERENCES training_action (id),
  lms_user_id VARCHAR(255) NOT NULL,
  joined_at   TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (action_id, lms_user_id)
);

CREATE TABLE training_session (
  id             VARCHAR(36)   NOT NULL PRIMARY KEY,
  action_id      VARCHAR(36)   NOT NULL REFERENCES training_action (id),
  starts_at      TIMESTAMP WITH TIME ZONE NOT NULL,
  minutes        INTEGER       NOT NULL,
  mode           VARCHAR(20)   NOT NULL,
  place          VARCHAR(300),
  link           VARCHAR(2000),
  status         VARCHAR(20)   NOT NULL,
  check_in_code  VARCHAR(12),
  created_at     TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ix_training_session_action ON training_session (action_id, starts_at);

CREATE TABLE training_attendance (
  session_id     VARCHAR(36)   NOT NULL REFERENCES training_session (id),
  lms_user_id    VARCHAR(255)  NOT NULL,
  status         VARCHAR(20)   NOT NULL,
  late_minutes   INTEGER       NOT NULL,
  note           VARCHAR(1000) NOT NULL,
  self_check_in  BOOLEAN       NOT NULL,
  marked_by      VARCHAR(255)  NOT NULL,
  marked_at      TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (session_id, lms_user_id)
);

CREATE TABLE training_final_reflection (
  action_id    VARCHAR(36)     NOT NULL REFERENCES training_action (id),
  lms_user_id  VARCHAR(255)    NOT NULL,
  body         VARCHAR(200000) NOT NULL,
  submitted_at TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (action_id, lms_user_id)
);

CREATE TABLE training_grade (
  action_id    VARCHAR(36)   NOT NULL REFERENCES training_action (id),
  lms_user_id  VARCHAR(255)  NOT NULL,
  -- Each criterion's mark as JSON ({"participation":"8.5",...}), exact decimals as text.
  marks        VARCHAR(2000) NOT NULL,
  final_grade  NUMERIC(6,2)  NOT NULL,
  mention      VARCHAR(40)   NOT NULL,
  comment      VARCHAR(5000) NOT NULL,
  graded_by    VARCHAR(255)  NOT NULL,
  graded_at    TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (action_id, lms_user_id)
);

-- What an administrator changed in a closed action, and why.
CREATE TABLE training_correction (
  id          VARCHAR(36)   NOT NULL PRIMARY KEY,
  action_id   VARCHAR(36)   NOT NULL REFERENCES training_action (id),
  what        VARCHAR(2000) NOT NULL,
  made_by     VARCHAR(255)  NOT NULL,
  made_at     TIMESTAMP WITH TIME ZONE NOT NULL
);
