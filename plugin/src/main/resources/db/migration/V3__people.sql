-- People and roles copied from the LMS (launches and roster sync), keyed by LMS ids.
CREATE TABLE lms_course (
  course_id      VARCHAR(255) NOT NULL PRIMARY KEY,
  title          VARCHAR(500),
  first_seen_at  TIMESTAMP WITH TIME ZONE NOT NULL,
  last_synced_at TIMESTAMP WITH TIME ZONE
);

CREATE TABLE lms_person (
  lms_user_id  VARCHAR(255) NOT NULL PRIMARY KEY,
  display_name VARCHAR(500) NOT NULL,
  email        VARCHAR(320),
  updated_at   TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE lms_course_member (
  course_id   VARCHAR(255)  NOT NULL REFERENCES lms_course (course_id),
  lms_user_id VARCHAR(255)  NOT NULL REFERENCES lms_person (lms_user_id),
  roles       VARCHAR(1000) NOT NULL,
  group_names VARCHAR(4000) NOT NULL,
  PRIMARY KEY (course_id, lms_user_id)
);
