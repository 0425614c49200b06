-- "I used this in class" counts once per person: a later use replaces the person's note and date.
-- Earlier duplicates keep only each person's latest use, and the counts are made again.
DELETE FROM resource_use
 WHERE EXISTS (
   SELECT 1 FROM resource_use later
    WHERE later.resource_id = resource_use.resource_id
      AND later.lms_user_id = resource_use.lms_user_id
      AND (later.used_at > resource_use.used_at
           OR (later.used_at = resource_use.used_at AND later.id > resource_use.id)));

DROP INDEX ix_use_resource;
CREATE UNIQUE INDEX ux_use_resource_person ON resource_use (resource_id, lms_user_id);

UPDATE resource
   SET use_count = (SELECT COUNT(*) FROM resource_use WHERE resource_use.resource_id = resource.id);
