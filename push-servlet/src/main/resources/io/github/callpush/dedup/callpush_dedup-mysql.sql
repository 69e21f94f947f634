-- callpush JdbcDedupStore table for MySQL and MariaDB (InnoDB). One row per (event, listener);
-- expires_at is epoch milliseconds of the store's clock. The text columns are VARBINARY so that keys
-- and owners compare exactly (no case folding, no trailing-space padding of the default collations).
-- Rename callpush_dedup throughout to use another table name.
CREATE TABLE IF NOT EXISTS callpush_dedup (
  event_key   VARBINARY(255) NOT NULL,
  listener_id VARBINARY(255) NOT NULL,
  owner       VARBINARY(255) NOT NULL,
  state       VARCHAR(9)     NOT NULL,
  expires_at  BIGINT         NOT NULL,
  PRIMARY KEY (event_key, listener_id),
  KEY callpush_dedup_expires_at (expires_at)
) ENGINE = InnoDB;
