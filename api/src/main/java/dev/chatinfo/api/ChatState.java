package dev.chatinfo.api;

/**
 * The state of a chat, as the service reports it.
 *
 * <p>{@link #UNKNOWN} stands for any value this library does not know; the text itself is kept
 * in {@link ChatInfo#rawState()}.
 */
public enum ChatState {
  /** The visitor asked for a chat and waits for an agent. */
  WAITING("waiting"),
  /** An agent and the visitor are chatting. */
  CHATTING("chatting"),
  /** The chat is over. */
  ENDED("ended"),
  /** A value this library does not know. */
  UNKNOWN("unknown");

  private final String wire;

  ChatState(String wire) {
    this.wire = wire;
  }

  /**
   * Reads a state from the wire: ASCII case and surrounding whitespace are ignored
   * ({@code "Chatting"} is {@link #CHATTING}); anything unrecognised, {@code null} included, is
   * {@link #UNKNOWN}.
   *
   * @param value the text sent by the service, may be null
   * @return the state, never null
   */
  public static ChatState fromWire(String value) {
    if (value != null) {
      for (ChatState state : values()) {
        if (state != UNKNOWN && AsciiMatch.matches(value, state.wire)) {
          return state;
        }
      }
    }
    return UNKNOWN;
  }

  /**
   * Returns the value the service uses: {@code "waiting"}, {@code "chatting"}, {@code "ended"},
   * or {@code "unknown"} for {@link #UNKNOWN}.
   *
   * @return the lower-case wire value
   */
  public String wireValue() {
    return wire;
  }
}
