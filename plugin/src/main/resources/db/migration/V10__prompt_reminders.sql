-- Whether the one reminder before a prompt closes has gone out.
ALTER TABLE prompt_opening ADD COLUMN reminded BOOLEAN DEFAULT FALSE NOT NULL;
