package dev.chatinfo.testkit;

import dev.chatinfo.api.ChatInfo;
import dev.chatinfo.api.ChatState;
import dev.chatinfo.api.TypingStatus;
import java.time.Duration;
import java.time.OffsetDateTime;

/**
 * Realistic chat information in each state, as the service sends it, to use as is or as the start
 * of a variation.
 *
 * <pre>{@code
 * ChatInfo chatting = ChatInfoFixtures.chatting();
 * ChatInfo typing = ChatInfoFixtures.chattingBuilder().visitorTyping(TypingStatus.TYPING).build();
 * ChatInfo sso = ChatInfoFixtures.chattingBuilder().participantId("8d7c2b1a-...").build();
 * }</pre>
 *
 * <p>Fixtures carry no links: {@link FakeChatServer#addChat(ChatInfo)} adds links that point at
 * the server itself. Every call returns a new value (or builder); they are all equal per kind.
 */
public final class ChatInfoFixtures {

  /** When the fixture chats started: 2018-01-29T08:19:43.976-05:00. */
  public static final OffsetDateTime START_TIME = OffsetDateTime.parse("2018-01-29T08:19:43.976-05:00");

  /** When the chatting fixture was last updated: 2018-01-29T08:20:54.560-05:00. */
  public static final OffsetDateTime LAST_UPDATE = OffsetDateTime.parse("2018-01-29T08:20:54.560-05:00");

  private ChatInfoFixtures() {}

  /**
   * A visitor waiting for an agent: no agent yet, nobody typing.
   *
   * @return the chat information
   */
  public static ChatInfo waiting() {
    return waitingBuilder().build();
  }

  /**
   * The builder of {@link #waiting()}, to vary it.
   *
   * @return a new builder
   */
  public static ChatInfo.Builder waitingBuilder() {
    return ChatInfo.builder()
        .state(ChatState.WAITING)
        .chatSessionKey("H3128476291385426589-c0a8K8457415")
        .startTime(START_TIME)
        .lastUpdate(START_TIME.plusSeconds(5))
        .chatTimeout(Duration.ofSeconds(40))
        .visitorId(1215602164887992L)
        .agentTyping(TypingStatus.NOT_TYPING)
        .visitorTyping(TypingStatus.NOT_TYPING)
        .visitorName("visitor")
        .rtSessionId(4295036103L)
        .attribute("skillName", "Sales")
        .attribute("language", "en-US");
  }

  /**
   * Agent Barber chatting with a visitor: the example of LivePerson's documentation.
   *
   * @return the chat information
   */
  public static ChatInfo chatting() {
    return chattingBuilder().build();
  }

  /**
   * The builder of {@link #chatting()}, to vary it.
   *
   * @return a new builder
   */
  public static ChatInfo.Builder chattingBuilder() {
    return ChatInfo.builder()
        .state(ChatState.CHATTING)
        .chatSessionKey("H3128476291385426589-c0a8K8457415")
        .agentName("Barber")
        .agentId(311098910L)
        .startTime(START_TIME)
        .lastUpdate(LAST_UPDATE)
        .chatTimeout(Duration.ofSeconds(40))
        .visitorId(1215602164887992L)
        .agentTyping(TypingStatus.NOT_TYPING)
        .visitorTyping(TypingStatus.TYPING)
        .visitorName("visitor")
        .rtSessionId(4295036103L)
        .attribute("skillName", "Sales")
        .attribute("language", "en-US");
  }

  /**
   * A chat the agent has ended: typing unknown, no time-out running.
   *
   * @return the chat information
   */
  public static ChatInfo ended() {
    return endedBuilder().build();
  }

  /**
   * The builder of {@link #ended()}, to vary it.
   *
   * @return a new builder
   */
  public static ChatInfo.Builder endedBuilder() {
    return ChatInfo.builder()
        .state(ChatState.ENDED)
        .chatSessionKey("H3128476291385426589-c0a8K8457415")
        .agentName("Barber")
        .agentId(311098910L)
        .startTime(START_TIME)
        .lastUpdate(OffsetDateTime.parse("2018-01-29T08:31:12.004-05:00"))
        .visitorId(1215602164887992L)
        .agentTyping(TypingStatus.UNKNOWN)
        .visitorTyping(TypingStatus.UNKNOWN)
        .visitorName("Ann")
        .rtSessionId(4295036103L)
        .attribute("skillName", "Sales")
        .attribute("language", "en-US")
        .attribute("engagementId", "3419228491");
  }

  /**
   * A chat of a single-sign-on visitor, which also carries a participant id.
   *
   * @return the chat information
   */
  public static ChatInfo chattingWithSsoVisitor() {
    return chattingBuilder().visitorName("Zoë Müller").participantId("8d7c2b1a-3e4f-4a5b-9c6d-7e8f9a0b1c2d").build();
  }
}
