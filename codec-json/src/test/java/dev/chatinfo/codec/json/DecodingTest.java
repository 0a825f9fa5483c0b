package dev.chatinfo.codec.json;

import static dev.chatinfo.codec.json.Payloads.BASE;
import static dev.chatinfo.codec.json.Payloads.decode;
import static dev.chatinfo.codec.json.Payloads.info;
import static dev.chatinfo.codec.json.Payloads.minimal;
import static dev.chatinfo.codec.json.Payloads.realistic;
import static dev.chatinfo.codec.json.Payloads.time;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.chatinfo.api.ChatInfo;
import dev.chatinfo.api.ChatState;
import dev.chatinfo.api.Link;
import dev.chatinfo.api.TypingStatus;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every variation of the wire shape the service is known to send (API.md, the lead's wire rules). */
class DecodingTest {

  @Test
  void decodesTheInfoResourceAsLivePersonSendsIt() {
    assertEquals(realistic().build(), decode(Payloads.REALISTIC));
  }

  @Test
  void decodesACompactPayload() {
    assertEquals(realistic().build(), decode(Payloads.REALISTIC_COMPACT));
  }

  @Test
  void decodesNonAsciiTextInEveryUtf8Length() {
    assertEquals(Payloads.unicode(), decode(Payloads.UNICODE_COMPACT));
  }

  @Test
  void decodesTheInfoSectionInsideTheFullChatResource() {
    String chat = """
        {
          "chat": {
            "link": [{"@href": "%s", "@rel": "self"}],
            "events": {"link": {"@href": "%s/events", "@rel": "events"},
                       "event": [{"@id": "1", "@type": "state", "time": "2018-01-29T08:19:43.976-05:00",
                                  "state": "chatting"}]},
            "info": {"state": "ended", "chatSessionKey": "K8457415", "agentName": "Barber",
                     "chatTimeout": 40, "agentId": "311098910"},
            "transcript": []
          }
        }""".formatted(BASE, BASE);
    assertEquals(ChatInfo.builder().state(ChatState.ENDED).chatSessionKey("K8457415")
        .agentName("Barber").chatTimeout(Duration.ofSeconds(40)).agentId(311098910L).build(),
        decode(chat));
  }

  @Test
  void findsTheInfoSectionAnywhereAmongTheChatMembers() {
    String infoFirst = "{\"chat\":{\"info\":{\"state\":\"waiting\",\"chatSessionKey\":\"K\"},"
        + "\"events\":[{\"a\":1}],\"transcript\":\"x\"}}";
    String infoLast = "{\"chat\":{\"events\":[{\"a\":1}],\"transcript\":\"x\","
        + "\"info\":{\"state\":\"waiting\",\"chatSessionKey\":\"K\"}}}";
    ChatInfo expected = ChatInfo.builder().state(ChatState.WAITING).chatSessionKey("K").build();
    assertEquals(expected, decode(infoFirst));
    assertEquals(expected, decode(infoLast));
  }

  @Test
  void skipsOtherMembersOfTheRoot() {
    assertEquals(minimal().build(),
        decode("{\"meta\":{\"v\":[1,2]},\"info\":{\"state\":\"chatting\",\"chatSessionKey\":\"K1\"},\"n\":1}"));
    assertEquals(minimal().build(), decode("{\"chat\":{\"events\":[]},"
        + "\"info\":{\"state\":\"chatting\",\"chatSessionKey\":\"K1\"}}"));
  }

  @Test
  void decodesLinkAsASingleObject() {
    String json = info("\"link\": {\"@href\": \"" + BASE + "/info\", \"@rel\": \"self\"}");
    assertEquals(minimal().link(new Link("self", BASE + "/info")).build(), decode(json));
  }

  @Test
  void decodesLinkKeysWithoutTheAtSign() {
    String json = info("\"link\":[{\"href\":\"" + BASE + "/info\",\"rel\":\"self\"},"
        + "{\"rel\":\"visitor-name\",\"href\":\"" + BASE + "/visitorName\"}]");
    assertEquals(minimal().link(new Link("self", BASE + "/info"))
        .link(new Link("visitor-name", BASE + "/visitorName")).build(), decode(json));
  }

  @Test
  void ignoresOtherKeysOfALink() {
    String json = info("\"link\":[{\"@href\":\"h1\",\"@rel\":\"self\",\"@type\":\"application/json\","
        + "\"title\":{\"lang\":[\"en\"]},\"n\":1}]");
    assertEquals(minimal().link(new Link("self", "h1")).build(), decode(json));
  }

  @Test
  void keepsLinksInWireOrderAndAppendsRepeatedLinkFields() {
    String json = info("\"link\":[{\"@href\":\"h2\",\"@rel\":\"b\"},{\"@href\":\"h1\",\"@rel\":\"a\"}],"
        + "\"agentName\":\"Barber\",\"link\":{\"@href\":\"h3\",\"@rel\":\"c\"}");
    assertEquals(minimal().agentName("Barber").links(List.of(new Link("b", "h2"),
        new Link("a", "h1"), new Link("c", "h3"))).build(), decode(json));
  }

  @Test
  void keepsLinksWithUnknownRelationsAndMalformedHrefsAsSent() {
    String json = info("\"link\":{\"@href\":\"not a uri :// \",\"@rel\":\"transcript\"}");
    assertEquals(minimal().link(new Link("transcript", "not a uri :// ")).build(), decode(json));
  }

  @Test
  void acceptsAnEmptyOrNullLink() {
    assertEquals(minimal().build(), decode(info("\"link\":[]")));
    assertEquals(minimal().build(), decode(info("\"link\":null")));
  }

  @Test
  void decodesIdsSentAsStrings() {
    String json = info("\"agentId\":\"25025413\",\"visitorId\":\"1215602164887992\","
        + "\"rtSessionId\":\"4295036103\",\"chatTimeout\":\"40\"");
    assertEquals(minimal().agentId(25025413L).visitorId(1215602164887992L)
        .rtSessionId(4295036103L).chatTimeout(Duration.ofSeconds(40)).build(), decode(json));
  }

  @Test
  void decodesNumbersSentAsStringsWithSurroundingWhitespace() {
    String json = info("\"agentId\":\" 25025413 \",\"chatTimeout\":\"\\t40\\r\\n\"");
    assertEquals(minimal().agentId(25025413L).chatTimeout(Duration.ofSeconds(40)).build(),
        decode(json));
  }

  @Test
  void decodesTheExtremesOfLong() {
    String json = info("\"agentId\":9223372036854775807,\"visitorId\":-9223372036854775808,"
        + "\"rtSessionId\":\"-9223372036854775808\"");
    assertEquals(minimal().agentId(Long.MAX_VALUE).visitorId(Long.MIN_VALUE)
        .rtSessionId(Long.MIN_VALUE).build(), decode(json));
  }

  @Test
  void decodesAZeroTimeout() {
    assertEquals(minimal().chatTimeout(Duration.ZERO).build(), decode(info("\"chatTimeout\":0")));
  }

  @Test
  void decodesTimesAsEpochMillisecondsAtUtc() {
    String json = info("\"startTime\":1517231983976,\"lastUpdate\":\"1517232054560\"");
    assertEquals(minimal().startTime(time(2018, 1, 29, 13, 19, 43, 976, ZoneOffset.UTC))
        .lastUpdate(time(2018, 1, 29, 13, 20, 54, 560, ZoneOffset.UTC)).build(), decode(json));
  }

  @Test
  void keepsTheOffsetOfTimesAsSent() {
    String json = info("\"startTime\":\"2018-01-29T13:19:43Z\","
        + "\"lastUpdate\":\"2018-01-29T23:50:54.5+05:30\"");
    assertEquals(minimal().startTime(time(2018, 1, 29, 13, 19, 43, 0, ZoneOffset.UTC))
        .lastUpdate(time(2018, 1, 29, 23, 50, 54, 500, ZoneOffset.ofHoursMinutes(5, 30))).build(),
        decode(json));
  }

  @Test
  void decodesTimesWithExtremeOffsetsAndSecondsInTheOffset() {
    String json = info("\"startTime\":\"2018-01-29T08:19:43.976+14:00\","
        + "\"lastUpdate\":\"2018-01-29T08:19:43.976-12:00\"");
    assertEquals(minimal().startTime(time(2018, 1, 29, 8, 19, 43, 976, ZoneOffset.ofHours(14)))
        .lastUpdate(time(2018, 1, 29, 8, 19, 43, 976, ZoneOffset.ofHours(-12))).build(),
        decode(json));
    assertEquals(minimal().startTime(time(1890, 3, 1, 0, 0, 0, 0, ZoneOffset.ofTotalSeconds(1172)))
        .build(), decode(info("\"startTime\":\"1890-03-01T00:00:00+00:19:32\"")));
  }

  @Test
  void decodesStatesInAnyCaseKeepingTheRawText() {
    ChatInfo upper = decode("{\"info\":{\"state\":\"CHATTING\",\"chatSessionKey\":\"K1\"}}");
    assertEquals(ChatInfo.builder().rawState("CHATTING").chatSessionKey("K1").build(), upper);
    assertEquals(ChatState.CHATTING, upper.state());
    assertEquals("CHATTING", upper.rawState());
    ChatInfo padded = decode("{\"info\":{\"state\":\" Ended\\n\",\"chatSessionKey\":\"K1\"}}");
    assertEquals(ChatState.ENDED, padded.state());
    assertEquals(" Ended\n", padded.rawState());
  }

  @Test
  void keepsAnUnknownStateAsRawText() {
    ChatInfo info = decode("{\"info\":{\"state\":\"Transferring\",\"chatSessionKey\":\"K1\"}}");
    assertEquals(ChatInfo.builder().rawState("Transferring").chatSessionKey("K1").build(), info);
    assertEquals(ChatState.UNKNOWN, info.state());
    assertEquals("Transferring", info.rawState());
  }

  @Test
  void decodesTypingInAnyCaseAndUnknownValuesAsUnknown() {
    assertEquals(minimal().agentTyping(TypingStatus.TYPING).visitorTyping(TypingStatus.NOT_TYPING)
        .build(), decode(info("\"agentTyping\":\"Typing\",\"visitorTyping\":\" NOT-TYPING \"")));
    assertEquals(minimal().build(),
        decode(info("\"agentTyping\":\"unknown\",\"visitorTyping\":\"idle\"")));
  }

  @Test
  void keepsUnknownScalarsAsAttributesInWireOrder() {
    String json = info("\"skillName\":\"Sales\",\"engagementId\":123456,\"score\":-1.50e+3,"
        + "\"vip\":true,\"blocked\":false,\"language\":\"en-US\",\"nothing\":null");
    ChatInfo decoded = decode(json);
    assertEquals(minimal().attribute("skillName", "Sales").attribute("engagementId", "123456")
        .attribute("score", "-1.50e+3").attribute("vip", "true").attribute("blocked", "false")
        .attribute("language", "en-US").build(), decoded);
    assertEquals(List.of("skillName", "engagementId", "score", "vip", "blocked", "language"),
        List.copyOf(decoded.attributes().keySet()));
  }

  @Test
  void skipsUnknownObjectsAndArrays() {
    String json = info("\"surveys\":{\"pre\":{\"q\":[1,{\"a\":\"b\"}]}},\"skills\":[\"a\",[\"b\"]],"
        + "\"skillName\":\"Sales\"");
    assertEquals(minimal().attribute("skillName", "Sales").build(), decode(json));
  }

  @Test
  void skipsUnknownFieldsWhoseNamesCannotBeAttributes() {
    String json = info("\"@id\":\"1\",\"9lives\":\"x\",\"has space\":\"y\",\"\":\"z\","
        + "\"ok_name-1.x\":\"kept\"");
    assertEquals(minimal().attribute("ok_name-1.x", "kept").build(), decode(json));
  }

  @Test
  void treatsFieldNamesCaseSensitively() {
    String json = info("\"AgentName\":\"Barber\"");
    assertEquals(minimal().attribute("AgentName", "Barber").build(), decode(json));
  }

  @Test
  void treatsNullOptionalFieldsAsAbsent() {
    String json = info("\"agentName\":null,\"agentId\":null,\"startTime\":null,\"lastUpdate\":null,"
        + "\"chatTimeout\":null,\"visitorId\":null,\"agentTyping\":null,\"visitorTyping\":null,"
        + "\"visitorName\":null,\"rtSessionId\":null,\"participantId\":null,\"link\":null");
    assertEquals(minimal().build(), decode(json));
  }

  @Test
  void decodesTheMinimalInfoWithItsDefaults() {
    ChatInfo info = decode("{\"info\":{\"state\":\"waiting\",\"chatSessionKey\":\"K\"}}");
    assertEquals(ChatInfo.builder().state(ChatState.WAITING).chatSessionKey("K").build(), info);
    assertEquals("visitor", info.visitorName());
    assertEquals(TypingStatus.UNKNOWN, info.agentTyping());
  }

  @Test
  void keepsTextExactlyAsSent() {
    String json = "{\"info\":{\"state\":\"chatting\",\"chatSessionKey\":\" K1\\t\","
        + "\"agentName\":\" Barber\\r\\n\",\"visitorName\":\"  \",\"participantId\":\"\\u00a0g\","
        + "\"note\":\" spaced \"}}";
    assertEquals(ChatInfo.builder().state(ChatState.CHATTING).chatSessionKey(" K1\t")
        .agentName(" Barber\r\n").visitorName("  ").participantId("\u00a0g")
        .attribute("note", " spaced ").build(), decode(json));
  }

  @Test
  void decodesTheParticipantIdOfSingleSignOnChats() {
    String json = info("\"participantId\":\"3f2504e0-4f89-11d3-9a0c-0305e82c3301\"");
    assertEquals(minimal().participantId("3f2504e0-4f89-11d3-9a0c-0305e82c3301").build(),
        decode(json));
  }

  @Test
  void keepsNumbersSentForTextFieldsAsTheirLiteralText() {
    String json = "{\"info\":{\"state\":\"chatting\",\"chatSessionKey\":8457415,\"agentName\":1.0}}";
    assertEquals(ChatInfo.builder().state(ChatState.CHATTING).chatSessionKey("8457415")
        .agentName("1.0").build(), decode(json));
  }

  @Test
  void decodesEscapedNamesAndValues() {
    String json = "{\"\\u0069nfo\":{\"st\\u0061te\":\"ch\\u0061tting\",\"chatSessionKey\":\"K\\\"1\\\\\","
        + "\"agentName\":\"\\ud83d\\ude00 \\u00e9\\/\",\"link\":{\"\\u0040href\":\"h\",\"r\\u0065l\":\"self\"}}}";
    assertEquals(ChatInfo.builder().state(ChatState.CHATTING).chatSessionKey("K\"1\\")
        .agentName("\ud83d\ude00 \u00e9/").link(new Link("self", "h")).build(), decode(json));
  }

  @Test
  void acceptsFieldsInAnyOrder() {
    String json = "{\"info\":{\"skillName\":\"Sales\",\"visitorTyping\":\"typing\",\"agentId\":7,"
        + "\"chatSessionKey\":\"K1\",\"link\":[{\"@rel\":\"self\",\"@href\":\"h\"}],\"state\":\"chatting\"}}";
    assertEquals(minimal().attribute("skillName", "Sales").visitorTyping(TypingStatus.TYPING)
        .agentId(7).link(new Link("self", "h")).build(), decode(json));
  }

  @Test
  void acceptsAnyJsonWhitespace() {
    String json = " \r\n\t{ \"info\" :\r\n\t{\n\"state\"\t:\t\"chatting\" ,\r\n \"chatSessionKey\" : \"K1\" , "
        + "\"link\" : [ ] }\n}\n\r\t ";
    assertEquals(minimal().build(), decode(json));
  }

  @Test
  void acceptsNestingUpToTheLimit() {
    // root 1, info 2, then 30 arrays: depth 32 in all.
    String deep = "[".repeat(30) + "]".repeat(30);
    assertEquals(minimal().build(), decode(info("\"deep\":" + deep)));
  }

  @Test
  void acceptsTextsOfExactlyTheLengthLimit() {
    String longest = "x".repeat(65_536);
    String json = info("\"agentName\":\"" + longest + "\",\"" + "n".repeat(65_536) + "\":1,"
        + "\"skipped\":{\"" + "k".repeat(65_536) + "\":\"" + "\\u0041".repeat(65_536) + "\"}");
    assertEquals(minimal().agentName(longest).build(), decode(json));
  }

  @Test
  void readsBodiesThatArriveOneByteAtATime() {
    assertEquals(realistic().build(), Payloads.CODEC.decode(trickle(Payloads.REALISTIC)));
    assertEquals(Payloads.unicode(), Payloads.CODEC.decode(trickle(Payloads.UNICODE_COMPACT)));
  }

  @Test
  void doesNotCloseTheBody() {
    boolean[] closed = {false};
    InputStream body = new ByteArrayInputStream(Payloads.utf8(Payloads.REALISTIC)) {
      @Override
      public void close() {
        closed[0] = true;
      }
    };
    Payloads.CODEC.decode(body);
    assertFalse(closed[0]);
  }

  /** A body whose stream hands out one byte per read, as a slow network would. */
  static InputStream trickle(String json) {
    return new ByteArrayInputStream(Payloads.utf8(json)) {
      @Override
      public synchronized int read(byte[] b, int off, int len) {
        return super.read(b, off, Math.min(len, 1));
      }
    };
  }
}
