package dev.chatinfo.testkit.contract;

import static dev.chatinfo.testkit.ChatInfoAssertions.assertThat;
import static dev.chatinfo.testkit.ChatInfoAssertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chatinfo.api.ChatInfo;
import dev.chatinfo.api.ChatInfoException;
import dev.chatinfo.api.ChatInfoException.Kind;
import dev.chatinfo.api.ChatInfoSource;
import dev.chatinfo.api.ChatRef;
import dev.chatinfo.testkit.Fault;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Waits between attempts ({@code Retry-After} in every form) and the whole-call deadline. */
abstract class RetryAndDeadlineCases extends TransportFailureCases {

  /** The cap of any {@code Retry-After}: one day. */
  static final Duration RETRY_AFTER_CAP = Duration.ofDays(1);

  RetryAndDeadlineCases() {}

  /** Two 503s without Retry-After: three requests, with short backoff waits (well under a second each). */
  @Test
  public void survivesTwo503sWithShortWaits() {
    ChatRef ref = chattingChat();
    server.enqueue(Fault.status(503), Fault.status(503));
    long start = System.nanoTime();
    assertThat(source().fetch(ref)).isEqualTo(server.chat(ref));
    assertEquals(3, server.requests().size());
    assertTrue(millisSince(start) < 3000, "two backoff waits took " + millisSince(start) + " ms");
  }

  /** {@code Retry-After: 1} is waited for. */
  @Test
  public void honoursRetryAfterInSeconds() {
    ChatRef ref = chattingChat();
    server.enqueue(Fault.retryAfter(429, Duration.ofSeconds(1)));
    long start = System.nanoTime();
    assertThat(source().fetch(ref)).isChatting();
    long elapsed = millisSince(start);
    assertEquals(2, server.requests().size());
    assertTrue(elapsed >= 950, "waited only " + elapsed + " ms of 1 s");
  }

  /** {@code Retry-After} as an HTTP-date two seconds ahead is waited for. */
  @Test
  public void honoursRetryAfterAsAnHttpDate() {
    ChatRef ref = chattingChat();
    server.enqueue(Fault.retryAfter(503, Instant.now().plusSeconds(2)));
    long start = System.nanoTime();
    assertThat(source().fetch(ref)).isChatting();
    long elapsed = millisSince(start);
    assertEquals(2, server.requests().size());
    assertTrue(elapsed >= 700, "waited only " + elapsed + " ms for a date 1 to 2 s ahead");
  }

  /** A past date and an unreadable value fall back to the short backoff. */
  @Test
  public void fallsBackToBackoffForPastOrGarbageRetryAfter() {
    ChatRef ref = chattingChat();
    server.enqueue(Fault.retryAfter(503, Instant.parse("2001-01-01T00:00:00Z")), Fault.retryAfter(503, "soon, maybe"));
    long start = System.nanoTime();
    assertThat(source().fetch(ref)).isChatting();
    assertEquals(3, server.requests().size());
    assertTrue(millisSince(start) < 3000, "waited " + millisSince(start) + " ms");
  }

  /**
   * A Retry-After beyond the call timeout ends the call at once with that failure and its
   * {@code retryAfter()}.
   */
  @Test
  public void givesUpAtOnceWhenRetryAfterIsBeyondTheCallTimeout() {
    ChatRef ref = chattingChat();
    server.enqueue(Fault.retryAfter(429, Duration.ofSeconds(30)));
    ChatInfoSource source = source(Duration.ofSeconds(2));
    long start = System.nanoTime();
    assertThatThrownBy(() -> source.fetch(ref)).hasKind(Kind.RATE_LIMITED).hasHttpStatus(429).hasAttempts(1)
        .hasRetryAfter(Duration.ofSeconds(30));
    assertTrue(millisSince(start) < 1500, "gave up after " + millisSince(start) + " ms, not at once");
    assertEquals(1, server.requests().size());
  }

  /** {@code Retry-After} of {@code 0}, {@code 00} and {@code 000}: exactly one request per attempt. */
  @Test
  public void aRetryAfterOfZeroSendsOneRequestPerAttempt() {
    ChatRef ref = chattingChat();
    for (String zero : List.of("0", "00", "000")) {
      server.clearRequests();
      server.failEveryRequest(Fault.retryAfter(503, zero));
      ChatInfoException failure = assertThatThrownBy(() -> source().fetch(ref)).hasKind(Kind.SERVER_ERROR)
          .hasHttpStatus(503).hasRetryAfter(Duration.ZERO).actual();
      int requests = server.requests().size();
      assertEquals(failure.attempts(), requests, "Retry-After: " + zero + ": requests vs attempts");
      assertTrue(requests <= 4, "Retry-After: " + zero + ": " + requests + " requests for one call");
    }
  }

  /**
   * {@code Retry-After} values past any integer type, 503 and 429: still SERVER_ERROR and
   * RATE_LIMITED (never NETWORK), with {@code retryAfter()} at the cap, one day; and nothing thrown
   * on any thread.
   */
  @Test
  public void aRetryAfterBeyondTheCapIsTheCap() {
    ChatRef ref = chattingChat();
    try (UncaughtExceptions uncaught = UncaughtExceptions.record()) {
      server.failEveryRequest(Fault.retryAfter(503, "2147483648"));
      assertThatThrownBy(() -> source().fetch(ref)).hasKind(Kind.SERVER_ERROR).hasHttpStatus(503).hasAttempts(1)
          .hasRetryAfter(RETRY_AFTER_CAP);
      server.failEveryRequest(Fault.retryAfter(429, "99999999999999999999"));
      assertThatThrownBy(() -> source().fetch(ref)).hasKind(Kind.RATE_LIMITED).hasHttpStatus(429).hasAttempts(1)
          .hasRetryAfter(RETRY_AFTER_CAP);
      assertEquals(List.of(), uncaught.seen(), "exceptions thrown on threads");
    }
  }

  /**
   * Thirty async calls meeting a 503 with an overflowing {@code Retry-After}: each fails as
   * SERVER_ERROR (or CIRCUIT_OPEN once the circuit opened), and no exception escapes on any thread.
   */
  @Test
  public void asyncCallsWithAnOverflowingRetryAfterThrowNothingOnAnyThread() {
    ChatRef ref = chattingChat();
    server.failEveryRequest(Fault.retryAfter(503, "2147483648"));
    try (UncaughtExceptions uncaught = UncaughtExceptions.record()) {
      ChatInfoSource source = source();
      List<java.util.concurrent.CompletableFuture<ChatInfo>> calls = new ArrayList<>();
      for (int i = 0; i < 30; i++) {
        calls.add(source.fetchAsync(ref));
      }
      for (var call : calls) {
        Throwable failure = failureOf(call, Duration.ofSeconds(20));
        assertTrue(failure instanceof ChatInfoException, "not a ChatInfoException: " + failure);
        ChatInfoException e = (ChatInfoException) failure;
        assertTrue(Set.of(Kind.SERVER_ERROR, Kind.CIRCUIT_OPEN).contains(e.kind()), e.kind() + ": " + e.getMessage());
        if (e.kind() == Kind.SERVER_ERROR) {
          assertThat(e).hasRetryAfter(RETRY_AFTER_CAP);
        }
      }
      // A library thread that dies does so just after completing the future: give it a moment.
      LoopbackServer.await(() -> !uncaught.seen().isEmpty(), Duration.ofMillis(500));
      assertEquals(List.of(), uncaught.seen(), "exceptions thrown on threads");
    }
  }

  /** An answer slower than the call timeout: TIMEOUT at the call timeout, not later. */
  @Test
  public void aDelayedAnswerEndsAtTheCallTimeout() {
    ChatRef ref = chattingChat();
    server.enqueue(Fault.delay(Duration.ofSeconds(20)));
    ChatInfoSource source = source(Duration.ofSeconds(1));
    long start = System.nanoTime();
    assertThatThrownBy(() -> source.fetch(ref)).hasKind(Kind.TIMEOUT);
    long elapsed = millisSince(start);
    assertTrue(elapsed >= 900 && elapsed < 4000, "ended after " + elapsed + " ms, call timeout 1 s");
  }

  /** A body that trickles in for longer than the call timeout: TIMEOUT after one attempt. */
  @Test
  public void aTrickledBodyEndsAtTheCallTimeout() {
    ChatRef ref = chattingChat();
    server.enqueue(Fault.trickle(8, Duration.ofMillis(100)));
    ChatInfoSource source = source(Duration.ofSeconds(1));
    long start = System.nanoTime();
    assertThatThrownBy(() -> source.fetch(ref)).hasKind(Kind.TIMEOUT).hasAttempts(1);
    long elapsed = millisSince(start);
    assertTrue(elapsed >= 900 && elapsed < 4000, "ended after " + elapsed + " ms, call timeout 1 s");
  }

  /** An async call ends at the call timeout too. */
  @Test
  public void anAsyncCallEndsAtTheCallTimeout() {
    ChatRef ref = chattingChat();
    server.enqueue(Fault.delay(Duration.ofSeconds(20)));
    ChatInfoSource source = source(Duration.ofSeconds(1));
    long start = System.nanoTime();
    assertThat(failureOf(source.fetchAsync(ref), Duration.ofSeconds(10))).hasKind(Kind.TIMEOUT);
    assertTrue(millisSince(start) < 4000, "ended after " + millisSince(start) + " ms, call timeout 1 s");
  }

  /** The call timeout bounds attempts and waits together: a wait of 1 s then a slow answer end at 2 s. */
  @Test
  public void theCallTimeoutBoundsAttemptsAndWaitsTogether() {
    ChatRef ref = chattingChat();
    server.enqueue(Fault.retryAfter(503, Duration.ofSeconds(1)), Fault.delay(Duration.ofSeconds(20)));
    ChatInfoSource source = source(Duration.ofSeconds(2));
    long start = System.nanoTime();
    assertThatThrownBy(() -> source.fetch(ref)).hasKind(Kind.TIMEOUT).hasAttempts(2);
    long elapsed = millisSince(start);
    assertTrue(elapsed >= 1900 && elapsed < 5000, "ended after " + elapsed + " ms, call timeout 2 s");
  }
}
