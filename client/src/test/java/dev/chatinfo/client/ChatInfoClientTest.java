package dev.chatinfo.client;

import static dev.chatinfo.client.ScriptedTransport.hang;
import static dev.chatinfo.client.ScriptedTransport.ok;
import static dev.chatinfo.client.ScriptedTransport.status;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chatinfo.api.BearerTokenProvider;
import dev.chatinfo.api.ChatInfo;
import dev.chatinfo.api.ChatInfoException;
import dev.chatinfo.api.ChatInfoException.Kind;
import dev.chatinfo.api.ChatRef;
import dev.chatinfo.api.ChatState;
import dev.chatinfo.client.spi.HttpRequest;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.RetryConfig;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The engine's rules, each on its own, over the client's SPI with a scripted transport. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ChatInfoClientTest {

  static final URI BASE = URI.create("http://127.0.0.1:1/prefix/");
  static final String TOKEN = "tok-0123456789-abcdefghij-secret";
  static final ChatRef REF = ChatRef.of("56072331", "session-1", "chat-1");
  static final RetryConfig QUICK = RetryConfig.from(ChatInfoClient.defaultRetryConfig())
      .intervalFunction(IntervalFunction.of(Duration.ofMillis(1))).build();

  final ScriptedTransport transport = new ScriptedTransport();

  ChatInfoClient.Builder builder() {
    return ChatInfoClient.builder().baseUrl(BASE).bearerToken(BearerTokenProvider.of(TOKEN))
        .transport(transport).codec(new TestCodec()).retry(QUICK);
  }

  static ChatInfoException fails(ChatInfoClient client) {
    return assertThrows(ChatInfoException.class, () -> client.fetch(REF));
  }

  static ChatInfoException failsAsync(CompletableFuture<ChatInfo> future) throws Exception {
    ExecutionException e = assertThrows(ExecutionException.class, () -> future.get(10, TimeUnit.SECONDS));
    return (ChatInfoException) e.getCause();
  }

  @Test
  void sendsTheRequestLivePersonDocuments() {
    transport.then(ok("chatting;KEY"));
    try (ChatInfoClient client = builder().build()) {
      assertEquals(ChatState.CHATTING, client.fetch(REF).state());
    }
    HttpRequest sent = transport.requests.get(0);
    assertEquals("http://127.0.0.1:1/prefix/api/account/56072331/agentSession/session-1/chat/chat-1/info?v=1&NC=true",
        sent.uri().toString());
    assertEquals(Map.of("Authorization", "Bearer " + TOKEN, "Accept", "application/json",
        "Content-Type", "application/json"), sent.headers());
    assertFalse(sent.toString().contains(TOKEN), sent.toString());
    assertTrue(transport.closed.getCount() == 0, "the client closes its transport");
  }

  /** A scheduler that counts what it is given. */
  static final class CountingScheduler extends java.util.concurrent.ScheduledThreadPoolExecutor {
    final java.util.concurrent.atomic.AtomicInteger scheduled = new java.util.concurrent.atomic.AtomicInteger();

    CountingScheduler() {
      super(1);
    }

    @Override
    public java.util.concurrent.ScheduledFuture<?> schedule(Runnable task, long delay, TimeUnit unit) {
      scheduled.incrementAndGet();
      return super.schedule(task, delay, unit);
    }

    @Override
    public java.util.concurrent.ScheduledFuture<?> scheduleAtFixedRate(Runnable task, long initial, long period,
        TimeUnit unit) {
      scheduled.incrementAndGet();
      return super.scheduleAtFixedRate(task, initial, period, unit);
    }
  }

  @Test
  void synchronousCallsShareOneWatchdogThatStopsWhenNoneRuns() throws Exception {
    transport.then(ok("chatting;KEY"));
    CountingScheduler scheduler = new CountingScheduler();
    try (ChatInfoClient client = builder().scheduler(scheduler).build()) {
      long start = System.nanoTime();
      for (int i = 0; i < 300; i++) {
        assertEquals(ChatState.CHATTING, client.fetch(REF).state());
      }
      long elapsedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
      // One tick per 50 ms while calls run, not one task per call.
      assertTrue(scheduler.scheduled.get() <= elapsedMillis / 50 + 3,
          scheduler.scheduled.get() + " tasks scheduled for 300 calls in " + elapsedMillis + " ms");
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
      while (!scheduler.getQueue().isEmpty() && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
      assertTrue(scheduler.getQueue().isEmpty(), "the watchdog still runs with no call in flight");
      int idle = scheduler.scheduled.get();
      Thread.sleep(200);
      assertEquals(idle, scheduler.scheduled.get(), "an idle client schedules nothing");
      assertEquals(ChatState.CHATTING, client.fetch(REF).state());
      assertEquals(idle + 1, scheduler.scheduled.get(), "the next call starts the watchdog again");
    } finally {
      scheduler.shutdownNow();
    }
  }

  @Test
  void retriesRetryableStatusesAndStopsAtTheAttemptLimit() {
    transport.then(status(503, "text/plain", "busy"));
    try (ChatInfoClient client = builder().build()) {
      ChatInfoException e = fails(client);
      assertEquals(Kind.SERVER_ERROR, e.kind());
      assertEquals(3, e.attempts());
      assertEquals(3, transport.requests.size());
      assertTrue(e.getMessage().startsWith("GET /prefix/api/account/56072331/agentSession/session-1/chat/chat-1/info"
          + " answered 503: \"busy\" (3 attempts)"), e.getMessage());
    }
  }

  @Test
  void neverRetries500Or404WhateverTheRetryConfigSays() {
    RetryConfig everything = RetryConfig.custom().maxAttempts(5).waitDuration(Duration.ofMillis(1))
        .retryOnException(t -> true).build();
    for (int code : new int[] {500, 404, 400}) {
      ScriptedTransport t = new ScriptedTransport().then(status(code, "text/plain", ""));
      try (ChatInfoClient client = builder().transport(t).retry(everything).build()) {
        assertEquals(1, fails(client).attempts(), "status " + code);
      }
    }
  }

  @Test
  void refreshesOnceOn401AndMakesAtMostFourRequestsPerCall() {
    AtomicReference<String> current = new AtomicReference<>("first-token-aaaaaaaa");
    BearerTokenProvider renewing = new BearerTokenProvider() {
      @Override
      public String currentToken() {
        return current.get();
      }

      @Override
      public void onRejected(String rejected) {
        current.set("second-token-bbbbbbbb");
      }
    };
    transport.then(status(503, "text/plain", ""), status(401, "text/plain", "who is first-token-aaaaaaaa?"),
        status(503, "text/plain", ""));
    try (ChatInfoClient client = builder().bearerToken(renewing).build()) {
      ChatInfoException e = fails(client);
      assertEquals(4, transport.requests.size());
      assertEquals(4, e.attempts());
      assertEquals("Bearer second-token-bbbbbbbb", transport.requests.get(2).headers().get("Authorization"));
      assertFalse(e.getMessage().contains("first-token") || e.getMessage().contains("aaaaaaaa"), e.getMessage());
    }
  }

  @Test
  void theDeadlineRunsOnMonotonicTimeNotOnTheWallClock() {
    Instant start = Instant.parse("2026-01-01T00:00:00Z");
    AtomicLong steps = new AtomicLong();
    Clock steppedBack = new Clock() {
      @Override
      public ZoneOffset getZone() {
        return ZoneOffset.UTC;
      }

      @Override
      public Clock withZone(java.time.ZoneId zone) {
        return this;
      }

      @Override
      public Instant instant() {
        return start.minusSeconds(3600 * steps.incrementAndGet());
      }
    };
    // The call's time is the ticker, which moves 50 ms forward at every read: the 300 ms deadline
    // passes after a few reads while the wall clock only goes back. A deadline on the wall clock
    // would never pass, and the class's @Timeout would fail the test.
    AtomicLong ticks = new AtomicLong();
    LongSupplier ticker = () -> ticks.addAndGet(TimeUnit.MILLISECONDS.toNanos(50));
    transport.then(hang());
    try (ChatInfoClient client = builder().clock(steppedBack).ticker(ticker).callTimeout(Duration.ofMillis(300))
        .build()) {
      ChatInfoException e = fails(client);
      assertEquals(Kind.TIMEOUT, e.kind());
      assertTrue(e.getMessage().contains("call timeout of 300 ms"), e.getMessage());
      assertTrue(ticks.get() >= TimeUnit.MILLISECONDS.toNanos(300), "timed out before the ticker reached the deadline");
    }
  }

  @Test
  void theDeadlineFollowsTheInjectedTicker() {
    AtomicLong now = new AtomicLong();
    transport.then(ScriptedTransport.of(request -> {
      now.addAndGet(TimeUnit.SECONDS.toNanos(11));
      return status(503, "text/plain", "");
    }));
    try (ChatInfoClient client = builder().ticker(now::get).build()) {
      ChatInfoException e = fails(client);
      assertEquals(1, e.attempts(), "no time left for a second attempt");
      assertEquals(Kind.SERVER_ERROR, e.kind());
    }
  }

  @Test
  void anInterruptedFetchReturnsPromptlyAsCancelledAndKeepsTheFlag() throws Exception {
    transport.then(hang());
    try (ChatInfoClient client = builder().build()) {
      AtomicReference<Throwable> thrown = new AtomicReference<>();
      AtomicReference<Boolean> flag = new AtomicReference<>();
      Thread caller = new Thread(() -> {
        try {
          client.fetch(REF);
        } catch (Throwable t) {
          thrown.set(t);
        }
        flag.set(Thread.currentThread().isInterrupted());
      });
      caller.start();
      while (transport.requests.isEmpty()) {
        Thread.sleep(5);
      }
      caller.interrupt();
      caller.join(5_000);
      assertFalse(caller.isAlive(), "fetch did not react to the interrupt");
      assertEquals(Kind.CANCELLED, ((ChatInfoException) thrown.get()).kind());
      assertTrue(flag.get(), "the interrupt flag is kept");
      assertEquals(1, transport.cancels.get());
    }
  }

  @Test
  void aFutureCompletedFromOutsideAbortsItsExchange() throws Exception {
    transport.then(hang());
    try (ChatInfoClient client = builder().build()) {
      CompletableFuture<ChatInfo> future = client.fetchAsync(REF).orTimeout(100, TimeUnit.MILLISECONDS);
      ExecutionException e = assertThrows(ExecutionException.class, () -> future.get(5, TimeUnit.SECONDS));
      assertTrue(e.getCause() instanceof TimeoutException);
      long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
      while (transport.cancels.get() == 0 && System.nanoTime() < until) {
        Thread.sleep(5);
      }
      assertEquals(1, transport.cancels.get(), "the exchange was aborted");
    }
  }

  @Test
  void closeEndsCallsInFlightAsCancelled() throws Exception {
    transport.then(hang());
    ChatInfoClient client = builder().build();
    CompletableFuture<ChatInfo> future = client.fetchAsync(REF);
    while (transport.requests.isEmpty()) {
      Thread.sleep(5);
    }
    client.close();
    client.close();
    ChatInfoException e = failsAsync(future);
    assertEquals(Kind.CANCELLED, e.kind());
    assertTrue(e.getMessage().contains("the client is closed"), e.getMessage());
    assertEquals(Kind.CANCELLED, fails(client).kind());
    assertEquals(0, fails(client).attempts());
  }

  @Test
  void theCircuitOpenFailureSentNothingAndSaysWhenToComeBack() {
    transport.then(ok("chatting;K"));
    try (ChatInfoClient client = builder().build()) {
      client.circuitBreaker().transitionToOpenState();
      ChatInfoException e = fails(client);
      assertEquals(Kind.CIRCUIT_OPEN, e.kind());
      assertEquals(0, e.attempts());
      assertEquals(0, transport.requests.size());
      Duration wait = e.retryAfter().orElseThrow();
      assertTrue(!wait.isNegative() && wait.compareTo(Duration.ofSeconds(15)) <= 0, wait.toString());
    }
  }

  @Test
  void aCallThatSentRequestsReportsItsLastRealFailureWhenTheBreakerOpens() {
    CircuitBreakerConfig touchy = CircuitBreakerConfig.from(ChatInfoClient.defaultCircuitBreakerConfig())
        .slidingWindowSize(2).minimumNumberOfCalls(2).build();
    transport.then(status(502, "text/plain", "bad gateway"));
    try (ChatInfoClient client = builder().circuitBreaker(touchy).build()) {
      ChatInfoException e = fails(client);
      assertEquals(Kind.SERVER_ERROR, e.kind());
      assertEquals(2, e.attempts());
      assertEquals(502, e.httpStatus().orElseThrow());
      assertTrue(e.getMessage().contains("the circuit breaker") && e.getMessage().contains("OPEN now"), e.getMessage());
      assertEquals(CircuitBreaker.State.OPEN, client.circuitBreaker().getState());
    }
  }

  @Test
  void cancelledCallsNeitherCloseNorOpenAHalfOpenBreaker() throws Exception {
    transport.then(hang());
    try (ChatInfoClient client = builder().build()) {
      client.circuitBreaker().transitionToOpenState();
      client.circuitBreaker().transitionToHalfOpenState();
      for (int i = 0; i < 2; i++) {
        CompletableFuture<ChatInfo> f = client.fetchAsync(REF);
        while (transport.requests.size() < i + 1) {
          Thread.sleep(5);
        }
        f.cancel(true);
      }
      assertEquals(CircuitBreaker.State.HALF_OPEN, client.circuitBreaker().getState());
      assertEquals(0, client.circuitBreaker().getMetrics().getNumberOfSuccessfulCalls());
      transport.instead(ok("chatting;K"));
      assertEquals(ChatState.CHATTING, client.fetch(REF).state(), "the permissions were given back");
    }
  }

  @Test
  void aCallThatSendsNothingDoesNotCountForTheBreaker() {
    BearerTokenProvider broken = () -> {
      throw new IllegalStateException("vault down");
    };
    try (ChatInfoClient client = builder().bearerToken(broken).build()) {
      client.circuitBreaker().transitionToOpenState();
      client.circuitBreaker().transitionToHalfOpenState();
      for (int i = 0; i < 3; i++) {
        ChatInfoException e = fails(client);
        assertEquals(Kind.UNAUTHORIZED, e.kind());
        assertEquals(0, e.attempts());
      }
      assertEquals(CircuitBreaker.State.HALF_OPEN, client.circuitBreaker().getState());
    }
  }

  @Test
  void aRefusedCertificateIsNotRetried() {
    transport.then(ScriptedTransport.fail(new SSLHandshakeException("PKIX path building failed:\n"
        + "unable to find valid certification path to requested target")));
    try (ChatInfoClient client = builder().build()) {
      ChatInfoException e = fails(client);
      assertEquals(Kind.NETWORK, e.kind());
      assertFalse(e.isRetryable());
      assertEquals(1, transport.requests.size());
      assertTrue(e.getMessage().contains("TLS certificate was refused"), e.getMessage());
      assertFalse(e.getMessage().contains("\n"), e.getMessage());
    }
  }

  @Test
  void masksEveryTokenSentWhereverItIsEchoed() {
    String longToken = "L".repeat(50) + "0123456789abcdefghijklmnopqrstuvwxyz".repeat(8);
    List<ScriptedTransport.Answer> echoes = List.of(
        status(403, "text/plain", "x".repeat(150) + longToken),
        status(200, "application/other; charset=" + longToken, "chatting;K"),
        status(200, TestCodec.MEDIA_TYPE, "state=" + longToken.substring(20, 120)),
        ScriptedTransport.fail(new IOException("connection reset by\r\n" + longToken)));
    for (ScriptedTransport.Answer echo : echoes) {
      ScriptedTransport t = new ScriptedTransport().then(echo);
      try (ChatInfoClient client = builder().transport(t).bearerToken(BearerTokenProvider.of(longToken)).build()) {
        ChatInfoException e = fails(client);
        for (Throwable c = e; c != null; c = c.getCause()) {
          assertNoRunOf(longToken, c.getMessage());
          assertNoRunOf(longToken, c.toString());
          assertFalse(String.valueOf(c.getMessage()).contains("\n"), c.getMessage());
        }
      }
    }
  }

  static void assertNoRunOf(String token, String text) {
    if (text == null) {
      return;
    }
    for (int i = 0; i + 8 <= token.length(); i++) {
      String run = token.substring(i, i + 8);
      assertFalse(text.contains(run), () -> "the message shows \"" + run + "\" of the token: " + text);
    }
  }

  @Test
  void followsSameOriginRedirectsAndStopsALoop() {
    transport.then(status(302, "text/plain", "", "Location", "/prefix/moved"), ok("waiting;K"));
    try (ChatInfoClient client = builder().build()) {
      assertEquals(ChatState.WAITING, client.fetch(REF).state());
      assertEquals("http://127.0.0.1:1/prefix/moved", transport.requests.get(1).uri().toString());
    }
    ScriptedTransport loop = new ScriptedTransport().then(status(307, "text/plain", "", "Location", "/prefix/a"),
        status(307, "text/plain", "", "Location", "/prefix/b"), status(307, "text/plain", "", "Location", "/prefix/a"));
    try (ChatInfoClient client = builder().transport(loop).build()) {
      ChatInfoException e = fails(client);
      assertEquals(Kind.REDIRECT, e.kind());
      assertFalse(e.isRetryable());
      assertEquals(3, loop.requests.size());
      assertTrue(e.getMessage().contains("redirect loop"), e.getMessage());
    }
  }

  @Test
  void refusesARedirectToAnotherOriginWithoutSendingAnything() {
    transport.then(status(301, "text/plain", "", "Location", "http://127.0.0.1:2/prefix/"));
    try (ChatInfoClient client = builder().build()) {
      ChatInfoException e = fails(client);
      assertEquals(Kind.REDIRECT, e.kind());
      assertEquals(1, transport.requests.size());
      assertTrue(e.getMessage().contains("another origin (http://127.0.0.1:2)"), e.getMessage());
    }
  }

  @Test
  void refusesBodiesOverOneMebibyteWhileStreaming() {
    InputStream endless = new InputStream() {
      @Override
      public int read() {
        return 'x';
      }
    };
    transport.then(ScriptedTransport.body(200, TestCodec.MEDIA_TYPE, endless));
    try (ChatInfoClient client = builder().build()) {
      assertEquals(Kind.RESPONSE_TOO_LARGE, fails(client).kind());
    }
    ScriptedTransport announced = new ScriptedTransport()
        .then(status(200, TestCodec.MEDIA_TYPE, "chatting;K", "Content-Length", "1048577"));
    try (ChatInfoClient client = builder().transport(announced).build()) {
      assertEquals(Kind.RESPONSE_TOO_LARGE, fails(client).kind());
    }
  }

  @Test
  void readsRetryAfterOfAnyLengthAndCapsItAtADay() {
    transport.then(status(429, "text/plain", "", "Retry-After", "99999999999999999999"));
    try (ChatInfoClient client = builder().build()) {
      ChatInfoException e = fails(client);
      assertEquals(Kind.RATE_LIMITED, e.kind());
      assertEquals(Duration.ofDays(1), e.retryAfter().orElseThrow());
      assertEquals(1, e.attempts(), "a day does not fit in the call timeout");
    }
  }

  @Test
  void aBodyNoCodecReadsIsUnsupported() {
    transport.then(status(200, "text/html", "<html>proxy</html>"));
    try (ChatInfoClient client = builder().build()) {
      ChatInfoException e = fails(client);
      assertEquals(Kind.UNSUPPORTED_MEDIA_TYPE, e.kind());
      assertEquals(200, e.httpStatus().orElseThrow());
    }
  }
}
