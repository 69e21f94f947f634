package io.github.callpush.event;

/** Who hung up ({@code hangUpSide}). */
public enum HangupSide {
  /** The agent. */
  AGENT,
  /** The customer. */
  CUSTOMER,
  /** The platform. */
  SYSTEM,
  /** A code callpush does not know; {@link Code#raw()} keeps what was sent. */
  OTHER
}
