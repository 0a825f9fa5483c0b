package dev.chatinfo.codec.json;

import static dev.chatinfo.codec.json.Payloads.BASE;
import static dev.chatinfo.codec.json.Payloads.decode;
import static dev.chatinfo.codec.json.Payloads.encode;
import static dev.chatinfo.codec.json.Payloads.minimal;
import static dev.chatinfo.codec.json.Payloads.realistic;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chatinfo.api.ChatInfo;
import dev.chatinfo.api.Link;
import dev.chatinfo.api.TypingStatus;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** encode writes the service's shape, in the documented order, and decode reads it back. */
class EncodingTest {

  static String encodeToString(ChatInfo info) {
    return new String(encode(info), StandardCharsets.UTF_8);
  }

  @Test
  void encodesTheDocumentedShapeInTheDocumentedOrder() {
    ChatInfo info = realistic().participantId("3f2504e0-4f89-11d3-9a0c-0305e82c3301").build();
    String expected = "{\"info\":{\"link\":["
        + "{\"@href\":\"" + BASE + "/info\",\"@rel\":\"self\"},"
        + "{\"@href\":\"" + BASE + "/visitorName\",\"@rel\":\"visitor-name\"},"
        + "{\"@href\":\"" + BASE + "/visitorTyping\",\"@rel\":\"visitor-typing\"},"
        + "{\"@href\":\"" + BASE + "/agentTyping\",\"@rel\":\"agent-typing\"}],"
        + "\"state\":\"chatting\",\"chatSessionKey\":\"H3128476291385426589-c0a8K8457415\","
        + "\"agentName\":\"Barber\",\"agentId\":311098910,"
        + "\"startTime\":\"2018-01-29T08:19:43.976-05:00\","
        + "\"lastUpdate\":\"2018-01-29T08:20:54.560-05:00\",\"chatTimeout\":40,"
        + "\"visitorId\":1215602164887992,\"agentTyping\":\"not-typing\","
        + "\"visitorTyping\":\"typing\",\"visitorName\":\"visitor\",\"rtSessionId\":4295036103,"
        + "\"participantId\":\"3f2504e0-4f89-11d3-9a0c-0305e82c3301\","
        + "\"skillName\":\"Sales\",\"language\":\"en-US\"}}";
    assertEquals(expected, encodeToString(info));
    assertEquals(info, decode(expected));
  }

  @Test
  void encodesTheRealisticPayloadAsItsCompactForm() {
    assertEquals(Payloads.REALISTIC_COMPACT, encodeToString(realistic().build()));
  }

  @Test
  void writesLinksWithAtHrefAndAtRelAlwaysInAnArray() {
    String json = encodeToString(minimal().link(new Link("self", "h")).build());
    assertEquals("{\"info\":{\"link\":[{\"@href\":\"h\",\"@rel\":\"self\"}],\"state\":\"chatting\","
        + "\"chatSessionKey\":\"K1\",\"visitorName\":\"visitor\"}}", json);
  }

  @Test
  void omitsAbsentOptionalsUnknownTypingAndEmptyLinks() {
    assertEquals("{\"info\":{\"state\":\"chatting\",\"chatSessionKey\":\"K1\","
        + "\"visitorName\":\"visitor\"}}", encodeToString(minimal().build()));
  }

  @Test
  void writesTheRawStateAsSent() {
    assertEquals("{\"info\":{\"state\":\" Transferring\",\"chatSessionKey\":\"K1\","
        + "\"visitorName\":\"visitor\"}}",
        encodeToString(ChatInfo.builder().rawState(" Transferring").chatSessionKey("K1").build()));
  }

  @Test
  void writesAttributesAsStringsAfterTheKnownFields() {
    ChatInfo info = minimal().attribute("engagementId", "123456").attribute("vip", "true")
        .visitorTyping(TypingStatus.NOT_TYPING).build();
    assertEquals("{\"info\":{\"state\":\"chatting\",\"chatSessionKey\":\"K1\","
        + "\"visitorTyping\":\"not-typing\",\"visitorName\":\"visitor\","
        + "\"engagementId\":\"123456\",\"vip\":\"true\"}}", encodeToString(info));
  }

  @Test
  void writesTimesAsWireValuesFormatsThem() {
    ChatInfo info = minimal()
        .startTime(OffsetDateTime.of(2018, 1, 29, 13, 19, 43, 0, ZoneOffset.UTC))
        .lastUpdate(OffsetDateTime.of(10_000, 1, 1, 0, 0, 0, 1, ZoneOffset.ofTotalSeconds(-3_599)))
        .build();
    String json = encodeToString(info);
    assertTrue(json.contains("\"startTime\":\"2018-01-29T13:19:43.000Z\""), json);
    assertTrue(json.contains("\"lastUpdate\":\"+10000-01-01T00:00:00.000000001-00:59:59\""), json);
    assertEquals(info, decode(json));
  }

  @Test
  void writesNonAsciiAsUtf8() {
    ChatInfo info = minimal().agentName("Bärber 😀 中").build();
    byte[] bytes = encode(info);
    String json = new String(bytes, StandardCharsets.UTF_8);
    assertTrue(json.contains("\"agentName\":\"Bärber 😀 中\""), json);
    assertArrayEquals(json.getBytes(StandardCharsets.UTF_8), bytes);
    assertEquals(info, decode(bytes));
  }

  @Test
  void escapesQuotesBackslashesAndControlCharacters() {
    ChatInfo info = minimal().agentName("a\"b\\c\td\re\nf\u2028").visitorName("</script>").build();
    String json = encodeToString(info);
    assertTrue(json.contains("\"agentName\":\"a\\\"b\\\\c\\td\\re\\nf\\u2028\""), json);
    assertEquals(info, decode(json));
  }

  @Test
  void writesTheExtremesOfEveryNumber() {
    ChatInfo info = minimal().agentId(Long.MIN_VALUE).visitorId(Long.MAX_VALUE).rtSessionId(0)
        .chatTimeout(Duration.ofSeconds(Long.MAX_VALUE)).build();
    String json = encodeToString(info);
    assertTrue(json.contains("\"agentId\":-9223372036854775808,\"chatTimeout\":9223372036854775807,"
        + "\"visitorId\":9223372036854775807"), json);
    assertTrue(json.contains("\"rtSessionId\":0"), json);
    assertEquals(info, decode(json));
  }

  @Test
  void decodesWhatItEncodes() {
    ChatInfo info = realistic().rawState("Chatting ").agentName(" Barber\r\n")
        .participantId("").link(new Link("", "")).attribute("_x", "").build();
    assertEquals(info, decode(encode(info)));
  }

  @Test
  void flushesButDoesNotCloseTheStream() {
    ByteArrayOutputStream sink = new ByteArrayOutputStream();
    boolean[] closed = {false};
    OutputStream out = new BufferedOutputStream(sink, 1 << 16) {
      @Override
      public void close() {
        closed[0] = true;
      }
    };
    ChatInfo info = realistic().build();
    Payloads.CODEC.encode(info, out);
    assertFalse(closed[0]);
    assertEquals(info, decode(sink.toByteArray()));
  }

  @Test
  void reportsAFailedWriteAsUncheckedIoException() {
    OutputStream full = new OutputStream() {
      @Override
      public void write(int b) throws IOException {
        throw new IOException("No space left on device");
      }

      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        throw new IOException("No space left on device");
      }
    };
    UncheckedIOException e = assertThrows(UncheckedIOException.class,
        () -> Payloads.CODEC.encode(realistic().build(), full));
    assertTrue(e.getMessage().contains("No space left on device"), e.getMessage());
  }

  @Test
  void refusesNullArguments() {
    ChatInfo info = minimal().build();
    assertThrows(NullPointerException.class, () -> Payloads.CODEC.encode(null, new ByteArrayOutputStream()));
    assertThrows(NullPointerException.class, () -> Payloads.CODEC.encode(info, null));
  }
}
