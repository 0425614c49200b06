-- Following a conversation: how a member chose to hear about one thread (over their community's
-- notification choice), the reply a thread's author or a facilitator accepted as its answer, and
-- when each person last looked at a community's discussions (for "new since your last visit").
CREATE TABLE thread_follow (
  thread_id   VARCHAR(36)  NOT NULL REFERENCES thread (id),
  lms_user_id VARCHAR(255) NOT NULL,
  state       VARCHAR(20)  NOT NULL,
  chosen_at   TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (thread_id, lms_user_id)
);

CREATE TABLE thread_answer (
  thread_id VARCHAR(36)  NOT NULL PRIMARY KEY REFERENCES thread (id),
  post_id   VARCHAR(36)  NOT NULL REFERENCES post (id),
  marked_by VARCHAR(255) NOT NULL,
  marked_at TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE community_visit (
  community_id VARCHAR(36)  NOT NULL REFERENCES community (id),
  lms_user_id  VARCHAR(255) NOT NULL,
  visited_at   TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (lms_user_id, community_id)
);

-- The newest posts of a community's threads, for the hub's "new since your last visit".
CREATE INDEX ix_post_thread_created ON post (thread_id, created_at);
