package io.github.callpush.spring;

import io.github.callpush.event.PushEvent;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a bean method as a push listener, like {@code @EventListener} for pushes. The method takes
 * one parameter, the event; it runs at most once to success per event, across retries, duplicates and
 * nodes sharing a dedup store. Throwing has the platform deliver the event again (to this listener only).
 *
 * <pre>{@code
 * @PushEventListener
 * void archive(CallRecord record) {
 *   records.save(record);
 * }
 * }</pre>
 *
 * <p>Its id, which keys its deduplication and must not change between releases, is
 * {@code beanName#methodName} unless {@link #id} says otherwise.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface PushEventListener {

  /** The events to handle; default the type of the method's parameter ({@code PushEvent}: every event). */
  Class<? extends PushEvent> value() default PushEvent.class;

  /** The listener's stable id; default {@code beanName#methodName}. */
  String id() default "";
}
