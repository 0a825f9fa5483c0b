package dev.chatinfo.testkit;

import dev.chatinfo.api.ChatInfo;
import dev.chatinfo.api.ChatState;
import dev.chatinfo.api.Link;
import dev.chatinfo.api.TypingStatus;
import dev.chatinfo.api.codec.WireField;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Fluent assertions on a {@link ChatInfo}, one method per field and per useful fact. Get one with
 * {@link ChatInfoAssertions#assertThat(ChatInfo)}.
 *
 * <pre>{@code
 * assertThat(info).isChatting().hasAgentName("Barber").visitorIsTyping()
 *     .expiresWithin(Duration.ofSeconds(40)).hasLink(Link.VISITOR_NAME);
 * }</pre>
 *
 * <p>A failure throws {@link org.opentest4j.AssertionFailedError} with the expected and actual
 * values (IDEs show a diff) and names the chat by its session key. Not thread-safe.
 */
public final class ChatInfoAssert {

  private final ChatInfo actual;
  private final Failures failures;

  ChatInfoAssert(ChatInfo actual, Failures failures) {
    this.actual = actual;
    this.failures = failures;
  }

  /**
   * Checks the state.
   *
   * @param expected the state
   * @return this
   */
  public ChatInfoAssert hasState(ChatState expected) {
    return check(WireField.STATE.wireName(), expected, actual == null ? null : actual.state());
  }

  /**
   * Checks the state is {@link ChatState#WAITING}.
   *
   * @return this
   */
  public ChatInfoAssert isWaiting() {
    return hasState(ChatState.WAITING);
  }

  /**
   * Checks the state is {@link ChatState#CHATTING}.
   *
   * @return this
   */
  public ChatInfoAssert isChatting() {
    return hasState(ChatState.CHATTING);
  }

  /**
   * Checks the state is {@link ChatState#ENDED}.
   *
   * @return this
   */
  public ChatInfoAssert isEnded() {
    return hasState(ChatState.ENDED);
  }

  /**
   * Checks the state text exactly as sent.
   *
   * @param expected the raw state
   * @return this
   */
  public ChatInfoAssert hasRawState(String expected) {
    return check("rawState", expected, actual == null ? null : actual.rawState());
  }

  /**
   * Checks the chat goes on (waiting or chatting).
   *
   * @return this
   */
  public ChatInfoAssert isActive() {
    if (present() && !actual.isActive()) {
      failures.fail(prefix() + "expected the chat to be active (waiting or chatting) but it was "
          + actual.rawState(), "waiting or chatting", actual.state());
    }
    return this;
  }

  /**
   * Checks the chat is over or in an unknown state.
   *
   * @return this
   */
  public ChatInfoAssert isNotActive() {
    if (present() && actual.isActive()) {
      failures.fail(prefix() + "expected the chat not to be active but it was " + actual.rawState(),
          "ended or unknown", actual.state());
    }
    return this;
  }

  /**
   * Checks the chat session key.
   *
   * @param expected the key
   * @return this
   */
  public ChatInfoAssert hasChatSessionKey(String expected) {
    return check(WireField.CHAT_SESSION_KEY.wireName(), expected, actual == null ? null : actual.chatSessionKey());
  }

  /**
   * Checks the agent's name.
   *
   * @param expected the name
   * @return this
   */
  public ChatInfoAssert hasAgentName(String expected) {
    return check(WireField.AGENT_NAME.wireName(), Optional.of(expected), actual == null ? null : actual.agentName());
  }

  /**
   * Checks no agent name is given (no agent has the chat yet).
   *
   * @return this
   */
  public ChatInfoAssert hasNoAgentName() {
    return check(WireField.AGENT_NAME.wireName(), Optional.empty(), actual == null ? null : actual.agentName());
  }

  /**
   * Checks the agent's id.
   *
   * @param expected the id
   * @return this
   */
  public ChatInfoAssert hasAgentId(long expected) {
    return check(WireField.AGENT_ID.wireName(), OptionalLong.of(expected), actual == null ? null : actual.agentId());
  }

  /**
   * Checks no agent id is given.
   *
   * @return this
   */
  public ChatInfoAssert hasNoAgentId() {
    return check(WireField.AGENT_ID.wireName(), OptionalLong.empty(), actual == null ? null : actual.agentId());
  }

  /**
   * Checks the start time (offset included).
   *
   * @param expected the time
   * @return this
   */
  public ChatInfoAssert hasStartTime(OffsetDateTime expected) {
    return check(WireField.START_TIME.wireName(), Optional.of(expected), actual == null ? null : actual.startTime());
  }

  /**
   * Checks the time of the last update (offset included).
   *
   * @param expected the time
   * @return this
   */
  public ChatInfoAssert hasLastUpdate(OffsetDateTime expected) {
    return check(WireField.LAST_UPDATE.wireName(), Optional.of(expected), actual == null ? null : actual.lastUpdate());
  }

  /**
   * Checks the chat time-out.
   *
   * @param expected the time-out
   * @return this
   */
  public ChatInfoAssert hasChatTimeout(Duration expected) {
    return check(WireField.CHAT_TIMEOUT.wireName(), Optional.of(expected), actual == null ? null : actual.chatTimeout());
  }

  /**
   * Checks the visitor's id.
   *
   * @param expected the id
   * @return this
   */
  public ChatInfoAssert hasVisitorId(long expected) {
    return check(WireField.VISITOR_ID.wireName(), OptionalLong.of(expected), actual == null ? null : actual.visitorId());
  }

  /**
   * Checks the agent's typing status.
   *
   * @param expected the status
   * @return this
   */
  public ChatInfoAssert hasAgentTyping(TypingStatus expected) {
    return check(WireField.AGENT_TYPING.wireName(), expected, actual == null ? null : actual.agentTyping());
  }

  /**
   * Checks the agent is typing.
   *
   * @return this
   */
  public ChatInfoAssert agentIsTyping() {
    return hasAgentTyping(TypingStatus.TYPING);
  }

  /**
   * Checks the agent is not typing.
   *
   * @return this
   */
  public ChatInfoAssert agentIsNotTyping() {
    return hasAgentTyping(TypingStatus.NOT_TYPING);
  }

  /**
   * Checks the visitor's typing status.
   *
   * @param expected the status
   * @return this
   */
  public ChatInfoAssert hasVisitorTyping(TypingStatus expected) {
    return check(WireField.VISITOR_TYPING.wireName(), expected, actual == null ? null : actual.visitorTyping());
  }

  /**
   * Checks the visitor is typing.
   *
   * @return this
   */
  public ChatInfoAssert visitorIsTyping() {
    return hasVisitorTyping(TypingStatus.TYPING);
  }

  /**
   * Checks the visitor is not typing.
   *
   * @return this
   */
  public ChatInfoAssert visitorIsNotTyping() {
    return hasVisitorTyping(TypingStatus.NOT_TYPING);
  }

  /**
   * Checks the visitor's name.
   *
   * @param expected the name
   * @return this
   */
  public ChatInfoAssert hasVisitorName(String expected) {
    return check(WireField.VISITOR_NAME.wireName(), expected, actual == null ? null : actual.visitorName());
  }

  /**
   * Checks the real-time session id.
   *
   * @param expected the id
   * @return this
   */
  public ChatInfoAssert hasRtSessionId(long expected) {
    return check(WireField.RT_SESSION_ID.wireName(), OptionalLong.of(expected), actual == null ? null : actual.rtSessionId());
  }

  /**
   * Checks the participant id (single-sign-on chats).
   *
   * @param expected the id
   * @return this
   */
  public ChatInfoAssert hasParticipantId(String expected) {
    return check(WireField.PARTICIPANT_ID.wireName(), Optional.of(expected), actual == null ? null : actual.participantId());
  }

  /**
   * Checks there is no participant id.
   *
   * @return this
   */
  public ChatInfoAssert hasNoParticipantId() {
    return check(WireField.PARTICIPANT_ID.wireName(), Optional.empty(), actual == null ? null : actual.participantId());
  }

  /**
   * Checks there is a link with this relationship.
   *
   * @param rel the relationship, such as {@link Link#VISITOR_NAME}
   * @return this
   */
  public ChatInfoAssert hasLink(String rel) {
    if (present() && actual.link(rel).isEmpty()) {
      failures.fail(prefix() + "expected a link with rel \"" + rel + "\" but the links were " + rels(),
          rel, rels());
    }
    return this;
  }

  /**
   * Checks the first link with this relationship has this href.
   *
   * @param rel the relationship
   * @param href the href, exactly
   * @return this
   */
  public ChatInfoAssert hasLink(String rel, String href) {
    hasLink(rel);
    if (present() && actual.link(rel).isPresent()) {
      check("link \"" + rel + "\" href", href, actual.link(rel).get().href());
    }
    return this;
  }

  /**
   * Checks there is no link with this relationship.
   *
   * @param rel the relationship
   * @return this
   */
  public ChatInfoAssert hasNoLink(String rel) {
    if (present() && actual.link(rel).isPresent()) {
      failures.fail(prefix() + "expected no link with rel \"" + rel + "\" but found " + actual.link(rel).get());
    }
    return this;
  }

  /**
   * Checks an attribute (a field chatinfo does not model, such as {@code skillName}) is present.
   *
   * @param name the field name
   * @return this
   */
  public ChatInfoAssert hasAttribute(String name) {
    if (present() && !actual.attributes().containsKey(name)) {
      failures.fail(prefix() + "expected attribute \"" + name + "\" but the attributes were "
          + actual.attributes().keySet(), name, actual.attributes().keySet());
    }
    return this;
  }

  /**
   * Checks an attribute's value.
   *
   * @param name the field name
   * @param value its value as text
   * @return this
   */
  public ChatInfoAssert hasAttribute(String name, String value) {
    if (present()) {
      check("attribute \"" + name + "\"", Optional.of(value), Optional.ofNullable(actual.attributes().get(name)));
    }
    return this;
  }

  /**
   * Checks when the chat times out ({@code lastUpdate + chatTimeout}).
   *
   * @param expected the instant
   * @return this
   */
  public ChatInfoAssert expiresAt(Instant expected) {
    return check("expiresAt", Optional.of(expected), actual == null ? null : actual.expiresAt());
  }

  /**
   * Checks the chat times out no later than {@code within} from now (system clock).
   *
   * @param within the longest wait
   * @return this
   */
  public ChatInfoAssert expiresWithin(Duration within) {
    return expiresWithin(within, Clock.systemUTC());
  }

  /**
   * Checks the chat times out no later than {@code within} from the given clock's now.
   *
   * @param within the longest wait
   * @param clock what "now" is
   * @return this
   */
  public ChatInfoAssert expiresWithin(Duration within, Clock clock) {
    if (!present()) {
      return this;
    }
    Instant limit = clock.instant().plus(within);
    Optional<Instant> at = actual.expiresAt();
    if (at.isEmpty()) {
      failures.fail(prefix() + "expected the chat to expire within " + within
          + " but it has no expiry (lastUpdate " + actual.lastUpdate().map(Object::toString).orElse("absent")
          + ", chatTimeout " + actual.chatTimeout().map(Object::toString).orElse("absent") + ")",
          "expiry before " + limit, "no expiry");
    } else if (at.get().isAfter(limit)) {
      failures.fail(prefix() + "expected the chat to expire within " + within + " (by " + limit
          + ") but it expires at " + at.get(), limit, at.get());
    }
    return this;
  }

  /**
   * Checks the whole value, field by field: the message lists every field of the wire
   * ({@link WireField}, each shown as the wire writes it) that differs, then the attributes.
   *
   * @param expected the expected chat information
   * @return this
   */
  public ChatInfoAssert isEqualTo(ChatInfo expected) {
    Objects.requireNonNull(expected, "expected");
    if (!present() || expected.equals(actual)) {
      return this;
    }
    List<String> diffs = new ArrayList<>();
    for (WireField field : WireField.values()) {
      if (field == WireField.LINK) {
        diff(diffs, "links", expected.links(), actual.links());
      } else {
        diff(diffs, field.wireName(), field.wireText(expected), field.wireText(actual));
      }
    }
    diff(diffs, "attributes", expected.attributes(), actual.attributes());
    failures.fail(prefix() + "expected equal chat information, but " + String.join("; ", diffs),
        expected, actual);
    return this;
  }

  /**
   * The value under test, for checks this class does not have.
   *
   * @return the chat information
   */
  public ChatInfo actual() {
    return actual;
  }

  private static void diff(List<String> diffs, String field, Object expected, Object actual) {
    if (!Objects.equals(expected, actual)) {
      diffs.add(field + " was <" + show(actual) + "> instead of <" + show(expected) + ">");
    }
  }

  private ChatInfoAssert check(String field, Object expected, Object value) {
    if (present() && !Objects.equals(expected, value)) {
      failures.fail(prefix() + "expected " + field + " to be <" + show(expected) + "> but was <" + show(value) + ">",
          expected, value);
    }
    return this;
  }

  private boolean present() {
    if (actual == null) {
      failures.fail("expected chat information but was null");
      return false;
    }
    return true;
  }

  private String prefix() {
    return "[chat " + actual.chatSessionKey() + "] ";
  }

  private List<String> rels() {
    List<String> rels = new ArrayList<>();
    actual.links().forEach(l -> rels.add(l.rel()));
    return rels;
  }

  private static String show(Object value) {
    if (value instanceof Optional<?> o) {
      return o.map(String::valueOf).orElse("absent");
    }
    if (value instanceof OptionalLong o) {
      return o.isPresent() ? Long.toString(o.getAsLong()) : "absent";
    }
    if (value instanceof ChatState s) {
      return s.wireValue();
    }
    if (value instanceof TypingStatus t) {
      return t.wireValue();
    }
    return String.valueOf(value);
  }
}
