package dev.chatinfo.testkit.contract;

import static dev.chatinfo.testkit.ChatInfoAssertions.assertThat;
import static dev.chatinfo.testkit.ChatInfoAssertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chatinfo.api.BearerTokenProvider;
import dev.chatinfo.api.ChatInfo;
import dev.chatinfo.api.ChatInfoException;
import dev.chatinfo.api.ChatInfoException.Kind;
import dev.chatinfo.api.ChatInfoSource;
import dev.chatinfo.api.ChatRef;
import dev.chatinfo.testkit.ChatInfoFixtures;
import dev.chatinfo.testkit.FakeChatServer;
import dev.chatinfo.testkit.Fault;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The rows of the README's error table that an HTTP status decides, with their retries. */
abstract class StatusCases extends FetchCases {

  StatusCases() {}

  /** 401 with a token the provider does not change: UNAUTHORIZED after one request. */
  @Test
  public void unauthorizedWithAWrongTokenAndNoLoop() {
    ChatRef ref = chattingChat();
    assertThatThrownBy(() -> source(BearerTokenProvider.of("wrong-token-of-the-contract")).fetch(ref))
        .hasKind(Kind.UNAUTHORIZED).hasHttpStatus(401).hasAttempts(1).isNotRetryable();
    assertEquals(1, server.requests().size(), "a 401 with an unchanged token must not be retried");
  }

  /** 401: onRejected with the token sent, then one retry with the new token. */
  @Test
  public void refreshesTheTokenOnceOn401() {
    ChatRef ref = chattingChat();
    String old = server.token();
    String fresh = server.rotateToken();
    AtomicReference<String> current = new AtomicReference<>(old);
    List<String> rejected = Collections.synchronizedList(new ArrayList<>());
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

  /** Twenty calls rejected together with the same token make one refresh, and all succeed. */
  @Test
  public void concurrent401sShareOneRefresh() throws Exception {
    ChatRef ref = chattingChat();
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
          Thread.sleep(100); // a refresh takes a while: the others must wait for it, not start their own
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        current.set(fresh);
      }
    };
    ChatInfoSource source = source(tokens);
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

  /** 403 for a chat of another agent session: FORBIDDEN, not retried. */
  @Test
  public void forbiddenForAChatOfAnotherAgentSession() {
    ChatRef theirs = server.addChat(ChatRef.of(FakeChatServer.DEFAULT_ACCOUNT_ID, "another-session", "H42-c0a8"),
        ChatInfoFixtures.chatting());
    ChatRef ours = ChatRef.of(theirs.accountId(), FakeChatServer.DEFAULT_AGENT_SESSION_ID, theirs.chatId());
    assertThatThrownBy(() -> source().fetch(ours)).hasKind(Kind.FORBIDDEN).hasHttpStatus(403).hasAttempts(1)
        .isNotRetryable();
    assertEquals(1, server.requests().size());
  }

  /** 404: NOT_FOUND, not retried; its message names the method and the path. */
  @Test
  public void notFoundIsNotRetried() {
    ChatRef unknown = unknownChat();
    assertThatThrownBy(() -> source().fetch(unknown)).hasKind(Kind.NOT_FOUND).hasHttpStatus(404).hasAttempts(1)
        .isNotRetryable().hasMessageContaining("GET " + infoPath(unknown));
    assertEquals(1, server.requests().size());
  }

  /** fetchAsync fails with the same ChatInfoException fetch would throw. */
  @Test
  public void asynchronousFailuresAreChatInfoExceptions() {
    Throwable failure = failureOf(source().fetchAsync(unknownChat()), Duration.ofSeconds(20));
    assertThat(failure).hasKind(Kind.NOT_FOUND).hasHttpStatus(404).hasAttempts(1);
  }

  /** Another 4xx (400, 405, 418): CLIENT_ERROR, not retried. */
  @Test
  public void reportsOther4xxAsClientErrors() {
    ChatRef ref = chattingChat();
    ChatInfoSource source = source();
    for (int status : new int[] {400, 405, 418}) {
      server.clearRequests();
      server.enqueue(Fault.status(status));
      assertThatThrownBy(() -> source.fetch(ref)).hasKind(Kind.CLIENT_ERROR).hasHttpStatus(status).hasAttempts(1)
          .isNotRetryable();
      assertEquals(1, server.requests().size(), "requests for a " + status);
    }
  }

  /** 500: SERVER_ERROR, not retryable, not retried. */
  @Test
  public void doesNotRetryA500() {
    ChatRef ref = chattingChat();
    server.enqueue(Fault.status(500));
    assertThatThrownBy(() -> source().fetch(ref)).hasKind(Kind.SERVER_ERROR).hasHttpStatus(500).hasAttempts(1)
        .isNotRetryable();
    assertEquals(1, server.requests().size());
  }

  /** 502, 503 and 504 are retried, each retry one request. */
  @Test
  public void retries502503And504() {
    ChatRef ref = chattingChat();
    ChatInfoSource source = source();
    server.enqueue(Fault.status(502), Fault.status(504));
    assertThat(source.fetch(ref)).isEqualTo(server.chat(ref));
    assertEquals(3, server.requests().size());
    server.enqueue(Fault.status(503));
    assertThat(source.fetch(ref)).isChatting();
    assertEquals(5, server.requests().size());
  }

  /** 429 is retried. */
  @Test
  public void retriesOn429() {
    ChatRef ref = chattingChat();
    server.enqueue(Fault.status(429));
    assertThat(source().fetch(ref)).isChatting();
    assertEquals(2, server.requests().size());
  }

  /** A service that answers 503 to everything: SERVER_ERROR after 3 or 4 attempts, one request each. */
  @Test
  public void givesUpWhenTheServiceStaysUnavailable() {
    ChatRef ref = chattingChat();
    server.failEveryRequest(Fault.status(503));
    ChatInfoException failure = assertThatThrownBy(() -> source().fetch(ref)).hasKind(Kind.SERVER_ERROR)
        .hasHttpStatus(503).isRetryable().actual();
    assertAttemptsWereRequests(failure);
  }

  /** A service that answers 429 to everything: RATE_LIMITED after 3 or 4 attempts, one request each. */
  @Test
  public void givesUpWhenRateLimitedToTheEnd() {
    ChatRef ref = chattingChat();
    server.failEveryRequest(Fault.status(429));
    ChatInfoException failure = assertThatThrownBy(() -> source().fetch(ref)).hasKind(Kind.RATE_LIMITED)
        .hasHttpStatus(429).isRetryable().actual();
    assertAttemptsWereRequests(failure);
  }

  /** 4xx answers do not open the circuit: after 14 of them a fetch still goes out and succeeds. */
  @Test
  public void clientErrorsDoNotOpenTheCircuit() {
    ChatRef ref = chattingChat();
    ChatInfoSource source = source();
    ChatRef unknown = unknownChat();
    for (int i = 0; i < 11; i++) {
      assertThatThrownBy(() -> source.fetch(unknown)).hasKind(Kind.NOT_FOUND).hasAttempts(1);
    }
    server.enqueue(Fault.status(403), Fault.status(400), Fault.status(401));
    for (int i = 0; i < 3; i++) {
      assertThatThrownBy(() -> source.fetch(ref)).isNotRetryable();
    }
    assertThat(source.fetch(ref)).isChatting();
  }

  /**
   * The default circuit breaker opens when half of the last attempts failed (once 5 were made).
   * The call during which it opens already sent requests: it reports its last real failure
   * (SERVER_ERROR, with a note that the circuit is now open), never CIRCUIT_OPEN. The next call
   * sends nothing and reports CIRCUIT_OPEN with no attempt and a positive {@code retryAfter()}: the
   * time until a trial call is let through.
   */
  @Test
  public void theCallDuringWhichTheCircuitOpensReportsItsRealFailure() {
    ChatRef ref = chattingChat();
    server.failEveryRequest(Fault.status(503));
    ChatInfoSource source = source();
    ChatInfoException last = null;
    ChatInfoException open = null;
    for (int call = 1; call <= 6 && open == null; call++) {
      int before = server.requests().size();
      ChatInfoException failure = assertThatThrownBy(() -> source.fetch(ref)).actual();
      int sent = server.requests().size() - before;
      if (failure.kind() == Kind.CIRCUIT_OPEN) {
        open = failure;
        assertEquals(0, sent, "a CIRCUIT_OPEN call must send nothing: " + failure.getMessage());
      } else {
        assertThat(failure).hasKind(Kind.SERVER_ERROR).hasHttpStatus(503);
        assertTrue(failure.attempts() >= 1, failure.getMessage());
        assertEquals(sent, failure.attempts(), "attempts of call " + call + ": " + failure.getMessage());
        last = failure;
      }
    }
    assertTrue(open != null, "the circuit never opened after " + server.requests().size() + " failed requests");
    assertTrue(last != null, "the first call already met an open circuit");
    assertTrue(server.requests().size() >= 5, "the circuit opened after " + server.requests().size()
        + " requests, before 5 were made");
    assertTrue(last.getMessage().toLowerCase(java.util.Locale.ROOT).contains("circuit"),
        "the call during which the circuit opened must say so: " + last.getMessage());
    assertThat(open).hasAttempts(0).isNotRetryable();
    assertTrue(open.retryAfter().isPresent(), "CIRCUIT_OPEN must tell when a trial call is allowed: "
        + open.getMessage());
    assertTrue(!open.retryAfter().get().isNegative() && !open.retryAfter().get().isZero(),
        "retryAfter " + open.retryAfter().get());
  }

  private void assertAttemptsWereRequests(ChatInfoException failure) {
    int requests = server.requests().size();
    assertEquals(requests, failure.attempts(), "attempts vs requests: " + failure.getMessage());
    assertTrue(requests >= 3 && requests <= 4, "requests for one call: " + requests + " (3 or 4 expected)");
  }
}
