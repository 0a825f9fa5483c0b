package dev.chatinfo.api;

import dev.chatinfo.api.codec.WireField;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * The information of one chat, as the service's {@code info} resource describes it: its state,
 * agent, visitor, typing status, start time, last update and time-out.
 *
 * <p>Immutable and thread-safe. {@code equals} and {@code hashCode} cover every field, and
 * {@code toString} shows every field. Build one with {@link #builder()}, or change a copy with
 * {@link #toBuilder()}:
 *
 * <pre>{@code
 * ChatInfo info = ChatInfo.builder()
 *     .state(ChatState.CHATTING)
 *     .chatSessionKey("H3128476291385426589-c0a8K8457415")
 *     .agentName("Barber")
 *     .chatTimeout(Duration.ofSeconds(40))
 *     .build();
 * ChatInfo typing = info.toBuilder().visitorTyping(TypingStatus.TYPING).build();
 * }</pre>
 *
 * <p>Every text must be writable in both wire formats: characters that XML 1.0 cannot carry, and
 * texts longer than {@link #MAX_TEXT_LENGTH}, are refused by the builder with
 * {@link IllegalArgumentException}.
 */
public final class ChatInfo {

  /**
   * The longest text any field, link or attribute may hold (64 Ki characters): the codecs refuse
   * longer values on the wire, so the model refuses them too and every valid value round-trips.
   */
  public static final int MAX_TEXT_LENGTH = 65_536;

  /** The visitor name the service uses when the visitor gave none. */
  public static final String DEFAULT_VISITOR_NAME = "visitor";

  /**
   * The wire names of the fields this model knows ({@link WireField#wireName()} of every
   * {@link WireField}); no attribute may take one of them.
   */
  public static final Set<String> FIELD_NAMES = wireNames();

  private static final int MAX_ATTRIBUTE_NAME_LENGTH = 256;

  private static Set<String> wireNames() {
    List<String> names = new ArrayList<>();
    for (WireField field : WireField.values()) {
      names.add(field.wireName());
    }
    return Set.copyOf(names);
  }

  private final ChatState state;
  private final String rawState;
  private final String chatSessionKey;
  private final String agentName;
  private final Long agentId;
  private final OffsetDateTime startTime;
  private final OffsetDateTime lastUpdate;
  private final Duration chatTimeout;
  private final Long visitorId;
  private final TypingStatus agentTyping;
  private final TypingStatus visitorTyping;
  private final String visitorName;
  private final Long rtSessionId;
  private final String participantId;
  private final List<Link> links;
  private final Map<String, String> attributes;

  private ChatInfo(Builder b) {
    this.state = b.state;
    this.rawState = b.rawState;
    this.chatSessionKey = b.chatSessionKey;
    this.agentName = b.agentName;
    this.agentId = b.agentId;
    this.startTime = b.startTime;
    this.lastUpdate = b.lastUpdate;
    this.chatTimeout = b.chatTimeout;
    this.visitorId = b.visitorId;
    this.agentTyping = b.agentTyping;
    this.visitorTyping = b.visitorTyping;
    this.visitorName = b.visitorName;
    this.rtSessionId = b.rtSessionId;
    this.participantId = b.participantId;
    this.links = List.copyOf(b.links);
    this.attributes = Collections.unmodifiableMap(new LinkedHashMap<>(b.attributes));
  }

  /**
   * Returns an empty builder.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns a builder holding every field of this value, to make a changed copy.
   *
   * @return a new builder
   */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /**
   * The state of the chat; {@link ChatState#UNKNOWN} when the service sent a value this library
   * does not know (see {@link #rawState()}).
   *
   * @return the state
   */
  public ChatState state() {
    return state;
  }

  /**
   * The state exactly as the service sent it, such as {@code "chatting"} or an unknown value.
   *
   * @return the raw state text
   */
  public String rawState() {
    return rawState;
  }

  /**
   * The chat session key, which identifies the chat session at LivePerson.
   *
   * @return the key, never empty
   */
  public String chatSessionKey() {
    return chatSessionKey;
  }

  /**
   * The name of the agent, when an agent has taken the chat.
   *
   * @return the agent's name
   */
  public Optional<String> agentName() {
    return Optional.ofNullable(agentName);
  }

  /**
   * The id of the agent, when an agent has taken the chat.
   *
   * @return the agent's id
   */
  public OptionalLong agentId() {
    return optional(agentId);
  }

  /**
   * When the chat started, with the offset the service sent.
   *
   * @return the start time
   */
  public Optional<OffsetDateTime> startTime() {
    return Optional.ofNullable(startTime);
  }

  /**
   * When the chat was last updated, with the offset the service sent.
   *
   * @return the time of the last update
   */
  public Optional<OffsetDateTime> lastUpdate() {
    return Optional.ofNullable(lastUpdate);
  }

  /**
   * How long the chat may stay without update before the service ends it (seconds on the wire).
   *
   * @return the time-out
   */
  public Optional<Duration> chatTimeout() {
    return Optional.ofNullable(chatTimeout);
  }

  /**
   * The id of the visitor.
   *
   * @return the visitor's id
   */
  public OptionalLong visitorId() {
    return optional(visitorId);
  }

  /**
   * Whether the agent is typing; {@link TypingStatus#UNKNOWN} when not reported.
   *
   * @return the agent's typing status
   */
  public TypingStatus agentTyping() {
    return agentTyping;
  }

  /**
   * Whether the visitor is typing; {@link TypingStatus#UNKNOWN} when not reported.
   *
   * @return the visitor's typing status
   */
  public TypingStatus visitorTyping() {
    return visitorTyping;
  }

  /**
   * The visitor's name; {@value #DEFAULT_VISITOR_NAME} when the service sent none.
   *
   * @return the visitor's name
   */
  public String visitorName() {
    return visitorName;
  }

  /**
   * The real-time session id of the chat.
   *
   * @return the id
   */
  public OptionalLong rtSessionId() {
    return optional(rtSessionId);
  }

  /**
   * The participant id (a GUID, as text); sent only for chats of single-sign-on visitors.
   *
   * @return the participant id
   */
  public Optional<String> participantId() {
    return Optional.ofNullable(participantId);
  }

  /**
   * The links of the response, in wire order.
   *
   * @return an unmodifiable list
   */
  public List<Link> links() {
    return links;
  }

  /**
   * The first link with the given relationship.
   *
   * @param rel a relationship such as {@link Link#VISITOR_TYPING}
   * @return the link, or empty
   */
  public Optional<Link> link(String rel) {
    for (Link link : links) {
      if (link.rel().equals(rel)) {
        return Optional.of(link);
      }
    }
    return Optional.empty();
  }

  /**
   * Every other scalar field of the response ({@code skillName}, {@code language}, ...), in wire
   * order, as text. Names are made of {@code [A-Za-z0-9._-]} and start with a letter or
   * {@code _}; codecs skip fields whose names are not.
   *
   * @return an unmodifiable map, iterated in wire order
   */
  public Map<String, String> attributes() {
    return attributes;
  }

  /**
   * When the chat times out: {@link #lastUpdate()} plus {@link #chatTimeout()}, when both are
   * present ({@link Instant#MAX} if the sum is beyond what an {@code Instant} can hold).
   *
   * @return the expiry instant
   */
  public Optional<Instant> expiresAt() {
    if (lastUpdate == null || chatTimeout == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(lastUpdate.toInstant().plus(chatTimeout));
    } catch (DateTimeException | ArithmeticException e) {
      return Optional.of(Instant.MAX);
    }
  }

  /**
   * True while the chat goes on: its state is {@link ChatState#WAITING} or {@link ChatState#CHATTING}.
   *
   * @return whether the chat is active
   */
  public boolean isActive() {
    return state == ChatState.WAITING || state == ChatState.CHATTING;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof ChatInfo)) {
      return false;
    }
    ChatInfo that = (ChatInfo) o;
    return state == that.state
        && rawState.equals(that.rawState)
        && chatSessionKey.equals(that.chatSessionKey)
        && Objects.equals(agentName, that.agentName)
        && Objects.equals(agentId, that.agentId)
        && Objects.equals(startTime, that.startTime)
        && Objects.equals(lastUpdate, that.lastUpdate)
        && Objects.equals(chatTimeout, that.chatTimeout)
        && Objects.equals(visitorId, that.visitorId)
        && agentTyping == that.agentTyping
        && visitorTyping == that.visitorTyping
        && visitorName.equals(that.visitorName)
        && Objects.equals(rtSessionId, that.rtSessionId)
        && Objects.equals(participantId, that.participantId)
        && links.equals(that.links)
        && attributes.equals(that.attributes);
  }

  @Override
  public int hashCode() {
    return Objects.hash(state, rawState, chatSessionKey, agentName, agentId, startTime, lastUpdate,
        chatTimeout, visitorId, agentTyping, visitorTyping, visitorName, rtSessionId, participantId,
        links, attributes);
  }

  @Override
  public String toString() {
    return "ChatInfo{state=" + state
        + ", rawState=" + rawState
        + ", chatSessionKey=" + chatSessionKey
        + ", agentName=" + orNone(agentName)
        + ", agentId=" + orNone(agentId)
        + ", startTime=" + orNone(startTime)
        + ", lastUpdate=" + orNone(lastUpdate)
        + ", chatTimeout=" + orNone(chatTimeout)
        + ", visitorId=" + orNone(visitorId)
        + ", agentTyping=" + agentTyping
        + ", visitorTyping=" + visitorTyping
        + ", visitorName=" + visitorName
        + ", rtSessionId=" + orNone(rtSessionId)
        + ", participantId=" + orNone(participantId)
        + ", links=" + links
        + ", attributes=" + attributes
        + '}';
  }

  private static String orNone(Object value) {
    return value == null ? "none" : value.toString();
  }

  private static OptionalLong optional(Long value) {
    return value == null ? OptionalLong.empty() : OptionalLong.of(value);
  }

  /**
   * Builds a {@link ChatInfo}. Not thread-safe. Setters of optional fields take {@code null} (or
   * an empty {@code OptionalLong}) to mean "absent".
   */
  public static final class Builder {
    private ChatState state;
    private String rawState;
    private String chatSessionKey;
    private String agentName;
    private Long agentId;
    private OffsetDateTime startTime;
    private OffsetDateTime lastUpdate;
    private Duration chatTimeout;
    private Long visitorId;
    private TypingStatus agentTyping = TypingStatus.UNKNOWN;
    private TypingStatus visitorTyping = TypingStatus.UNKNOWN;
    private String visitorName = DEFAULT_VISITOR_NAME;
    private Long rtSessionId;
    private String participantId;
    private final List<Link> links = new ArrayList<>();
    private final Map<String, String> attributes = new LinkedHashMap<>();

    private Builder() {}

    private Builder(ChatInfo info) {
      state = info.state;
      rawState = info.rawState;
      chatSessionKey = info.chatSessionKey;
      agentName = info.agentName;
      agentId = info.agentId;
      startTime = info.startTime;
      lastUpdate = info.lastUpdate;
      chatTimeout = info.chatTimeout;
      visitorId = info.visitorId;
      agentTyping = info.agentTyping;
      visitorTyping = info.visitorTyping;
      visitorName = info.visitorName;
      rtSessionId = info.rtSessionId;
      participantId = info.participantId;
      links.addAll(info.links);
      attributes.putAll(info.attributes);
    }

    /**
     * Sets the state. The raw text set before is kept only if it still reads as this state;
     * otherwise the raw text becomes {@code state.wireValue()}.
     *
     * @param state the state, not null
     * @return this builder
     */
    public Builder state(ChatState state) {
      this.state = require(state, "state");
      if (rawState == null || ChatState.fromWire(rawState) != state) {
        rawState = state.wireValue();
      }
      return this;
    }

    /**
     * Sets the state exactly as sent on the wire; {@link #state(ChatState)} becomes
     * {@code ChatState.fromWire(rawState)}.
     *
     * @param rawState the text sent by the service, not null
     * @return this builder
     */
    public Builder rawState(String rawState) {
      this.rawState = Text.requireWireSafe("rawState", require(rawState, "rawState"));
      this.state = ChatState.fromWire(rawState);
      return this;
    }

    /**
     * Sets the chat session key (required, not empty).
     *
     * @param chatSessionKey the key
     * @return this builder
     */
    public Builder chatSessionKey(String chatSessionKey) {
      require(chatSessionKey, "chatSessionKey");
      if (chatSessionKey.isEmpty()) {
        throw new IllegalArgumentException("chatSessionKey must not be empty");
      }
      this.chatSessionKey = Text.requireWireSafe("chatSessionKey", chatSessionKey);
      return this;
    }

    /**
     * Sets the agent's name.
     *
     * @param agentName the name, or null for none
     * @return this builder
     */
    public Builder agentName(String agentName) {
      this.agentName = safe("agentName", agentName);
      return this;
    }

    /**
     * Sets the agent's id.
     *
     * @param agentId the id
     * @return this builder
     */
    public Builder agentId(long agentId) {
      this.agentId = agentId;
      return this;
    }

    /**
     * Sets or clears the agent's id.
     *
     * @param agentId the id, or empty for none
     * @return this builder
     */
    public Builder agentId(OptionalLong agentId) {
      this.agentId = boxed(agentId, "agentId");
      return this;
    }

    /**
     * Sets the start time; its offset is kept.
     *
     * @param startTime the time, or null for none
     * @return this builder
     */
    public Builder startTime(OffsetDateTime startTime) {
      this.startTime = startTime;
      return this;
    }

    /**
     * Sets the time of the last update; its offset is kept.
     *
     * @param lastUpdate the time, or null for none
     * @return this builder
     */
    public Builder lastUpdate(OffsetDateTime lastUpdate) {
      this.lastUpdate = lastUpdate;
      return this;
    }

    /**
     * Sets the chat time-out: whole seconds (the wire unit), not negative.
     *
     * @param chatTimeout the time-out, or null for none
     * @return this builder
     * @throws IllegalArgumentException if negative or not a whole number of seconds
     */
    public Builder chatTimeout(Duration chatTimeout) {
      if (chatTimeout != null && (chatTimeout.isNegative() || chatTimeout.getNano() != 0)) {
        throw new IllegalArgumentException(
            "chatTimeout must be a non-negative whole number of seconds, was " + chatTimeout);
      }
      this.chatTimeout = chatTimeout;
      return this;
    }

    /**
     * Sets the visitor's id.
     *
     * @param visitorId the id
     * @return this builder
     */
    public Builder visitorId(long visitorId) {
      this.visitorId = visitorId;
      return this;
    }

    /**
     * Sets or clears the visitor's id.
     *
     * @param visitorId the id, or empty for none
     * @return this builder
     */
    public Builder visitorId(OptionalLong visitorId) {
      this.visitorId = boxed(visitorId, "visitorId");
      return this;
    }

    /**
     * Sets whether the agent is typing.
     *
     * @param agentTyping the status, or null for {@link TypingStatus#UNKNOWN}
     * @return this builder
     */
    public Builder agentTyping(TypingStatus agentTyping) {
      this.agentTyping = agentTyping == null ? TypingStatus.UNKNOWN : agentTyping;
      return this;
    }

    /**
     * Sets whether the visitor is typing.
     *
     * @param visitorTyping the status, or null for {@link TypingStatus#UNKNOWN}
     * @return this builder
     */
    public Builder visitorTyping(TypingStatus visitorTyping) {
      this.visitorTyping = visitorTyping == null ? TypingStatus.UNKNOWN : visitorTyping;
      return this;
    }

    /**
     * Sets the visitor's name.
     *
     * @param visitorName the name, or null for {@value ChatInfo#DEFAULT_VISITOR_NAME}
     * @return this builder
     */
    public Builder visitorName(String visitorName) {
      this.visitorName = visitorName == null ? DEFAULT_VISITOR_NAME
          : Text.requireWireSafe("visitorName", visitorName);
      return this;
    }

    /**
     * Sets the real-time session id.
     *
     * @param rtSessionId the id
     * @return this builder
     */
    public Builder rtSessionId(long rtSessionId) {
      this.rtSessionId = rtSessionId;
      return this;
    }

    /**
     * Sets or clears the real-time session id.
     *
     * @param rtSessionId the id, or empty for none
     * @return this builder
     */
    public Builder rtSessionId(OptionalLong rtSessionId) {
      this.rtSessionId = boxed(rtSessionId, "rtSessionId");
      return this;
    }

    /**
     * Sets the participant id (single-sign-on chats only).
     *
     * @param participantId the GUID as text, or null for none
     * @return this builder
     */
    public Builder participantId(String participantId) {
      this.participantId = safe("participantId", participantId);
      return this;
    }

    /**
     * Adds a link after those already set.
     *
     * @param link the link, not null
     * @return this builder
     */
    public Builder link(Link link) {
      links.add(require(link, "link"));
      return this;
    }

    /**
     * Replaces every link.
     *
     * @param links the links in wire order, not null and without null elements
     * @return this builder
     */
    public Builder links(List<Link> links) {
      List<Link> copy = new ArrayList<>(require(links, "links"));
      copy.forEach(link -> require(link, "link"));
      this.links.clear();
      this.links.addAll(copy);
      return this;
    }

    /**
     * Adds (or replaces) one attribute: a scalar field this model does not know, as text.
     *
     * @param name the field name: 1 to 256 characters of {@code [A-Za-z0-9._-]}, starting with a
     *     letter or {@code _}, and not the name of a known field ({@link WireField})
     * @param value the value as text, not null
     * @return this builder
     * @throws IllegalArgumentException if the name or value is not valid
     */
    public Builder attribute(String name, String value) {
      attributes.put(name, checkedAttribute(name, value));
      return this;
    }

    /**
     * Replaces every attribute. Every entry is checked as {@link #attribute(String, String)} checks
     * it before any is kept: an invalid entry leaves the builder's attributes as they were.
     *
     * @param attributes the attributes, in the order to keep
     * @return this builder
     * @throws IllegalArgumentException if a name or value is not valid
     */
    public Builder attributes(Map<String, String> attributes) {
      Map<String, String> checked = new LinkedHashMap<>();
      require(attributes, "attributes").forEach((name, value) -> checked.put(name, checkedAttribute(name, value)));
      this.attributes.clear();
      this.attributes.putAll(checked);
      return this;
    }

    /** The value, once name and value are known valid for an attribute. */
    private static String checkedAttribute(String name, String value) {
      require(name, "attribute name");
      if (!isAttributeName(name)) {
        throw new IllegalArgumentException("attribute name must be 1 to " + MAX_ATTRIBUTE_NAME_LENGTH
            + " characters of [A-Za-z0-9._-] starting with a letter or '_', was "
            + (name.length() > 64 ? '"' + name.substring(0, 64) + "\"..." : '"' + name + '"'));
      }
      if (WireField.byWireName(name).isPresent()) {
        throw new IllegalArgumentException("attribute name '" + name + "' is a field of ChatInfo");
      }
      return Text.requireWireSafe("attribute " + name, require(value, "attribute value"));
    }

    /**
     * Builds the value.
     *
     * @return the chat information
     * @throws IllegalStateException if {@code state} or {@code chatSessionKey} was not set
     */
    public ChatInfo build() {
      if (state == null) {
        throw new IllegalStateException("state is required");
      }
      if (chatSessionKey == null) {
        throw new IllegalStateException("chatSessionKey is required");
      }
      return new ChatInfo(this);
    }

    /**
     * Tells whether a name can be an attribute name (see {@link #attribute(String, String)}).
     *
     * @param name the name
     * @return whether it is well formed; a known field name is well formed but still refused
     */
    public static boolean isAttributeName(String name) {
      if (name == null || name.isEmpty() || name.length() > MAX_ATTRIBUTE_NAME_LENGTH) {
        return false;
      }
      char first = name.charAt(0);
      if (!(first == '_' || (first >= 'a' && first <= 'z') || (first >= 'A' && first <= 'Z'))) {
        return false;
      }
      for (int i = 1; i < name.length(); i++) {
        char c = name.charAt(i);
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
            || c == '.' || c == '-' || c == '_')) {
          return false;
        }
      }
      return true;
    }

    private static <T> T require(T value, String what) {
      if (value == null) {
        throw new IllegalArgumentException(what + " must not be null");
      }
      return value;
    }

    private static String safe(String what, String value) {
      return value == null ? null : Text.requireWireSafe(what, value);
    }

    private static Long boxed(OptionalLong value, String what) {
      return require(value, what).isPresent() ? value.getAsLong() : null;
    }
  }
}
