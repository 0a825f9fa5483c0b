package dev.chatinfo.watch;

/**
 * What a {@link ChatEvent.Changed} says differs between two fetches of a chat.
 *
 * <p>Every field of {@link dev.chatinfo.api.ChatInfo} maps to exactly one of these: a pure
 * {@code lastUpdate} move is {@code {LAST_UPDATE}}; {@code agentName} and {@code agentId} are
 * {@link #AGENT}; {@code state} and {@code rawState} are {@link #STATE}; the fields not named here
 * ({@code chatSessionKey}, {@code startTime}, {@code visitorId}, {@code rtSessionId},
 * {@code participantId}, the links and the attributes) are {@link #OTHER}.
 */
public enum ChatField {
  /** {@code state} (or its raw text). */
  STATE,
  /** {@code agentName} or {@code agentId}: the chat was picked up, transferred or dropped. */
  AGENT,
  /** {@code agentTyping}. */
  AGENT_TYPING,
  /** {@code visitorTyping}. */
  VISITOR_TYPING,
  /** {@code visitorName}. */
  VISITOR_NAME,
  /** {@code lastUpdate}. */
  LAST_UPDATE,
  /** {@code chatTimeout}. */
  CHAT_TIMEOUT,
  /** Any other field: the session key, start time, visitor and session ids, links, attributes. */
  OTHER
}
