package io.github.callpush.spring.autoconfigure;

import io.github.callpush.dedup.DedupStore;
import io.github.callpush.dedup.InMemoryDedupStore;
import io.github.callpush.dedup.JdbcDedupStore;
import io.github.callpush.spring.autoconfigure.CallpushProperties.Dedup;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.env.Environment;
import org.springframework.util.ClassUtils;

/** Builds the dedup store {@code callpush.dedup.*} selects, or fails naming what is missing. */
final class SelectedDedupStore {

  private static final String TYPE = "callpush.dedup.type";

  private SelectedDedupStore() {}

  /** The store; {@code classLoader} is the application's, asked whether Jedis is there. */
  static DedupStore of(Dedup settings, ObjectProvider<DataSource> dataSources, Environment environment,
      ClassLoader classLoader) {
    return switch (settings.getType()) {
      case MEMORY -> {
        InMemoryDedupStore.Builder memory = InMemoryDedupStore.builder();
        InvalidProperty.apply("callpush.dedup.maximum-size", settings.getMaximumSize(),
            () -> memory.maximumSize(settings.getMaximumSize()));
        yield memory.build();
      }
      case JDBC -> {
        DataSource dataSource = dataSources.getIfUnique();
        if (dataSource == null) {
          throw InvalidProperty.of(TYPE, "jdbc", "the jdbc store needs a DataSource bean, and there is none (or"
              + " several and none @Primary); add spring-boot-starter-jdbc and spring.datasource.url, or define"
              + " a DedupStore bean");
        }
        JdbcDedupStore.Builder jdbc = JdbcDedupStore.builder(dataSource).createTable(settings.isCreateTable());
        InvalidProperty.apply("callpush.dedup.table-name", settings.getTableName(),
            () -> jdbc.tableName(settings.getTableName()));
        yield jdbc.build();
      }
      case REDIS -> {
        if (!ClassUtils.isPresent("redis.clients.jedis.UnifiedJedis", classLoader)) {
          throw InvalidProperty.of(TYPE, "redis", "the redis store needs redis.clients:jedis on the class path");
        }
        yield RedisStores.of(settings.getRedis(), environment);
      }
    };
  }
}
