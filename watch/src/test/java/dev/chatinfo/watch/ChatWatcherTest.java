package dev.chatinfo.watch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chatinfo.api.ChatInfo;
import dev.chatinfo.api.ChatInfoException;
import dev.chatinfo.api.ChatInfoException.Kind;
import dev.chatinfo.api.ChatInfoSource;
import dev.chatinfo.api.ChatRef;
import dev.chatinfo.api.ChatState;
import dev.chatinfo.api.TypingStatus;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** The watcher's rules, driven in virtual time: no sleeps, no threads. */
class ChatWatcherTest {

  static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
  static final ChatRef A = ChatRef.of("acc", "session", "chat-a");
  static final ChatRef B = ChatRef.of("acc", "session", "chat-b");
  /** Longer than any jittered interval of 2 s (2 s + 10 ms + 200 ms). */
  static final Duration POLL = Duration.ofMillis(2300);

  final VirtualTime time = new VirtualTime(T0);
  final FakeSource source = new FakeSource(time::now);

  ChatWatcher.Builder watcher() {
    return ChatWatcher.builder(source).clock(time.clock()).scheduler(time).deliveryExecutor(time);
  }

  static ChatInfo waiting() {
    return ChatInfo.builder().state(ChatState.WAITING).chatSessionKey("H1234K8457415")
        .lastUpdate(OffsetDateTime.of(2026, 3, 2, 8, 59, 0, 0, ZoneOffset.UTC)).build();
  }

  static ChatInfo with(ChatInfo info, UnaryOperator<ChatInfo.Builder> change) {
    return change.apply(info.toBuilder()).build();
  }

  static ChatInfoException failure(Kind kind, int status, Duration retryAfter) {
    ChatInfoException.Builder b = ChatInfoException.builder(kind, "GET /chat/info failed");
    if (status != 0) {
      b.httpStatus(status);
    }
    return b.retryAfter(retryAfter).build();
  }

  @Test
  void reportsStartedThenEachChangeWithItsFieldsThenEnded() {
    Recorder events = Recorder.unbounded();
    try (ChatWatcher w = watcher().build()) {
      w.subscribe(events);
      ChatInfo waiting = waiting();
      source.answer(A, waiting);
      w.watch(A);
      time.advance(POLL);
      ChatInfo picked = with(waiting, b -> b.state(ChatState.CHATTING).agentName("Barber").agentId(311098910L));
      source.answer(A, picked);
      time.advance(POLL);
      ChatInfo typing = with(picked, b -> b.visitorTyping(TypingStatus.TYPING));
      source.answer(A, typing);
      time.advance(POLL);
      ChatInfo moved = with(typing, b -> b.lastUpdate(OffsetDateTime.of(2026, 3, 2, 9, 0, 5, 0, ZoneOffset.UTC)));
      source.answer(A, moved);
      time.advance(POLL);
      time.advance(POLL); // same answer: no event
      ChatInfo other = with(moved, b -> b.attribute("skillName", "Sales").chatTimeout(Duration.ofMinutes(10)));
      source.answer(A, other);
      time.advance(POLL);
      ChatInfo ended = with(other, b -> b.state(ChatState.ENDED));
      source.answer(A, ended);
      time.advance(POLL);
      int fetches = source.fetches().size();
      time.advance(Duration.ofMinutes(1));

      assertEquals(List.of("Started", "Changed", "Changed", "Changed", "Changed", "Ended"), events.kinds());
      assertEquals(new ChatEvent.Started(A, waiting, ((ChatEvent.Started) events.events.get(0)).at()),
          events.events.get(0));
      assertEquals(List.of(Set.of(ChatField.STATE, ChatField.AGENT), Set.of(ChatField.VISITOR_TYPING),
          Set.of(ChatField.LAST_UPDATE), Set.of(ChatField.OTHER, ChatField.CHAT_TIMEOUT)),
          events.events.subList(1, 5).stream().map(e -> ((ChatEvent.Changed) e).fields()).toList());
      ChatEvent.Changed first = (ChatEvent.Changed) events.events.get(1);
      assertEquals(waiting, first.before());
      assertEquals(picked, first.after());
      assertEquals(ended, ((ChatEvent.Ended) events.events.get(5)).info());
      assertEquals(fetches, source.fetches().size(), "an ended chat is not polled any more");
      assertEquals(Set.of(), w.watched());
    }
  }

  @Test
  void aChatEndedAtItsFirstFetchIsStartedThenEnded() {
    Recorder events = Recorder.unbounded();
    try (ChatWatcher w = watcher().build()) {
      w.subscribe(events);
      source.answer(A, with(waiting(), b -> b.state(ChatState.ENDED)));
      w.watch(A);
      time.advance(POLL);
      assertEquals(List.of("Started", "Ended"), events.kinds());
    }
  }

  @Test
  void eventTimesComeFromTheClock() {
    Recorder events = Recorder.unbounded();
    try (ChatWatcher w = watcher().build()) {
      w.subscribe(events);
      source.answer(A, waiting());
      w.watch(A);
      time.advance(POLL);
      assertEquals(source.fetchTimes(A).get(0), events.events.get(0).at());
    }
  }

  @Test
  void refusesAnIntervalBelowOneSecondAndOtherNonsense() {
    ChatWatcher.Builder b = ChatWatcher.builder(source);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> b.interval(Duration.ofMillis(999)));
    assertEquals("interval must be at least 1 s, was PT0.999S", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> b.maxInFlight(0));
    assertThrows(IllegalArgumentException.class, () -> b.expiryWarning(Duration.ofSeconds(-1)));
    assertThrows(IllegalArgumentException.class, () -> b.bufferCapacity(0));
    assertThrows(NullPointerException.class, () -> ChatWatcher.builder(null));
  }

  @Test
  void pollsEachChatAboutOncePerIntervalJitteredAndNeverSooner() {
    try (ChatWatcher w = watcher().interval(Duration.ofSeconds(2)).build()) {
      source.answer(A, waiting());
      source.answer(B, waiting());
      w.watch(A);
      w.watch(B);
      time.advance(Duration.ofSeconds(60));
      for (ChatRef chat : List.of(A, B)) {
        List<Instant> times = source.fetchTimes(chat);
        assertTrue(times.size() >= 27 && times.size() <= 30, chat.chatId() + ": " + times.size() + " fetches");
        assertTrue(times.get(0).isBefore(T0.plusSeconds(2)), "first fetch within one interval");
        List<Duration> gaps = new ArrayList<>();
        for (int i = 1; i < times.size(); i++) {
          gaps.add(Duration.between(times.get(i - 1), times.get(i)));
        }
        assertTrue(gaps.stream().allMatch(g -> g.compareTo(Duration.ofSeconds(2)) >= 0
            && g.compareTo(Duration.ofMillis(2210)) <= 0), gaps::toString);
        assertTrue(gaps.stream().distinct().count() > 1, "jittered: " + gaps);
      }
    }
  }

  @Test
  void neverFetchesOneChatTwiceAtOnce() {
    source.holdAnswers();
    source.answer(A, waiting());
    try (ChatWatcher w = watcher().build()) {
      w.watch(A);
      time.advance(Duration.ofSeconds(30));
      assertEquals(1, source.fetches().size(), "the answer is still out");
      source.completeHeld();
      time.advance(POLL);
      assertEquals(2, source.fetches().size());
      assertEquals(1, source.maxInFlightOfOneChat());
    }
  }

  @Test
  void keepsAtMostMaxInFlightFetchesAcrossAllChats() {
    source.holdAnswers();
    List<ChatRef> chats = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      ChatRef chat = ChatRef.of("acc", "session", "chat-" + i);
      chats.add(chat);
      source.answer(chat, waiting());
    }
    Recorder events = Recorder.unbounded();
    try (ChatWatcher w = watcher().maxInFlight(3).build()) {
      w.subscribe(events);
      chats.forEach(w::watch);
      time.advance(Duration.ofSeconds(5));
      assertEquals(3, source.fetches().size());
      source.completeOneHeld();
      time.runReady();
      assertEquals(4, source.fetches().size(), "a freed slot is used at once");
      for (int round = 0; round < 5; round++) {
        source.completeHeld();
        time.advance(POLL);
      }
      assertEquals(3, source.maxInFlightOverall());
      assertEquals(10, events.kinds().stream().filter("Started"::equals).count());
    }
  }

  @Test
  void stopsWatchingAChatThatIsGoneOn403Or404Or401() {
    ChatRef c = ChatRef.of("acc", "session", "chat-c");
    source.fail(A, failure(Kind.FORBIDDEN, 403, null));
    source.fail(B, failure(Kind.NOT_FOUND, 404, null));
    source.fail(c, failure(Kind.UNAUTHORIZED, 401, null));
    Recorder events = Recorder.unbounded();
    try (ChatWatcher w = watcher().build()) {
      w.subscribe(events);
      List.of(A, B, c).forEach(w::watch);
      time.advance(Duration.ofMinutes(5));
      assertEquals(List.of("Gone", "Gone", "Gone"), events.kinds());
      assertEquals(3, source.fetches().size());
      assertEquals(Set.of(), w.watched());
      ChatEvent.Gone gone = (ChatEvent.Gone) events.events.stream()
          .filter(e -> e.chat().equals(B)).findFirst().orElseThrow();
      assertEquals(Kind.NOT_FOUND, gone.cause().kind());
    }
  }

  @Test
  void reportsOneUnreachablePerOutageThenRecoveredAndBacksOffExponentially() {
    Recorder events = Recorder.unbounded();
    try (ChatWatcher w = watcher().build()) {
      w.subscribe(events);
      source.answer(A, waiting());
      w.watch(A);
      time.advance(POLL);
      int firstFailure = source.fetchTimes(A).size();
      source.fail(A, failure(Kind.SERVER_ERROR, 503, null));
      time.advance(Duration.ofMinutes(20));
      List<Instant> times = source.fetchTimes(A);
      List<Duration> gaps = new ArrayList<>();
      for (int i = firstFailure + 1; i < times.size(); i++) {
        gaps.add(Duration.between(times.get(i - 1), times.get(i)));
      }
      // Equal jitter: after the n-th failure, between half of 2 s * 2^(n-1) and all of it.
      assertTrue(gaps.get(0).toMillis() >= 1990 && gaps.get(0).toMillis() <= 2010, gaps::toString);
      assertTrue(gaps.get(3).toMillis() >= 7990 && gaps.get(3).toMillis() <= 16010, gaps::toString);
      assertTrue(gaps.stream().allMatch(g -> g.toMillis() <= 300_010), "capped at 5 minutes: " + gaps);
      assertTrue(gaps.stream().anyMatch(g -> g.toMillis() >= 150_000), "reaches the cap: " + gaps);

      source.answer(A, waiting());
      time.advance(Duration.ofMinutes(6));
      source.fail(A, failure(Kind.TIMEOUT, 0, null));
      time.advance(Duration.ofSeconds(10));

      assertEquals(List.of("Started", "Unreachable", "Recovered", "Unreachable"), events.kinds());
      assertEquals(Kind.SERVER_ERROR, ((ChatEvent.Unreachable) events.events.get(1)).cause().kind());
      assertEquals(Set.of(A), w.watched(), "polling goes on through an outage");
    }
  }

  @Test
  void aChangeDuringAnOutageComesAfterRecovered() {
    Recorder events = Recorder.unbounded();
    try (ChatWatcher w = watcher().build()) {
      w.subscribe(events);
      source.answer(A, waiting());
      w.watch(A);
      time.advance(POLL);
      source.thenAnswer(A, failure(Kind.NETWORK, 0, null));
      source.answer(A, with(waiting(), b -> b.state(ChatState.CHATTING)));
      time.advance(Duration.ofSeconds(10));
      assertEquals(List.of("Started", "Unreachable", "Recovered", "Changed"), events.kinds());
    }
  }

  @Test
  void honoursTheRetryAfterOfAFailedChat() {
    try (ChatWatcher w = watcher().build()) {
      source.answer(A, waiting());
      w.watch(A);
      time.advance(POLL);
      int failed = source.fetchTimes(A).size();
      source.thenAnswer(A, failure(Kind.SERVER_ERROR, 503, Duration.ofSeconds(45)));
      time.advance(Duration.ofMinutes(2));
      List<Instant> times = source.fetchTimes(A);
      Duration waited = Duration.between(times.get(failed), times.get(failed + 1));
      assertTrue(waited.toMillis() >= 44_990 && waited.toMillis() <= 45_010, "waited " + waited);
    }
  }

  @Test
  void aRateLimitSlowsEveryChat() {
    assertPausesEveryChat(failure(Kind.RATE_LIMITED, 429, Duration.ofSeconds(30)), Duration.ofSeconds(30));
  }

  @Test
  void anOpenCircuitSlowsEveryChatUntilItLetsATrialThrough() {
    assertPausesEveryChat(failure(Kind.CIRCUIT_OPEN, 0, Duration.ofSeconds(20)), Duration.ofSeconds(20));
  }

  @Test
  void aRateLimitWithoutRetryAfterStillSlowsEveryChatForTheBackoff() {
    assertPausesEveryChat(failure(Kind.RATE_LIMITED, 429, null), Duration.ofSeconds(2));
  }

  void assertPausesEveryChat(ChatInfoException failure, Duration pause) {
    Recorder events = Recorder.unbounded();
    try (ChatWatcher w = watcher().build()) {
      w.subscribe(events);
      source.answer(A, waiting());
      source.answer(B, waiting());
      w.watch(A);
      w.watch(B);
      time.advance(Duration.ofSeconds(5));
      source.thenAnswer(A, failure);
      time.advance(Duration.ofMinutes(2));
      Instant refused = source.fetches().stream().filter(f -> f.chat().equals(A)).map(FakeSource.Fetch::at)
          .filter(t -> events.events.stream().anyMatch(e -> e instanceof ChatEvent.Unreachable && e.at().equals(t)))
          .findFirst().orElseThrow();
      Instant until = refused.plus(pause);
      Instant from = refused;
      List<FakeSource.Fetch> during = source.fetches().stream()
          .filter(f -> f.at().isAfter(from) && f.at().isBefore(until)).toList();
      assertEquals(List.of(), during, "no chat is fetched during the pause");
      assertTrue(source.fetchTimes(B).stream().anyMatch(t -> !t.isBefore(until)), "B is polled again after it");
      assertTrue(source.fetchTimes(A).stream().anyMatch(t -> !t.isBefore(until)), "A is polled again after it");
      assertEquals(List.of("Started", "Started", "Unreachable", "Recovered"), events.kinds());
    }
  }

  @Test
  void warnsBeforeExpiryAtTheRightTimeEvenBetweenPolls() {
    Recorder events = Recorder.unbounded();
    // Polled every minute; each answer was updated just now and times out 40 s later.
    source.answerWith(A, now -> with(waiting(), b -> b.state(ChatState.CHATTING)
        .lastUpdate(now.atOffset(ZoneOffset.UTC)).chatTimeout(Duration.ofSeconds(40))));
    try (ChatWatcher w = watcher().interval(Duration.ofSeconds(60)).expiryWarning(Duration.ofSeconds(10)).build()) {
      w.subscribe(events);
      w.watch(A);
      time.advance(Duration.ofMinutes(3));
      Instant end = T0.plus(Duration.ofMinutes(3));
      List<Instant> fetches = source.fetchTimes(A).stream()
          .filter(t -> !t.plusSeconds(30).isAfter(end.minusMillis(10))).toList();
      List<ChatEvent.ExpiringSoon> warnings = events.events.stream()
          .filter(e -> e instanceof ChatEvent.ExpiringSoon).map(e -> (ChatEvent.ExpiringSoon) e).toList();
      assertEquals(fetches.size(), warnings.size(), "one per expiresAt: " + events.kinds());
      for (int i = 0; i < warnings.size(); i++) {
        assertEquals(fetches.get(i).plusSeconds(40), warnings.get(i).expiresAt());
        Duration early = Duration.between(warnings.get(i).at(), fetches.get(i).plusSeconds(30));
        assertTrue(!early.isNegative() && early.toMillis() <= 10, "warned at " + warnings.get(i).at());
      }
    }
  }

  @Test
  void warnsOncePerExpiresAtHoweverOftenItIsPolled() {
    Recorder events = Recorder.unbounded();
    ChatInfo chatting = with(waiting(), b -> b.state(ChatState.CHATTING)
        .lastUpdate(T0.atOffset(ZoneOffset.UTC)).chatTimeout(Duration.ofSeconds(40)));
    source.answer(A, chatting);
    try (ChatWatcher w = watcher().expiryWarning(Duration.ofSeconds(15)).build()) {
      w.subscribe(events);
      w.watch(A);
      time.advance(Duration.ofMinutes(2));
      assertEquals(List.of("Started", "ExpiringSoon"), events.kinds());
      ChatEvent.ExpiringSoon warning = (ChatEvent.ExpiringSoon) events.events.get(1);
      assertEquals(T0.plusSeconds(40), warning.expiresAt());
      assertEquals(chatting, warning.info());
      assertTrue(Duration.between(warning.at(), T0.plusSeconds(25)).toMillis() <= 10, "at " + warning.at());
    }
  }

  @Test
  void aFullBufferDropsNewEventsForThatSubscriberOnlyAndPollingGoesOn() {
    Recorder slow = new Recorder(0);
    Recorder fast = Recorder.unbounded();
    List<ChatRef> chats = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      ChatRef chat = ChatRef.of("acc", "session", "chat-" + i);
      chats.add(chat);
      source.answer(chat, waiting());
    }
    try (ChatWatcher w = watcher().bufferCapacity(4).build()) {
      w.subscribe(slow);
      w.subscribe(fast);
      chats.forEach(w::watch);
      time.advance(POLL);
      time.advance(Duration.ofSeconds(20));
      assertEquals(List.of(), slow.events);
      assertEquals(10, fast.events.size());
      assertEquals(6, w.droppedEvents(), "4 kept, 6 dropped");
      assertTrue(source.fetches().size() >= 90, "polling went on: " + source.fetches().size());

      slow.subscription.request(100);
      time.runReady();
      List<ChatEvent> firstFour = fast.events.subList(0, 4);
      assertEquals(firstFour, slow.events, "the oldest are kept, in order");
    }
  }

  @Test
  void deliversNoMoreThanRequested() {
    Recorder one = new Recorder(1);
    try (ChatWatcher w = watcher().build()) {
      w.subscribe(one);
      source.answer(A, waiting());
      source.answer(B, waiting());
      w.watch(A);
      w.watch(B);
      time.advance(POLL);
      assertEquals(1, one.events.size());
      one.subscription.request(1);
      time.runReady();
      assertEquals(2, one.events.size());
      one.subscription.cancel();
      source.answer(A, with(waiting(), b -> b.state(ChatState.CHATTING)));
      time.advance(POLL);
      assertEquals(2, one.events.size());
    }
  }

  @Test
  void closeStopsPollingCompletesSubscribersAndLeavesTheSourceOpen() {
    Recorder events = Recorder.unbounded();
    source.answer(A, waiting());
    source.answer(B, waiting());
    ChatWatcher w = watcher().build();
    w.subscribe(events);
    w.watch(A);
    w.watch(B);
    time.advance(POLL);
    source.holdAnswers();
    time.advance(POLL);
    int fetches = source.fetches().size();

    w.close();
    w.close();
    time.advance(Duration.ofMinutes(1));
    source.completeHeld();
    time.runReady();

    assertEquals(fetches, source.fetches().size(), "no fetch after close");
    assertTrue(events.completed);
    assertNull(events.error);
    assertEquals(List.of("Started", "Started"), events.kinds(), "answers after close are dropped");
    assertFalse(source.isClosed());
    assertEquals(0, time.pendingTimers());
    assertThrows(IllegalStateException.class, () -> w.watch(A));
    Recorder late = Recorder.unbounded();
    w.subscribe(late);
    time.runReady();
    assertTrue(late.completed);
  }

  @Test
  void closeDeliversWhatIsBufferedBeforeCompleting() {
    Recorder events = new Recorder(0);
    source.answer(A, waiting());
    ChatWatcher w = watcher().build();
    w.subscribe(events);
    w.watch(A);
    time.advance(POLL);
    w.close();
    time.runReady();
    assertFalse(events.completed);
    events.subscription.request(5);
    time.runReady();
    assertEquals(List.of("Started"), events.kinds());
    assertTrue(events.completed);
  }

  @Test
  void aListenerGetsEveryEventInOrderUntilItIsClosedAndSurvivesItsOwnExceptions() throws Exception {
    List<ChatEvent> seen = new ArrayList<>();
    try (ChatWatcher w = watcher().build()) {
      AutoCloseable listener = w.onEvent(e -> {
        seen.add(e);
        throw new IllegalStateException("a buggy listener");
      });
      source.answer(A, waiting());
      w.watch(A);
      time.advance(POLL);
      source.answer(A, with(waiting(), b -> b.state(ChatState.CHATTING)));
      time.advance(POLL);
      assertEquals(2, seen.size());
      listener.close();
      source.answer(A, with(waiting(), b -> b.state(ChatState.ENDED)));
      time.advance(POLL);
      assertEquals(2, seen.size());
      assertInstanceOf(ChatEvent.Changed.class, seen.get(1));
    }
  }

  @Test
  void unwatchStopsPollingThatChatWithoutAnEvent() {
    Recorder events = Recorder.unbounded();
    try (ChatWatcher w = watcher().build()) {
      w.subscribe(events);
      source.answer(A, waiting());
      source.answer(B, waiting());
      assertTrue(w.watch(A));
      assertFalse(w.watch(A));
      w.watch(B);
      time.advance(POLL);
      assertTrue(w.unwatch(A));
      assertFalse(w.unwatch(A));
      int fetchesOfA = source.fetchTimes(A).size();
      time.advance(Duration.ofSeconds(20));
      assertEquals(fetchesOfA, source.fetchTimes(A).size());
      assertEquals(Set.of(B), w.watched());
      assertEquals(List.of("Started", "Started"), events.kinds());
    }
  }

  @Test
  void unwatchCancelsTheFetchInFlight() {
    source.holdAnswers();
    source.answer(A, waiting());
    Recorder events = Recorder.unbounded();
    try (ChatWatcher w = watcher().maxInFlight(1).build()) {
      w.subscribe(events);
      w.watch(A);
      time.advance(POLL);
      w.unwatch(A);
      source.answer(B, waiting());
      w.watch(B);
      time.advance(POLL);
      assertEquals(2, source.fetches().size(), "A's slot was freed for B");
      source.completeHeld();
      time.runReady();
      assertEquals(List.of("Started"), events.kinds());
      assertEquals(B, events.events.get(0).chat());
    }
  }

  @Test
  void aSourceThatThrowsInsteadOfFailingTheFutureIsAnOutage() {
    Recorder events = Recorder.unbounded();
    ChatWatcher.Builder b = ChatWatcher.builder(new ChatInfoSource() {
      @Override
      public ChatInfo fetch(ChatRef chat) {
        throw new IllegalStateException("broken");
      }

      @Override
      public CompletableFuture<ChatInfo> fetchAsync(ChatRef chat) {
        throw new IllegalStateException("broken");
      }

      @Override
      public void close() {}
    }).clock(time.clock()).scheduler(time).deliveryExecutor(time);
    try (ChatWatcher w = b.build()) {
      w.subscribe(events);
      w.watch(A);
      time.advance(Duration.ofSeconds(10));
      assertEquals(List.of("Unreachable"), events.kinds());
      assertEquals(Kind.NETWORK, ((ChatEvent.Unreachable) events.events.get(0)).cause().kind());
    }
  }
}
