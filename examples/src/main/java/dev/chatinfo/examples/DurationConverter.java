package dev.chatinfo.examples;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Durations as people type them: 10s, 500ms, 2m, 10 (seconds), or ISO-8601 PT10S; positive. */
final class DurationConverter implements ITypeConverter<Duration> {

  @Override
  public Duration convert(String text) {
    try {
      Duration d;
      if (text.startsWith("P") || text.startsWith("p")) {
        d = Duration.parse(text);
      } else if (text.endsWith("ms")) {
        d = Duration.ofMillis(Long.parseLong(text.substring(0, text.length() - 2)));
      } else if (text.endsWith("s")) {
        d = Duration.ofSeconds(Long.parseLong(text.substring(0, text.length() - 1)));
      } else if (text.endsWith("m")) {
        d = Duration.ofMinutes(Long.parseLong(text.substring(0, text.length() - 1)));
      } else {
        d = Duration.ofSeconds(Long.parseLong(text));
      }
      if (d.isNegative() || d.isZero()) {
        throw new TypeConversionException("must be positive, not '" + text + "'");
      }
      return d;
    } catch (NumberFormatException | DateTimeParseException e) {
      throw new TypeConversionException("is like 10s, 500ms, 2m or PT10S, not '" + text + "'");
    }
  }
}
