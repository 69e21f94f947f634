package io.github.callpush.dedup;

import java.lang.reflect.Proxy;
import java.util.Map;

/** JDBC interfaces made of a few answers, for tests that need no database. */
final class JdbcProxies {

  private JdbcProxies() {}

  /**
   * A {@code type} whose methods named in {@code answers} answer so; {@code getAutoCommit} answers true,
   * every other method nothing.
   */
  static <T> T answering(Class<T> type, Map<String, Answer> answers) {
    return type.cast(
        Proxy.newProxyInstance(
            JdbcProxies.class.getClassLoader(),
            new Class<?>[] {type},
            (self, method, args) -> {
              Answer answer = answers.get(method.getName());
              if (answer != null) {
                return answer.answer(args);
              }
              return method.getName().equals("getAutoCommit") ? Boolean.TRUE : null;
            }));
  }

  /** What a method answers to its arguments, or throws. */
  @FunctionalInterface
  interface Answer {
    Object answer(Object[] args) throws Exception;
  }
}
