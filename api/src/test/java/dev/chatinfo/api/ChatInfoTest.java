package dev.chatinfo.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class ChatInfoTest {

  static final OffsetDateTime START = OffsetDateTime.parse("2018-01-29T08:19:43.976-05:00");
  static final OffsetDateTime UPDATE = OffsetDateTime.parse("2018-01-29T08:20:54.560-05:00");
  static final String BASE = "https://va-a.agentvep.liveperson.net/api/account/56072331/"
      + "agentSession/s1/chat/H3128476291385426589-c0a8/";

  static ChatInfo chatting() {
    return ChatInfo.builder()
        .state(ChatState.CHATTING)
        .chatSessionKey("H3128476291385426589-c0a8K8457415")
        .agentName("Barber")
        .agentId(311098910L)
        .startTime(START)
        .lastUpdate(UPDATE)
        .chatTimeout(Duration.ofSeconds(40))
        .visitorId(1215602164887992L)
        .agentTyping(TypingStatus.NOT_TYPING)
        .visitorTyping(TypingStatus.TYPING)
        .visitorName("visitor")
        .rtSessionId(4295036103L)
        .participantId("8d7c2b1a-3e4f-4a5b-9c6d-7e8f9a0b1c2d")
        .link(new Link(Link.SELF, BASE + "info"))
        .link(new Link(Link.VISITOR_NAME, BASE + "visitorName"))
        .attribute("skillName", "Sales")
        .attribute("language", "en-US")
        .build();
  }

  @Test
  void keepsEveryField() {
    ChatInfo info = chatting();
    assertEquals(ChatState.CHATTING, info.state());
    assertEquals("chatting", info.rawState());
    assertEquals("H3128476291385426589-c0a8K8457415", info.chatSessionKey());
    assertEquals(Optional.of("Barber"), info.agentName());
    assertEquals(OptionalLong.of(311098910L), info.agentId());
    assertEquals(Optional.of(START), info.startTime());
    assertEquals(ZoneOffset.ofHours(-5), info.startTime().orElseThrow().getOffset());
    assertEquals(Optional.of(UPDATE), info.lastUpdate());
    assertEquals(Optional.of(Duration.ofSeconds(40)), info.chatTimeout());
    assertEquals(OptionalLong.of(1215602164887992L), info.visitorId());
    assertEquals(TypingStatus.NOT_TYPING, info.agentTyping());
    assertEquals(TypingStatus.TYPING, info.visitorTyping());
    assertEquals("visitor", info.visitorName());
    assertEquals(OptionalLong.of(4295036103L), info.rtSessionId());
    assertEquals(Optional.of("8d7c2b1a-3e4f-4a5b-9c6d-7e8f9a0b1c2d"), info.participantId());
    assertEquals(List.of(new Link("self", BASE + "info"), new Link("visitor-name", BASE + "visitorName")),
        info.links());
    assertEquals(List.of("skillName", "language"), new ArrayList<>(info.attributes().keySet()));
  }

  @Test
  void hasDefaultsForWhatIsAbsent() {
    ChatInfo info = ChatInfo.builder().state(ChatState.WAITING).chatSessionKey("k").build();
    assertEquals("waiting", info.rawState());
    assertEquals(Optional.empty(), info.agentName());
    assertEquals(OptionalLong.empty(), info.agentId());
    assertEquals(Optional.empty(), info.startTime());
    assertEquals(Optional.empty(), info.lastUpdate());
    assertEquals(Optional.empty(), info.chatTimeout());
    assertEquals(OptionalLong.empty(), info.visitorId());
    assertEquals(TypingStatus.UNKNOWN, info.agentTyping());
    assertEquals(TypingStatus.UNKNOWN, info.visitorTyping());
    assertEquals("visitor", info.visitorName());
    assertEquals(OptionalLong.empty(), info.rtSessionId());
    assertEquals(Optional.empty(), info.participantId());
    assertEquals(List.of(), info.links());
    assertEquals(Map.of(), info.attributes());
    assertEquals(Optional.empty(), info.expiresAt());
  }

  @Test
  void requiresState() {
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> ChatInfo.builder().chatSessionKey("k").build());
    assertEquals("state is required", e.getMessage());
  }

  @Test
  void requiresChatSessionKey() {
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> ChatInfo.builder().state(ChatState.ENDED).build());
    assertEquals("chatSessionKey is required", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> ChatInfo.builder().chatSessionKey(""));
    assertThrows(IllegalArgumentException.class, () -> ChatInfo.builder().chatSessionKey(null));
  }

  @Test
  void rawStateDefaultsToTheWireValueOfTheState() {
    for (ChatState state : ChatState.values()) {
      ChatInfo info = ChatInfo.builder().state(state).chatSessionKey("k").build();
      assertEquals(state.wireValue(), info.rawState());
    }
  }

  @Test
  void rawStateSetsTheStateItReadsAs() {
    ChatInfo info = ChatInfo.builder().rawState("Chatting").chatSessionKey("k").build();
    assertEquals(ChatState.CHATTING, info.state());
    assertEquals("Chatting", info.rawState());

    ChatInfo unknown = ChatInfo.builder().rawState("paused").chatSessionKey("k").build();
    assertEquals(ChatState.UNKNOWN, unknown.state());
    assertEquals("paused", unknown.rawState());
  }

  @Test
  void stateAfterRawStateKeepsTheRawTextOnlyIfItStillMaps() {
    ChatInfo kept = ChatInfo.builder().rawState("ENDED").state(ChatState.ENDED).chatSessionKey("k").build();
    assertEquals("ENDED", kept.rawState());

    ChatInfo replaced = ChatInfo.builder().rawState("ENDED").state(ChatState.WAITING).chatSessionKey("k").build();
    assertEquals(ChatState.WAITING, replaced.state());
    assertEquals("waiting", replaced.rawState());

    ChatInfo unknownKept = chatting().toBuilder().rawState("paused").state(ChatState.UNKNOWN).build();
    assertEquals("paused", unknownKept.rawState());

    ChatInfo changed = chatting().toBuilder().rawState("paused").state(ChatState.ENDED).build();
    assertEquals("ended", changed.rawState());
  }

  @Test
  void toBuilderMakesAnEqualCopy() {
    ChatInfo info = chatting();
    assertEquals(info, info.toBuilder().build());
    assertEquals(info.hashCode(), info.toBuilder().build().hashCode());
  }

  @Test
  void toBuilderDoesNotChangeTheOriginal() {
    ChatInfo info = chatting();
    ChatInfo.Builder b = info.toBuilder().link(new Link("x", "y")).attribute("extra", "1");
    b.build();
    assertEquals(2, info.links().size());
    assertEquals(2, info.attributes().size());
  }

  static Stream<Arguments> oneFieldChanged() {
    List<UnaryOperator<ChatInfo.Builder>> changes = List.of(
        b -> b.state(ChatState.ENDED),
        b -> b.rawState("CHATTING"),
        b -> b.chatSessionKey("other"),
        b -> b.agentName("Barbara"),
        b -> b.agentName(null),
        b -> b.agentId(311098911L),
        b -> b.agentId(OptionalLong.empty()),
        b -> b.startTime(START.withOffsetSameInstant(ZoneOffset.UTC)),
        b -> b.startTime(null),
        b -> b.lastUpdate(UPDATE.plusNanos(1_000_000)),
        b -> b.chatTimeout(Duration.ofSeconds(41)),
        b -> b.chatTimeout(null),
        b -> b.visitorId(1L),
        b -> b.visitorId(OptionalLong.empty()),
        b -> b.agentTyping(TypingStatus.TYPING),
        b -> b.visitorTyping(TypingStatus.UNKNOWN),
        b -> b.visitorName("Ann"),
        b -> b.rtSessionId(4295036104L),
        b -> b.rtSessionId(OptionalLong.empty()),
        b -> b.participantId(null),
        b -> b.link(new Link("agent-typing", BASE + "agentTyping")),
        b -> b.links(List.of(new Link("visitor-name", BASE + "visitorName"), new Link("self", BASE + "info"))),
        b -> b.attribute("engagementId", "3"),
        b -> b.attribute("skillName", "Support"),
        b -> b.attributes(Map.of()));
    return changes.stream().map(c -> Arguments.of(c));
  }

  @ParameterizedTest
  @MethodSource("oneFieldChanged")
  void equalityCoversEveryField(UnaryOperator<ChatInfo.Builder> change) {
    ChatInfo info = chatting();
    ChatInfo other = change.apply(info.toBuilder()).build();
    assertNotEquals(info, other);
    assertNotEquals(other, info);
    assertNotEquals(info.toString(), other.toString());
  }

  @Test
  void equalityKeepsTheOffsetAsSent() {
    ChatInfo a = chatting();
    ChatInfo b = a.toBuilder().startTime(START.withOffsetSameInstant(ZoneOffset.UTC)).build();
    assertEquals(a.startTime().orElseThrow().toInstant(), b.startTime().orElseThrow().toInstant());
    assertNotEquals(a, b);
  }

  @Test
  void attributeOrderMattersForIteration() {
    ChatInfo a = ChatInfo.builder().state(ChatState.WAITING).chatSessionKey("k")
        .attribute("b", "1").attribute("a", "2").build();
    assertEquals(List.of("b", "a"), new ArrayList<>(a.attributes().keySet()));
  }

  @Test
  void isEqualToItselfAndNotToOtherTypes() {
    ChatInfo info = chatting();
    assertEquals(info, info);
    assertFalse(info.equals(null));
    assertFalse(info.equals("ChatInfo"));
  }

  @Test
  void toStringShowsEveryField() {
    String s = chatting().toString();
    for (String part : List.of("state=CHATTING", "rawState=chatting",
        "chatSessionKey=H3128476291385426589-c0a8K8457415", "agentName=Barber", "agentId=311098910",
        "startTime=2018-01-29T08:19:43.976-05:00", "lastUpdate=2018-01-29T08:20:54.560-05:00",
        "chatTimeout=PT40S", "visitorId=1215602164887992", "agentTyping=NOT_TYPING",
        "visitorTyping=TYPING", "visitorName=visitor", "rtSessionId=4295036103",
        "participantId=8d7c2b1a-3e4f-4a5b-9c6d-7e8f9a0b1c2d", "rel=self", "rel=visitor-name",
        "skillName=Sales", "language=en-US")) {
      assertTrue(s.contains(part), () -> part + " missing from " + s);
    }
    assertTrue(ChatInfo.builder().state(ChatState.WAITING).chatSessionKey("k").build().toString()
        .contains("agentId=none"));
  }

  @Test
  void collectionsAreUnmodifiable() {
    ChatInfo info = chatting();
    assertThrows(UnsupportedOperationException.class, () -> info.links().add(new Link("a", "b")));
    assertThrows(UnsupportedOperationException.class, () -> info.attributes().put("a", "b"));
  }

  @Test
  void laterChangesToTheGivenCollectionsDoNotLeakIn() {
    List<Link> links = new ArrayList<>(List.of(new Link("self", "x")));
    Map<String, String> attributes = new LinkedHashMap<>(Map.of("a", "1"));
    ChatInfo info = ChatInfo.builder().state(ChatState.WAITING).chatSessionKey("k")
        .links(links).attributes(attributes).build();
    links.add(new Link("other", "y"));
    attributes.put("b", "2");
    assertEquals(1, info.links().size());
    assertEquals(1, info.attributes().size());
  }

  @Test
  void findsTheFirstLinkOfARelation() {
    ChatInfo info = chatting().toBuilder().link(new Link("self", "second")).build();
    assertEquals(BASE + "info", info.link(Link.SELF).orElseThrow().href());
    assertEquals(Optional.empty(), info.link(Link.AGENT_TYPING));
  }

  @Test
  void expiresAtIsLastUpdatePlusTimeout() {
    assertEquals(Optional.of(UPDATE.toInstant().plusSeconds(40)), chatting().expiresAt());
    assertEquals(Optional.of(Instant.parse("2018-01-29T13:21:34.560Z")), chatting().expiresAt());
  }

  @Test
  void expiresAtNeedsBothLastUpdateAndTimeout() {
    assertEquals(Optional.empty(), chatting().toBuilder().lastUpdate(null).build().expiresAt());
    assertEquals(Optional.empty(), chatting().toBuilder().chatTimeout(null).build().expiresAt());
  }

  @Test
  void expiresAtSaturatesInsteadOfOverflowing() {
    ChatInfo info = chatting().toBuilder().lastUpdate(OffsetDateTime.MAX)
        .chatTimeout(Duration.ofSeconds(Long.MAX_VALUE)).build();
    assertEquals(Optional.of(Instant.MAX), info.expiresAt());
  }

  @ParameterizedTest
  @EnumSource(ChatState.class)
  void isActiveWhileWaitingOrChatting(ChatState state) {
    ChatInfo info = ChatInfo.builder().state(state).chatSessionKey("k").build();
    assertEquals(state == ChatState.WAITING || state == ChatState.CHATTING, info.isActive());
  }

  @Test
  void chatTimeoutIsWholeNonNegativeSeconds() {
    assertThrows(IllegalArgumentException.class, () -> ChatInfo.builder().chatTimeout(Duration.ofMillis(1500)));
    assertThrows(IllegalArgumentException.class, () -> ChatInfo.builder().chatTimeout(Duration.ofSeconds(-1)));
    assertEquals(Optional.of(Duration.ZERO),
        ChatInfo.builder().state(ChatState.ENDED).chatSessionKey("k").chatTimeout(Duration.ZERO).build().chatTimeout());
  }

  @Test
  void nullClearsOptionalFieldsAndRestoresDefaults() {
    ChatInfo cleared = chatting().toBuilder().agentName(null).startTime(null).lastUpdate(null)
        .chatTimeout(null).participantId(null).visitorName(null).agentTyping(null).visitorTyping(null)
        .agentId(OptionalLong.empty()).visitorId(OptionalLong.empty()).rtSessionId(OptionalLong.empty())
        .build();
    assertEquals(Optional.empty(), cleared.agentName());
    assertEquals("visitor", cleared.visitorName());
    assertEquals(TypingStatus.UNKNOWN, cleared.agentTyping());
    assertEquals(OptionalLong.empty(), cleared.agentId());
  }

  @ParameterizedTest
  @ValueSource(strings = {"state", "chatSessionKey", "agentId", "link", "visitorName"})
  void refusesAttributesNamedLikeAField(String name) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ChatInfo.builder().attribute(name, "x"));
    assertTrue(e.getMessage().contains(name), e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "1abc", "-a", ".a", "a b", "@href", "a/b", "a:b", "caf\u00e9", "a\u0000"})
  void refusesAttributeNamesNoFormatCanCarry(String name) {
    assertThrows(IllegalArgumentException.class, () -> ChatInfo.builder().attribute(name, "x"));
    assertFalse(ChatInfo.Builder.isAttributeName(name));
  }

  @Test
  void acceptsWellFormedAttributeNames() {
    for (String name : List.of("skillName", "engagementId", "_x", "a.b-c_d", "A1")) {
      assertTrue(ChatInfo.Builder.isAttributeName(name), name);
    }
    assertFalse(ChatInfo.Builder.isAttributeName("a".repeat(257)));
    assertFalse(ChatInfo.Builder.isAttributeName(null));
  }

  @Test
  void refusesTextNoXmlDocumentCanCarry() {
    ChatInfo.Builder b = ChatInfo.builder();
    assertThrows(IllegalArgumentException.class, () -> b.agentName("a\u0000b"));
    assertThrows(IllegalArgumentException.class, () -> b.visitorName("\u0007"));
    assertThrows(IllegalArgumentException.class, () -> b.chatSessionKey("k\uFFFE"));
    assertThrows(IllegalArgumentException.class, () -> b.attribute("a", "\udc00"));
    assertThrows(IllegalArgumentException.class, () -> b.rawState("x\u001b"));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> b.agentName("ab\u0001"));
    assertEquals("agentName contains a character no XML document can carry (U+0001) at index 2",
        e.getMessage());
  }

  @Test
  void refusesTextLongerThanTheCodecsAccept() {
    String max = "x".repeat(ChatInfo.MAX_TEXT_LENGTH);
    assertEquals(Optional.of(max), chatting().toBuilder().agentName(max).build().agentName());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ChatInfo.builder().agentName(max + "x"));
    assertEquals("agentName is 65537 characters long, more than the 65536 allowed", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> ChatInfo.builder().attribute("a", max + "x"));
    assertThrows(IllegalArgumentException.class, () -> new Link("self", max + "x"));
  }

  @Test
  void acceptsAnyOtherUnicodeText() {
    String name = "Zo\u00eb \ud83d\ude00 \u4e2d\u6587\t\r\n \u200f";
    assertEquals(Optional.of(name), chatting().toBuilder().agentName(name).build().agentName());
  }

  @Test
  void refusesNullsWhereAValueIsRequired() {
    ChatInfo.Builder b = ChatInfo.builder();
    assertThrows(IllegalArgumentException.class, () -> b.state(null));
    assertThrows(IllegalArgumentException.class, () -> b.rawState(null));
    assertThrows(IllegalArgumentException.class, () -> b.link(null));
    assertThrows(IllegalArgumentException.class, () -> b.links(null));
    assertThrows(IllegalArgumentException.class, () -> b.links(java.util.Arrays.asList((Link) null)));
    assertThrows(IllegalArgumentException.class, () -> b.attribute("a", null));
    assertThrows(IllegalArgumentException.class, () -> b.attribute(null, "a"));
    assertThrows(IllegalArgumentException.class, () -> b.agentId((OptionalLong) null));
  }

  @Test
  void attributesKeepsTheOldMapWhenAnEntryIsInvalid() {
    ChatInfo.Builder builder = ChatInfo.builder().state(ChatState.CHATTING).chatSessionKey("k")
        .attribute("skillName", "Sales");
    Map<String, String> bad = new LinkedHashMap<>();
    bad.put("language", "en-US");
    bad.put("state", "a known field");
    assertThrows(IllegalArgumentException.class, () -> builder.attributes(bad));
    assertEquals(Map.of("skillName", "Sales"), builder.build().attributes());
    Map<String, String> nullValue = new LinkedHashMap<>();
    nullValue.put("language", null);
    assertThrows(IllegalArgumentException.class, () -> builder.attributes(nullValue));
    assertEquals(Map.of("skillName", "Sales"), builder.build().attributes());
  }
}
