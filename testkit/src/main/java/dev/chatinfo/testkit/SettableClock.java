package dev.chatinfo.testkit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock that stands still until a test moves it. Thread-safe.
 *
 * <pre>{@code
 * SettableClock clock = SettableClock.at(Instant.parse("2018-01-29T13:20:54.560Z"));
 * try (FakeChatServer server = FakeChatServer.start(clock)) {
 *   ChatRef ref = server.addChat(ChatInfoFixtures.chatting());
 *   clock.advance(Duration.ofSeconds(41));       // past the chat's 40 s time-out
 *   // the server now answers "ended" for ref
 * }
 * }</pre>
 */
public final class SettableClock extends Clock {

  private final AtomicReference<Instant> now;
  private final ZoneId zone;

  private SettableClock(AtomicReference<Instant> now, ZoneId zone) {
    this.now = now;
    this.zone = zone;
  }

  /**
   * A clock standing at the given instant, in UTC.
   *
   * @param instant where it stands
   * @return the clock
   */
  public static SettableClock at(Instant instant) {
    return new SettableClock(new AtomicReference<>(Objects.requireNonNull(instant, "instant")), ZoneOffset.UTC);
  }

  /**
   * Moves the clock forward (or back, with a negative duration).
   *
   * @param amount how far
   * @return the new instant
   */
  public Instant advance(Duration amount) {
    Objects.requireNonNull(amount, "amount");
    return now.updateAndGet(i -> i.plus(amount));
  }

  /**
   * Sets the clock.
   *
   * @param instant the new instant
   */
  public void set(Instant instant) {
    now.set(Objects.requireNonNull(instant, "instant"));
  }

  @Override
  public Instant instant() {
    return now.get();
  }

  @Override
  public ZoneId getZone() {
    return zone;
  }

  /** Returns a view in another zone that shares this clock's instant. */
  @Override
  public Clock withZone(ZoneId zone) {
    return new SettableClock(now, Objects.requireNonNull(zone, "zone"));
  }

  @Override
  public String toString() {
    return "SettableClock[" + now.get() + "," + zone + "]";
  }
}
