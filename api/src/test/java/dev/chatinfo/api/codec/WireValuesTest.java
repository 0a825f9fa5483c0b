package dev.chatinfo.api.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chatinfo.api.ChatInfoException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class WireValuesTest {

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "2018-01-29T08:19:43.976-05:00 | 2018-01-29T08:19:43.976-05:00",
      "2018-01-29T08:19:43-05:00     | 2018-01-29T08:19:43-05:00",
      "2018-01-29T08:19-05:00        | 2018-01-29T08:19-05:00",
      "2018-01-29T13:19:43.976Z      | 2018-01-29T13:19:43.976Z",
      "2018-01-29t13:19:43.976z      | 2018-01-29T13:19:43.976Z",
      "2018-01-29T08:19:43.976-0500  | 2018-01-29T08:19:43.976-05:00",
      "2018-01-29T08:19:43.976-05    | 2018-01-29T08:19:43.976-05:00",
      "2018-01-29T08:19:43.5+05:30   | 2018-01-29T08:19:43.500+05:30",
      "2018-01-29T08:19:43.123456789+14:00 | 2018-01-29T08:19:43.123456789+14:00",
      "2018-01-29T08:19:43.976+00:00 | 2018-01-29T08:19:43.976Z",
      "2018-01-29T08:19:43.976-00:00 | 2018-01-29T08:19:43.976Z",
      "+12018-01-29T08:19:43.976-05:00 | +12018-01-29T08:19:43.976-05:00",
      "2018-01-29T08:19:43.976+05:30:15 | 2018-01-29T08:19:43.976+05:30:15"})
  void readsIsoTimesKeepingTheOffset(String wire, String expected) {
    assertEquals(OffsetDateTime.parse(expected), WireValues.parseTime("startTime", wire));
  }

  @Test
  void readsEpochMillisAtUtc() {
    assertEquals(OffsetDateTime.parse("2018-01-29T13:19:43.976Z"), WireValues.parseTime("startTime", "1517231983976"));
    assertEquals(Instant.EPOCH.atOffset(ZoneOffset.UTC), WireValues.parseTime("startTime", "0"));
    assertEquals(Instant.ofEpochMilli(-1).atOffset(ZoneOffset.UTC), WireValues.parseTime("t", " -1 "));
  }

  @Test
  void ignoresSurroundingWhitespace() {
    assertEquals(OffsetDateTime.parse("2018-01-29T08:19:43.976-05:00"),
        WireValues.parseTime("startTime", "\n  2018-01-29T08:19:43.976-05:00\n"));
    assertEquals(42, WireValues.parseLong("agentId", " 42\t"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " ", "yesterday", "2018-01-29", "2018-01-29T08:19:43.976",
      "2018-13-29T08:19:43.976-05:00", "2018-02-30T08:19:43-05:00", "2018-01-29T25:19:43-05:00",
      "2018-01-29T08:19:43.976+19:00", "2018-01-29T08:19:43.1234567891-05:00", "2018-01-29T08:19:43.-05:00",
      "2018-01-29 08:19:43-05:00", "1.5e12", "99999999999999999999", "2018-01-29T08:19:43.976-05:00x",
      "\u0662\u0660\u0661\u0668-01-29T08:19:43Z", "2018-01-29T08:19:43.976+05:99", "2018-01-29T08:19:43.976+05:60",
      "2018-01-29T08:19:43.976-0560", "2018-01-29T08:19:43-00:60"})
  void refusesWhatIsNotATimeNamingTheField(String wire) {
    ChatInfoException e = assertThrows(ChatInfoException.class, () -> WireValues.parseTime("lastUpdate", wire));
    assertEquals(ChatInfoException.Kind.MALFORMED_RESPONSE, e.kind());
    assertTrue(e.getMessage().startsWith("field lastUpdate: "), e.getMessage());
  }

  @Test
  void writesTimesWithMillisAndTheOffset() {
    assertEquals("2018-01-29T08:19:43.976-05:00", WireValues.formatTime(OffsetDateTime.parse("2018-01-29T08:19:43.976-05:00")));
    assertEquals("2018-01-29T08:19:00.000-05:00", WireValues.formatTime(OffsetDateTime.parse("2018-01-29T08:19-05:00")));
    assertEquals("2018-01-29T08:19:43.560Z", WireValues.formatTime(OffsetDateTime.parse("2018-01-29T08:19:43.56Z")));
    assertEquals("0001-01-01T00:00:00.000123+05:30", WireValues.formatTime(OffsetDateTime.parse("0001-01-01T00:00:00.000123+05:30")));
    assertEquals("2018-01-29T08:19:43.000000001+14:00", WireValues.formatTime(OffsetDateTime.parse("2018-01-29T08:19:43.000000001+14:00")));
  }

  @Test
  void everyWrittenTimeReadsBackEqual() {
    Random random = new Random(42);
    for (int i = 0; i < 20_000; i++) {
      long second = random.nextLong() % 400_000_000_000L;
      int nano = switch (i % 4) {
        case 0 -> 0;
        case 1 -> random.nextInt(1000) * 1_000_000;
        case 2 -> random.nextInt(1_000_000) * 1000;
        default -> random.nextInt(1_000_000_000);
      };
      int offset = (random.nextInt(18 * 3600 * 2 + 1) - 18 * 3600);
      if (i % 3 != 0) {
        offset = offset / 60 * 60;
      }
      OffsetDateTime time = Instant.ofEpochSecond(second, nano).atOffset(ZoneOffset.ofTotalSeconds(offset));
      assertEquals(time, WireValues.parseTime("t", WireValues.formatTime(time)), WireValues.formatTime(time));
    }
    assertEquals(OffsetDateTime.MAX, WireValues.parseTime("t", WireValues.formatTime(OffsetDateTime.MAX)));
    assertEquals(OffsetDateTime.MIN, WireValues.parseTime("t", WireValues.formatTime(OffsetDateTime.MIN)));
  }

  @Test
  void readsWholeNumbers() {
    assertEquals(311098910L, WireValues.parseLong("agentId", "311098910"));
    assertEquals(Long.MAX_VALUE, WireValues.parseLong("agentId", "9223372036854775807"));
    assertEquals(Long.MIN_VALUE, WireValues.parseLong("agentId", "-9223372036854775808"));
    assertEquals(7, WireValues.parseLong("agentId", "007"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "-", "+1", "1.0", "1e3", "0x10", "1 2", "abc", "\u0661",
      "9223372036854775808", "-9223372036854775809", "NaN"})
  void refusesWhatIsNotAWholeNumber(String wire) {
    ChatInfoException e = assertThrows(ChatInfoException.class, () -> WireValues.parseLong("visitorId", wire));
    assertEquals(ChatInfoException.Kind.MALFORMED_RESPONSE, e.kind());
    assertTrue(e.getMessage().startsWith("field visitorId: "), e.getMessage());
  }

  @Test
  void saysWhenANumberIsOutOfRange() {
    ChatInfoException e = assertThrows(ChatInfoException.class,
        () -> WireValues.parseLong("rtSessionId", "99999999999999999999"));
    assertEquals("field rtSessionId: \"99999999999999999999\" is out of range", e.getMessage());
  }

  @Test
  void readsSecondsAsADuration() {
    assertEquals(Duration.ofSeconds(40), WireValues.parseSeconds("chatTimeout", "40"));
    assertEquals(Duration.ZERO, WireValues.parseSeconds("chatTimeout", "0"));
    assertEquals("field chatTimeout: \"-1\" is negative",
        assertThrows(ChatInfoException.class, () -> WireValues.parseSeconds("chatTimeout", "-1")).getMessage());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "application/json | json | true", "APPLICATION/JSON; charset=UTF-8 | json | true",
      "application/vnd.lp.chat+json | json | true", " text/json | json | true",
      "application/xml | json | false", "application/jsonx | json | false", "json | json | false",
      "application/+json | json | false", "/json | json | false",
      "application/xml | xml | true", "text/xml;charset=iso-8859-1 | xml | true",
      "application/atom+XML | xml | true", "text/html | xml | false", "text/html | json | false"})
  void matchesMediaTypesOfAFormat(String contentType, String format, boolean expected) {
    assertEquals(expected, WireValues.isMediaTypeOf(contentType, format));
  }

  /**
   * The in-place reading agrees with the definition read on text: the base media type (stripped,
   * A-Z lower-cased), split at its first slash, on every mix of the characters that matter.
   */
  @Test
  void matchesMediaTypesAsTheDefinitionOnText() {
    String[] pieces = {"application", "APPLICATION", "text", "Text", "json", "JSON", "xml", "XmL", "/", "+", ";", " ",
        "\t", "\u2003", "\u017f", "\u212a", "a", "", "json;", "+json", "charset=utf-8", "/json", "ja\u017fon", "APPL\u0130CATION", "\u0130"};
    java.util.Random random = new java.util.Random(20261203);
    for (int i = 0; i < 200_000; i++) {
      StringBuilder s = new StringBuilder();
      for (int k = random.nextInt(6); k >= 0; k--) {
        s.append(pieces[random.nextInt(pieces.length)]);
      }
      String contentType = s.toString();
      for (String format : new String[] {"json", "xml"}) {
        assertEquals(definition(contentType, format), WireValues.isMediaTypeOf(contentType, format),
            () -> "\"" + contentType + "\" as " + format);
      }
    }
  }

  private static boolean definition(String contentType, String format) {
    String base = WireValues.baseMediaType(contentType);
    int slash = base.indexOf('/');
    if (slash <= 0 || slash == base.length() - 1) {
      return false;
    }
    String type = base.substring(0, slash);
    String subtype = base.substring(slash + 1);
    return ((type.equals("application") || type.equals("text")) && subtype.equals(format))
        || (subtype.length() > format.length() + 1 && subtype.endsWith("+" + format));
  }

  @Test
  void matchesNoMediaTypeForNull() {
    assertFalse(WireValues.isMediaTypeOf(null, "json"));
    assertEquals("", WireValues.baseMediaType(null));
    assertEquals("text/html", WireValues.baseMediaType(" Text/HTML ; charset=utf-8"));
  }

  @Test
  void quotesAtMost64EscapedCharacters() {
    assertEquals("\"a\\u000ab\\u0022\"", WireValues.excerpt("a\nb\""));
    assertEquals('"' + "x".repeat(64) + "\"...", WireValues.excerpt("x".repeat(2_000_000)));
    assertEquals("null", WireValues.excerpt(null));
  }
}
