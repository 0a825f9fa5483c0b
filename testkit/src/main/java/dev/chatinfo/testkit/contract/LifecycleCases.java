package dev.chatinfo.testkit.contract;

import static dev.chatinfo.testkit.ChatInfoAssertions.assertThat;
import static dev.chatinfo.testkit.ChatInfoAssertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chatinfo.api.BearerTokenProvider;
import dev.chatinfo.api.ChatInfo;
import dev.chatinfo.api.ChatInfoException;
import dev.chatinfo.api.ChatInfoException.Kind;
import dev.chatinfo.api.ChatInfoSource;
import dev.chatinfo.api.ChatRef;
import dev.chatinfo.testkit.Fault;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** Interrupts, futures completed from outside, close(), and what is left afterwards. */
abstract class LifecycleCases extends SecrecyAndMessageCases {

  LifecycleCases() {}

  /** close() twice is fine; later calls fail as CANCELLED without sending anything. */
  @Test
  public void closeIsIdempotentAndLaterCallsFail() {
    ChatRef ref = chattingChat();
    ChatInfoSource source = source();
    source.fetch(ref);
    source.close();
    source.close();
    assertThatThrownBy(() -> source.fetch(ref)).hasKind(Kind.CANCELLED).hasAttempts(0);
    assertThat(failureOf(source.fetchAsync(ref), PROMPTLY)).hasKind(Kind.CANCELLED).hasAttempts(0);
    assertEquals(1, server.requests().size());
  }

  /** close() fails the calls in flight as CANCELLED, promptly, and hangs up their connections. */
  @Test
  public void closeFailsCallsInFlightAsCancelled() {
    LoopbackServer silent = closeAfterTest(LoopbackServer.silent());
    ChatInfoSource source = sourceAt(silent.baseUrl(), BearerTokenProvider.of("t0ken-of-the-contract"),
        DEFAULT_CALL_TIMEOUT);
    CompletableFuture<ChatInfo> future = source.fetchAsync(unknownChat());
    assertTrue(LoopbackServer.await(() -> silent.requests().size() == 1, PROMPTLY), "the request never arrived");
    long start = System.nanoTime();
    source.close();
    assertThat(failureOf(future, PROMPTLY)).hasKind(Kind.CANCELLED);
    assertTrue(LoopbackServer.await(() -> silent.open() == 0, PROMPTLY),
        "the connection is still open " + millisSince(start) + " ms after close()");
  }

  /** close() ends every thread the source started. */
  @Test
  public void closeReleasesTheSourcesThreads() throws Exception {
    ChatRef ref = chattingChat();
    Set<Thread> before = new HashSet<>(Thread.getAllStackTraces().keySet());
    ChatInfoSource source = sourceAt(server.baseUrl(), BearerTokenProvider.of(server.token()), DEFAULT_CALL_TIMEOUT);
    for (int i = 0; i < 5; i++) {
      source.fetch(ref);
      source.fetchAsync(ref).get(20, TimeUnit.SECONDS);
    }
    server.enqueue(Fault.status(503));
    source.fetchAsync(ref).get(20, TimeUnit.SECONDS);
    source.close();
    assertEquals(Set.of(), threadsLeftSince(before), "threads still alive after close()");
  }

  /**
   * After a mix of successes, failures, retries and async calls, close() leaves no connection open
   * (seen from a proxy in front of the server).
   */
  @Test
  public void closeLeavesNoConnectionOpen() throws Exception {
    ChatRef ref = chattingChat();
    LoopbackServer proxy = closeAfterTest(LoopbackServer.proxyTo(server.baseUrl()));
    ChatInfoSource source = sourceAt(proxy.baseUrl(), BearerTokenProvider.of(server.token()), DEFAULT_CALL_TIMEOUT);
    int failures = 0;
    for (int i = 0; i < 40; i++) {
      switch (i % 8) {
        case 0 -> server.enqueue(Fault.status(503));
        case 1 -> server.enqueue(Fault.truncatedBody());
        case 2 -> server.enqueue(Fault.htmlErrorPage());
        case 3 -> server.enqueue(Fault.disconnectMidBody());
        case 4 -> server.enqueue(Fault.status(404));
        default -> { }
      }
      try {
        if (i % 3 == 0) {
          source.fetchAsync(ref).get(20, TimeUnit.SECONDS);
        } else {
          source.fetch(ref);
        }
      } catch (ChatInfoException | java.util.concurrent.ExecutionException e) {
        failures++;
      }
    }
    assertTrue(failures > 0, "the faults were served");
    assertTrue(proxy.accepted() > 0, "the source never connected through the proxy");
    source.close();
    int[] round = {0};
    assertTrue(LoopbackServer.await(() -> {
      collectGarbageNowAndThen(round[0]++);
      return proxy.open() == 0;
    }, Duration.ofSeconds(10)), proxy.open() + " of " + proxy.accepted() + " connections still open 10 s after close()");
  }

  /**
   * A synchronous fetch blocked waiting for headers, interrupted: it returns promptly (not at the
   * call timeout) with CANCELLED, and the thread's interrupt flag stays set.
   */
  @Test
  public void anInterruptedFetchReturnsPromptlyAsCancelled() throws Exception {
    LoopbackServer silent = closeAfterTest(LoopbackServer.silent());
    ChatInfoSource source = sourceAt(silent.baseUrl(), BearerTokenProvider.of("t0ken-of-the-contract"),
        DEFAULT_CALL_TIMEOUT);
    AtomicReference<Throwable> failure = new AtomicReference<>();
    AtomicBoolean stillInterrupted = new AtomicBoolean();
    Thread caller = new Thread(() -> {
      try {
        source.fetch(unknownChat());
      } catch (Throwable t) {
        failure.set(t);
      }
      stillInterrupted.set(Thread.currentThread().isInterrupted());
    }, "chatinfo-contract-caller");
    caller.setDaemon(true);
    caller.start();
    assertTrue(LoopbackServer.await(() -> silent.requests().size() == 1, PROMPTLY), "the request never arrived");
    long start = System.nanoTime();
    caller.interrupt();
    caller.join(PROMPTLY.toMillis());
    assertFalse(caller.isAlive(), "fetch still blocked " + millisSince(start) + " ms after the interrupt");
    assertThat(failure.get()).hasKind(Kind.CANCELLED);
    assertTrue(stillInterrupted.get(), "the interrupt flag was cleared");
  }

  /** Cancelling the future of fetchAsync hangs up its HTTP connection promptly. */
  @Test
  public void cancellingTheFutureClosesItsConnection() {
    assertCompletingFromOutsideHangsUp(future -> assertTrue(future.cancel(true)));
  }

  /** A future that times out ({@code orTimeout}) hangs up its HTTP connection promptly. */
  @Test
  public void aFutureThatTimesOutClosesItsConnection() {
    assertCompletingFromOutsideHangsUp(future -> future.orTimeout(200, TimeUnit.MILLISECONDS));
  }

  /** A future completed exceptionally by someone else hangs up its HTTP connection promptly. */
  @Test
  public void aFutureCompletedFromOutsideClosesItsConnection() {
    assertCompletingFromOutsideHangsUp(future -> future.completeExceptionally(new IllegalStateException("the caller gave up")));
  }

  private void assertCompletingFromOutsideHangsUp(Consumer<CompletableFuture<ChatInfo>> complete) {
    LoopbackServer silent = closeAfterTest(LoopbackServer.silent());
    ChatInfoSource source = sourceAt(silent.baseUrl(), BearerTokenProvider.of("t0ken-of-the-contract"),
        DEFAULT_CALL_TIMEOUT);
    CompletableFuture<ChatInfo> future = source.fetchAsync(unknownChat());
    assertTrue(LoopbackServer.await(() -> silent.requests().size() == 1, PROMPTLY), "the request never arrived");
    long start = System.nanoTime();
    complete.accept(future);
    assertTrue(LoopbackServer.await(() -> silent.open() == 0, PROMPTLY),
        "the connection is still open " + millisSince(start) + " ms after the future was completed from outside");
    assertTrue(future.isDone());
    assertEquals(1, silent.accepted(), "connections after the future was completed: nothing more is sent");
  }
}
