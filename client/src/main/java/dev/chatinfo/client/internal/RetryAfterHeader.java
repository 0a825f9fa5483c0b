package dev.chatinfo.client.internal;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/**
 * Reads a {@code Retry-After} header (RFC 9110): delay-seconds, however many digits (leading
 * zeros, values past {@code Long.MAX_VALUE}), or an HTTP-date. Waits longer than {@link #MAX} are
 * {@link #MAX}. Never throws.
 */
public final class RetryAfterHeader {

  /** Longer waits than this are read as this: a day. */
  public static final Duration MAX = Duration.ofDays(1);

  private static final int MAX_DIGITS = 6; // 999,999 s > one day

  private RetryAfterHeader() {}

  /**
   * The wait the header asks for.
   *
   * @param header the header value, may be null
   * @param now the wall-clock time the response arrived, for HTTP-dates
   * @return the wait, zero included; empty when absent, unreadable, or a date not in the future
   */
  public static Optional<Duration> parse(String header, Instant now) {
    if (header == null) {
      return Optional.empty();
    }
    String value = header.strip();
    if (value.isEmpty()) {
      return Optional.empty();
    }
    if (value.chars().allMatch(c -> c >= '0' && c <= '9')) {
      int first = 0;
      while (first < value.length() - 1 && value.charAt(first) == '0') {
        first++;
      }
      String digits = value.substring(first);
      if (digits.length() > MAX_DIGITS) {
        return Optional.of(MAX);
      }
      Duration seconds = Duration.ofSeconds(Integer.parseInt(digits));
      return Optional.of(seconds.compareTo(MAX) > 0 ? MAX : seconds);
    }
    try {
      ZonedDateTime at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME);
      Duration wait = Duration.between(now, at.toInstant());
      if (wait.isNegative() || wait.isZero()) {
        return Optional.empty();
      }
      return Optional.of(wait.compareTo(MAX) > 0 ? MAX : wait);
    } catch (DateTimeException | ArithmeticException e) {
      return Optional.empty();
    }
  }
}
