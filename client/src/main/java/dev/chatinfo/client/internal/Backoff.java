package dev.chatinfo.client.internal;

import dev.chatinfo.api.ChatInfoException;
import io.github.resilience4j.core.IntervalBiFunction;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/** chatinfo's wait between attempts: the server's {@code Retry-After} first, else exponential backoff with full jitter. */
public final class Backoff {

  private Backoff() {}

  /**
   * Waits {@code Retry-After} when the failure carries one; otherwise a random wait between 0 and
   * {@code min(max, base * 2^(attempt-1))} ("full jitter"), so that clients that failed together do
   * not come back together.
   *
   * @param base the cap of the first wait
   * @param max the largest cap
   * @param <T> the result type
   * @return the interval function, in milliseconds
   */
  public static <T> IntervalBiFunction<T> honouringRetryAfter(Duration base, Duration max) {
    long baseMillis = base.toMillis();
    long maxMillis = max.toMillis();
    return (attempt, either) -> {
      if (either.isLeft() && either.getLeft() instanceof ChatInfoException e && e.retryAfter().isPresent()) {
        return e.retryAfter().get().toMillis();
      }
      int shift = Math.max(0, Math.min(30, attempt - 1));
      long cap = Math.min(maxMillis, baseMillis << shift);
      return ThreadLocalRandom.current().nextLong(cap + 1);
    };
  }
}
