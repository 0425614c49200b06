-- A list of up to 20 entries of up to 60 characters, joined with commas, takes up to 1219
-- characters: the columns that keep such lists hold that much.
ALTER TABLE community ALTER COLUMN cycles SET DATA TYPE VARCHAR(1300);
ALTER TABLE community ALTER COLUMN subjects SET DATA TYPE VARCHAR(1300);
ALTER TABLE community ALTER COLUMN focus SET DATA TYPE VARCHAR(1300);
ALTER TABLE resource ALTER COLUMN subjects SET DATA TYPE VARCHAR(1300);
ALTER TABLE resource ALTER COLUMN cycles SET DATA TYPE VARCHAR(1300);
ALTER TABLE resource ALTER COLUMN tags SET DATA TYPE VARCHAR(1300);
ALTER TABLE resource ALTER COLUMN authors SET DATA TYPE VARCHAR(1300);
