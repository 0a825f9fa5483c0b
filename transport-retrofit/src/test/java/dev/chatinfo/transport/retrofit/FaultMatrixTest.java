package dev.chatinfo.transport.retrofit;

import static dev.chatinfo.testkit.ChatInfoAssertions.assertThat;
import static dev.chatinfo.testkit.ChatInfoAssertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chatinfo.api.BearerTokenProvider;
import dev.chatinfo.api.ChatInfo;
import dev.chatinfo.api.ChatInfoException;
import dev.chatinfo.api.ChatInfoException.Kind;
import dev.chatinfo.api.ChatRef;
import dev.chatinfo.codec.json.MoshiChatInfoCodec;
import dev.chatinfo.testkit.ChatInfoFixtures;
import dev.chatinfo.testkit.FakeChatServer;
import dev.chatinfo.testkit.Fault;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Each fault the service or the network can produce, with the kind, attempts and time it must end with. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class FaultMatrixTest {

  FakeChatServer server;
  ChatRef ref;
  final List<RetrofitChatInfoSource> sources = new ArrayList<>();

  @BeforeEach
  void start() {
    server = FakeChatServer.start();
    ref = server.addChat(ChatInfoFixtures.chatting());
  }

  @AfterEach
  void stop() {
    sources.forEach(RetrofitChatInfoSource::close);
    server.close();
  }

  RetrofitChatInfoSource source() {
    return source(RetrofitChatInfoSource.builder());
  }

  RetrofitChatInfoSource source(RetrofitChatInfoSource.Builder builder) {
    RetrofitChatInfoSource source = builder.baseUrl(server.baseUrl())
        .bearerToken(BearerTokenProvider.of(server.token())).codec(new MoshiChatInfoCodec()).build();
    sources.add(source);
    return source;
  }

  static long millisSince(long start) {
    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
  }

  @Test
  void survivesTwo503s() {
    server.enqueue(Fault.status(503), Fault.status(503));
    long start = System.nanoTime();
    assertThat(source().fetch(ref)).isEqualTo(server.chat(ref));
    assertEquals(3, server.requests().size());
    assertTrue(millisSince(start) < 1500, "backoff waits are at most 200 + 400 ms: " + millisSince(start));
  }

  @Test
  void honoursRetryAfterInSeconds() {
    server.enqueue(Fault.retryAfter(429, Duration.ofSeconds(1)));
    long start = System.nanoTime();
    assertThat(source().fetch(ref)).isChatting();
    long elapsed = millisSince(start);
    assertEquals(2, server.requests().size());
    assertTrue(elapsed >= 950 && elapsed < 3000, "waited " + elapsed + " ms");
  }

  @Test
  void honoursRetryAfterAsAnHttpDate() {
    server.enqueue(Fault.retryAfter(429, Instant.now().plusSeconds(2)));
    long start = System.nanoTime();
    assertThat(source().fetch(ref)).isChatting();
    long elapsed = millisSince(start);
    assertEquals(2, server.requests().size());
    assertTrue(elapsed >= 700 && elapsed < 3500, "waited " + elapsed + " ms");
  }

  @Test
  void fallsBackToBackoffForPastOrGarbageDates() {
    server.enqueue(Fault.retryAfter(503, Instant.parse("2001-01-01T00:00:00Z")), Fault.retryAfter(503, "soon, maybe"));
    long start = System.nanoTime();
    assertThat(source().fetch(ref)).isChatting();
    assertTrue(millisSince(start) < 1500, "waited " + millisSince(start) + " ms");
    assertEquals(3, server.requests().size());
  }

  @Test
  void givesUpWhenRetryAfterIsBeyondTheCallTimeout() {
    server.enqueue(Fault.retryAfter(429, Duration.ofSeconds(30)));
    long start = System.nanoTime();
    assertThatThrownBy(() -> source(RetrofitChatInfoSource.builder().callTimeout(Duration.ofSeconds(2))).fetch(ref))
        .hasKind(Kind.RATE_LIMITED).hasHttpStatus(429).hasAttempts(1).hasRetryAfter(Duration.ofSeconds(30));
    assertTrue(millisSince(start) < 1000, "gave up at once, not after " + millisSince(start) + " ms");
  }

  @Test
  void aServiceThatStaysDownOpensTheCircuitAndLaterCallsFailFast() {
    server.failEveryRequest(Fault.status(503));
    RetrofitChatInfoSource source = source();
    assertThatThrownBy(() -> source.fetch(ref)).hasKind(Kind.SERVER_ERROR).hasHttpStatus(503).hasAttempts(3);
    ChatInfoException second = assertThatThrownBy(() -> source.fetch(ref)).actual();
    assertEquals(Kind.CIRCUIT_OPEN, second.kind(), second.getMessage());
    assertEquals(CircuitBreaker.State.OPEN, source.circuitBreaker().getState());
    int requests = server.requests().size();
    assertEquals(5, requests, "the circuit opened after 5 failed attempts");

    long start = System.nanoTime();
    assertThatThrownBy(() -> source.fetch(ref)).hasKind(Kind.CIRCUIT_OPEN).hasAttempts(0).isNotRetryable();
    long micros = TimeUnit.NANOSECONDS.toMicros(System.nanoTime() - start);
    assertTrue(micros < 5_000, "took " + micros + " µs");
    assertEquals(requests, server.requests().size(), "nothing sent while open");
  }

  @Test
  void clientErrorsDoNotOpenTheCircuit() {
    RetrofitChatInfoSource source = source();
    ChatRef unknown = ChatRef.of(ref.accountId(), ref.agentSessionId(), "unknown");
    for (int i = 0; i < 20; i++) {
      assertThatThrownBy(() -> source.fetch(unknown)).hasKind(Kind.NOT_FOUND).hasAttempts(1);
    }
    server.enqueue(Fault.status(403), Fault.status(401), Fault.status(400));
    for (int i = 0; i < 3; i++) {
      assertThatThrownBy(() -> source.fetch(ref)).isNotRetryable();
    }
    assertEquals(CircuitBreaker.State.CLOSED, source.circuitBreaker().getState());
    assertThat(source.fetch(ref)).isChatting();
  }

  @Test
  void a401WithTheSameTokenIsNotRetried() {
    BearerTokenProvider tokens = () -> "stale-token";
    RetrofitChatInfoSource source = source(RetrofitChatInfoSource.builder());
    RetrofitChatInfoSource stale = RetrofitChatInfoSource.builder().baseUrl(server.baseUrl()).bearerToken(tokens)
        .codec(new MoshiChatInfoCodec()).build();
    sources.add(stale);
    assertThatThrownBy(() -> stale.fetch(ref)).hasKind(Kind.UNAUTHORIZED).hasHttpStatus(401).hasAttempts(1)
        .hasMessageNotContaining("stale-token");
    assertEquals(1, server.requests().size());
    assertThat(source.fetch(ref)).isChatting();
  }

  @Test
  void disconnectsMidBodyAreRetriedThenReportedAsNetwork() {
    server.enqueue(Fault.disconnectMidBody());
    assertThat(source().fetch(ref)).isChatting();
    assertEquals(2, server.requests().size());

    server.clearRequests();
    server.enqueue(Fault.disconnectMidBody(), Fault.disconnectMidBody(), Fault.disconnectMidBody());
    assertThatThrownBy(() -> source().fetch(ref)).hasKind(Kind.NETWORK).hasAttempts(3).isRetryable();
  }

  @Test
  void aTrickledBodyEndsAtTheCallTimeout() {
    server.enqueue(Fault.trickle(8, Duration.ofMillis(100)));
    RetrofitChatInfoSource source = source(RetrofitChatInfoSource.builder().callTimeout(Duration.ofSeconds(1)));
    long start = System.nanoTime();
    assertThatThrownBy(() -> source.fetch(ref)).hasKind(Kind.TIMEOUT).hasAttempts(1);
    long elapsed = millisSince(start);
    assertTrue(elapsed >= 900 && elapsed < 1200, "ended after " + elapsed + " ms, not within 1 s + 200 ms");
  }

  @Test
  void aDelayedAnswerEndsAtTheCallTimeoutToo() {
    server.enqueue(Fault.delay(Duration.ofSeconds(5)));
    RetrofitChatInfoSource source = source(RetrofitChatInfoSource.builder().callTimeout(Duration.ofMillis(700)));
    long start = System.nanoTime();
    assertThatThrownBy(() -> source.fetch(ref)).hasKind(Kind.TIMEOUT);
    assertTrue(millisSince(start) < 900, "ended after " + millisSince(start) + " ms");
  }

  @Test
  void anHtmlPageWith200IsAnUnsupportedMediaType() {
    server.enqueue(Fault.htmlErrorPage());
    assertThatThrownBy(() -> source().fetch(ref)).hasKind(Kind.UNSUPPORTED_MEDIA_TYPE).hasHttpStatus(200)
        .hasAttempts(1).hasMessageContaining("text/html");
  }

  @Test
  void truncatedJsonIsMalformed() {
    server.enqueue(Fault.truncatedBody());
    assertThatThrownBy(() -> source().fetch(ref)).hasKind(Kind.MALFORMED_RESPONSE).hasHttpStatus(200).hasAttempts(1)
        .hasMessageContaining("GET /api/account/" + ref.accountId());
  }

  @Test
  void a2MiBBodyIsTooLarge() {
    byte[] big = new byte[2 << 20];
    Arrays.fill(big, (byte) ' ');
    big[0] = '{';
    server.enqueue(Fault.response(200, Map.of("Content-Type", "application/json"), big));
    assertThatThrownBy(() -> source().fetch(ref)).hasKind(Kind.RESPONSE_TOO_LARGE).hasAttempts(1);
  }

  @Test
  void a2MiBErrorBodyIsTooLarge() {
    byte[] big = "x".repeat(2 << 20).getBytes(StandardCharsets.US_ASCII);
    server.enqueue(Fault.response(500, Map.of("Content-Type", "text/plain"), big));
    assertThatThrownBy(() -> source().fetch(ref)).hasKind(Kind.RESPONSE_TOO_LARGE).hasAttempts(1);
  }

  @Test
  void aGzipBombIsRefusedWithoutInflatingIt() throws Exception {
    byte[] bomb = gzippedWhitespace(1L << 30);
    assertTrue(bomb.length < 2 << 20, "compressed size " + bomb.length);
    server.enqueue(Fault.response(200, Map.of("Content-Type", "application/json", "Content-Encoding", "gzip"), bomb));
    RetrofitChatInfoSource source = source();
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
    long before = threads.getCurrentThreadAllocatedBytes();
    assertThatThrownBy(() -> source.fetch(ref)).hasKind(Kind.RESPONSE_TOO_LARGE).hasAttempts(1);
    long allocated = threads.getCurrentThreadAllocatedBytes() - before;
    assertTrue(allocated < 64L << 20, "allocated " + allocated + " bytes while refusing a 1 GiB inflation");
  }

  @Test
  void concurrent401sShareOneRefresh() throws Exception {
    String old = server.token();
    String fresh = server.rotateToken();
    AtomicReference<String> current = new AtomicReference<>(old);
    AtomicInteger refreshes = new AtomicInteger();
    BearerTokenProvider tokens = new BearerTokenProvider() {
      @Override
      public String currentToken() {
        return current.get();
      }

      @Override
      public void onRejected(String rejected) {
        refreshes.incrementAndGet();
        try {
          Thread.sleep(100);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        current.set(fresh);
      }
    };
    RetrofitChatInfoSource source = RetrofitChatInfoSource.builder().baseUrl(server.baseUrl()).bearerToken(tokens)
        .codec(new MoshiChatInfoCodec()).build();
    sources.add(source);
    server.enqueue(Fault.delay(Duration.ofMillis(50)));
    List<CompletableFuture<ChatInfo>> calls = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      calls.add(source.fetchAsync(ref));
    }
    for (CompletableFuture<ChatInfo> call : calls) {
      assertThat(call.get(20, TimeUnit.SECONDS)).isChatting();
    }
    assertEquals(1, refreshes.get(), "onRejected once for the one rejected token");
  }

  @Test
  void aRedirectToAnotherHostIsRefusedAndNothingReachesIt() {
    try (FakeChatServer other = FakeChatServer.start()) {
      server.enqueue(Fault.redirect(other.infoUrl(ref)));
      assertThatThrownBy(() -> source().fetch(ref)).hasKind(Kind.REDIRECT).hasHttpStatus(302).hasAttempts(1)
          .hasMessageContaining(other.baseUrl().getHost());
      assertEquals(List.of(), other.requests());
    }
  }

  @Test
  void aRedirectWithinTheSameOriginIsFollowed() {
    server.enqueue(Fault.redirect(server.infoUrl(ref)));
    assertThat(source().fetch(ref)).isChatting();
    assertEquals(2, server.requests().size());
    assertTrue(server.requests().get(1).hasBearerToken());
  }

  @Test
  void okHttpsSilentRepeatOfA503WithRetryAfterZeroIsNeutralised() {
    server.enqueue(Fault.retryAfter(503, Duration.ZERO), Fault.retryAfter(503, Duration.ZERO),
        Fault.retryAfter(503, Duration.ZERO), Fault.retryAfter(503, Duration.ZERO));
    assertThatThrownBy(() -> source().fetch(ref)).hasKind(Kind.SERVER_ERROR).hasAttempts(3)
        .hasRetryAfter(Duration.ZERO);
    assertEquals(3, server.requests().size(), "one request per attempt, no hidden repeats");
  }

  @Test
  void aConnectionRefusedIsANetworkFailure() throws IOException {
    int port;
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }
    RetrofitChatInfoSource source = RetrofitChatInfoSource.builder()
        .baseUrl(java.net.URI.create("http://127.0.0.1:" + port + "/")).bearerToken(BearerTokenProvider.of("t"))
        .codec(new MoshiChatInfoCodec()).build();
    sources.add(source);
    assertThatThrownBy(() -> source.fetch(ref)).hasKind(Kind.NETWORK).hasNoHttpStatus().hasAttempts(3);
  }

  /** A JSON object's opening brace and then {@code size} spaces, valid so far: only the size limit can stop it. */
  static byte[] gzippedWhitespace(long size) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gzip = new GZIPOutputStream(out, 1 << 16) {
      {
        def.setLevel(Deflater.BEST_COMPRESSION);
      }
    }) {
      gzip.write('{');
      byte[] spaces = new byte[1 << 20];
      Arrays.fill(spaces, (byte) ' ');
      for (long written = 0; written < size; written += spaces.length) {
        gzip.write(spaces);
      }
    }
    return out.toByteArray();
  }
}
