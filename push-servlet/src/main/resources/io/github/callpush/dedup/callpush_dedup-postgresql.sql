-- callpush JdbcDedupStore table for PostgreSQL. One row per (event, listener); expires_at is epoch
-- milliseconds of the store's clock. Rename callpush_dedup throughout to use another table name.
CREATE TABLE IF NOT EXISTS callpush_dedup (
  event_key   VARCHAR(255) NOT NULL,
  listener_id VARCHAR(255) NOT NULL,
  owner       VARCHAR(255) NOT NULL,
  state       VARCHAR(9)   NOT NULL,
  expires_at  BIGINT       NOT NULL,
  PRIMARY KEY (event_key, listener_id)
);
CREATE INDEX IF NOT EXISTS callpush_dedup_expires_at ON callpush_dedup (expires_at);
