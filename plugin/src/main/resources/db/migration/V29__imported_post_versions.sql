-- The LMS's modified time (seconds) of the version an imported post holds: a later one in the LMS
-- is an edit made there, which the import brings in. Empty for posts written in the hub and for
-- those imported before (their creation time stands in).
ALTER TABLE post ADD COLUMN lms_modified_s BIGINT;
