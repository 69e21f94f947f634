package io.github.callpush.dedup;

import java.util.Locale;

/**
 * What differs between the databases {@link JdbcDedupStore} supports: how a claim is made in one
 * statement, how a batch of expired rows is deleted, and which DDL script creates the table. Every
 * statement names the table {@code %1$s}. Not API.
 */
enum Dialect {

  /** One upsert inserts a free key or takes over an expired row; 0 rows when the row is live. */
  POSTGRESQL(
      "postgresql",
      "INSERT INTO",
      " ON CONFLICT (event_key, listener_id) DO UPDATE"
          + " SET owner = EXCLUDED.owner, state = EXCLUDED.state, expires_at = EXCLUDED.expires_at"
          + " WHERE %1$s.expires_at <= ?",
      // by ctid: a row taken over between the sub-select and the delete is a new row version whose
      // ctid is not in the list, and PostgreSQL rechecks the condition against it
      "DELETE FROM %1$s WHERE ctid = ANY (ARRAY (SELECT ctid FROM %1$s WHERE expires_at <= ? LIMIT ?))"),

  /**
   * MySQL and MariaDB: ON DUPLICATE KEY UPDATE cannot tell "inserted" from "left as it was" when the
   * driver reports found rows (both drivers' default), so INSERT IGNORE claims a free key (0 rows on a
   * duplicate, without an error for the driver to log) and a conditional UPDATE takes over an expired
   * row. IGNORE would also truncate too-long values, which the store rejects before.
   */
  MYSQL("mysql", "INSERT IGNORE INTO", null, "DELETE FROM %1$s WHERE expires_at <= ? LIMIT ?"),

  /** INSERT, then on a duplicate key error a conditional UPDATE, as for MySQL. */
  H2("h2", "INSERT INTO", null, "DELETE FROM %1$s WHERE expires_at <= ? FETCH FIRST ? ROWS ONLY");

  private final String name;
  private final String insert;
  private final String onConflict;
  private final String sweep;

  Dialect(String name, String insert, String onConflict, String sweep) {
    this.name = name;
    this.insert = insert;
    this.onConflict = onConflict;
    this.sweep = sweep;
  }

  /** The dialect of a {@code DatabaseMetaData.getDatabaseProductName()}, or null if unsupported. */
  static Dialect of(String productName) {
    String product = productName == null ? "" : productName.toLowerCase(Locale.ROOT);
    if (product.contains("postgresql")) {
      return POSTGRESQL;
    }
    if (product.contains("mariadb") || product.contains("mysql")) {
      return MYSQL;
    }
    if (product.equals("h2")) {
      return H2;
    }
    return null;
  }

  /** The classpath resource with this dialect's DDL for the default table name, read by {@link JdbcSchema}. */
  String ddlResource() {
    return "callpush_dedup-" + name + ".sql";
  }

  /** The statements for {@code table}. */
  Statements statements(String table) {
    return new Statements(
        String.format(
            insert
                + " %1$s (event_key, listener_id, owner, state, expires_at) VALUES (?, ?, ?, 'LEASED', ?)"
                + (onConflict == null ? "" : onConflict),
            table),
        onConflict != null,
        String.format(
            "UPDATE %1$s SET owner = ?, state = 'LEASED', expires_at = ?"
                + " WHERE event_key = ? AND listener_id = ? AND expires_at <= ?",
            table),
        String.format("SELECT state FROM %1$s WHERE event_key = ? AND listener_id = ?", table),
        String.format(
            "UPDATE %1$s SET state = 'COMPLETED', expires_at = ?"
                + " WHERE event_key = ? AND listener_id = ? AND owner = ? AND state = 'LEASED'",
            table),
        String.format(
            "DELETE FROM %1$s WHERE event_key = ? AND listener_id = ? AND owner = ? AND state = 'LEASED'",
            table),
        String.format(sweep, table));
  }

  /**
   * The statements of one table. {@code insert} (key, listener, owner, expires) claims a free key; if
   * {@code upsert}, it takes (now) too and takes over an expired row itself, else {@code takeover}
   * (owner, expires, key, listener, now) does that when the insert met a duplicate key. {@code state}
   * (key, listener) reads the state of a row not acquired; {@code complete} (expires, key, listener,
   * owner), {@code release} (key, listener, owner) and {@code sweep} (now, limit).
   */
  record Statements(
      String insert,
      boolean upsert,
      String takeover,
      String state,
      String complete,
      String release,
      String sweep) {}
}
