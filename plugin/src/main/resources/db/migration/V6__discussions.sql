-- Discussions of a community: threads, their posts (the first post carries the thread's text),
-- edit history, "this helped me", what each member has read, and notification choices.
CREATE TABLE thread (
  id           VARCHAR(36)  NOT NULL PRIMARY KEY,
  community_id VARCHAR(36)  NOT NULL REFERENCES community (id),
  title        VARCHAR(1000) NOT NULL,
  author_id    VARCHAR(255) NOT NULL,
  author_name  VARCHAR(500) NOT NULL,
  pinned       BOOLEAN      NOT NULL,
  post_count   INTEGER      NOT NULL,
  created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
  last_post_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ix_thread_community ON thread (community_id, pinned, last_post_at);

CREATE TABLE post (
  id           VARCHAR(36)  NOT NULL PRIMARY KEY,
  thread_id    VARCHAR(36)  NOT NULL REFERENCES thread (id),
  seq          INTEGER      NOT NULL,
  parent_id    VARCHAR(36),
  author_id    VARCHAR(255) NOT NULL,
  author_name  VARCHAR(500) NOT NULL,
  body         VARCHAR(200000) NOT NULL,
  quote_post_id VARCHAR(36),
  quote_text   VARCHAR(2000),
  origin       VARCHAR(10)  NOT NULL,
  helped_count INTEGER      NOT NULL,
  hidden       BOOLEAN      NOT NULL,
  created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
  edited_at    TIMESTAMP WITH TIME ZONE,
  CONSTRAINT uq_post_position UNIQUE (thread_id, seq)
);
CREATE INDEX ix_post_created ON post (created_at);

-- Earlier versions of an edited post, oldest first.
CREATE TABLE post_revision (
  post_id    VARCHAR(36)  NOT NULL REFERENCES post (id),
  revision   INTEGER      NOT NULL,
  title      VARCHAR(1000),
  body       VARCHAR(200000) NOT NULL,
  written_at TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (post_id, revision)
);

CREATE TABLE post_helped (
  post_id     VARCHAR(36)  NOT NULL REFERENCES post (id),
  lms_user_id VARCHAR(255) NOT NULL,
  marked_at   TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (post_id, lms_user_id)
);

-- How many posts of a thread a member has seen.
CREATE TABLE thread_read (
  thread_id   VARCHAR(36)  NOT NULL REFERENCES thread (id),
  lms_user_id VARCHAR(255) NOT NULL,
  seen        INTEGER      NOT NULL,
  PRIMARY KEY (lms_user_id, thread_id)
);

CREATE TABLE notification_choice (
  community_id VARCHAR(36)  NOT NULL REFERENCES community (id),
  lms_user_id  VARCHAR(255) NOT NULL,
  delivery     VARCHAR(20)  NOT NULL,
  PRIMARY KEY (community_id, lms_user_id)
);

-- Where the import of each forum's discussions has got to (Moodle's modification time, seconds).
CREATE TABLE forum_cursor (
  forum_id   VARCHAR(255) NOT NULL PRIMARY KEY,
  course_id  VARCHAR(255) NOT NULL,
  modified_s BIGINT       NOT NULL
);

-- What the import last saw of each Moodle discussion: unchanged ones are not read again.
CREATE TABLE forum_discussion_seen (
  discussion_id VARCHAR(255) NOT NULL PRIMARY KEY,
  modified_s    BIGINT       NOT NULL,
  replies       INTEGER      NOT NULL
);

-- Reverse look-ups of mirrored objects; one local object per LMS object of a kind, so an import
-- racing another cannot record the same Moodle post twice.
CREATE UNIQUE INDEX ix_mapping_lms ON lms_mapping (kind, lms_id);
