package io.github.callpush.dedup;

import java.time.Duration;

/**
 * Remembers which listeners have handled which events, so that each (event, listener) pair runs at
 * most once to success, across retries, duplicates and nodes.
 *
 * <p>A claim is a lease: it has an owner token and expires, so a node that dies mid-listener does not
 * block the event forever, and an owner whose lease expired can neither complete nor release the claim
 * someone else took over. Implementations are thread-safe; every method throws
 * {@link DedupStoreException} when the store cannot be reached.
 */
public interface DedupStore extends AutoCloseable {

  /**
   * Tries to claim (event, listener) for {@code owner} until the lease runs out.
   *
   * @return {@link Claim#ACQUIRED} when the caller may run the listener; {@link Claim#COMPLETED} when it
   *     already ran to success; {@link Claim#IN_FLIGHT} when another owner's lease is still running
   */
  Claim claim(String eventKey, String listenerId, String owner, Duration lease);

  /**
   * Marks (event, listener) done and keeps that for {@code retention}, if {@code owner} still holds it.
   *
   * @return whether the owner still held the claim
   */
  boolean complete(String eventKey, String listenerId, String owner, Duration retention);

  /**
   * Gives up {@code owner}'s claim, so a retry may run the listener again.
   *
   * @return whether the owner still held the claim
   */
  boolean release(String eventKey, String listenerId, String owner);

  /** Removes expired entries; stores that expire by themselves do nothing. Returns how many were removed. */
  default int sweep() {
    return 0;
  }

  /** Releases the store's resources; the default does nothing. */
  @Override
  default void close() {}
}
