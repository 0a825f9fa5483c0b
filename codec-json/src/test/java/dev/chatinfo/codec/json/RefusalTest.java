package dev.chatinfo.codec.json;

import static dev.chatinfo.codec.json.Payloads.info;
import static dev.chatinfo.codec.json.Payloads.refused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chatinfo.api.ChatInfoException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every input the codec must refuse, each with a MALFORMED_RESPONSE whose message names the field
 * or the position.
 */
class RefusalTest {

  static void assertNames(ChatInfoException e, String... parts) {
    for (String part : parts) {
      assertTrue(e.getMessage().contains(part),
          () -> "expected the message to name " + part + ": " + e.getMessage());
    }
  }

  @Test
  void refusesAMissingState() {
    assertNames(refused("{\"info\":{\"chatSessionKey\":\"K1\",\"agentName\":\"Barber\"}}"),
        "missing state", "$.info");
  }

  @Test
  void refusesANullState() {
    assertNames(refused("{\"info\":{\"state\":null,\"chatSessionKey\":\"K1\"}}"), "missing state");
  }

  @Test
  void refusesAMissingStateInsideTheChatResource() {
    assertNames(refused("{\"chat\":{\"info\":{\"chatSessionKey\":\"K1\"}}}"),
        "missing state", "$.chat.info");
  }

  @Test
  void namesTheInfoSectionThatWasReadWhenAChatHasNone() {
    assertNames(refused("{\"chat\":{\"info\":null},\"info\":{\"chatSessionKey\":\"K1\"}}"),
        "missing state in $.info");
  }

  @Test
  void refusesAMissingChatSessionKey() {
    assertNames(refused("{\"info\":{\"state\":\"chatting\"}}"), "missing chatSessionKey", "$.info");
  }

  @Test
  void refusesANullChatSessionKey() {
    assertNames(refused("{\"info\":{\"state\":\"chatting\",\"chatSessionKey\":null}}"),
        "missing chatSessionKey");
  }

  @Test
  void refusesAnEmptyChatSessionKey() {
    assertNames(refused("{\"info\":{\"state\":\"chatting\",\"chatSessionKey\":\"\"}}"),
        "field chatSessionKey", "is empty", "$.info.chatSessionKey");
  }

  static Stream<Arguments> idsThatAreNotWholeNumbers() {
    return Stream.of("1.5", "1e3", "1.0", "-1.5E-2", "\"+1\"", "\"abc\"", "\"\"", "\"1 2\"",
        "\"0x10\"", "\"١٢٣\"").flatMap(value -> Stream.of("agentId", "visitorId", "rtSessionId")
            .map(field -> Arguments.of(field, value)));
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("idsThatAreNotWholeNumbers")
  void refusesIdsThatAreNotWholeNumbers(String field, String value) {
    assertNames(refused(info("\"" + field + "\":" + value)),
        "field " + field, "is not a whole number", "$.info." + field);
  }

  @ParameterizedTest
  @ValueSource(strings = {"9223372036854775808", "-9223372036854775809",
      "\"99999999999999999999\"", "123456789012345678901234567890"})
  void refusesIdsOutOfRange(String value) {
    assertNames(refused(info("\"agentId\":" + value)), "field agentId", "out of range",
        "$.info.agentId");
  }

  @ParameterizedTest
  @ValueSource(strings = {"\"yesterday\"", "\"2018-13-01T00:00:00Z\"", "\"2018-01-29T08:19:43\"",
      "\"2018-01-29T25:19:43Z\"", "\"2018-01-29 08:19:43Z\"", "\"2018-01-29T08:19:43.Z\"", "1.5",
      "\"\"", "\"99999999999999999999\""})
  void refusesTimesThatDoNotParse(String value) {
    assertNames(refused(info("\"lastUpdate\":" + value)), "field lastUpdate", "$.info.lastUpdate");
  }

  @ParameterizedTest
  @ValueSource(strings = {"-1", "40.5", "\"40s\"", "\"PT40S\"", "4e1"})
  void refusesATimeoutThatIsNotWholeNonNegativeSeconds(String value) {
    assertNames(refused(info("\"chatTimeout\":" + value)), "field chatTimeout",
        "$.info.chatTimeout");
  }

  static Stream<Arguments> wrongTypes() {
    return Stream.of("state", "chatSessionKey", "agentName", "agentId", "startTime", "lastUpdate",
        "chatTimeout", "visitorId", "agentTyping", "visitorTyping", "visitorName", "rtSessionId",
        "participantId").flatMap(field -> Stream.of("true", "false", "{}", "{\"a\":1}", "[]",
            "[\"x\"]").map(value -> Arguments.of(field, value)));
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("wrongTypes")
  void refusesBooleansObjectsAndArraysWhereAKnownScalarBelongs(String field, String value) {
    String json = "{\"info\":{\"" + field + "\":" + value
        + ",\"state\":\"chatting\",\"chatSessionKey\":\"K1\"}}";
    if (field.equals("state") || field.equals("chatSessionKey")) {
      json = "{\"info\":{\"" + field + "\":" + value + "}}";
    }
    assertNames(refused(json), "field " + field, "expected a string or a number",
        "$.info." + field);
  }

  @ParameterizedTest
  @ValueSource(strings = {"state", "chatSessionKey", "agentName", "agentId", "startTime",
      "lastUpdate", "chatTimeout", "visitorId", "agentTyping", "visitorTyping", "visitorName",
      "rtSessionId", "participantId"})
  void refusesAKnownFieldSentTwice(String field) {
    String value = field.equals("startTime") || field.equals("lastUpdate") ? "\"2018-01-29T08:19:43Z\""
        : field.equals("agentId") || field.equals("visitorId") || field.equals("rtSessionId")
            || field.equals("chatTimeout") ? "1" : "\"x\"";
    String member = "\"" + field + "\":" + value;
    String required = "\"state\":\"chatting\",\"chatSessionKey\":\"K1\"";
    String json = field.equals("state") || field.equals("chatSessionKey")
        ? "{\"info\":{" + required + "," + member + "}}"
        : "{\"info\":{" + required + "," + member + "," + member + "}}";
    assertNames(refused(json), "duplicate field " + field, "$.info." + field);
  }

  @Test
  void refusesALinkWithoutHref() {
    assertNames(refused(info("\"link\":[{\"@href\":\"h\",\"@rel\":\"self\"},{\"@rel\":\"x\"}]")),
        "$.info.link[1]: no href");
    assertNames(refused(info("\"link\":{\"rel\":\"self\",\"href\":null}")), "$.info.link: no href");
  }

  @Test
  void refusesALinkWithoutRel() {
    assertNames(refused(info("\"link\":[{\"@href\":\"h\"}]")), "$.info.link[0]: no rel");
    assertNames(refused("{\"chat\":{\"info\":{\"state\":\"chatting\",\"chatSessionKey\":\"K1\","
        + "\"link\":{\"href\":\"h\",\"title\":\"x\"}}}}"), "$.chat.info.link: no rel");
  }

  @Test
  void refusesALinkWithTwoHrefsOrTwoRels() {
    assertNames(refused(info("\"link\":{\"@href\":\"a\",\"href\":\"b\",\"rel\":\"self\"}")),
        "$.info.link: duplicate href");
    assertNames(refused(info("\"link\":[{\"@href\":\"a\",\"@rel\":\"x\",\"rel\":\"y\"}]")),
        "$.info.link[0]: duplicate rel");
  }

  @ParameterizedTest
  @ValueSource(strings = {"\"self\"", "1", "true"})
  void refusesALinkThatIsNeitherAnObjectNorAnArray(String value) {
    assertNames(refused(info("\"link\":" + value)), "field link", "$.info.link");
  }

  @ParameterizedTest
  @ValueSource(strings = {"\"self\"", "1", "null", "[]", "true"})
  void refusesALinkElementThatIsNotAnObject(String value) {
    assertNames(refused(info("\"link\":[{\"@href\":\"h\",\"@rel\":\"self\"}," + value + "]")),
        "$.info.link[1]", "expected a link object");
  }

  @Test
  void refusesALinkPartThatIsNotText() {
    assertNames(refused(info("\"link\":{\"@href\":{\"x\":1},\"@rel\":\"self\"}")),
        "field link href", "$.info.link.@href");
    assertNames(refused(info("\"link\":[{\"@href\":\"h\",\"@rel\":[\"self\"]}]")),
        "field link rel", "$.info.link[0].@rel");
  }

  @ParameterizedTest
  @ValueSource(strings = {"[]", "\"info\"", "1", "true", "[{\"state\":\"chatting\"}]"})
  void refusesAnInfoSectionThatIsNotAnObject(String value) {
    assertNames(refused("{\"info\":" + value + "}"), "no info section", "$.info");
  }

  @ParameterizedTest
  @ValueSource(strings = {"{}", "{\"chat\":{}}", "{\"chat\":{\"events\":[]}}", "{\"foo\":1}",
      "{\"info\":null}", "{\"chat\":null}", "{\"Info\":{\"state\":\"chatting\",\"chatSessionKey\":\"K1\"}}",
      "{\"chat\":{\"chat\":{\"info\":{\"state\":\"chatting\",\"chatSessionKey\":\"K1\"}}}}"})
  void refusesARootWithoutAnInfoSection(String json) {
    assertNames(refused(json), "no info section at $");
  }

  @ParameterizedTest
  @ValueSource(strings = {"null", "[]", "[{\"info\":{}}]", "\"info\"", "42", "true"})
  void refusesARootThatIsNotAnObject(String json) {
    assertNames(refused(json), "no info section", "the root is", "at $");
  }

  @Test
  void refusesAChatThatIsNotAnObject() {
    assertNames(refused("{\"chat\":[{\"info\":{}}]}"), "no info section", "$.chat");
  }

  @Test
  void refusesTwoInfoSections() {
    String info = "{\"state\":\"chatting\",\"chatSessionKey\":\"K1\"}";
    assertNames(refused("{\"info\":" + info + ",\"info\":" + info + "}"),
        "a second info section", "$.info");
    assertNames(refused("{\"info\":" + info + ",\"chat\":{\"info\":" + info + "}}"),
        "a second info section", "$.chat.info");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " ", "\r\n\t  \n"})
  void refusesAnEmptyBody(String json) {
    assertNames(refused(json), "empty", "$");
  }

  @ParameterizedTest
  @ValueSource(strings = {" x", "{}", "{\"info\":{}}", ",", " null", "]", "\u0000", " //"})
  void refusesTrailingDataAfterTheRoot(String trailing) {
    assertNames(refused(info("") + trailing), "trailing data after the root", "near byte ");
  }

  @Test
  void refusesTruncatedInput() {
    assertNames(refused(info("\"agentName\":\"Bar")), "$.info.agentName", "Unterminated string");
    assertNames(refused(info("\"agentId\":12").replaceAll("}+$", "")), "the body ends early",
        "$.info.agentId", "near byte ");
    assertNames(refused("{\"info\":{\"sta"), "$.info", "near byte ");
    assertNames(refused("{\"info\":{\"state\":\"chatting\",\"agentName\":\"B\\u00"), "$.info.agentName");
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "{'info':{'state':'chatting','chatSessionKey':'K1'}}",
      "{info:{\"state\":\"chatting\",\"chatSessionKey\":\"K1\"}}",
      "{\"info\":{\"state\":\"chatting\",\"chatSessionKey\":\"K1\",}}",
      "{\"info\":{\"state\":\"chatting\",\"chatSessionKey\":\"K1\",\"link\":[{\"@href\":\"h\",\"@rel\":\"r\"},]}}",
      "{\"info\":{\"state\":\"chatting\",\"chatSessionKey\":\"K1\"} // comment\n}",
      "{\"info\":/* c */{\"state\":\"chatting\",\"chatSessionKey\":\"K1\"}}",
      "# c\n{\"info\":{\"state\":\"chatting\",\"chatSessionKey\":\"K1\"}}",
      "{\"info\":{\"state\":\"chatting\",\"chatSessionKey\":\"K1\",\"agentId\":NaN}}",
      "{\"info\":{\"state\":\"chatting\",\"chatSessionKey\":\"K1\",\"agentId\":01}}",
      "{\"info\":{\"state\":\"chatting\",\"chatSessionKey\":\"K1\",\"agentId\":0x10}}",
      "{\"info\":{\"state\":\"chatting\",\"chatSessionKey\":\"K1\",\"agentId\":+1}}",
      "{\"info\":{\"state\" \"chatting\",\"chatSessionKey\":\"K1\"}}",
      "{\"info\":{\"state\":\"chatting\" \"chatSessionKey\":\"K1\"}}",
      "{\"info\":{\"state\":\"chatting\";\"chatSessionKey\":\"K1\"}}",
      "{\"info\"=>{\"state\":\"chatting\",\"chatSessionKey\":\"K1\"}}",
      "{\"info\":{\"state\":\"chat\\ting\\q\",\"chatSessionKey\":\"K1\"}}",
      "{\"info\":{\"state\":\"\\u12G4\",\"chatSessionKey\":\"K1\"}}",
      "{\"info\":{\"state\":chatting,\"chatSessionKey\":\"K1\"}}",
      "{\"info\":{\"state\":\"chatting\",\"chatSessionKey\":\"K1\",\"x\":[1 2]}}",
      "\ufeff{\"info\":{\"state\":\"chatting\",\"chatSessionKey\":\"K1\"}}"})
  void refusesAnythingButStrictJson(String json) {
    assertNames(refused(json), "malformed JSON", "at $", "near byte ");
  }

  static Stream<Arguments> invalidUtf8() {
    return Stream.of(
        Arguments.of("a lone continuation byte", new byte[] {(byte) 0x80}, "continuation byte"),
        Arguments.of("an overlong two-byte '/'", new byte[] {(byte) 0xC0, (byte) 0xAF}, "overlong"),
        Arguments.of("an overlong three-byte '/'", new byte[] {(byte) 0xE0, (byte) 0x80, (byte) 0xAF},
            "overlong"),
        Arguments.of("an overlong four-byte '/'",
            new byte[] {(byte) 0xF0, (byte) 0x80, (byte) 0x80, (byte) 0xAF}, "overlong"),
        Arguments.of("a surrogate U+D800", new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
            "surrogate"),
        Arguments.of("a surrogate pair encoded as two sequences",
            new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0xBD, (byte) 0xED, (byte) 0xB8, (byte) 0x80},
            "surrogate"),
        Arguments.of("a code point above U+10FFFF",
            new byte[] {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, "above U+10FFFF"),
        Arguments.of("a byte that never appears", new byte[] {(byte) 0xFF}, "never appears"),
        Arguments.of("a truncated sequence", new byte[] {(byte) 0xE2, (byte) 0x82, 'r'}, "cut short"),
        Arguments.of("Latin-1 text", new byte[] {'B', (byte) 0xE4, 'r'}, "cut short"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidUtf8")
  void refusesInvalidUtf8InAValue(String kind, byte[] bad, String problem) {
    byte[] prefix = Payloads.utf8("{\"info\":{\"state\":\"chatting\",\"chatSessionKey\":\"K1\","
        + "\"agentName\":\"B");
    byte[] json = concat(prefix, bad, Payloads.utf8("ber\"}}"));
    assertNames(refused(json), "invalid UTF-8", "at byte " + (prefix.length + firstNonAscii(bad)),
        problem);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidUtf8")
  void refusesInvalidUtf8InAnUnknownFieldName(String kind, byte[] bad, String problem) {
    byte[] prefix = Payloads.utf8("{\"info\":{\"state\":\"chatting\",\"chatSessionKey\":\"K1\",\"x");
    byte[] json = concat(prefix, bad, Payloads.utf8("\":1}}"));
    assertNames(refused(json), "invalid UTF-8", "at byte " + (prefix.length + firstNonAscii(bad)),
        problem);
  }

  static int firstNonAscii(byte[] bytes) {
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] < 0) {
        return i;
      }
    }
    throw new IllegalArgumentException("all ASCII");
  }

  @Test
  void refusesABodyThatEndsInsideAUtf8Sequence() {
    byte[] json = concat(Payloads.utf8("{\"info\":{\"state\":\"chatting\",\"chatSessionKey\":\"K"),
        new byte[] {(byte) 0xF0, (byte) 0x9F});
    assertNames(refused(json), "invalid UTF-8", "at byte 47", "ends inside a 4-byte sequence");
  }

  @Test
  void refusesNestingDeeperThan32() {
    String deep = "[".repeat(31) + "]".repeat(31);
    assertNames(refused(info("\"deep\":" + deep)), "nesting deeper than 32", "$.info.deep");
    String deepObjects = "{\"a\":".repeat(31) + "1" + "}".repeat(31);
    assertNames(refused(info("\"deep\":" + deepObjects)), "nesting deeper than 32",
        "$.info.deep.a.a.a");
    assertNames(refused("{\"chat\":{\"x\":" + deep + ",\"info\":{}}}"), "nesting deeper than 32",
        "$.chat.x");
    assertNames(refused("{\"meta\":" + "[".repeat(32) + "]".repeat(32) + ",\"info\":{}}"),
        "nesting deeper than 32", "$.meta");
    assertNames(refused(info("\"link\":{\"@href\":\"h\",\"@rel\":\"r\",\"x\":"
        + "[".repeat(30) + "]".repeat(30) + "}")), "nesting deeper than 32", "$.info.link.x");
  }

  @Test
  void refusesTextsLongerThanTheLimit() {
    String tooLong = "x".repeat(65_537);
    assertNames(refused(info("\"agentName\":\"" + tooLong + "\"")), "65537 characters",
        "$.info.agentName");
    assertNames(refused(info("\"" + tooLong + "\":1")), "65537 characters", "$.info");
    assertNames(refused(info("\"link\":{\"@href\":\"" + tooLong + "\",\"@rel\":\"self\"}")),
        "65537 characters", "$.info.link.@href");
    assertNames(refused(info("\"agentId\":\"" + "1".repeat(65_537) + "\"")), "65537 characters",
        "$.info.agentId");
  }

  @Test
  void refusesStringsFarOverTheLimitBeforeReadingThemWhole() {
    String huge = "\\u0041".repeat(65_537);
    assertNames(refused(info("\"agentName\":\"" + huge + "\"")), "longer than 65536 characters",
        "at byte ");
    assertNames(refused(info("\"agentId\":" + "1".repeat(65_537))), "longer than 65536 characters",
        "at byte ");
  }

  static Stream<Arguments> charactersXmlCannotCarry() {
    return Stream.of(
        Arguments.of("\"agentName\":\"a\\u0001\"", "field agentName"),
        Arguments.of("\"visitorName\":\"\\ud800\"", "field visitorName"),
        Arguments.of("\"participantId\":\"\\udc00x\"", "field participantId"),
        Arguments.of("\"note\":\"\\u0000\"", "field note"),
        Arguments.of("\"note\":\"\\uffff\"", "field note"),
        Arguments.of("\"link\":[{\"@href\":\"h\\u0002\",\"@rel\":\"self\"}]", "$.info.link[0]"));
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("charactersXmlCannotCarry")
  void refusesCharactersXmlCannotCarry(String member, String field) {
    assertNames(refused(info(member)), field, "no XML document can carry");
  }

  @Test
  void refusesAStateXmlCannotCarry() {
    assertNames(refused("{\"info\":{\"state\":\"\\u0007\",\"chatSessionKey\":\"K1\"}}"),
        "field state", "no XML document can carry", "$.info.state");
  }

  @Test
  void refusesABodyWhoseStreamFails() {
    InputStream failing = new ByteArrayInputStream(Payloads.utf8(Payloads.REALISTIC_COMPACT)) {
      int reads;

      @Override
      public synchronized int read(byte[] b, int off, int len) {
        if (++reads > 1) {
          throw new UncheckedIOException(new IOException("connection reset"));
        }
        return super.read(b, off, Math.min(len, 100));
      }
    };
    ChatInfoException e = assertThrows(ChatInfoException.class, () -> Payloads.CODEC.decode(failing));
    assertEquals(ChatInfoException.Kind.MALFORMED_RESPONSE, e.kind());
    assertNames(e, "could not read the body", "connection reset", "near byte ");

    InputStream broken = new InputStream() {
      @Override
      public int read() throws IOException {
        throw new IOException("stream closed");
      }
    };
    ChatInfoException e2 = assertThrows(ChatInfoException.class, () -> Payloads.CODEC.decode(broken));
    assertEquals(ChatInfoException.Kind.MALFORMED_RESPONSE, e2.kind());
    assertNames(e2, "could not read the body", "stream closed", "near byte 0");
  }

  @Test
  void anInterruptWhileReadingIsCancelledNotMalformed() {
    InputStream interrupted = new ByteArrayInputStream(Payloads.utf8(Payloads.REALISTIC_COMPACT)) {
      int reads;

      @Override
      public synchronized int read(byte[] b, int off, int len) {
        if (++reads > 1) {
          throw new UncheckedIOException(new java.io.InterruptedIOException("interrupted"));
        }
        return super.read(b, off, Math.min(len, 100));
      }
    };
    ChatInfoException e = assertThrows(ChatInfoException.class, () -> Payloads.CODEC.decode(interrupted));
    assertEquals(ChatInfoException.Kind.CANCELLED, e.kind(), e.getMessage());
    assertNames(e, "interrupted", "near byte ");

    InputStream closedByInterrupt = new InputStream() {
      @Override
      public int read() throws IOException {
        Thread.currentThread().interrupt();
        throw new java.nio.channels.ClosedByInterruptException();
      }
    };
    try {
      ChatInfoException e2 = assertThrows(ChatInfoException.class, () -> Payloads.CODEC.decode(closedByInterrupt));
      assertEquals(ChatInfoException.Kind.CANCELLED, e2.kind(), e2.getMessage());
    } finally {
      Thread.interrupted();
    }
  }

  @Test
  void refusesAStreamThatReadsNothingForeverRatherThanHang() {
    InputStream stuck = new InputStream() {
      @Override
      public int read() {
        return 0;
      }

      @Override
      public int read(byte[] b, int off, int len) {
        return 0;
      }
    };
    ChatInfoException e = assertThrows(ChatInfoException.class, () -> Payloads.CODEC.decode(stuck));
    assertNames(e, "could not read the body", "read 0 bytes");
  }

  @Test
  void refusesANullStreamAsAProgrammingError() {
    NullPointerException e = assertThrows(NullPointerException.class,
        () -> Payloads.CODEC.decode(null));
    assertFalse(e.getMessage().isEmpty());
  }

  static byte[] concat(byte[]... parts) {
    int n = 0;
    for (byte[] part : parts) {
      n += part.length;
    }
    byte[] all = new byte[n];
    int at = 0;
    for (byte[] part : parts) {
      System.arraycopy(part, 0, all, at, part.length);
      at += part.length;
    }
    return all;
  }
}
