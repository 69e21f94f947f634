package io.github.callpush.event;

/** An agent's status, named after its {@code statusNumber}: 0-9 are standard, 100 and above custom. */
public enum AgentStatus {
  /** 0, 空闲. */
  IDLE,
  /** 1, 忙碌. */
  BUSY,
  /** 2, 呼叫中. */
  CALLING,
  /** 3, 振铃. */
  RINGING,
  /** 4, 通话中. */
  TALKING,
  /** 5, 整理. */
  WRAP_UP,
  /** 6, 保持. */
  HOLD,
  /** 7, 静音. */
  MUTE,
  /** 8, 未连接. */
  DISCONNECTED,
  /** 9, 失效. */
  INVALID,
  /** 100 and above: a status the account defined; its name is in {@code statusName}. */
  CUSTOM,
  /** Missing, or a number callpush does not know; {@code statusNumber} keeps what was sent. */
  OTHER;

  private static final int FIRST_CUSTOM = 100;

  /** The status for a {@code statusNumber}; {@link #OTHER} for null or an unknown number. */
  public static AgentStatus ofNumber(Integer statusNumber) {
    if (statusNumber == null || statusNumber < 0) {
      return OTHER;
    }
    if (statusNumber >= FIRST_CUSTOM) {
      return CUSTOM;
    }
    return statusNumber < CUSTOM.ordinal() ? values()[statusNumber] : OTHER;
  }
}
