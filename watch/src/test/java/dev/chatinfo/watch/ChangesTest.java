package dev.chatinfo.watch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.chatinfo.api.ChatInfo;
import dev.chatinfo.api.ChatState;
import dev.chatinfo.api.Link;
import dev.chatinfo.api.TypingStatus;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** Which {@link ChatField} each field of ChatInfo is. */
class ChangesTest {

  static final ChatInfo BASE = ChatInfo.builder().state(ChatState.CHATTING).chatSessionKey("K1")
      .agentName("Barber").agentId(1).visitorName("Ann").visitorId(7).rtSessionId(9)
      .startTime(OffsetDateTime.of(2026, 3, 2, 8, 0, 0, 0, ZoneOffset.UTC))
      .lastUpdate(OffsetDateTime.of(2026, 3, 2, 8, 1, 0, 0, ZoneOffset.UTC))
      .chatTimeout(Duration.ofSeconds(40)).agentTyping(TypingStatus.NOT_TYPING)
      .visitorTyping(TypingStatus.NOT_TYPING).build();

  static Set<ChatField> change(UnaryOperator<ChatInfo.Builder> change) {
    return Changes.between(BASE, change.apply(BASE.toBuilder()).build());
  }

  @Test
  void equalAnswersDifferInNothing() {
    assertEquals(Set.of(), Changes.between(BASE, BASE.toBuilder().build()));
  }

  @Test
  void aPureLastUpdateMoveIsLastUpdateOnly() {
    assertEquals(Set.of(ChatField.LAST_UPDATE),
        change(b -> b.lastUpdate(OffsetDateTime.of(2026, 3, 2, 8, 2, 0, 0, ZoneOffset.UTC))));
  }

  @Test
  void agentNameAndAgentIdAreAgent() {
    assertEquals(Set.of(ChatField.AGENT), change(b -> b.agentName("Cutter")));
    assertEquals(Set.of(ChatField.AGENT), change(b -> b.agentId(2)));
  }

  @Test
  void eachNamedFieldIsItself() {
    assertEquals(Set.of(ChatField.STATE), change(b -> b.state(ChatState.WAITING)));
    assertEquals(Set.of(ChatField.STATE), change(b -> b.rawState("Chatting")));
    assertEquals(Set.of(ChatField.AGENT_TYPING), change(b -> b.agentTyping(TypingStatus.TYPING)));
    assertEquals(Set.of(ChatField.VISITOR_TYPING), change(b -> b.visitorTyping(TypingStatus.TYPING)));
    assertEquals(Set.of(ChatField.VISITOR_NAME), change(b -> b.visitorName("Bob")));
    assertEquals(Set.of(ChatField.CHAT_TIMEOUT), change(b -> b.chatTimeout(Duration.ofSeconds(60))));
  }

  @Test
  void everythingElseIsOther() {
    assertEquals(Set.of(ChatField.OTHER), change(b -> b.chatSessionKey("K2")));
    assertEquals(Set.of(ChatField.OTHER), change(b -> b.visitorId(8)));
    assertEquals(Set.of(ChatField.OTHER), change(b -> b.rtSessionId(10)));
    assertEquals(Set.of(ChatField.OTHER), change(b -> b.participantId("6f1c0c9e-0000-4000-8000-000000000001")));
    assertEquals(Set.of(ChatField.OTHER), change(b -> b.link(new Link(Link.SELF, "https://x/info"))));
    assertEquals(Set.of(ChatField.OTHER), change(b -> b.attribute("skillName", "Sales")));
    assertEquals(Set.of(ChatField.OTHER),
        change(b -> b.startTime(OffsetDateTime.of(2026, 3, 2, 7, 0, 0, 0, ZoneOffset.UTC))));
  }

  @Test
  void severalChangesAreAllNamed() {
    assertEquals(Set.of(ChatField.STATE, ChatField.AGENT, ChatField.LAST_UPDATE),
        change(b -> b.state(ChatState.ENDED).agentName("Cutter")
            .lastUpdate(OffsetDateTime.of(2026, 3, 2, 8, 3, 0, 0, ZoneOffset.UTC))));
  }
}
