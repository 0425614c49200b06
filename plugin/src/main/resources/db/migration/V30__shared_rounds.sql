-- When a background round that reads the whole LMS (roster syncs, forum imports) last began, and on
-- which instance: with several instances on one database, the first to try once the round's
-- interval has passed runs it and the others skip it.
CREATE TABLE shared_round (
  name VARCHAR(64) PRIMARY KEY,
  ran_at TIMESTAMP NOT NULL,
  ran_by VARCHAR(64) NOT NULL
);
