package dev.chatinfo.api.codec;

import dev.chatinfo.api.ChatInfoException;
import dev.chatinfo.api.ChatInfoException.Kind;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The text forms of the wire's scalar values, in one place for every codec (and for the testkit,
 * which writes payloads with the JDK): times, whole numbers, the time-out in seconds, media types,
 * and short excerpts for error messages.
 *
 * <p>Parsing failures are {@link ChatInfoException}s of kind
 * {@link ChatInfoException.Kind#MALFORMED_RESPONSE} whose message names the field and quotes at
 * most 64 characters of the value.
 *
 * <pre>{@code
 * OffsetDateTime start = WireValues.parseTime("startTime", "2018-01-29T08:19:43.976-05:00");
 * OffsetDateTime same  = WireValues.parseTime("startTime", "1517231983976");   // epoch ms, at UTC
 * long agentId = WireValues.parseLong("agentId", "311098910");
 * }</pre>
 */
public final class WireValues {

  /** The longest excerpt of a value quoted in an error message. */
  public static final int MAX_EXCERPT = 64;

  /**
   * The longest text a codec accepts for one value or field name (64 Ki characters); anything
   * longer is {@code MALFORMED_RESPONSE}, whether the field is known, kept as an attribute, or
   * skipped. No chat information comes near it; a body that does is not one.
   */
  public static final int MAX_TEXT_LENGTH = dev.chatinfo.api.ChatInfo.MAX_TEXT_LENGTH;

  /** The deepest nesting of objects, arrays or elements a codec accepts, the root counting as 1. */
  public static final int MAX_DEPTH = 32;

  private WireValues() {}

  /**
   * Reads a time: ISO-8601 with an offset ({@code 2018-01-29T08:19:43.976-05:00}, {@code ...Z},
   * seconds and fraction optional, offset as {@code ±hh:mm}, {@code ±hhmm} or {@code ±hh}), kept
   * with the offset as sent; or epoch milliseconds ({@code 1517231983976}), at UTC. Surrounding
   * whitespace is ignored.
   *
   * @param field the field name, for the error message
   * @param text the value as sent
   * @return the time
   * @throws ChatInfoException (MALFORMED_RESPONSE) if the value is neither
   */
  public static OffsetDateTime parseTime(String field, CharSequence text) {
    String value = trim(text);
    try {
      OffsetDateTime fast = parseIsoFast(value);
      if (fast != null) {
        return fast;
      }
      if (isInteger(value)) {
        return Instant.ofEpochMilli(Long.parseLong(value)).atOffset(ZoneOffset.UTC);
      }
      return OffsetDateTime.parse(value, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    } catch (DateTimeException | NumberFormatException e) {
      throw malformed(field, text,
          "is neither an ISO-8601 time with offset nor epoch milliseconds", e);
    }
  }

  /**
   * Writes a time as ISO-8601 with its offset: milliseconds always shown
   * ({@code 2018-01-29T08:19:43.000-05:00}), micro- or nanoseconds when present, {@code Z} for UTC.
   *
   * @param time the time
   * @return the text
   */
  public static String formatTime(OffsetDateTime time) {
    int year = time.getYear();
    ZoneOffset offset = time.getOffset();
    if (year < 0 || year > 9999 || offset.getTotalSeconds() % 60 != 0) {
      return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(time);
    }
    StringBuilder out = new StringBuilder(35);
    pad(out, year, 4).append('-');
    pad(out, time.getMonthValue(), 2).append('-');
    pad(out, time.getDayOfMonth(), 2).append('T');
    pad(out, time.getHour(), 2).append(':');
    pad(out, time.getMinute(), 2).append(':');
    pad(out, time.getSecond(), 2).append('.');
    int nano = time.getNano();
    if (nano % 1_000_000 == 0) {
      pad(out, nano / 1_000_000, 3);
    } else if (nano % 1_000 == 0) {
      pad(out, nano / 1_000, 6);
    } else {
      pad(out, nano, 9);
    }
    int seconds = offset.getTotalSeconds();
    if (seconds == 0) {
      return out.append('Z').toString();
    }
    out.append(seconds < 0 ? '-' : '+');
    int minutes = Math.abs(seconds) / 60;
    pad(out, minutes / 60, 2).append(':');
    return pad(out, minutes % 60, 2).toString();
  }

  /**
   * Reads a whole number: an optional {@code -} and decimal digits, within the range of
   * {@code long}; surrounding whitespace ignored. No sign {@code +}, fraction or exponent.
   *
   * @param field the field name, for the error message
   * @param text the value as sent
   * @return the number
   * @throws ChatInfoException (MALFORMED_RESPONSE) if it is not such a number
   */
  public static long parseLong(String field, CharSequence text) {
    String value = trim(text);
    if (!isInteger(value)) {
      throw malformed(field, text, "is not a whole number", null);
    }
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw malformed(field, text, "is out of range", e);
    }
  }

  /**
   * Reads a duration sent as whole, non-negative seconds (the {@code chatTimeout}).
   *
   * @param field the field name, for the error message
   * @param text the value as sent
   * @return the duration
   * @throws ChatInfoException (MALFORMED_RESPONSE) if it is not a non-negative whole number
   */
  public static Duration parseSeconds(String field, CharSequence text) {
    long seconds = parseLong(field, text);
    if (seconds < 0) {
      throw malformed(field, text, "is negative", null);
    }
    return Duration.ofSeconds(seconds);
  }

  /**
   * Tells whether a {@code Content-Type} is of a format: {@code application/<format>},
   * {@code text/<format>} or any {@code <type>/<subtype>+<format>}; case and parameters ignored.
   *
   * @param contentType a {@code Content-Type} header value, may be null
   * @param format {@code "json"} or {@code "xml"}, lower case
   * @return whether it matches
   */
  public static boolean isMediaTypeOf(String contentType, String format) {
    // Read in place (no copy, no lower-cased text): every response's Content-Type passes here.
    if (contentType == null) {
      return false;
    }
    int end = contentType.indexOf(';');
    end = end < 0 ? contentType.length() : end;
    int start = 0;
    while (start < end && Character.isWhitespace(contentType.charAt(start))) {
      start++;
    }
    while (end > start && Character.isWhitespace(contentType.charAt(end - 1))) {
      end--;
    }
    int slash = contentType.indexOf('/', start);
    if (slash <= start || slash >= end - 1) {
      return false;
    }
    int subtype = slash + 1;
    int n = format.length();
    if (end - subtype == n && asciiEqualsIgnoreCase(contentType, subtype, format)
        && (asciiEqualsIgnoreCase(contentType, start, slash, "application") || asciiEqualsIgnoreCase(contentType, start, slash, "text"))) {
      return true;
    }
    return end - subtype > n + 1 && contentType.charAt(end - n - 1) == '+' && asciiEqualsIgnoreCase(contentType, end - n, format);
  }

  private static boolean asciiEqualsIgnoreCase(String text, int from, int to, String lower) {
    return to - from == lower.length() && asciiEqualsIgnoreCase(text, from, lower);
  }

  /** Whether {@code text} holds {@code lower} at {@code from}, folding only A-Z (as {@link #baseMediaType} does). */
  private static boolean asciiEqualsIgnoreCase(String text, int from, String lower) {
    for (int i = 0; i < lower.length(); i++) {
      char c = text.charAt(from + i);
      if (c >= 'A' && c <= 'Z') {
        c = (char) (c + ('a' - 'A'));
      }
      if (c != lower.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Returns the {@code type/subtype} of a {@code Content-Type}, lower case, without parameters or
   * surrounding whitespace; empty for null.
   *
   * @param contentType a {@code Content-Type} header value, may be null
   * @return the base media type
   */
  public static String baseMediaType(String contentType) {
    if (contentType == null) {
      return "";
    }
    int semicolon = contentType.indexOf(';');
    String base = (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).strip();
    StringBuilder lower = new StringBuilder(base.length());
    for (int i = 0; i < base.length(); i++) {
      char c = base.charAt(i);
      lower.append(c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c);
    }
    return lower.toString();
  }

  /**
   * Quotes a value for an error message: at most {@value #MAX_EXCERPT} characters, everything
   * outside printable ASCII escaped as a Java unicode escape (backslash, u, four hex digits),
   * {@code ...} when cut.
   *
   * @param text the value, may be null
   * @return the quoted excerpt, or the text {@code null} for null
   */
  public static String excerpt(CharSequence text) {
    if (text == null) {
      return "null";
    }
    int n = Math.min(text.length(), MAX_EXCERPT);
    StringBuilder out = new StringBuilder(n + 8).append('"');
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      if (c >= 0x20 && c < 0x7f && c != '"' && c != '\\') {
        out.append(c);
      } else {
        out.append(String.format("\\u%04x", (int) c));
      }
    }
    out.append('"');
    if (text.length() > MAX_EXCERPT) {
      out.append("...");
    }
    return out.toString();
  }

  /**
   * A {@code MALFORMED_RESPONSE} failure naming a field and quoting its value.
   *
   * @param field the field name
   * @param value the value as sent, may be null
   * @param problem what is wrong, such as {@code "is not a whole number"}
   * @param cause the underlying failure, or null
   * @return the exception, to throw
   */
  public static ChatInfoException malformed(String field, CharSequence value, String problem,
      Throwable cause) {
    return new ChatInfoException(Kind.MALFORMED_RESPONSE,
        "field " + field + ": " + excerpt(value) + " " + problem, cause);
  }

  private static boolean isInteger(String s) {
    int start = s.startsWith("-") ? 1 : 0;
    if (s.length() == start) {
      return false;
    }
    for (int i = start; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  private static String trim(CharSequence text) {
    if (text == null) {
      return "";
    }
    int start = 0;
    int end = text.length();
    while (start < end && isSpace(text.charAt(start))) {
      start++;
    }
    while (end > start && isSpace(text.charAt(end - 1))) {
      end--;
    }
    return text.subSequence(start, end).toString();
  }

  private static boolean isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
  }

  /**
   * The common form, without the allocation of a {@code DateTimeFormatter} parse:
   * {@code yyyy-MM-ddTHH:mm[:ss[.f{1,9}]]} then {@code Z}, {@code ±hh:mm}, {@code ±hhmm} or
   * {@code ±hh}. Returns null for any other form (the caller falls back to the JDK's parser);
   * throws {@link DateTimeException} for a field out of range.
   */
  private static OffsetDateTime parseIsoFast(String s) {
    int n = s.length();
    if (n < 17 || s.charAt(4) != '-' || s.charAt(7) != '-' || (s.charAt(10) | 0x20) != 't'
        || s.charAt(13) != ':') {
      return null;
    }
    int year = digits(s, 0, 4);
    int month = digits(s, 5, 2);
    int day = digits(s, 8, 2);
    int hour = digits(s, 11, 2);
    int minute = digits(s, 14, 2);
    if ((year | month | day | hour | minute) < 0) {
      return null;
    }
    int i = 16;
    int second = 0;
    int nano = 0;
    if (i < n && s.charAt(i) == ':') {
      second = digits(s, i + 1, 2);
      if (second < 0) {
        return null;
      }
      i += 3;
      if (i < n && s.charAt(i) == '.') {
        i++;
        int start = i;
        while (i < n && i - start < 9 && isDigit(s.charAt(i))) {
          nano = nano * 10 + (s.charAt(i) - '0');
          i++;
        }
        int count = i - start;
        if (count == 0) {
          throw new DateTimeException("a decimal point without digits");
        }
        for (int k = count; k < 9; k++) {
          nano *= 10;
        }
      }
    }
    if (i >= n) {
      return null;
    }
    ZoneOffset offset;
    char sign = s.charAt(i);
    if ((sign | 0x20) == 'z' && i == n - 1) {
      offset = ZoneOffset.UTC;
    } else if (sign == '+' || sign == '-') {
      int rest = n - i - 1;
      int hours = digits(s, i + 1, 2);
      int minutes;
      if (rest == 2) {
        minutes = 0;
      } else if (rest == 4) {
        minutes = digits(s, i + 3, 2);
      } else if (rest == 5 && s.charAt(i + 3) == ':') {
        minutes = digits(s, i + 4, 2);
      } else {
        return null;
      }
      if (hours < 0 || minutes < 0) {
        return null;
      }
      // ofHoursMinutes refuses minutes above 59 (and hours above 18), as the JDK's parser does.
      offset = sign == '-' ? ZoneOffset.ofHoursMinutes(-hours, -minutes) : ZoneOffset.ofHoursMinutes(hours, minutes);
    } else {
      return null;
    }
    return OffsetDateTime.of(year, month, day, hour, minute, second, nano, offset);
  }

  private static int digits(String s, int start, int count) {
    if (start + count > s.length()) {
      return -1;
    }
    int value = 0;
    for (int i = start; i < start + count; i++) {
      char c = s.charAt(i);
      if (!isDigit(c)) {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static StringBuilder pad(StringBuilder out, int value, int width) {
    String digits = Integer.toString(value);
    for (int k = digits.length(); k < width; k++) {
      out.append('0');
    }
    return out.append(digits);
  }
}
