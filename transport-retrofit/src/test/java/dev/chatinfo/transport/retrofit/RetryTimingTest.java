package dev.chatinfo.transport.retrofit;

import static dev.chatinfo.testkit.ChatInfoAssertions.assertThat;
import static dev.chatinfo.testkit.ChatInfoAssertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chatinfo.api.BearerTokenProvider;
import dev.chatinfo.api.ChatInfoException.Kind;
import dev.chatinfo.api.ChatRef;
import dev.chatinfo.testkit.ChatInfoFixtures;
import dev.chatinfo.testkit.FakeChatServer;
import dev.chatinfo.testkit.Fault;
import dev.chatinfo.testkit.SettableClock;
import io.github.resilience4j.retry.RetryConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The waits between attempts, with an injected clock and scheduler: nothing really sleeps. */
class RetryTimingTest {

  /** Runs every scheduled task at once, recording the delay asked for and moving the clock by it. */
  static final class VirtualScheduler extends ScheduledThreadPoolExecutor {
    final List<Long> delays = new CopyOnWriteArrayList<>();
    final SettableClock clock;

    VirtualScheduler(SettableClock clock) {
      super(1);
      this.clock = clock;
    }

    @Override
    public ScheduledFuture<?> schedule(Runnable task, long delay, TimeUnit unit) {
      long millis = unit.toMillis(delay);
      delays.add(millis);
      clock.advance(Duration.ofMillis(millis));
      return super.schedule(task, 0, TimeUnit.MILLISECONDS);
    }
  }

  final SettableClock clock = SettableClock.at(Instant.parse("2026-11-25T12:00:00Z"));
  final VirtualScheduler scheduler = new VirtualScheduler(clock);
  FakeChatServer server;
  ChatRef ref;

  @BeforeEach
  void start() {
    server = FakeChatServer.start();
    ref = server.addChat(ChatInfoFixtures.chatting());
  }

  @AfterEach
  void stop() {
    server.close();
    scheduler.shutdownNow();
  }

  RetrofitChatInfoSource.Builder builder() {
    return RetrofitChatInfoSource.builder().baseUrl(server.baseUrl()).bearerToken(BearerTokenProvider.of(server.token()))
        .clock(clock).scheduler(scheduler).callTimeout(Duration.ofSeconds(60));
  }

  @Test
  void waitsWhatRetryAfterSaysWithoutSleeping() throws Exception {
    server.enqueue(Fault.retryAfter(429, Duration.ofSeconds(20)), Fault.retryAfter(503, Duration.ofSeconds(7)));
    long start = System.nanoTime();
    try (RetrofitChatInfoSource source = builder().build()) {
      assertThat(source.fetch(ref)).isChatting();
    }
    assertEquals(List.of(20_000L, 7_000L), scheduler.delays);
    assertTrue(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start) < 5_000);
  }

  @Test
  void asyncCallsWaitOnTheSchedulerToo() throws Exception {
    server.enqueue(Fault.retryAfter(429, Duration.ofSeconds(3)));
    try (RetrofitChatInfoSource source = builder().build()) {
      assertThat(source.fetchAsync(ref).get(10, TimeUnit.SECONDS)).isChatting();
    }
    assertEquals(List.of(3_000L), scheduler.delays);
  }

  @Test
  void backsOffExponentiallyWithFullJitter() throws Exception {
    RetryConfig five = RetryConfig.from(RetrofitChatInfoSource.defaultRetryConfig()).maxAttempts(5).build();
    for (int round = 0; round < 20; round++) {
      scheduler.delays.clear();
      server.enqueue(Fault.status(503), Fault.status(502), Fault.status(504), Fault.status(503));
      try (RetrofitChatInfoSource source = builder().retry(five).build()) {
        assertThat(source.fetch(ref)).isChatting();
      }
      assertEquals(4, scheduler.delays.size());
      long[] caps = {200, 400, 800, 1600};
      for (int i = 0; i < 4; i++) {
        long delay = scheduler.delays.get(i);
        assertTrue(delay >= 0 && delay <= caps[i], "wait " + i + " was " + delay + " ms, cap " + caps[i]);
      }
    }
  }

  @Test
  void neverWaitsPastTheCallTimeout() {
    server.enqueue(Fault.retryAfter(503, Duration.ofSeconds(59)), Fault.retryAfter(503, Duration.ofSeconds(5)));
    try (RetrofitChatInfoSource source = builder().build()) {
      assertThatThrownBy(() -> source.fetch(ref)).hasKind(Kind.SERVER_ERROR).hasAttempts(2)
          .hasRetryAfter(Duration.ofSeconds(5));
    }
    assertEquals(List.of(59_000L), scheduler.delays);
  }

  @Test
  void aCustomRetryConfigNeverRetriesWhatIsNotRetryable() {
    RetryConfig everything = RetryConfig.custom().maxAttempts(5).waitDuration(Duration.ofMillis(10)).build();
    server.enqueue(Fault.status(500), Fault.status(500));
    try (RetrofitChatInfoSource source = builder().retry(everything).build()) {
      assertThatThrownBy(() -> source.fetch(ref)).hasKind(Kind.SERVER_ERROR).hasHttpStatus(500).hasAttempts(1);
    }
    assertEquals(List.of(), scheduler.delays);
  }

  @Test
  void publishesRetryEvents() {
    server.enqueue(Fault.status(503));
    List<String> events = new CopyOnWriteArrayList<>();
    try (RetrofitChatInfoSource source = builder().build()) {
      source.retry().getEventPublisher().onEvent(e -> events.add(e.getEventType().name()));
      source.fetch(ref);
    }
    assertEquals(List.of("RETRY", "SUCCESS"), events);
  }
}
