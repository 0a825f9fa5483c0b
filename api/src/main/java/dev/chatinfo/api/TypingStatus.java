package dev.chatinfo.api;

/** Whether the agent or the visitor is typing, as the service reports it. */
public enum TypingStatus {
  /** Typing now. */
  TYPING("typing"),
  /** Not typing. */
  NOT_TYPING("not-typing"),
  /** Not reported, or a value this library does not know (the service sometimes sends "unknown"). */
  UNKNOWN("unknown");

  private final String wire;

  TypingStatus(String wire) {
    this.wire = wire;
  }

  /**
   * Reads a typing status from the wire: {@code "typing"} and {@code "not-typing"} in any ASCII
   * case, surrounding whitespace ignored; anything else, {@code null} included, is {@link #UNKNOWN}.
   *
   * @param value the text sent by the service, may be null
   * @return the status, never null
   */
  public static TypingStatus fromWire(String value) {
    if (value != null) {
      if (AsciiMatch.matches(value, TYPING.wire)) {
        return TYPING;
      }
      if (AsciiMatch.matches(value, NOT_TYPING.wire)) {
        return NOT_TYPING;
      }
    }
    return UNKNOWN;
  }

  /**
   * Returns the value the service uses: {@code "typing"}, {@code "not-typing"} or {@code "unknown"}.
   *
   * @return the wire value
   */
  public String wireValue() {
    return wire;
  }
}
