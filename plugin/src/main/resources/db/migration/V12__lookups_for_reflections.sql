-- Prompt pages, journal entries and thread pages find a prompt's opening by its thread; portfolios
-- find a person's posts, and the replies each received.
CREATE INDEX ix_prompt_opening_thread ON prompt_opening (thread_id);
CREATE INDEX ix_post_author ON post (author_id, created_at);
CREATE INDEX ix_post_parent ON post (parent_id);
