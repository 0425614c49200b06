-- Prompt pages, journal entries and thread pages find a prompt's opening by its thread.
CREATE INDEX ix_prompt_opening_thread ON prompt_opening (thread_id);
