-- A facilitator may stop a schedule: it opens nothing more; what it opened stays.
ALTER TABLE prompt_schedule ADD COLUMN stopped_at TIMESTAMP WITH TIME ZONE;
