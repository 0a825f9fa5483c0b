package dev.chatinfo.testkit;

import static dev.chatinfo.testkit.ChatInfoAssertions.assertSoftly;
import static dev.chatinfo.testkit.ChatInfoAssertions.assertThat;
import static dev.chatinfo.testkit.ChatInfoAssertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chatinfo.api.ChatInfo;
import dev.chatinfo.api.ChatInfoException;
import dev.chatinfo.api.ChatInfoException.Kind;
import dev.chatinfo.api.ChatState;
import dev.chatinfo.api.Link;
import dev.chatinfo.api.TypingStatus;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.MultipleFailuresError;

class ChatInfoAssertionsTest {

  final ChatInfo chatting = ChatInfoFixtures.chattingBuilder()
      .link(new Link(Link.VISITOR_NAME, "https://x/visitorName")).build();
  /** 20 s after the chatting fixture's last update: it expires 20 s later. */
  final Clock twentySecondsAfterUpdate =
      Clock.fixed(ChatInfoFixtures.LAST_UPDATE.toInstant().plusSeconds(20), ZoneOffset.UTC);

  @Test
  void passesWhenEveryFactHolds() {
    assertThat(chatting).isChatting().isActive().hasState(ChatState.CHATTING).hasRawState("chatting")
        .hasChatSessionKey("H3128476291385426589-c0a8K8457415").hasAgentName("Barber").hasAgentId(311098910L)
        .hasStartTime(ChatInfoFixtures.START_TIME).hasLastUpdate(ChatInfoFixtures.LAST_UPDATE)
        .hasChatTimeout(Duration.ofSeconds(40)).hasVisitorId(1215602164887992L).agentIsNotTyping()
        .visitorIsTyping().hasVisitorName("visitor").hasRtSessionId(4295036103L).hasNoParticipantId()
        .hasLink(Link.VISITOR_NAME).hasLink(Link.VISITOR_NAME, "https://x/visitorName").hasNoLink(Link.SELF)
        .hasAttribute("skillName").hasAttribute("skillName", "Sales")
        .expiresAt(ChatInfoFixtures.LAST_UPDATE.toInstant().plusSeconds(40))
        .expiresWithin(Duration.ofSeconds(40), twentySecondsAfterUpdate).isEqualTo(chatting);
    assertThat(ChatInfoFixtures.waiting()).isWaiting().hasNoAgentName().hasNoAgentId().visitorIsNotTyping();
    assertThat(ChatInfoFixtures.ended()).isEnded().isNotActive().hasAgentTyping(TypingStatus.UNKNOWN);
  }

  @Test
  void failsWithExpectedAndActualAndAReadableMessage() {
    AssertionFailedError e = assertThrows(AssertionFailedError.class,
        () -> assertThat(ChatInfoFixtures.waiting()).isChatting());
    assertEquals("[chat H3128476291385426589-c0a8K8457415] expected state to be <chatting> but was <waiting>",
        e.getMessage());
    assertTrue(e.isExpectedDefined() && e.isActualDefined());
    assertEquals(ChatState.CHATTING, e.getExpected().getValue());
    assertEquals(ChatState.WAITING, e.getActual().getValue());
  }

  @Test
  void namesAbsentValues() {
    AssertionFailedError e = assertThrows(AssertionFailedError.class,
        () -> assertThat(ChatInfoFixtures.waiting()).hasAgentName("Barber"));
    assertTrue(e.getMessage().endsWith("expected agentName to be <Barber> but was <absent>"), e.getMessage());
  }

  @Test
  void listsTheLinksWhenOneIsMissing() {
    AssertionFailedError e = assertThrows(AssertionFailedError.class, () -> assertThat(chatting).hasLink(Link.SELF));
    assertTrue(e.getMessage().contains("expected a link with rel \"self\" but the links were [visitor-name]"),
        e.getMessage());
  }

  @Test
  void failsWhenTheChatExpiresLaterThanExpected() {
    AssertionFailedError e = assertThrows(AssertionFailedError.class,
        () -> assertThat(chatting).expiresWithin(Duration.ofSeconds(10), twentySecondsAfterUpdate));
    assertTrue(e.getMessage().contains("expected the chat to expire within PT10S"), e.getMessage());
    assertThrows(AssertionFailedError.class,
        () -> assertThat(ChatInfoFixtures.ended()).expiresWithin(Duration.ofDays(1)));
  }

  @Test
  void isEqualToListsEveryDifferentField() {
    ChatInfo other = chatting.toBuilder().agentName("Barbara").visitorTyping(TypingStatus.NOT_TYPING).build();
    AssertionFailedError e = assertThrows(AssertionFailedError.class, () -> assertThat(other).isEqualTo(chatting));
    assertTrue(e.getMessage().contains("agentName was <Barbara> instead of <Barber>"), e.getMessage());
    assertTrue(e.getMessage().contains("visitorTyping was <not-typing> instead of <typing>"), e.getMessage());
    assertFalse(e.getMessage().contains("chatSessionKey was"), e.getMessage());
  }

  @Test
  void failsOnNull() {
    assertThrows(AssertionFailedError.class, () -> assertThat((ChatInfo) null).isChatting());
  }

  @Test
  void checksChatInfoExceptions() {
    ChatInfoException e = ChatInfoException.builder(Kind.SERVER_ERROR, "GET /x answered 503 after 3 attempts")
        .httpStatus(503).attempts(3).retryAfter(Duration.ofSeconds(2)).build();
    assertThat(e).hasKind(Kind.SERVER_ERROR).hasHttpStatus(503).hasAttempts(3).hasRetryAfter(Duration.ofSeconds(2))
        .isRetryable().hasMessageContaining("503").hasMessageNotContaining("secret-token");
    assertThat(new ChatInfoException(Kind.NOT_FOUND, "gone")).hasNoHttpStatus().isNotRetryable();
  }

  @Test
  void failsForTheWrongKindShowingTheMessage() {
    AssertionFailedError e = assertThrows(AssertionFailedError.class,
        () -> assertThat(new ChatInfoException(Kind.NETWORK, "connection reset")).hasKind(Kind.TIMEOUT));
    assertEquals("expected a ChatInfoException of kind <TIMEOUT> but was <NETWORK>: connection reset", e.getMessage());
  }

  @Test
  void failsForAnotherExceptionType() {
    AssertionFailedError e = assertThrows(AssertionFailedError.class,
        () -> assertThat(new IOException("reset")).hasKind(Kind.NETWORK));
    assertTrue(e.getMessage().startsWith("expected a ChatInfoException but was java.io.IOException: reset"));
  }

  @Test
  void findsAForbiddenTextInTheCauseChainWithoutRepeatingIt() {
    ChatInfoException e = new ChatInfoException(Kind.NETWORK, "failed", new IOException("Bearer secret-token"));
    AssertionFailedError failure = assertThrows(AssertionFailedError.class,
        () -> assertThat(e).hasMessageNotContaining("secret-token"));
    assertFalse(failure.getMessage().contains("secret-token"), failure.getMessage());
  }

  @Test
  void assertThatThrownByRunsTheCode() {
    assertThatThrownBy(() -> {
      throw new ChatInfoException(Kind.CANCELLED, "closed");
    }).hasKind(Kind.CANCELLED);
    AssertionFailedError e = assertThrows(AssertionFailedError.class, () -> assertThatThrownBy(() -> { }));
    assertEquals("expected a ChatInfoException but nothing was thrown", e.getMessage());
  }

  @Test
  void softAssertionsReportEveryFailureAtOnce() {
    MultipleFailuresError e = assertThrows(MultipleFailuresError.class, () -> assertSoftly(softly -> {
      softly.assertThat(ChatInfoFixtures.waiting()).isChatting().hasAgentName("Barber").hasVisitorName("visitor");
      softly.assertThat(new ChatInfoException(Kind.NETWORK, "x")).hasKind(Kind.TIMEOUT);
    }));
    assertEquals(3, e.getFailures().size());
    assertTrue(e.getMessage().startsWith("3 chatinfo assertions failed"), e.getMessage());
  }

  @Test
  void softAssertionsThrowTheOnlyFailureItself() {
    assertThrows(AssertionFailedError.class,
        () -> assertSoftly(softly -> softly.assertThat(ChatInfoFixtures.ended()).isChatting()));
    assertSoftly(softly -> softly.assertThat(ChatInfoFixtures.ended()).isEnded());
  }

  @Test
  void fixturesAreRealisticAndStable() {
    assertEquals(ChatInfoFixtures.chatting(), ChatInfoFixtures.chatting());
    assertTrue(ChatInfoFixtures.waiting().isActive());
    assertFalse(ChatInfoFixtures.ended().isActive());
    assertEquals(Instant.parse("2018-01-29T13:20:54.560Z"), ChatInfoFixtures.LAST_UPDATE.toInstant());
    assertThat(ChatInfoFixtures.chattingWithSsoVisitor()).hasParticipantId("8d7c2b1a-3e4f-4a5b-9c6d-7e8f9a0b1c2d");
  }
}
