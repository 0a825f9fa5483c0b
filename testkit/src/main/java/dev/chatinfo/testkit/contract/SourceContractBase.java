package dev.chatinfo.testkit.contract;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.fail;

import dev.chatinfo.api.BearerTokenProvider;
import dev.chatinfo.api.ChatInfo;
import dev.chatinfo.api.ChatInfoSource;
import dev.chatinfo.api.ChatRef;
import dev.chatinfo.testkit.FakeChatServer;
import dev.chatinfo.testkit.RecordedRequest;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Timeout;

/**
 * What every case of {@link ChatInfoSourceContract} shares: the hook, the fake server, the sources
 * and servers to close after each test, and the checks for secrets, lines and leftover threads.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
abstract class SourceContractBase {

  /** The call timeout of {@link #source()}: 10 seconds, the documented default. */
  protected static final Duration DEFAULT_CALL_TIMEOUT = Duration.ofSeconds(10);

  /** How long "promptly" may take on a loaded machine. */
  static final Duration PROMPTLY = Duration.ofSeconds(3);

  /** The server of the current test, started before it and closed after it. */
  protected FakeChatServer server;

  private final List<AutoCloseable> resources = new ArrayList<>();

  SourceContractBase() {}

  /**
   * Builds the source under test, with its default retry and circuit breaker settings.
   *
   * @param baseUrl where the service is: {@code http://127.0.0.1:<port>/}, or {@code https://...}
   *     for the TLS case
   * @param tokens where to get the bearer token
   * @param callTimeout the whole call's time limit, every attempt and wait included
   * @return a new source
   */
  protected abstract ChatInfoSource createSource(URI baseUrl, BearerTokenProvider tokens, Duration callTimeout);

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

  /**
   * How many requests the source's HTTP library sends for one attempt whose connection closes
   * before any byte of an answer. The contract asks for 1, the default. {@code java.net.http}
   * sends an idempotent request once more, at once and on a new connection, when the connection
   * ends before any byte of the response ({@code MultiExchange}'s "retried once"), and offers no
   * setting to turn that off; a source over it answers 2, and the case then checks exactly that.
   *
   * @return 1, or 2 for a library that repeats such a request once by itself
   */
  protected int requestsPerUnansweredAttempt() {
    return 1;
  }

  @BeforeEach
  final void startServer() {
    server = FakeChatServer.start();
  }

  @AfterEach
  final void closeEverything() throws Exception {
    for (int i = resources.size() - 1; i >= 0; i--) {
      resources.get(i).close();
    }
    resources.clear();
    server.close();
  }

  /**
   * A source for the current server with its valid token and the default call timeout; closed
   * after the test.
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
    return sourceAt(server.baseUrl(), tokens, DEFAULT_CALL_TIMEOUT);
  }

  /**
   * A source for the current server with its valid token and the given call timeout; closed after
   * the test.
   *
   * @param callTimeout the call timeout
   * @return the source
   */
  protected ChatInfoSource source(Duration callTimeout) {
    return sourceAt(server.baseUrl(), BearerTokenProvider.of(server.token()), callTimeout);
  }

  /** A source for any base URL; closed after the test. */
  ChatInfoSource sourceAt(URI baseUrl, BearerTokenProvider tokens, Duration callTimeout) {
    return closeAfterTest(createSource(baseUrl, tokens, callTimeout));
  }

  /** Closes {@code resource} after the test, before the fake server. */
  <T extends AutoCloseable> T closeAfterTest(T resource) {
    resources.add(resource);
    return resource;
  }

  /** A chatting chat on the server. */
  ChatRef chattingChat() {
    return server.addChat(dev.chatinfo.testkit.ChatInfoFixtures.chatting());
  }

  /** A chat the server does not have (404). */
  static ChatRef unknownChat() {
    return ChatRef.of(FakeChatServer.DEFAULT_ACCOUNT_ID, FakeChatServer.DEFAULT_AGENT_SESSION_ID, "unknown-chat");
  }

  /** The path the contract expects for a chat, as sent on the wire. */
  static String infoPath(ChatRef ref) {
    return "/api/account/" + ref.accountId() + "/agentSession/" + ref.agentSessionId() + "/chat/" + ref.chatId()
        + "/info";
  }

  /**
   * The media type a source asks for, from the {@code Accept} of a recorded request: the first of
   * {@code application/json} and {@code application/xml} that it names.
   */
  static String askedMediaType(RecordedRequest request) {
    String accept = request.header("Accept").orElse("");
    for (String range : accept.split(",")) {
      String type = range.split(";")[0].strip().toLowerCase(Locale.ROOT);
      if (type.equals("application/json") || type.equals("application/xml")) {
        return type;
      }
    }
    return fail("the request's Accept names neither application/json nor application/xml: " + accept);
  }

  /**
   * Fetches {@code ref} once with {@code source} to learn the media type it asks for, then forgets
   * that request.
   */
  String askedMediaType(ChatInfoSource source, ChatRef ref) {
    source.fetch(ref);
    List<RecordedRequest> requests = server.requests();
    String type = askedMediaType(requests.get(requests.size() - 1));
    server.clearRequests();
    return type;
  }

  /** What a future failed with, unwrapped; fails if it succeeds or takes longer than {@code max}. */
  static Throwable failureOf(CompletableFuture<ChatInfo> future, Duration max) {
    try {
      ChatInfo info = future.get(max.toMillis(), TimeUnit.MILLISECONDS);
      return fail("expected a failure, got " + info);
    } catch (ExecutionException | CompletionException e) {
      return e.getCause();
    } catch (TimeoutException e) {
      return fail("the future was not done after " + max);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return fail("interrupted");
    } catch (java.util.concurrent.CancellationException e) {
      return e;
    }
  }

  static long millisSince(long startNanos) {
    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
  }

  /**
   * Fails if {@code text} holds 8 or more consecutive characters of any of {@code tokens}.
   */
  static void assertShowsNoToken(Collection<String> tokens, String text, String where) {
    if (text == null) {
      return;
    }
    for (String token : tokens) {
      for (int i = 0; i + 8 <= token.length(); i++) {
        String piece = token.substring(i, i + 8);
        if (text.contains(piece)) {
          fail(where + " shows part of a token (" + piece.length() + "+ characters at token offset " + i + "): "
              + text.replace(piece, "<TOKEN PART>"));
        }
      }
    }
  }

  /** Fails if the message or toString of {@code failure} or of any cause shows part of a token. */
  static void assertShowsNoToken(Collection<String> tokens, Throwable failure) {
    int depth = 0;
    for (Throwable t = failure; t != null && depth < 20; t = t.getCause(), depth++) {
      assertShowsNoToken(tokens, t.getMessage(), "the message of " + t.getClass().getName());
      assertShowsNoToken(tokens, t.toString(), "the toString of " + t.getClass().getName());
      for (Throwable suppressed : t.getSuppressed()) {
        assertShowsNoToken(tokens, suppressed.getMessage(), "a suppressed " + suppressed.getClass().getName());
      }
    }
  }

  /** Fails if the message (and toString) of {@code failure} spans more than one line. */
  static void assertOneLine(Throwable failure) {
    String message = String.valueOf(failure.getMessage());
    assertFalse(message.contains("\n") || message.contains("\r"),
        "the message spans lines: " + message.replace("\r", "\\r").replace("\n", "\\n"));
    String text = failure.toString();
    assertFalse(text.contains("\n") || text.contains("\r"),
        "toString spans lines: " + text.replace("\r", "\\r").replace("\n", "\\n"));
  }

  /**
   * The names of the threads alive that were not alive in {@code before}, other than the servers',
   * the JDK's shared ones and {@link #isSharedInfrastructure}; waits up to 10 s for them to end.
   */
  Set<String> threadsLeftSince(Set<Thread> before) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    Set<String> left;
    int round = 0;
    do {
      Thread.sleep(20);
      collectGarbageNowAndThen(round++);
      left = new TreeSet<>();
      for (Thread t : Thread.getAllStackTraces().keySet()) {
        if (t.isAlive() && !before.contains(t) && !t.getName().startsWith("fake-chat-server-")
            && !t.getName().startsWith(LoopbackServer.THREAD_PREFIX)
            && !t.getName().startsWith("Common-Cleaner") && !t.getName().startsWith("ForkJoinPool.commonPool")
            && !isSharedInfrastructure(t)) {
          left.add(t.getName());
        }
      }
    } while (!left.isEmpty() && System.nanoTime() < deadline);
    return left;
  }

  /**
   * Asks the JVM to collect garbage every 25th round of a wait for something to be released: an
   * HTTP library may release a client's threads and connections only once the client is
   * unreachable (java.net.http on Java 17, whose {@code HttpClient} has no {@code close()}). A
   * source that keeps its client reachable after {@code close()} still fails the case.
   */
  static void collectGarbageNowAndThen(int round) {
    if (round % 25 == 0) {
      System.gc();
    }
  }
}
