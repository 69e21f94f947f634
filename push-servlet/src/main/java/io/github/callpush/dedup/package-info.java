/**
 * Deduplication: which (event, listener) pairs have run to success, behind the small
 * {@link io.github.callpush.dedup.DedupStore} SPI of leases and completions.
 *
 * <p>{@link io.github.callpush.dedup.InMemoryDedupStore} is the embedded default for one node;
 * {@link io.github.callpush.dedup.JdbcDedupStore} (PostgreSQL, MySQL, MariaDB, H2) and
 * {@link io.github.callpush.dedup.RedisDedupStore} are shared by several nodes. A store that cannot be
 * reached raises {@link io.github.callpush.dedup.DedupStoreException}.
 */
package io.github.callpush.dedup;
