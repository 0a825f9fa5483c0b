package dev.chatinfo.client.internal;

import dev.chatinfo.api.ChatInfoException;
import dev.chatinfo.api.ChatInfoException.Kind;
import dev.chatinfo.api.ChatRef;
import dev.chatinfo.client.spi.HttpTransport;
import io.github.resilience4j.retry.Retry;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;

/**
 * What every call of one client shares: where and how to send, the token, the codecs, the retry
 * and the circuit breaker, the time sources and the scheduler of waits and deadlines, and the
 * calls in flight (so that {@link #close()} can cancel them). Thread-safe.
 */
public final class Engine {

  /** The largest body accepted, success or error, after decompression: 1 MiB. */
  public static final long MAX_BODY_BYTES = 1L << 20;

  /** How often the watchdog looks at the synchronous calls' interrupt flags and deadlines. */
  static final long WATCH_MILLIS = 50;

  final Endpoint endpoint;
  final HttpTransport transport;
  final BearerAuth auth;
  final CodecChoice codecs;
  final Retry retry;
  final Breaker breaker;
  final Duration callTimeout;
  final ScheduledExecutorService scheduler;
  final LongSupplier ticker;
  final Clock clock;
  private final boolean ownsScheduler;
  private final Set<Call> inFlight = ConcurrentHashMap.newKeySet();
  private final AtomicBoolean closed = new AtomicBoolean();
  /** Whether a watchdog tick is scheduled: one runs while synchronous calls do. */
  private final AtomicBoolean watching = new AtomicBoolean();

  /**
   * @param endpoint where the service is
   * @param transport the HTTP library; closed with the engine
   * @param auth the bearer token
   * @param codecs the codecs
   * @param retry the retry
   * @param breaker the circuit breaker
   * @param callTimeout the time-out of a whole call
   * @param scheduler the scheduler of waits and deadlines
   * @param ownsScheduler whether {@link #close()} shuts the scheduler down
   * @param ticker monotonic nanoseconds, for deadlines
   * @param clock the wall clock, for {@code Retry-After} dates only
   */
  public Engine(Endpoint endpoint, HttpTransport transport, BearerAuth auth, CodecChoice codecs, Retry retry,
      Breaker breaker, Duration callTimeout, ScheduledExecutorService scheduler, boolean ownsScheduler,
      LongSupplier ticker, Clock clock) {
    this.endpoint = endpoint;
    this.transport = transport;
    this.auth = auth;
    this.codecs = codecs;
    this.retry = retry;
    this.breaker = breaker;
    this.callTimeout = callTimeout;
    this.scheduler = scheduler;
    this.ownsScheduler = ownsScheduler;
    this.ticker = ticker;
    this.clock = clock;
  }

  /**
   * Starts a call: registers it for {@link #close()}.
   *
   * @param chat the chat to fetch
   * @param async whether the call runs asynchronously
   * @return the call
   * @throws ChatInfoException {@link Kind#CANCELLED} when the client is closed;
   *     {@link Kind#CLIENT_ERROR} for a null chat
   */
  public Call begin(ChatRef chat, boolean async) {
    if (chat == null) {
      throw new ChatInfoException(Kind.CLIENT_ERROR, "fetch needs a ChatRef, got null");
    }
    Call call = new Call(this, chat, async);
    inFlight.add(call);
    if (closed.get()) {
      inFlight.remove(call);
      throw call.closedBeforeStart();
    }
    return call;
  }

  void done(Call call) {
    inFlight.remove(call);
  }

  /**
   * Makes sure the watchdog runs, for a synchronous call just begun: one task of the scheduler,
   * every {@value #WATCH_MILLIS} ms while synchronous calls are in flight, looks at each one's
   * interrupt flag and deadline (a blocked transport may react to neither). A call costs no
   * scheduling of its own: on a busy client the watchdog is already running.
   *
   * @throws RejectedExecutionException when the scheduler is shut down
   */
  void watchSyncCalls() {
    if (!watching.get() && watching.compareAndSet(false, true)) {
      scheduleWatchdog();
    }
  }

  private void scheduleWatchdog() {
    try {
      scheduler.schedule(this::watchdogTick, WATCH_MILLIS, TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException e) {
      watching.set(false);
      throw e;
    }
  }

  private void watchdogTick() {
    boolean any = false;
    for (Call call : inFlight) {
      if (call.isSync()) {
        any = true;
        call.watchCaller();
      }
    }
    if (!any) {
      watching.set(false);
      // A synchronous call that began after the loop may have found the watchdog still running:
      // look again, and go on if one did and no other start took over.
      if (!hasSyncCall() || !watching.compareAndSet(false, true)) {
        return;
      }
    }
    try {
      scheduleWatchdog();
    } catch (RejectedExecutionException e) {
      // The scheduler is shut down: the client is closing, and its calls are being stopped.
    }
  }

  private boolean hasSyncCall() {
    for (Call call : inFlight) {
      if (call.isSync()) {
        return true;
      }
    }
    return false;
  }

  boolean isClosed() {
    return closed.get();
  }

  /**
   * Cancels the calls in flight (each ends with {@link Kind#CANCELLED}), then closes the transport
   * and the scheduler it owns. Idempotent.
   */
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    for (Call call : inFlight) {
      call.stop(Call.Stop.CLOSED);
    }
    try {
      transport.close();
    } finally {
      if (ownsScheduler) {
        scheduler.shutdownNow();
      }
    }
  }
}
