package io.github.callpush;

import io.github.callpush.event.PushEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The listeners of a receiver, each under a stable id that keys its deduplication: subscribe to one
 * event type, to a {@code pushType} string, or to everything. Listeners matching an event are called
 * in registration order. Thread-safe; registering while pushes arrive is fine.
 *
 * <pre>{@code
 * registry.on("crm-popup", OutboundRing.class, ring -> crm.popUp(ring.call().customerNumber()))
 *         .on("cdr-archive", CallRecord.class, archive::save)
 *         .onAny("audit", audit::record);
 * }</pre>
 *
 * <p>Ids must be stable across restarts and identical on every node: a retry that lands after a
 * restart, or on another node, finds what ran by id. The overloads without an id derive one from the
 * listener's class when it is a named class, else from the subscription and its position
 * ({@code OutboundRing#1}); give explicit ids to lambdas in production.
 */
public final class ListenerRegistry {

  private final List<Registration> registrations = new CopyOnWriteArrayList<>();

  /** Subscribes {@code listener} to events of {@code type} and its subtypes, under {@code id}. */
  public <E extends PushEvent> ListenerRegistry on(String id, Class<E> type, PushListener<? super E> listener) {
    Objects.requireNonNull(type, "type");
    return add(id, new Subscription(type, null), listener);
  }

  /** Subscribes {@code listener} to events of {@code type}, under a derived id. */
  public <E extends PushEvent> ListenerRegistry on(Class<E> type, PushListener<? super E> listener) {
    Objects.requireNonNull(type, "type");
    return on(derivedId(listener, type.getSimpleName()), type, listener);
  }

  /** Subscribes {@code listener} to events whose {@code pushType} is {@code pushType} (ignoring case). */
  public ListenerRegistry onPushType(String id, String pushType, PushListener<PushEvent> listener) {
    Objects.requireNonNull(pushType, "pushType");
    return add(id, new Subscription(PushEvent.class, pushType.toLowerCase(Locale.ROOT)), listener);
  }

  /** Subscribes {@code listener} to every event, unknown ones included, under {@code id}. */
  public ListenerRegistry onAny(String id, PushListener<PushEvent> listener) {
    return add(id, new Subscription(PushEvent.class, null), listener);
  }

  /**
   * Subscribes {@code listener} to every push, unknown events included, under {@code id}: it gets the push as
   * received (its bytes, content type and dedup key) with its event.
   */
  public ListenerRegistry onReceived(String id, ReceivedPushListener listener) {
    Objects.requireNonNull(listener, "listener");
    return register(id, new Subscription(PushEvent.class, null), listener);
  }

  /** The ids of every registered listener, in registration order. */
  public List<String> ids() {
    List<String> ids = new ArrayList<>(registrations.size());
    registrations.forEach(registration -> ids.add(registration.id()));
    return ids;
  }

  /** The listeners that handle {@code event}, in registration order. */
  List<Registration> matching(PushEvent event) {
    List<Registration> matching = new ArrayList<>(2);
    for (Registration registration : registrations) {
      if (registration.subscription().matches(event)) {
        matching.add(registration);
      }
    }
    return matching;
  }

  private ListenerRegistry add(String id, Subscription subscription, PushListener<?> listener) {
    Objects.requireNonNull(listener, "listener");
    @SuppressWarnings("unchecked")
    PushListener<PushEvent> untyped = (PushListener<PushEvent>) listener;
    return register(id, subscription, push -> untyped.onEvent(push.event()));
  }

  private synchronized ListenerRegistry register(String id, Subscription subscription,
      ReceivedPushListener listener) {
    if (id == null || id.isBlank()) {
      throw new IllegalArgumentException("listener id must not be blank but was '" + id + "'");
    }
    for (Registration existing : registrations) {
      if (existing.id().equals(id)) {
        throw new IllegalArgumentException("listener id '" + id + "' is already registered");
      }
    }
    registrations.add(new Registration(id, subscription, listener));
    return this;
  }

  private synchronized String derivedId(PushListener<?> listener, String subscription) {
    Class<?> type = Objects.requireNonNull(listener, "listener").getClass();
    if (!type.isSynthetic() && !type.isAnonymousClass() && !type.getName().contains("$$Lambda")) {
      return type.getName();
    }
    int position = 1;
    String prefix = subscription + "#";
    for (Registration existing : registrations) {
      if (existing.id().startsWith(prefix)) {
        position++;
      }
    }
    return prefix + position;
  }

  /** One listener under its id; a {@link PushListener} is called with the push's event. */
  record Registration(String id, Subscription subscription, ReceivedPushListener listener) {}

  /** What a listener subscribed to: a type, narrowed to one {@code pushType} when set. */
  record Subscription(Class<? extends PushEvent> type, String pushType) {

    boolean matches(PushEvent event) {
      return type.isInstance(event)
          && (pushType == null || (event.pushType() != null && pushType.equalsIgnoreCase(event.pushType())));
    }
  }
}
