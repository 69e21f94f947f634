/**
 * The typed events: one record per documented push, all under the sealed {@link io.github.callpush.event.PushEvent}.
 *
 * <p>Absent values (missing, {@code null} or {@code ""}) are {@code null}; lists and maps are never
 * {@code null}. Phone numbers and ids are strings (leading zeros matter). Code strings are
 * {@link io.github.callpush.event.Code}s that keep what was sent when callpush does not know it.
 */
package io.github.callpush.event;
