package io.github.callpush;

import io.github.callpush.dedup.DedupStore;
import io.github.callpush.dedup.RedisDedupStore;
import java.net.URI;

/** Two nodes sharing the real Redis on 127.0.0.1:6379, through a proxy that cuts connections. */
class RedisSharedStoreIT extends StoreOutageScenarios {

  @Override
  int serverPort() {
    return 6379;
  }

  @Override
  DedupStore newStore(int port) {
    return RedisDedupStore.builder(URI.create("redis://127.0.0.1:" + port))
        .keyPrefix("callpush:it:" + Long.toHexString(System.nanoTime()) + ":").build();
  }
}
