package io.github.callpush.spring.autoconfigure;

import org.springframework.test.context.TestPropertySource;

/** {@link ExactlyOnceOverHttp} on the jdbc store in the real PostgreSQL on 127.0.0.1:5432; fails without it. */
@TestPropertySource(properties = {
    "spring.datasource.url=jdbc:postgresql://127.0.0.1:5432/test",
    "spring.datasource.username=postgres",
    "callpush.dedup.type=jdbc",
    "callpush.dedup.table-name=callpush_spring_it",
    "callpush.dedup.create-table=true"})
class PostgresStoreAppIT extends ExactlyOnceOverHttp {

  @Override
  String store() {
    return "JdbcDedupStore";
  }
}
