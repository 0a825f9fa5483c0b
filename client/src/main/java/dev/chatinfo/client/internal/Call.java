package dev.chatinfo.client.internal;

import dev.chatinfo.api.ChatInfo;
import dev.chatinfo.api.ChatInfoException;
import dev.chatinfo.api.ChatInfoException.Kind;
import dev.chatinfo.api.ChatRef;
import dev.chatinfo.client.spi.HttpExchange;
import dev.chatinfo.client.spi.HttpRequest;
import io.github.resilience4j.retry.Retry;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One call of {@code fetch} or {@code fetchAsync}: its attempts and the waits between them, its
 * deadline on monotonic time, what stops it (cancellation, an interrupt, the deadline, the
 * client closing), and its final failure. Both ways share everything but the driving loop: an
 * {@link Attempt} reads a response the same way on either.
 */
public final class Call {

  static final System.Logger LOG = System.getLogger("dev.chatinfo.client.ChatInfoClient");

  /** Why a call was stopped from outside its own loop; the first reason wins. */
  enum Stop {
    CANCELLED, CLOSED, INTERRUPTED, TIMEOUT
  }

  final Engine engine;
  final ChatRef chat;
  final URI uri;
  final String path;
  final Secrets secrets = new Secrets();
  private final long deadline;
  private final boolean async;
  private final Thread caller;
  private final CompletableFuture<ChatInfo> result;
  private final AtomicBoolean settled = new AtomicBoolean();
  private final AtomicInteger requests = new AtomicInteger();
  private final AtomicReference<Stop> stop = new AtomicReference<>();
  private final Retry.AsyncContext<ChatInfo> retryContext;
  private volatile HttpExchange current;
  private volatile Future<?> waiting;
  private volatile Future<?> watch;
  private volatile ChatInfoException lastSent;

  Call(Engine engine, ChatRef chat, boolean async) {
    this.engine = engine;
    this.chat = chat;
    Endpoint.Target target = engine.endpoint.target(chat);
    this.uri = target.url();
    this.path = target.path();
    this.deadline = engine.ticker.getAsLong() + engine.callTimeout.toNanos();
    this.async = async;
    this.caller = async ? null : Thread.currentThread();
    this.result = async ? new CompletableFuture<>() : null;
    this.retryContext = engine.retry.asyncContext();
  }

  // ----- the synchronous loop -----------------------------------------------------------------

  /**
   * Runs the call on the calling thread.
   *
   * @return the chat information
   * @throws ChatInfoException the call's final failure
   */
  public ChatInfo fetch() {
    try {
      if (caller.isInterrupted()) {
        stop(Stop.INTERRUPTED);
        throw finish(stoppedFailure());
      }
      engine.watchSyncCalls();
      while (true) {
        ChatInfoException failure;
        try {
          ChatInfo info = new Attempt(this).runSync();
          retryContext.onComplete();
          return info;
        } catch (ChatInfoException e) {
          failure = e;
        }
        long delay = nextDelay(failure);
        if (delay < 0) {
          throw finish(failure);
        }
        sleep(delay);
      }
    } catch (RejectedExecutionException e) {
      throw finish(stop.get() == null ? new ChatInfoException(Kind.CANCELLED, "was cancelled: the client is closed")
          : stoppedFailure());
    } finally {
      engine.done(this);
    }
  }

  /** Whether this call runs on its caller's thread (and so is watched by the engine's watchdog). */
  boolean isSync() {
    return !async;
  }

  /**
   * Looks at the caller's interrupt flag and the deadline; called every
   * {@value Engine#WATCH_MILLIS} ms by the engine's watchdog while this synchronous call runs.
   */
  void watchCaller() {
    if (caller.isInterrupted()) {
      stop(Stop.INTERRUPTED);
    } else if (remainingNanos() <= 0) {
      stop(Stop.TIMEOUT);
    }
  }

  private void sleep(long millis) {
    Future<?> w = engine.scheduler.schedule(() -> { }, millis, TimeUnit.MILLISECONDS);
    waiting = w;
    if (stop.get() != null) {
      w.cancel(false);
    }
    try {
      w.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      stop(Stop.INTERRUPTED);
      throw finish(stoppedFailure());
    } catch (CancellationException | ExecutionException e) {
      throw finish(stoppedFailure());
    } finally {
      waiting = null;
    }
  }

  // ----- the asynchronous loop ----------------------------------------------------------------

  /**
   * Runs the call without blocking: the future completes on a transport or scheduler thread.
   * Completing or cancelling the future from outside stops the call and aborts its exchange.
   *
   * @return the chat information to come
   */
  public CompletableFuture<ChatInfo> fetchAsync() {
    result.whenComplete((info, failure) -> {
      cancel(watch);
      engine.done(this);
      if (!settled.get()) {
        stop(Stop.CANCELLED);
      }
    });
    try {
      watch = engine.scheduler.schedule(() -> stop(Stop.TIMEOUT), remainingNanos(), TimeUnit.NANOSECONDS);
      attemptAsync();
    } catch (RejectedExecutionException e) {
      settle(null, finish(new ChatInfoException(Kind.CANCELLED, "was cancelled: the client is closed")));
    }
    return result;
  }

  private void attemptAsync() {
    if (result.isDone()) {
      return;
    }
    Attempt attempt;
    try {
      attempt = new Attempt(this);
    } catch (ChatInfoException e) {
      afterFailure(e);
      return;
    }
    attempt.runAsync();
  }

  void succeeded(ChatInfo info) {
    retryContext.onComplete();
    settle(info, null);
  }

  void afterFailure(ChatInfoException failure) {
    if (result.isDone()) {
      return;
    }
    long delay = nextDelay(failure);
    if (delay < 0) {
      settle(null, finish(failure));
      return;
    }
    try {
      Future<?> w = engine.scheduler.schedule(this::attemptAsync, delay, TimeUnit.MILLISECONDS);
      waiting = w;
      if (stop.get() != null) {
        w.cancel(false);
      }
    } catch (RejectedExecutionException e) {
      settle(null, finish(stoppedFailure()));
    }
  }

  private void settle(ChatInfo info, ChatInfoException failure) {
    if (settled.compareAndSet(false, true)) {
      if (failure == null) {
        result.complete(info);
      } else {
        result.completeExceptionally(failure);
      }
    }
  }

  // ----- shared by both -----------------------------------------------------------------------

  /**
   * Stops the call from outside its loop: aborts the exchange in flight or the wait, and ends an
   * asynchronous call at once. The first reason wins.
   *
   * @param reason why
   */
  void stop(Stop reason) {
    if (!stop.compareAndSet(null, reason)) {
      return;
    }
    HttpExchange x = current;
    if (x != null) {
      x.cancel();
    }
    cancel(waiting);
    if (async && !result.isDone()) {
      settle(null, finish(stoppedFailure()));
    }
  }

  boolean isStopped() {
    return stop.get() != null;
  }

  /**
   * Opens the next exchange of this call: counts the request and makes it cancellable.
   *
   * @param request the request
   * @return the exchange, cancelled already if the call was stopped meanwhile
   */
  HttpExchange open(HttpRequest request) {
    HttpExchange x = engine.transport.exchange(request);
    current = x;
    int n = requests.incrementAndGet();
    if (stop.get() != null) {
      x.cancel();
    }
    if (LOG.isLoggable(Level.DEBUG)) {
      LOG.log(Level.DEBUG, "GET " + request.uri().getRawPath() + " (request " + n + ", Authorization: Bearer ****)");
    }
    return x;
  }

  long remainingNanos() {
    return deadline - engine.ticker.getAsLong();
  }

  /**
   * What a broken exchange means for this call: a stop reason first, then the deadline, then what
   * the transport said.
   *
   * @param e the transport's failure
   * @return the failure
   */
  ChatInfoException classify(IOException e) {
    if (stop.get() == null && caller != null && caller.isInterrupted()) {
      stop(Stop.INTERRUPTED);
    }
    if (stop.get() == null && remainingNanos() <= 0) {
      stop(Stop.TIMEOUT);
    }
    if (stop.get() != null) {
      return stoppedFailure();
    }
    return Failures.forException(e, engine.callTimeout);
  }

  ChatInfoException stoppedFailure() {
    Stop reason = stop.get();
    if (reason == Stop.TIMEOUT) {
      ChatInfoException last = lastSent;
      return new ChatInfoException(Kind.TIMEOUT, "did not finish within the call timeout of " + format(engine.callTimeout)
          + (last == null ? "" : " (the last attempt: " + last.getMessage() + ")"));
    }
    if (reason == Stop.CLOSED) {
      return new ChatInfoException(Kind.CANCELLED, "was cancelled: the client is closed");
    }
    if (reason == Stop.INTERRUPTED) {
      return new ChatInfoException(Kind.CANCELLED, "was interrupted");
    }
    return new ChatInfoException(Kind.CANCELLED, "was cancelled");
  }

  ChatInfoException closedBeforeStart() {
    stop.set(Stop.CLOSED);
    return finish(stoppedFailure());
  }

  void sentAndFailed(ChatInfoException failure) {
    lastSent = failure;
  }

  /** The wait before the next attempt, or -1 to stop: not retryable, stopped, attempts used up, or no time left. */
  private long nextDelay(ChatInfoException failure) {
    if (failure.kind() == Kind.CIRCUIT_OPEN || stop.get() != null) {
      return -1;
    }
    long policy = retryContext.onError(failure);
    if (policy < 0 || !failure.isRetryable()) {
      return -1;
    }
    // Retry-After is the service's word: honoured whatever interval a custom RetryConfig computes.
    long delay = Math.max(policy, failure.retryAfter().map(Duration::toMillis).orElse(0L));
    long remaining = TimeUnit.NANOSECONDS.toMillis(remainingNanos());
    if (delay >= remaining) {
      if (LOG.isLoggable(Level.DEBUG)) {
        LOG.log(Level.DEBUG, "GET " + path + ": no retry, a wait of " + delay + " ms would pass the call timeout");
      }
      return -1;
    }
    if (LOG.isLoggable(Level.DEBUG)) {
      LOG.log(Level.DEBUG, "GET " + path + ": " + failure.kind() + ", retrying in " + delay + " ms");
    }
    return delay;
  }

  /**
   * The call's final failure: method, path, what happened, attempts; masked and on one line. A
   * refusal of the circuit breaker after requests were sent reports the last real failure.
   */
  private ChatInfoException finish(ChatInfoException failure) {
    ChatInfoException f = failure;
    String note = "";
    if (f.kind() == Kind.CIRCUIT_OPEN && lastSent != null) {
      note = "; the circuit breaker " + engine.breaker.describe() + " now";
      f = lastSent;
    }
    int n = requests.get();
    String message = secrets.mask("GET " + path + " " + f.getMessage() + note
        + " (" + n + (n == 1 ? " attempt)" : " attempts)"));
    ChatInfoException.Builder b = ChatInfoException.builder(f.kind(), message)
        .attempts(n).retryAfter(f.retryAfter().orElse(null)).retryable(f.isRetryable())
        .cause(secrets.scrub(f.getCause()));
    f.httpStatus().ifPresent(b::httpStatus);
    return b.build();
  }

  private static void cancel(Future<?> f) {
    if (f != null) {
      f.cancel(false);
    }
  }

  static String format(Duration d) {
    if (d.toMillis() % 1000 == 0) {
      return d.toSeconds() + " s";
    }
    return d.toMillis() + " ms";
  }
}
