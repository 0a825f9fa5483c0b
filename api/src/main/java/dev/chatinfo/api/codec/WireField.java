package dev.chatinfo.api.codec;

import dev.chatinfo.api.ChatInfo;
import dev.chatinfo.api.ChatInfoException;
import dev.chatinfo.api.TypingStatus;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The fields of the service's {@code info} resource, in the order the service sends them: the one
 * table of wire names that the codecs' readers and writers, {@link ChatInfo.Builder}'s check of
 * attribute names and the testkit's assertions share.
 *
 * <p>Each field has its wire name, its {@link Kind} (how its value is written on the wire), and
 * its binding to {@link ChatInfo}: {@link #wireText(ChatInfo)} gives the value as the wire writes
 * it, {@link #setFromWire(ChatInfo.Builder, String)} reads it back. A codec writes every field in
 * this order, reads any field in any order, and keeps any other scalar field as an
 * {@linkplain ChatInfo#attributes() attribute}. A new wire field is one new constant here (with
 * its accessor on {@code ChatInfo}): the compiler then asks for its binding in the two switches
 * below, and the codecs read and write it without a change.
 *
 * <pre>{@code
 * Optional<WireField> field = WireField.byWireName("agentId");          // AGENT_ID
 * field.get().setFromWire(builder, "311098910");                        // builder.agentId(311098910)
 * Optional<String> text = WireField.CHAT_TIMEOUT.wireText(info);        // "40"
 * }</pre>
 */
public enum WireField {

  /** {@code link}: the links of the response, each an {@code href} and a {@code rel}; repeats. */
  LINK("link", Kind.LINK),
  /** {@code state}: {@code waiting}, {@code chatting} or {@code ended}, kept as sent. Required. */
  STATE("state", Kind.STATE),
  /** {@code chatSessionKey}: the chat's key, not empty. Required. */
  CHAT_SESSION_KEY("chatSessionKey", Kind.TEXT),
  /** {@code agentName}: the agent's name. */
  AGENT_NAME("agentName", Kind.TEXT),
  /** {@code agentId}: the agent's id. */
  AGENT_ID("agentId", Kind.WHOLE_NUMBER),
  /** {@code startTime}: when the chat started. */
  START_TIME("startTime", Kind.TIME),
  /** {@code lastUpdate}: when the chat last changed. */
  LAST_UPDATE("lastUpdate", Kind.TIME),
  /** {@code chatTimeout}: how long after the last update the chat times out, in seconds. */
  CHAT_TIMEOUT("chatTimeout", Kind.SECONDS),
  /** {@code visitorId}: the visitor's id. */
  VISITOR_ID("visitorId", Kind.WHOLE_NUMBER),
  /** {@code agentTyping}: whether the agent is typing. */
  AGENT_TYPING("agentTyping", Kind.TYPING),
  /** {@code visitorTyping}: whether the visitor is typing. */
  VISITOR_TYPING("visitorTyping", Kind.TYPING),
  /** {@code visitorName}: the visitor's name ({@value ChatInfo#DEFAULT_VISITOR_NAME} when absent). */
  VISITOR_NAME("visitorName", Kind.TEXT),
  /** {@code rtSessionId}: the real-time session's id. */
  RT_SESSION_ID("rtSessionId", Kind.WHOLE_NUMBER),
  /** {@code participantId}: the visitor's GUID, as text; only for single sign-on chats. */
  PARTICIPANT_ID("participantId", Kind.TEXT);

  /** How a field's value is written on the wire. */
  public enum Kind {
    /** Text, kept exactly as sent. */
    TEXT,
    /** A whole number ({@link WireValues#parseLong}); a number in JSON, also read from a string. */
    WHOLE_NUMBER,
    /** A time, ISO-8601 with its offset, or epoch milliseconds ({@link WireValues#parseTime}). */
    TIME,
    /** A duration in whole, non-negative seconds ({@link WireValues#parseSeconds}). */
    SECONDS,
    /** A typing status ({@link TypingStatus#fromWire}); an unknown one is not written. */
    TYPING,
    /** The chat's state, kept as sent ({@link ChatInfo.Builder#rawState}). */
    STATE,
    /** A link: an {@code href} and a {@code rel}, as often as there are links. */
    LINK
  }

  /** Every field by its wire name, as a ready answer of {@link #byWireName}: no lookup allocates. */
  private static final Map<String, Optional<WireField>> BY_WIRE_NAME = new HashMap<>();

  static {
    for (WireField field : values()) {
      BY_WIRE_NAME.put(field.wireName, Optional.of(field));
    }
  }

  private final String wireName;
  private final Kind kind;

  WireField(String wireName, Kind kind) {
    this.wireName = wireName;
    this.kind = kind;
  }

  /**
   * The field of a wire name, compared exactly (the wire's names are case-sensitive). Allocates
   * nothing: codecs call it for every field they read.
   *
   * @param wireName a field name as sent, may be null
   * @return the field, or empty for a name that is no field of {@code info} (an attribute's)
   */
  public static Optional<WireField> byWireName(String wireName) {
    return wireName == null ? Optional.empty() : BY_WIRE_NAME.getOrDefault(wireName, Optional.empty());
  }

  /**
   * The field's name on the wire: a JSON member's name, an XML element's name.
   *
   * @return the name, such as {@code "chatSessionKey"}
   */
  public String wireName() {
    return wireName;
  }

  /**
   * How the field's value is written on the wire.
   *
   * @return the kind
   */
  public Kind kind() {
    return kind;
  }

  /**
   * Whether a response without this field is refused: {@link #STATE} and {@link #CHAT_SESSION_KEY}.
   *
   * @return whether the field is required
   */
  public boolean isRequired() {
    return this == STATE || this == CHAT_SESSION_KEY;
  }

  /**
   * The field's value in {@code info} as the wire writes it: text as is, the raw state, whole
   * numbers and seconds in decimal, times by {@link WireValues#formatTime}, typing by
   * {@link TypingStatus#wireValue()}. Empty when the wire leaves the field out: an absent value,
   * or a typing status that is {@link TypingStatus#UNKNOWN}.
   *
   * @param info the chat information
   * @return the text to write, or empty
   * @throws IllegalStateException for {@link #LINK}: write {@link ChatInfo#links()} one by one
   */
  public Optional<String> wireText(ChatInfo info) {
    Objects.requireNonNull(info, "info");
    return switch (this) {
      case LINK -> throw new IllegalStateException("links are written from ChatInfo.links(), one by one");
      case STATE -> Optional.of(info.rawState());
      case CHAT_SESSION_KEY -> Optional.of(info.chatSessionKey());
      case AGENT_NAME -> info.agentName();
      case AGENT_ID -> decimal(info.agentId());
      case START_TIME -> time(info.startTime());
      case LAST_UPDATE -> time(info.lastUpdate());
      case CHAT_TIMEOUT -> info.chatTimeout().map(timeout -> Long.toString(timeout.getSeconds()));
      case VISITOR_ID -> decimal(info.visitorId());
      case AGENT_TYPING -> typing(info.agentTyping());
      case VISITOR_TYPING -> typing(info.visitorTyping());
      case VISITOR_NAME -> Optional.of(info.visitorName());
      case RT_SESSION_ID -> decimal(info.rtSessionId());
      case PARTICIPANT_ID -> info.participantId();
    };
  }

  /**
   * Reads the field's value as sent into a builder, by its {@link #kind()}: text is kept exactly,
   * numbers, times and seconds are parsed by {@link WireValues} (surrounding whitespace ignored),
   * typing by {@link TypingStatus#fromWire}, the state by {@link ChatInfo.Builder#rawState}.
   *
   * @param builder the builder to set the field on
   * @param wireText the value as sent, not null (a codec skips a JSON {@code null} itself)
   * @return the builder
   * @throws ChatInfoException (MALFORMED_RESPONSE, naming the field and quoting the value) if the
   *     value does not parse, or a required text is empty
   * @throws IllegalArgumentException if the builder refuses the value (a character XML cannot carry)
   * @throws IllegalStateException for {@link #LINK}: read its {@code href} and {@code rel} instead
   */
  public ChatInfo.Builder setFromWire(ChatInfo.Builder builder, String wireText) {
    Objects.requireNonNull(builder, "builder");
    Objects.requireNonNull(wireText, "wireText");
    return switch (this) {
      case LINK -> throw new IllegalStateException("a link is read from its href and rel");
      case STATE -> builder.rawState(wireText);
      case CHAT_SESSION_KEY -> builder.chatSessionKey(nonEmpty(wireText));
      case AGENT_NAME -> builder.agentName(wireText);
      case AGENT_ID -> builder.agentId(WireValues.parseLong(wireName, wireText));
      case START_TIME -> builder.startTime(WireValues.parseTime(wireName, wireText));
      case LAST_UPDATE -> builder.lastUpdate(WireValues.parseTime(wireName, wireText));
      case CHAT_TIMEOUT -> builder.chatTimeout(WireValues.parseSeconds(wireName, wireText));
      case VISITOR_ID -> builder.visitorId(WireValues.parseLong(wireName, wireText));
      case AGENT_TYPING -> builder.agentTyping(TypingStatus.fromWire(wireText));
      case VISITOR_TYPING -> builder.visitorTyping(TypingStatus.fromWire(wireText));
      case VISITOR_NAME -> builder.visitorName(wireText);
      case RT_SESSION_ID -> builder.rtSessionId(WireValues.parseLong(wireName, wireText));
      case PARTICIPANT_ID -> builder.participantId(wireText);
    };
  }

  private String nonEmpty(String wireText) {
    if (wireText.isEmpty()) {
      throw WireValues.malformed(wireName, wireText, "is empty", null);
    }
    return wireText;
  }

  private static Optional<String> decimal(OptionalLong value) {
    return value.isPresent() ? Optional.of(Long.toString(value.getAsLong())) : Optional.empty();
  }

  private static Optional<String> time(Optional<OffsetDateTime> value) {
    return value.map(WireValues::formatTime);
  }

  private static Optional<String> typing(TypingStatus value) {
    return value == TypingStatus.UNKNOWN ? Optional.empty() : Optional.of(value.wireValue());
  }
}
