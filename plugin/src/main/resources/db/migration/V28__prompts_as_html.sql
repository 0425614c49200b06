-- Prompts are sanitised HTML from now on, written in the same editor as posts: a facilitator's own
-- prompt and a scheduled prompt's body hold their formatting too. Each plain-text prompt written
-- before becomes one escaped paragraph, its line breaks kept (scheduled bodies were HTML already).
ALTER TABLE own_prompt ALTER COLUMN text SET DATA TYPE VARCHAR(20000);
ALTER TABLE prompt_schedule ALTER COLUMN body SET DATA TYPE VARCHAR(20000);
UPDATE own_prompt
   SET text = '<p>'
       || REPLACE(REPLACE(REPLACE(REPLACE(text, '&', '&amp;'), '<', '&lt;'), '>', '&gt;'),
                  CHR(10), '<br>')
       || '</p>';
