-- Resource descriptions are sanitised HTML from now on, written in the same editor as posts: the
-- column holds a description's formatting too, and each plain-text description written before
-- becomes one escaped paragraph, its line breaks kept.
ALTER TABLE resource ALTER COLUMN description SET DATA TYPE VARCHAR(30000);
UPDATE resource
   SET description = '<p>'
       || REPLACE(REPLACE(REPLACE(REPLACE(description, '&', '&amp;'), '<', '&lt;'), '>', '&gt;'),
                  CHR(10), '<br>')
       || '</p>'
 WHERE description <> '';
