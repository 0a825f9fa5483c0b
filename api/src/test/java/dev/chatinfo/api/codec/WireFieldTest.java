package dev.chatinfo.api.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chatinfo.api.ChatInfo;
import dev.chatinfo.api.ChatInfoException;
import dev.chatinfo.api.ChatState;
import dev.chatinfo.api.Link;
import dev.chatinfo.api.TypingStatus;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class WireFieldTest {

  static final ChatInfo FULL = ChatInfo.builder()
      .link(new Link(Link.SELF, "https://h/info"))
      .rawState("Chatting")
      .chatSessionKey("H31K84")
      .agentName("Barber")
      .agentId(311098910L)
      .startTime(OffsetDateTime.parse("2018-01-29T08:19:43.976-05:00"))
      .lastUpdate(OffsetDateTime.parse("2018-01-29T08:20:54.560-05:00"))
      .chatTimeout(Duration.ofSeconds(40))
      .visitorId(1215602164887992L)
      .agentTyping(TypingStatus.NOT_TYPING)
      .visitorTyping(TypingStatus.TYPING)
      .visitorName("Zoë")
      .rtSessionId(4295036103L)
      .participantId("8d7c2b1a-3e4f-4a5b-9c6d-7e8f9a0b1c2d")
      .attribute("skillName", "Sales")
      .build();

  @Test
  void listsTheFourteenFieldsInTheOrderTheServiceSendsThem() {
    List<String> names = new ArrayList<>();
    for (WireField field : WireField.values()) {
      names.add(field.wireName());
    }
    assertEquals(List.of("link", "state", "chatSessionKey", "agentName", "agentId", "startTime", "lastUpdate",
        "chatTimeout", "visitorId", "agentTyping", "visitorTyping", "visitorName", "rtSessionId", "participantId"),
        names);
    assertEquals(Set.copyOf(names), ChatInfo.FIELD_NAMES);
  }

  @Test
  void findsAFieldByItsExactWireName() {
    for (WireField field : WireField.values()) {
      assertSame(field, WireField.byWireName(field.wireName()).orElseThrow());
    }
    assertEquals(Optional.empty(), WireField.byWireName("skillName"));
    assertEquals(Optional.empty(), WireField.byWireName("State"));
    assertEquals(Optional.empty(), WireField.byWireName(""));
    assertEquals(Optional.empty(), WireField.byWireName(null));
  }

  @Test
  void findsWithoutAllocating() {
    assertSame(WireField.byWireName("agentId"), WireField.byWireName("agentId"));
    assertSame(WireField.byWireName("nope"), WireField.byWireName("other"));
  }

  @Test
  void onlyStateAndChatSessionKeyAreRequired() {
    for (WireField field : WireField.values()) {
      assertEquals(field == WireField.STATE || field == WireField.CHAT_SESSION_KEY, field.isRequired(), field.name());
    }
  }

  @Test
  void readsBackEveryFieldItWrites() {
    ChatInfo.Builder read = ChatInfo.builder().link(new Link(Link.SELF, "https://h/info"))
        .attribute("skillName", "Sales");
    for (WireField field : WireField.values()) {
      if (field.kind() != WireField.Kind.LINK) {
        field.setFromWire(read, field.wireText(FULL).orElseThrow(() -> new AssertionError(field + " not written")));
      }
    }
    assertEquals(FULL, read.build());
  }

  @Test
  void writesTheWireFormOfEachKind() {
    assertEquals(Optional.of("Chatting"), WireField.STATE.wireText(FULL));
    assertEquals(Optional.of("311098910"), WireField.AGENT_ID.wireText(FULL));
    assertEquals(Optional.of("2018-01-29T08:19:43.976-05:00"), WireField.START_TIME.wireText(FULL));
    assertEquals(Optional.of("40"), WireField.CHAT_TIMEOUT.wireText(FULL));
    assertEquals(Optional.of("not-typing"), WireField.AGENT_TYPING.wireText(FULL));
    assertEquals(WireField.Kind.SECONDS, WireField.CHAT_TIMEOUT.kind());
    assertEquals(WireField.Kind.WHOLE_NUMBER, WireField.RT_SESSION_ID.kind());
  }

  @Test
  void leavesOutWhatTheWireLeavesOut() {
    ChatInfo minimal = ChatInfo.builder().state(ChatState.WAITING).chatSessionKey("K").build();
    Map<WireField, Optional<String>> written = new EnumMap<>(WireField.class);
    for (WireField field : WireField.values()) {
      if (field != WireField.LINK) {
        written.put(field, field.wireText(minimal));
      }
    }
    written.forEach((field, text) -> assertEquals(
        field == WireField.STATE || field == WireField.CHAT_SESSION_KEY || field == WireField.VISITOR_NAME,
        text.isPresent(), field + " " + text));
    assertEquals(Optional.of(ChatInfo.DEFAULT_VISITOR_NAME), WireField.VISITOR_NAME.wireText(minimal));
  }

  @Test
  void refusesWhatDoesNotParseNamingTheField() {
    ChatInfo.Builder builder = ChatInfo.builder();
    ChatInfoException e = assertThrows(ChatInfoException.class, () -> WireField.VISITOR_ID.setFromWire(builder, "1x"));
    assertEquals(ChatInfoException.Kind.MALFORMED_RESPONSE, e.kind());
    assertTrue(e.getMessage().contains("visitorId"), e.getMessage());
    e = assertThrows(ChatInfoException.class, () -> WireField.CHAT_SESSION_KEY.setFromWire(builder, ""));
    assertTrue(e.getMessage().contains("chatSessionKey") && e.getMessage().contains("is empty"), e.getMessage());
    e = assertThrows(ChatInfoException.class, () -> WireField.CHAT_TIMEOUT.setFromWire(builder, "-1"));
    assertTrue(e.getMessage().contains("chatTimeout") && e.getMessage().contains("negative"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> WireField.AGENT_NAME.setFromWire(builder, "a\u0000b"));
  }

  @Test
  void linksAreNotOneText() {
    assertThrows(IllegalStateException.class, () -> WireField.LINK.wireText(FULL));
    assertThrows(IllegalStateException.class, () -> WireField.LINK.setFromWire(ChatInfo.builder(), "x"));
  }

  @Test
  void anAttributeCannotTakeTheNameOfAField() {
    for (WireField field : WireField.values()) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> ChatInfo.builder().attribute(field.wireName(), "x"));
      assertTrue(e.getMessage().contains(field.wireName()), e.getMessage());
    }
  }
}
