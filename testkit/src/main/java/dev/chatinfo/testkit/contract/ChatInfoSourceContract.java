package dev.chatinfo.testkit.contract;

import static dev.chatinfo.testkit.ChatInfoAssertions.assertThat;
import static dev.chatinfo.testkit.ChatInfoAssertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chatinfo.api.BearerTokenProvider;
import dev.chatinfo.api.ChatInfo;
import dev.chatinfo.api.ChatInfoException.Kind;
import dev.chatinfo.api.ChatInfoSource;
import dev.chatinfo.api.ChatRef;
import dev.chatinfo.api.TypingStatus;
import dev.chatinfo.testkit.ChatInfoFixtures;
import dev.chatinfo.testkit.FakeChatServer;
import dev.chatinfo.testkit.Fault;
import dev.chatinfo.testkit.RecordedRequest;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The contract every {@link ChatInfoSource} keeps, as abstract JUnit 5 tests run against a
 * {@link FakeChatServer}: extend it and build your source from the server's base URL and a token
 * provider.
 *
 * <pre>{@code
 * class MySourceTest extends ChatInfoSourceContract {
 *   @Override protected ChatInfoSource createSource(URI baseUrl, BearerTokenProvider tokens) {
 *     return MySource.builder().baseUrl(baseUrl).bearerToken(tokens).build();
 *   }
 * }
 * }</pre>
 *
 * <p>It checks states and typing, every error kind the server can produce, the 401 refresh, retries
 * on 503 and 429 and none on 404, 500 or 400, that tokens never appear in failures, and that
 * {@code close()} is idempotent and releases the source's threads. A source is expected to retry
 * at least once, with waits short enough for a test (well under a second without
 * {@code Retry-After}). Each test gets a new server and a new source.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
public abstract class ChatInfoSourceContract {

  /** The server of the current test. */
  protected FakeChatServer server;

  private final List<ChatInfoSource> sources = new ArrayList<>();

  /** Creates the contract. */
  protected ChatInfoSourceContract() {}

  /**
   * Builds the source under test for the fake server.
   *
   * @param baseUrl the server's base URL ({@code http://127.0.0.1:<port>/})
   * @param tokens where to get the bearer token
   * @return a new source
   */
  protected abstract ChatInfoSource createSource(URI baseUrl, BearerTokenProvider tokens);

  @BeforeEach
  void startServer() {
    server = FakeChatServer.start();
  }

  @AfterEach
  void stopServer() {
    sources.forEach(ChatInfoSource::close);
    server.close();
  }

  /**
   * A source for the current server with its valid token; closed after the test.
   *
   * @return the source
   */
  protected ChatInfoSource source() {
    return source(BearerTokenProvider.of(server.token()));
  }

  /**
   * A source for the current server with the given tokens; closed after the test.
   *
   * @param tokens the token provider
   * @return the source
   */
  protected ChatInfoSource source(BearerTokenProvider tokens) {
    ChatInfoSource source = createSource(server.baseUrl(), tokens);
    sources.add(source);
    return source;
  }

  /**
   * Whether a thread that is still alive after {@code close()} belongs to a library's process-wide
   * infrastructure rather than to the source (OkHttp's shared {@code TaskRunner}, say), and so does
   * not count as a leak. The default counts every thread.
   *
   * @param thread a thread started while the source was in use
   * @return whether to ignore it
   */
  protected boolean isSharedInfrastructure(Thread thread) {
    return false;
  }

  // ----- what it fetches -----

  @Test
  void fetchesAChattingChat() {
    ChatRef ref = server.addChat(ChatInfoFixtures.chatting());
    assertThat(source().fetch(ref)).isEqualTo(server.chat(ref)).isChatting().hasAgentName("Barber")
        .visitorIsTyping().hasLink("visitor-name");
  }

  @Test
  void fetchesAWaitingAndAnEndedChat() {
    ChatRef waiting = server.addChat(ChatInfoFixtures.waiting());
    ChatRef ended = server.addChat(ChatInfoFixtures.ended());
    ChatInfoSource source = source();
    assertThat(source.fetch(waiting)).isEqualTo(server.chat(waiting)).isWaiting().hasNoAgentName();
    assertThat(source.fetch(ended)).isEqualTo(server.chat(ended)).isEnded().isNotActive();
  }

  @Test
  void seesTypingChange() {
    ChatRef ref = server.addChat(ChatInfoFixtures.chattingBuilder().agentTyping(TypingStatus.NOT_TYPING).build());
    ChatInfoSource source = source();
    assertThat(source.fetch(ref)).agentIsNotTyping();
    server.update(ref, info -> info.toBuilder().agentTyping(TypingStatus.TYPING).build());
    assertThat(source.fetch(ref)).agentIsTyping().isEqualTo(server.chat(ref));
  }

  @Test
  void fetchesAsynchronously() throws Exception {
    ChatRef a = server.addChat(ChatInfoFixtures.chatting());
    ChatRef b = server.addChat(ChatInfoFixtures.waiting());
    ChatInfoSource source = source();
    CompletableFuture<ChatInfo> fa = source.fetchAsync(a);
    CompletableFuture<ChatInfo> fb = source.fetchAsync(b);
    assertThat(fa.get(20, TimeUnit.SECONDS)).isEqualTo(server.chat(a));
    assertThat(fb.get(20, TimeUnit.SECONDS)).isEqualTo(server.chat(b));
  }

  @Test
  void asynchronousFailuresAreChatInfoExceptions() throws Exception {
    ChatRef unknown = ChatRef.of(FakeChatServer.DEFAULT_ACCOUNT_ID, FakeChatServer.DEFAULT_AGENT_SESSION_ID, "nope");
    CompletableFuture<ChatInfo> future = source().fetchAsync(unknown);
    Throwable failure = null;
    try {
      future.get(20, TimeUnit.SECONDS);
    } catch (java.util.concurrent.ExecutionException e) {
      failure = e.getCause();
    }
    assertThat(failure).hasKind(Kind.NOT_FOUND).hasHttpStatus(404);
  }

  @Test
  void sendsTheDocumentedRequest() {
    ChatRef ref = server.addChat(ChatInfoFixtures.chatting());
    source().fetch(ref);
    RecordedRequest request = server.requests().get(0);
    assertEquals("GET", request.method());
    assertEquals("/api/account/" + ref.accountId() + "/agentSession/" + ref.agentSessionId() + "/chat/"
        + ref.chatId() + "/info", request.path());
    assertTrue(request.query().contains("v=1"), request.query());
    assertTrue(request.query().contains("NC=true"), request.query());
    assertTrue(request.hasBearerToken(), "no bearer token sent");
    assertTrue(request.header("Accept").isPresent(), "no Accept header sent");
  }

  // ----- errors by kind -----

  @Test
  void unauthorizedWithAWrongTokenAndNoLoop() {
    ChatRef ref = server.addChat(ChatInfoFixtures.chatting());
    assertThatThrownBy(() -> source(BearerTokenProvider.of("wrong-token")).fetch(ref))
        .hasKind(Kind.UNAUTHORIZED).hasHttpStatus(401).hasMessageNotContaining("wrong-token");
    assertEquals(1, server.requests().size(), "a 401 with an unchanged token must not be retried");
  }

  @Test
  void refreshesTheTokenOnceOn401() {
    ChatRef ref = server.addChat(ChatInfoFixtures.chatting());
    String old = server.token();
    String fresh = server.rotateToken();
    AtomicReference<String> current = new AtomicReference<>(old);
    List<String> rejected = java.util.Collections.synchronizedList(new ArrayList<>());
    BearerTokenProvider tokens = new BearerTokenProvider() {
      @Override
      public String currentToken() {
        return current.get();
      }

      @Override
      public void onRejected(String token) {
        rejected.add(token);
        current.set(fresh);
      }
    };
    assertThat(source(tokens).fetch(ref)).isChatting();
    assertEquals(List.of(old), rejected);
    assertEquals(2, server.requests().size());
  }

  @Test
  void forbiddenForAChatOfAnotherAgentSession() {
    ChatRef theirs = server.addChat(ChatRef.of(FakeChatServer.DEFAULT_ACCOUNT_ID, "another-session", "H42-c0a8"),
        ChatInfoFixtures.chatting());
    ChatRef ours = ChatRef.of(theirs.accountId(), FakeChatServer.DEFAULT_AGENT_SESSION_ID, theirs.chatId());
    assertThatThrownBy(() -> source().fetch(ours)).hasKind(Kind.FORBIDDEN).hasHttpStatus(403).hasAttempts(1);
  }

  @Test
  void notFoundIsNotRetried() {
    ChatRef unknown = ChatRef.of(FakeChatServer.DEFAULT_ACCOUNT_ID, FakeChatServer.DEFAULT_AGENT_SESSION_ID, "nope");
    assertThatThrownBy(() -> source().fetch(unknown)).hasKind(Kind.NOT_FOUND).hasHttpStatus(404).hasAttempts(1)
        .isNotRetryable();
    assertEquals(1, server.requests().size());
  }

  @Test
  void retriesOn503() {
    ChatRef ref = server.addChat(ChatInfoFixtures.chatting());
    server.enqueue(Fault.status(503));
    assertThat(source().fetch(ref)).isChatting();
    assertEquals(2, server.requests().size());
  }

  @Test
  void retriesOn429() {
    ChatRef ref = server.addChat(ChatInfoFixtures.chatting());
    server.enqueue(Fault.status(429));
    assertThat(source().fetch(ref)).isChatting();
    assertEquals(2, server.requests().size());
  }

  @Test
  void givesUpWhenTheServiceStaysUnavailable() {
    ChatRef ref = server.addChat(ChatInfoFixtures.chatting());
    server.failEveryRequest(Fault.status(503));
    var failure = assertThatThrownBy(() -> source().fetch(ref)).hasKind(Kind.SERVER_ERROR).hasHttpStatus(503)
        .isRetryable().actual();
    int requests = server.requests().size();
    assertTrue(requests >= 2 && requests <= 10, "requests: " + requests);
    assertEquals(requests, failure.attempts());
  }

  @Test
  void doesNotRetryAn500() {
    ChatRef ref = server.addChat(ChatInfoFixtures.chatting());
    server.enqueue(Fault.status(500));
    assertThatThrownBy(() -> source().fetch(ref)).hasKind(Kind.SERVER_ERROR).hasHttpStatus(500).hasAttempts(1);
    assertEquals(1, server.requests().size());
  }

  @Test
  void reportsOther4xxAsClientErrors() {
    ChatRef ref = server.addChat(ChatInfoFixtures.chatting());
    server.enqueue(Fault.status(400));
    assertThatThrownBy(() -> source().fetch(ref)).hasKind(Kind.CLIENT_ERROR).hasHttpStatus(400).hasAttempts(1);
  }

  @Test
  void reportsATruncatedBodyAsMalformed() {
    ChatRef ref = server.addChat(ChatInfoFixtures.chatting());
    server.enqueue(Fault.truncatedBody());
    assertThatThrownBy(() -> source().fetch(ref)).hasKind(Kind.MALFORMED_RESPONSE);
  }

  @Test
  void reportsAnHtmlPageAsUnsupportedMediaType() {
    ChatRef ref = server.addChat(ChatInfoFixtures.chatting());
    server.enqueue(Fault.htmlErrorPage());
    assertThatThrownBy(() -> source().fetch(ref)).hasKind(Kind.UNSUPPORTED_MEDIA_TYPE).hasHttpStatus(200);
  }

  @Test
  void neverShowsTheTokenInAFailure() {
    ChatRef ref = server.addChat(ChatInfoFixtures.chatting());
    ChatInfoSource source = source();
    String token = server.token();
    for (Fault fault : List.of(Fault.status(500), Fault.status(400), Fault.htmlErrorPage(), Fault.truncatedBody())) {
      server.enqueue(fault);
      assertThatThrownBy(() -> source.fetch(ref)).hasMessageNotContaining(token);
    }
    ChatRef unknown = ChatRef.of(ref.accountId(), ref.agentSessionId(), "nope");
    assertThatThrownBy(() -> source.fetch(unknown)).hasMessageNotContaining(token);
    assertTrue(!source.toString().contains(token), "toString shows the token");
  }

  // ----- lifecycle -----

  @Test
  void closeIsIdempotentAndLaterCallsFail() {
    ChatRef ref = server.addChat(ChatInfoFixtures.chatting());
    ChatInfoSource source = source();
    source.fetch(ref);
    source.close();
    source.close();
    assertThatThrownBy(() -> source.fetch(ref)).hasKind(Kind.CANCELLED).hasAttempts(0);
  }

  @Test
  void closeReleasesTheSourcesThreads() throws Exception {
    ChatRef ref = server.addChat(ChatInfoFixtures.chatting());
    Set<Thread> before = new HashSet<>(Thread.getAllStackTraces().keySet());
    ChatInfoSource source = createSource(server.baseUrl(), BearerTokenProvider.of(server.token()));
    for (int i = 0; i < 5; i++) {
      source.fetch(ref);
      source.fetchAsync(ref).get(20, TimeUnit.SECONDS);
    }
    source.close();
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    Set<String> left;
    do {
      System.gc();
      Thread.sleep(50);
      left = new java.util.TreeSet<>();
      for (Thread t : Thread.getAllStackTraces().keySet()) {
        if (t.isAlive() && !before.contains(t) && !t.getName().startsWith("fake-chat-server-")
            && !t.getName().startsWith("Common-Cleaner") && !t.getName().startsWith("ForkJoinPool.commonPool")
            && !isSharedInfrastructure(t)) {
          left.add(t.getName());
        }
      }
    } while (!left.isEmpty() && System.nanoTime() < deadline);
    assertEquals(Set.of(), left, "threads still alive after close()");
  }
}
