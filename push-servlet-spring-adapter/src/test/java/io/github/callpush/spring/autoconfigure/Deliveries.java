package io.github.callpush.spring.autoconfigure;

import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** What the test applications' listeners were handed: every attempt and every success, by listener. */
final class Deliveries {

  private final ConcurrentHashMap<String, List<String>> attempts = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, List<String>> handled = new ConcurrentHashMap<>();

  /** Records that {@code listener} was called with {@code eventId}. */
  void recordAttempt(String listener, String eventId) {
    attempts.computeIfAbsent(listener, id -> new CopyOnWriteArrayList<>()).add(eventId);
  }

  /** Records that {@code listener} was called with {@code eventId} and returned normally. */
  void recordSuccess(String listener, String eventId) {
    recordAttempt(listener, eventId);
    handled.computeIfAbsent(listener, id -> new CopyOnWriteArrayList<>()).add(eventId);
  }

  /** How often {@code listener} was called with {@code eventId}. */
  long attempts(String listener, String eventId) {
    return attempts.getOrDefault(listener, List.of()).stream().filter(eventId::equals).count();
  }

  /** How often {@code listener} handled {@code eventId} to success. */
  long successes(String listener, String eventId) {
    return handled.getOrDefault(listener, List.of()).stream().filter(eventId::equals).count();
  }
}
