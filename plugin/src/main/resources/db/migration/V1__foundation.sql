-- Site-wide settings shared by every connector instance (e.g. the instance identity, feature switches).
CREATE TABLE site_setting (
  setting_key   VARCHAR(200)   NOT NULL PRIMARY KEY,
  setting_value VARCHAR(10000) NOT NULL,
  updated_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
