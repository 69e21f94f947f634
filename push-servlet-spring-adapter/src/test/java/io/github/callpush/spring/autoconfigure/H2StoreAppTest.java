package io.github.callpush.spring.autoconfigure;

import org.springframework.test.context.TestPropertySource;

/** {@link ExactlyOnceOverHttp} on the jdbc store, in the application's embedded H2 database. */
@TestPropertySource(properties = {
    "spring.datasource.url=jdbc:h2:mem:callpush;DB_CLOSE_DELAY=-1",
    "callpush.dedup.type=jdbc",
    "callpush.dedup.create-table=true"})
class H2StoreAppTest extends ExactlyOnceOverHttp {

  @Override
  String store() {
    return "JdbcDedupStore";
  }
}
