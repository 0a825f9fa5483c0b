package dev.chatinfo.client.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RetryAfterHeaderTest {

  static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z");

  @ParameterizedTest
  @CsvSource({"0,0", "00,0", "000000000000,0", "5,5", "' 7 ',7", "0120,120", "86400,86400", "86401,86400",
      "2147483647,86400", "2147483648,86400", "99999999999999999999,86400", "999999,86400"})
  void readsSecondsOfAnyLengthCappedAtADay(String header, long seconds) {
    assertEquals(Optional.of(Duration.ofSeconds(seconds)), RetryAfterHeader.parse(header, NOW));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {"Wed, 02 Dec 2026 10:00:30 GMT|30", "Thu, 03 Dec 2026 10:00:00 GMT|86400",
      "Sat, 05 Dec 2026 10:00:00 GMT|86400"})
  void readsHttpDates(String header, long seconds) {
    assertEquals(Optional.of(Duration.ofSeconds(seconds)), RetryAfterHeader.parse(header, NOW));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " ", "-1", "1.5", "soon", "+5", "Wed, 02 Dec 2026 09:59:59 GMT",
      "Wed, 02 Dec 2026 10:00:00 GMT", "Mon, 99 Foo 2026 10:00:00 GMT"})
  void ignoresWhatItCannotReadAndDatesNotInTheFuture(String header) {
    assertEquals(Optional.empty(), RetryAfterHeader.parse(header, NOW));
  }
}
