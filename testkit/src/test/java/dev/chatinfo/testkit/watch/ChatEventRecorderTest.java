package dev.chatinfo.testkit.watch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chatinfo.watch.ChatEvent;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.SubmissionPublisher;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

/** The recorder, fed by a publisher that delivers on the calling thread (no waiting). */
class ChatEventRecorderTest {

  final SubmissionPublisher<ChatEvent> publisher = new SubmissionPublisher<>(Runnable::run, 16);
  final List<ChatEvent> timeline = ChatEventAssertionsTest.TIMELINE;

  @Test
  void recordsEveryEventInOrderAndTheCompletion() {
    ChatEventRecorder recorder = ChatEventRecorder.subscribeTo(publisher);
    timeline.forEach(publisher::submit);
    publisher.close();
    assertEquals(timeline, recorder.awaitEvents(6, Duration.ZERO));
    recorder.awaitCompletion(Duration.ZERO);
    assertTrue(recorder.isCompleted());
    assertTrue(recorder.error().isEmpty());
  }

  @Test
  void awaitsAnEventByKindOrCondition() {
    ChatEventRecorder recorder = ChatEventRecorder.subscribeTo(publisher);
    timeline.forEach(publisher::submit);
    ChatEvent.Gone gone = recorder.awaitEvent(ChatEventKind.GONE, Duration.ZERO);
    assertSame(timeline.get(4), gone);
    assertSame(timeline.get(1), recorder.awaitEvent(e -> e.chat().equals(ChatEventAssertionsTest.B), Duration.ZERO));
  }

  @Test
  void failsReadablyWhenTooFewCameInTime() {
    ChatEventRecorder recorder = ChatEventRecorder.subscribeTo(publisher);
    publisher.submit(timeline.get(0));
    AssertionFailedError e = assertThrows(AssertionFailedError.class,
        () -> recorder.awaitEvents(2, Duration.ZERO));
    assertTrue(e.getMessage().startsWith("expected at least 2 events within PT0S but got 1:\nSTARTED chat-a"),
        e.getMessage());
    assertThrows(AssertionFailedError.class, () -> recorder.awaitEvent(ChatEventKind.ENDED, Duration.ZERO));
    assertThrows(AssertionFailedError.class, () -> recorder.awaitCompletion(Duration.ZERO));
  }

  @Test
  void recordsTheFailureThatEndedTheStream() {
    ChatEventRecorder recorder = ChatEventRecorder.subscribeTo(publisher);
    publisher.closeExceptionally(new IllegalStateException("boom"));
    assertEquals("boom", recorder.error().orElseThrow().getMessage());
    assertFalse(recorder.isCompleted());
  }

  @Test
  void recordsNothingAfterCancel() {
    ChatEventRecorder recorder = ChatEventRecorder.subscribeTo(publisher);
    publisher.submit(timeline.get(0));
    recorder.cancel();
    publisher.submit(timeline.get(1));
    assertEquals(List.of(timeline.get(0)), recorder.events());
    assertTrue(recorder.toString().startsWith("ChatEventRecorder[STARTED chat-a"), recorder.toString());
  }
}
