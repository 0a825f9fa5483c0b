package dev.chatinfo.client.internal;

import dev.chatinfo.api.ChatInfoException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * The circuit breaker's bookkeeping for one attempt: a permission taken before anything is sent,
 * then exactly one of success, failure (the configuration decides what counts) or release (a
 * cancelled attempt, or one that sent nothing, is neither a success nor a failure of the
 * service). Also knows how long until the open breaker lets a trial call through.
 */
public final class Breaker {

  private final CircuitBreaker breaker;
  private final LongSupplier ticker;
  private volatile long openedAt;

  /**
   * @param breaker the Resilience4j circuit breaker
   * @param ticker monotonic nanoseconds
   */
  public Breaker(CircuitBreaker breaker, LongSupplier ticker) {
    this.breaker = breaker;
    this.ticker = ticker;
    this.openedAt = ticker.getAsLong();
    breaker.getEventPublisher().onStateTransition(e -> {
      if (e.getStateTransition().getToState() == CircuitBreaker.State.OPEN) {
        openedAt = ticker.getAsLong();
      }
    });
  }

  /**
   * Takes the permission for one attempt.
   *
   * @return whether the attempt may be sent
   */
  public boolean tryAcquire() {
    return breaker.tryAcquirePermission();
  }

  /**
   * The attempt succeeded.
   *
   * @param startNanos when it began
   */
  public void success(long startNanos) {
    breaker.onSuccess(ticker.getAsLong() - startNanos, TimeUnit.NANOSECONDS);
  }

  /**
   * The attempt failed; the configuration's record predicate decides whether the service failed.
   *
   * @param startNanos when it began
   * @param failure what went wrong
   */
  public void failure(long startNanos, ChatInfoException failure) {
    breaker.onError(ticker.getAsLong() - startNanos, TimeUnit.NANOSECONDS, failure);
  }

  /** The attempt was cancelled or sent nothing: give the permission back, count nothing. */
  public void release() {
    breaker.releasePermission();
  }

  /**
   * How long until the breaker lets a trial call through: what is left of its wait in the open
   * state; zero when it is not open.
   *
   * @return the wait, never negative
   */
  public Duration untilTrial() {
    if (breaker.getState() != CircuitBreaker.State.OPEN && breaker.getState() != CircuitBreaker.State.FORCED_OPEN) {
      return Duration.ZERO;
    }
    long waitMillis = breaker.getCircuitBreakerConfig().getWaitIntervalFunctionInOpenState().apply(1);
    long left = TimeUnit.MILLISECONDS.toNanos(waitMillis) - (ticker.getAsLong() - openedAt);
    return Duration.ofNanos(Math.max(TimeUnit.MILLISECONDS.toNanos(1), left));
  }

  /**
   * The breaker's name and state, for messages.
   *
   * @return such as {@code 'chatinfo-example.com' is OPEN}
   */
  public String describe() {
    return "'" + breaker.getName() + "' is " + breaker.getState();
  }
}
