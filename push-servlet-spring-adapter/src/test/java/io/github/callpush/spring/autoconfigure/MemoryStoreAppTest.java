package io.github.callpush.spring.autoconfigure;

/** {@link ExactlyOnceOverHttp} on the default in-memory store. */
class MemoryStoreAppTest extends ExactlyOnceOverHttp {

  @Override
  String store() {
    return "InMemoryDedupStore";
  }
}
