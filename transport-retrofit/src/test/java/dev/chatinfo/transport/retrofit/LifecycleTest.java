package dev.chatinfo.transport.retrofit;

import static dev.chatinfo.testkit.ChatInfoAssertions.assertThat;
import static dev.chatinfo.testkit.ChatInfoAssertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chatinfo.api.BearerTokenProvider;
import dev.chatinfo.api.ChatInfo;
import dev.chatinfo.api.ChatInfoException;
import dev.chatinfo.api.ChatInfoException.Kind;
import dev.chatinfo.api.ChatRef;
import dev.chatinfo.codec.json.MoshiChatInfoCodec;
import dev.chatinfo.codec.xml.SimpleXmlChatInfoCodec;
import dev.chatinfo.testkit.ChatInfoFixtures;
import dev.chatinfo.testkit.FakeChatServer;
import dev.chatinfo.testkit.Fault;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Leaks, cancellation, concurrency, and the token's secrecy. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class LifecycleTest {

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
  }

  RetrofitChatInfoSource.Builder builder() {
    return RetrofitChatInfoSource.builder().baseUrl(server.baseUrl()).bearerToken(BearerTokenProvider.of(server.token()));
  }

  @Test
  void leavesNoConnectionAndNoThreadAfterAThousandMixedCallsAndClose() throws Exception {
    Set<Thread> before = new HashSet<>(Thread.getAllStackTraces().keySet());
    // Short waits between attempts: the point here is what is left after close(), not the backoff.
    io.github.resilience4j.retry.RetryConfig quick = io.github.resilience4j.retry.RetryConfig
        .from(RetrofitChatInfoSource.defaultRetryConfig())
        .intervalFunction(io.github.resilience4j.core.IntervalFunction.of(Duration.ofMillis(1))).build();
    RetrofitChatInfoSource source = builder().callTimeout(Duration.ofSeconds(5)).retry(quick).build();
    ChatRef unknown = ChatRef.of(ref.accountId(), ref.agentSessionId(), "unknown");
    List<CompletableFuture<ChatInfo>> async = new ArrayList<>();
    int failures = 0;
    for (int i = 0; i < 1000; i++) {
      switch (i % 10) {
        case 0 -> server.enqueue(Fault.status(503));
        case 1 -> server.enqueue(Fault.truncatedBody());
        case 2 -> server.enqueue(Fault.htmlErrorPage());
        case 3 -> server.enqueue(Fault.disconnectMidBody());
        case 4 -> server.enqueue(Fault.status(500));
        default -> { }
      }
      try {
        if (i % 4 == 0) {
          async.add(source.fetchAsync(i % 20 == 0 ? unknown : ref));
          async.get(async.size() - 1).exceptionally(t -> null).get(10, TimeUnit.SECONDS);
        } else {
          source.fetch(i % 20 == 1 ? unknown : ref);
        }
      } catch (ChatInfoException e) {
        failures++;
      }
      if (i % 100 == 99 && source.circuitBreaker().getState() != io.github.resilience4j.circuitbreaker.CircuitBreaker.State.CLOSED) {
        source.circuitBreaker().reset();
      }
    }
    assertTrue(failures > 0, "the faults were served");
    OkHttpClient client = source.client();
    source.close();
    assertEquals(0, client.connectionPool().connectionCount(), "connections left after close()");
    assertEquals(0, client.dispatcher().runningCallsCount());
    Set<String> left = threadsStartedSince(before);
    assertEquals(Set.of(), left, "threads of ours alive after close()");
  }

  @Test
  void closeLeavesASharedClientAlone() {
    OkHttpClient shared = new OkHttpClient();
    RetrofitChatInfoSource source = builder().okHttpClient(shared).codec(new MoshiChatInfoCodec()).build();
    assertThat(source.fetch(ref)).isChatting();
    source.close();
    assertFalse(shared.dispatcher().executorService().isShutdown());
    assertTrue(shared.connectionPool().connectionCount() >= 1, "the shared pool keeps its connection");
    shared.dispatcher().executorService().shutdown();
    shared.connectionPool().evictAll();
  }

  @Test
  void cancellingTheFutureCancelsTheHttpCall() throws Exception {
    RetrofitChatInfoSource source = builder().build();
    server.enqueue(Fault.delay(Duration.ofSeconds(5)));
    CompletableFuture<ChatInfo> future = source.fetchAsync(ref);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (source.client().dispatcher().runningCallsCount() == 0 && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
    assertEquals(1, source.client().dispatcher().runningCallsCount());
    assertTrue(future.cancel(true));
    while (source.client().dispatcher().runningCallsCount() > 0 && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
    assertEquals(0, source.client().dispatcher().runningCallsCount(), "the HTTP call still runs");
    try {
      future.get();
    } catch (CancellationException expected) {
      // cancelled, as asked
    }
    source.close();
  }

  @Test
  void closeFailsCallsInFlightAsCancelled() throws Exception {
    RetrofitChatInfoSource source = builder().build();
    server.enqueue(Fault.delay(Duration.ofSeconds(5)));
    CompletableFuture<ChatInfo> future = source.fetchAsync(ref);
    Thread.sleep(200);
    source.close();
    ExecutionException e = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class,
        () -> future.get(5, TimeUnit.SECONDS));
    assertThat(e.getCause()).hasKind(Kind.CANCELLED);
    assertThatThrownBy(() -> source.fetch(ref)).hasKind(Kind.CANCELLED).hasAttempts(0);
    assertThat(source.fetchAsync(ref).handle((v, t) -> t).get()).hasKind(Kind.CANCELLED);
  }

  @Test
  void sixteenThreadsTimesFiveHundredFetchesAllCorrect() throws Exception {
    ChatRef waiting = server.addChat(ChatInfoFixtures.waiting());
    ChatInfo expectedChatting = server.chat(ref);
    ChatInfo expectedWaiting = server.chat(waiting);
    try (RetrofitChatInfoSource source = builder().build()) {
      ExecutorService pool = Executors.newFixedThreadPool(16);
      try {
        List<Future<Integer>> results = new ArrayList<>();
        for (int t = 0; t < 16; t++) {
          int thread = t;
          results.add(pool.submit(() -> {
            int ok = 0;
            for (int i = 0; i < 500; i++) {
              boolean even = (i + thread) % 2 == 0;
              ChatInfo info = source.fetch(even ? ref : waiting);
              if (info.equals(even ? expectedChatting : expectedWaiting)) {
                ok++;
              }
            }
            return ok;
          }));
        }
        for (Future<Integer> result : results) {
          assertEquals(500, result.get());
        }
      } finally {
        pool.shutdownNow();
      }
    }
    assertEquals(8000, server.requests().size());
  }

  @Test
  void neverShowsTheTokenInMessagesLogsOrToString() throws Exception {
    String token = server.token();
    List<LogRecord> records = new ArrayList<>();
    Handler handler = new Handler() {
      @Override
      public void publish(LogRecord record) {
        synchronized (records) {
          records.add(record);
        }
      }

      @Override
      public void flush() { }

      @Override
      public void close() { }
    };
    Logger logger = Logger.getLogger(RetrofitChatInfoSource.class.getName());
    Level level = logger.getLevel();
    logger.setLevel(Level.ALL);
    logger.addHandler(handler);
    io.github.resilience4j.circuitbreaker.CircuitBreakerConfig neverOpens =
        io.github.resilience4j.circuitbreaker.CircuitBreakerConfig.custom().minimumNumberOfCalls(1000).slidingWindowSize(1000).build();
    try (RetrofitChatInfoSource source = builder().codec(new SimpleXmlChatInfoCodec()).circuitBreaker(neverOpens).build()) {
      source.fetch(ref);
      List<String> messages = new ArrayList<>();
      for (Fault fault : List.of(Fault.status(500), Fault.status(400), Fault.htmlErrorPage(), Fault.truncatedBody(),
          Fault.status(503), Fault.disconnectMidBody(), Fault.body("application/json", "{\"echo\": \"Bearer " + token + "\"}"),
          Fault.response(404, java.util.Map.of("Content-Type", "text/plain"),
              ("your token " + token + " is unknown").getBytes(java.nio.charset.StandardCharsets.UTF_8)))) {
        server.enqueue(fault, fault, fault);
        try {
          source.fetch(ref);
        } catch (ChatInfoException e) {
          for (Throwable t = e; t != null; t = t.getCause()) {
            messages.add(String.valueOf(t.getMessage()));
            messages.add(t.toString());
          }
        }
        server.clearFaults();
      }
      source.fetchAsync(ref).get(10, TimeUnit.SECONDS);
      messages.add(source.toString());
      assertTrue(messages.stream().anyMatch(m -> m.contains("****")), "the echoed token was masked");
      for (String m : messages) {
        assertFalse(m.contains(token), "a message shows the token: " + m.replace(token, "<TOKEN>"));
      }
    } finally {
      logger.removeHandler(handler);
      logger.setLevel(level);
    }
    assertFalse(records.isEmpty(), "debug logging was captured");
    for (LogRecord record : records) {
      String text = new java.util.logging.SimpleFormatter().format(record);
      assertFalse(text.contains(token), "a log record shows the token");
    }
  }

  private static Set<String> threadsStartedSince(Set<Thread> before) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    Set<String> left;
    do {
      Thread.sleep(50);
      left = new TreeSet<>();
      for (Thread t : Thread.getAllStackTraces().keySet()) {
        if (t.isAlive() && !before.contains(t) && !t.getName().startsWith("fake-chat-server-")
            && !SharedThreads.isOkHttpInfrastructure(t)) {
          left.add(t.getName());
        }
      }
    } while (!left.isEmpty() && System.nanoTime() < deadline);
    return left;
  }
}
