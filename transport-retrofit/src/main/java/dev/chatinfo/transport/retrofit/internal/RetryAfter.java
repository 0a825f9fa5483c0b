package dev.chatinfo.transport.retrofit.internal;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/** Reads a {@code Retry-After} header: delay-seconds or an HTTP-date (RFC 9110, IMF-fixdate). */
public final class RetryAfter {

  /** Longer waits than this are read as this: a day. */
  static final Duration MAX = Duration.ofDays(1);

  private RetryAfter() {}

  /**
   * The wait the header asks for; empty when absent, garbage, or a date not in the future (then the
   * retry policy falls back to its backoff).
   *
   * @param header the header value, may be null
   * @param clock what "now" is, for dates
   * @return the wait
   */
  public static Optional<Duration> parse(String header, Clock clock) {
    if (header == null) {
      return Optional.empty();
    }
    String value = header.strip();
    if (value.isEmpty()) {
      return Optional.empty();
    }
    if (value.chars().allMatch(c -> c >= '0' && c <= '9')) {
      if (value.length() > 6) {
        return Optional.of(MAX);
      }
      Duration seconds = Duration.ofSeconds(Long.parseLong(value));
      return Optional.of(seconds.compareTo(MAX) > 0 ? MAX : seconds);
    }
    try {
      ZonedDateTime at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME);
      Duration wait = Duration.between(clock.instant(), at.toInstant());
      if (wait.isNegative() || wait.isZero()) {
        return Optional.empty();
      }
      return Optional.of(wait.compareTo(MAX) > 0 ? MAX : wait);
    } catch (DateTimeException e) {
      return Optional.empty();
    }
  }
}
