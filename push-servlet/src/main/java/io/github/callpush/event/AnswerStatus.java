package io.github.callpush.event;

/** How a call ended up ({@code status} of a call record). */
public enum AnswerStatus {
  /** Stayed in the IVR: never reached a queue or an agent. */
  IVR,
  /** Abandoned in the queue before an agent was assigned. */
  QUEUE_ABANDON,
  /** Answered. */
  ANSWER,
  /** The agent did not answer. */
  AGENT_NO_ANSWER,
  /** The customer did not answer an outbound call. */
  CUSTOMER_NO_ANSWER,
  /** The call was transferred. */
  CALL_TRANSFER,
  /** A code callpush does not know; {@link Code#raw()} keeps what was sent. */
  OTHER
}
