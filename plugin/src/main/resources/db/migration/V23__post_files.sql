-- Pictures shown in posts' text and files attached to posts, kept in the file store by checksum
-- (blob). A file is sent before its post is written: post_id stays null until then, and one no post
-- took is swept. resource_id is the bank resource an attachment was saved as.
CREATE TABLE post_file (
  id           VARCHAR(36)  NOT NULL PRIMARY KEY,
  community_id VARCHAR(36)  NOT NULL REFERENCES community (id),
  post_id      VARCHAR(36)  REFERENCES post (id),
  kind         VARCHAR(12)  NOT NULL,
  sha256       VARCHAR(64)  NOT NULL REFERENCES blob (sha256),
  file_name    VARCHAR(255) NOT NULL,
  media_type   VARCHAR(120) NOT NULL,
  size_bytes   BIGINT       NOT NULL,
  uploaded_by  VARCHAR(255) NOT NULL,
  created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
  resource_id  VARCHAR(36)  REFERENCES resource (id)
);
CREATE INDEX ix_post_file_post ON post_file (post_id);
CREATE INDEX ix_post_file_blob ON post_file (sha256);
