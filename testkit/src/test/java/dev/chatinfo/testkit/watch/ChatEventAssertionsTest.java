package dev.chatinfo.testkit.watch;

import static dev.chatinfo.testkit.watch.ChatEventAssertions.assertThat;
import static dev.chatinfo.testkit.watch.ChatEventKind.CHANGED;
import static dev.chatinfo.testkit.watch.ChatEventKind.ENDED;
import static dev.chatinfo.testkit.watch.ChatEventKind.EXPIRING_SOON;
import static dev.chatinfo.testkit.watch.ChatEventKind.GONE;
import static dev.chatinfo.testkit.watch.ChatEventKind.STARTED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chatinfo.api.ChatInfo;
import dev.chatinfo.api.ChatInfoException;
import dev.chatinfo.api.ChatRef;
import dev.chatinfo.api.ChatState;
import dev.chatinfo.watch.ChatEvent;
import dev.chatinfo.watch.ChatField;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

class ChatEventAssertionsTest {

  static final ChatRef A = ChatRef.of("acc", "s", "chat-a");
  static final ChatRef B = ChatRef.of("acc", "s", "chat-b");
  static final Instant T = Instant.parse("2026-03-02T09:00:00Z");
  static final ChatInfo WAITING = ChatInfo.builder().state(ChatState.WAITING).chatSessionKey("K").build();
  static final ChatInfo CHATTING = WAITING.toBuilder().state(ChatState.CHATTING).agentName("Barber").build();
  static final ChatInfo ENDED_INFO = CHATTING.toBuilder().state(ChatState.ENDED).build();

  static final List<ChatEvent> TIMELINE = List.of(
      new ChatEvent.Started(A, WAITING, T),
      new ChatEvent.Started(B, WAITING, T),
      new ChatEvent.Changed(A, WAITING, CHATTING, Set.of(ChatField.STATE, ChatField.AGENT), T.plusSeconds(2)),
      new ChatEvent.ExpiringSoon(A, CHATTING, T.plusSeconds(40), T.plusSeconds(30)),
      new ChatEvent.Gone(B, ChatInfoException.builder(ChatInfoException.Kind.NOT_FOUND, "404").httpStatus(404).build(),
          T.plusSeconds(31)),
      new ChatEvent.Ended(A, ENDED_INFO, T.plusSeconds(33)));

  @Test
  void walksTheTimelineSkippingWhatItDoesNotName() {
    assertThat(TIMELINE).startsWith(STARTED).then(CHANGED, ChatField.STATE).then(EXPIRING_SOON).endsWith(ENDED);
    assertThat(TIMELINE).forChat(A).containsExactlyKinds(STARTED, CHANGED, EXPIRING_SOON, ENDED);
    assertThat(TIMELINE).forChat(B).startsWith(STARTED).thenNext(GONE).hasSize(2).hasNo(ENDED);
  }

  @Test
  void failsWithExpectedAndActualWhenAStepIsMissing() {
    AssertionFailedError e = assertThrows(AssertionFailedError.class,
        () -> assertThat(TIMELINE).startsWith(STARTED).then(CHANGED, ChatField.VISITOR_TYPING));
    assertTrue(e.getMessage().startsWith(
        "expected STARTED, then CHANGED[VISITOR_TYPING] but no such event came after STARTED (event 1)"),
        e.getMessage());
    assertEquals("STARTED, then CHANGED[VISITOR_TYPING]", e.getExpected().getValue());
    String actual = (String) e.getActual().getValue();
    assertTrue(actual.contains("3. CHANGED[STATE, AGENT] chat-a at 2026-03-02T09:00:02Z"), actual);
    assertTrue(actual.contains("5. GONE(NOT_FOUND) chat-b"), actual);
  }

  @Test
  void stepsKeepTheirOrder() {
    AssertionFailedError e = assertThrows(AssertionFailedError.class,
        () -> assertThat(TIMELINE).then(ENDED).then(CHANGED));
    assertTrue(e.getMessage().startsWith("expected ENDED, then CHANGED but no such event came after ENDED (event 6)"),
        e.getMessage());
  }

  @Test
  void thenNextAllowsNothingInBetween() {
    AssertionFailedError e = assertThrows(AssertionFailedError.class,
        () -> assertThat(TIMELINE).startsWith(STARTED).thenNext(CHANGED));
    assertTrue(e.getMessage().contains("but the next event after STARTED (event 1) is STARTED chat-b"), e.getMessage());
  }

  @Test
  void startsWithAndEndsWithLookAtTheEnds() {
    AssertionFailedError start = assertThrows(AssertionFailedError.class, () -> assertThat(TIMELINE).startsWith(ENDED));
    assertEquals("ENDED", start.getExpected().getValue());
    assertTrue(((String) start.getActual().getValue()).startsWith("STARTED chat-a"));
    assertThrows(AssertionFailedError.class, () -> assertThat(TIMELINE).endsWith(GONE));
    assertThrows(AssertionFailedError.class, () -> assertThat(List.of()).startsWith(STARTED));
    AssertionFailedError empty = assertThrows(AssertionFailedError.class, () -> assertThat(List.of()).endsWith(ENDED));
    assertEquals("no event", empty.getActual().getValue());
  }

  @Test
  void countsAndKindsFailReadably() {
    AssertionFailedError kinds = assertThrows(AssertionFailedError.class,
        () -> assertThat(TIMELINE).forChat(A).containsExactlyKinds(STARTED, ENDED));
    assertEquals("[STARTED, ENDED]", kinds.getExpected().getValue());
    assertEquals("[STARTED, CHANGED, EXPIRING_SOON, ENDED]", kinds.getActual().getValue());
    assertThrows(AssertionFailedError.class, () -> assertThat(TIMELINE).hasSize(5));
    assertThrows(AssertionFailedError.class, () -> assertThat(TIMELINE).hasNo(GONE));
  }

  @Test
  void fieldsCanOnlyBeAskedOfChanged() {
    assertThrows(IllegalArgumentException.class, () -> assertThat(TIMELINE).startsWith(STARTED, ChatField.STATE));
  }

  @Test
  void everyEventHasItsKind() {
    for (ChatEventKind kind : ChatEventKind.values()) {
      assertTrue(ChatEvent.class.isAssignableFrom(kind.type()));
    }
    assertEquals(ChatEvent.class.getPermittedSubclasses().length, ChatEventKind.values().length);
    assertEquals(GONE, ChatEventKind.of(TIMELINE.get(4)));
  }
}
