-- Each training session's event in the course's LMS calendar. A move makes a new event before the
-- old one is removed (Moodle's web services cannot change an event's time), so a row may name the
-- event showing the session, the earlier one still to remove, and the start of an event being
-- made whose answer may have been lost (a retry looks for it there instead of making another).
CREATE TABLE training_session_event (
  session_id     VARCHAR(36)  NOT NULL PRIMARY KEY REFERENCES training_session (id),
  event_id       VARCHAR(40),
  -- What the event shows (start, length, name, description), to tell whether it is current.
  shown          VARCHAR(64),
  stale_event_id VARCHAR(40),
  creating_start BIGINT,
  creating_shown VARCHAR(64)
);

-- Day-before reminders queued, one per session and day it falls on: a session moved to another
-- day is announced again, one moved within its day is not.
CREATE TABLE training_session_reminder (
  session_id  VARCHAR(36) NOT NULL REFERENCES training_session (id),
  session_day DATE        NOT NULL,
  queued_at   TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (session_id, session_day)
);
