package dev.chatinfo.codec.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.chatinfo.api.ChatInfo;
import dev.chatinfo.api.ChatInfoException;
import dev.chatinfo.api.ChatState;
import dev.chatinfo.api.Link;
import dev.chatinfo.testkit.ChatInfoFixtures;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Payloads written by hand from API.md's wire shape, the ChatInfo they stand for (the testkit's
 * fixtures where there is one), and decode helpers.
 */
final class Payloads {

  static final MoshiChatInfoCodec CODEC = new MoshiChatInfoCodec();

  static final String BASE = "https://va-a.agentvep.liveperson.net/api/account/56072331"
      + "/agentSession/abcd1234/chat/H3128476291385426589-c0a8";

  /** The info resource as LivePerson sends it, pretty-printed. */
  static final String REALISTIC = """
      {
        "info": {
          "link": [
            {
              "@href": "https://va-a.agentvep.liveperson.net/api/account/56072331/agentSession/abcd1234/chat/H3128476291385426589-c0a8/info",
              "@rel": "self"
            },
            {
              "@href": "https://va-a.agentvep.liveperson.net/api/account/56072331/agentSession/abcd1234/chat/H3128476291385426589-c0a8/visitorName",
              "@rel": "visitor-name"
            },
            {
              "@href": "https://va-a.agentvep.liveperson.net/api/account/56072331/agentSession/abcd1234/chat/H3128476291385426589-c0a8/visitorTyping",
              "@rel": "visitor-typing"
            },
            {
              "@href": "https://va-a.agentvep.liveperson.net/api/account/56072331/agentSession/abcd1234/chat/H3128476291385426589-c0a8/agentTyping",
              "@rel": "agent-typing"
            }
          ],
          "state": "chatting",
          "chatSessionKey": "H3128476291385426589-c0a8K8457415",
          "agentName": "Barber",
          "agentId": 311098910,
          "startTime": "2018-01-29T08:19:43.976-05:00",
          "lastUpdate": "2018-01-29T08:20:54.560-05:00",
          "chatTimeout": 40,
          "visitorId": 1215602164887992,
          "agentTyping": "not-typing",
          "visitorTyping": "typing",
          "visitorName": "visitor",
          "rtSessionId": 4295036103,
          "skillName": "Sales",
          "language": "en-US"
        }
      }""";

  /** The same, compact, as one line. */
  static final String REALISTIC_COMPACT = "{\"info\":{\"link\":["
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
      + "\"skillName\":\"Sales\",\"language\":\"en-US\"}}";

  /** A small payload with non-ASCII text (2, 3 and 4 UTF-8 bytes), compact, no trailing space. */
  static final String UNICODE_COMPACT = "{\"info\":{\"state\":\"waiting\",\"chatSessionKey\":\"K-é\","
      + "\"agentName\":\"Bärber 😀 中\",\"agentId\":25025413,\"chatTimeout\":\"40\","
      + "\"link\":{\"href\":\"" + BASE + "/info\",\"rel\":\"self\"},\"note\":\"ok ✓\"}}";

  private Payloads() {}

  static OffsetDateTime time(int year, int month, int day, int hour, int minute, int second,
      int millis, ZoneOffset offset) {
    return OffsetDateTime.of(year, month, day, hour, minute, second, millis * 1_000_000, offset);
  }

  /**
   * What {@link #REALISTIC} stands for, as a builder to derive variations from: the testkit's
   * chatting fixture (the documentation's example) with the four links the payload carries.
   */
  static ChatInfo.Builder realistic() {
    return ChatInfoFixtures.chattingBuilder().links(List.of(
        new Link(Link.SELF, BASE + "/info"),
        new Link(Link.VISITOR_NAME, BASE + "/visitorName"),
        new Link(Link.VISITOR_TYPING, BASE + "/visitorTyping"),
        new Link(Link.AGENT_TYPING, BASE + "/agentTyping")));
  }

  /** What {@link #UNICODE_COMPACT} stands for. */
  static ChatInfo unicode() {
    return ChatInfo.builder()
        .state(ChatState.WAITING)
        .chatSessionKey("K-é")
        .agentName("Bärber 😀 中")
        .agentId(25025413L)
        .chatTimeout(Duration.ofSeconds(40))
        .link(new Link(Link.SELF, BASE + "/info"))
        .attribute("note", "ok ✓")
        .build();
  }

  /** A minimal info section around the given members (each "name": value, comma separated). */
  static String info(String members) {
    return "{\"info\":{\"state\":\"chatting\",\"chatSessionKey\":\"K1\"" + (members.isEmpty() ? "" : "," + members) + "}}";
  }

  /** What {@link #info(String)} holds before its extra members. */
  static ChatInfo.Builder minimal() {
    return ChatInfo.builder().state(ChatState.CHATTING).chatSessionKey("K1");
  }

  static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  static ChatInfo decode(String json) {
    return CODEC.decode(new ByteArrayInputStream(utf8(json)));
  }

  static ChatInfo decode(byte[] json) {
    return CODEC.decode(new ByteArrayInputStream(json));
  }

  static byte[] encode(ChatInfo info) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    CODEC.encode(info, out);
    return out.toByteArray();
  }

  /** Decodes and expects a MALFORMED_RESPONSE failure; returns it for more checks. */
  static ChatInfoException refused(byte[] json) {
    ChatInfoException e = assertThrows(ChatInfoException.class, () -> decode(json));
    assertEquals(ChatInfoException.Kind.MALFORMED_RESPONSE, e.kind(), e::getMessage);
    return e;
  }

  static ChatInfoException refused(String json) {
    return refused(utf8(json));
  }
}
