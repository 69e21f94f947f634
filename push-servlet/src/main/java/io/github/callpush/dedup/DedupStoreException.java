package io.github.callpush.dedup;

/** The dedup store could not be reached or failed; nothing is known about the claim. */
public final class DedupStoreException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private DedupStoreException(String message, Throwable cause) {
    super(message, cause);
  }

  /** The store named {@code store} failed while doing {@code operation}. */
  public static DedupStoreException unavailable(String store, String operation, Throwable cause) {
    return new DedupStoreException(store + " failed to " + operation + ": " + cause, cause);
  }
}
