-- Communities of practice: a shared domain, a profile in the teachers' own terms, anchors in courses.
CREATE TABLE community (
  id          VARCHAR(36)   NOT NULL PRIMARY KEY,
  name        VARCHAR(120)  NOT NULL,
  domain      VARCHAR(2000) NOT NULL,
  cycles      VARCHAR(500)  NOT NULL,
  subjects    VARCHAR(500)  NOT NULL,
  sharing     VARCHAR(20)   NOT NULL,
  framework   VARCHAR(20)   NOT NULL,
  context     VARCHAR(20)   NOT NULL,
  focus       VARCHAR(1000) NOT NULL,
  joining     VARCHAR(20)   NOT NULL,
  created_by  VARCHAR(255)  NOT NULL,
  created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
  archived_at TIMESTAMP WITH TIME ZONE
);

-- Each course a community lives in; mirrored as a group of that course.
CREATE TABLE community_anchor (
  id           VARCHAR(36)  NOT NULL PRIMARY KEY,
  community_id VARCHAR(36)  NOT NULL REFERENCES community (id),
  course_id    VARCHAR(255) NOT NULL,
  forum_id     VARCHAR(255),
  CONSTRAINT uq_anchor UNIQUE (community_id, course_id)
);
CREATE INDEX ix_anchor_course ON community_anchor (course_id);

-- Who belongs: active members and facilitators, pending requests, open invitations.
CREATE TABLE community_member (
  community_id VARCHAR(36)  NOT NULL REFERENCES community (id),
  lms_user_id  VARCHAR(255) NOT NULL,
  role         VARCHAR(20)  NOT NULL,
  status       VARCHAR(20)  NOT NULL,
  since        TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (community_id, lms_user_id)
);

-- Per-course choices of its facilitators, e.g. whether any teacher of the course may start a community.
CREATE TABLE course_setting (
  course_id                   VARCHAR(255) NOT NULL PRIMARY KEY,
  teachers_start_communities  BOOLEAN      NOT NULL
);
