package dev.chatinfo.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class WireValueMatchingTest {

  @ParameterizedTest
  @CsvSource({
      "waiting, WAITING", "WAITING, WAITING", "Waiting, WAITING",
      "chatting, CHATTING", "CHATTING, CHATTING", "cHaTtInG, CHATTING",
      "ended, ENDED", "ENDED, ENDED", "Ended, ENDED",
      "unknown, UNKNOWN", "paused, UNKNOWN", "chat, UNKNOWN", "chattingg, UNKNOWN"})
  void readsStatesInAnyCase(String wire, ChatState expected) {
    assertEquals(expected, ChatState.fromWire(wire));
  }

  @Test
  void readsStatesWithSurroundingWhitespace() {
    assertEquals(ChatState.CHATTING, ChatState.fromWire("\n   chatting\n "));
    assertEquals(TypingStatus.TYPING, TypingStatus.fromWire(" typing\t"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " ", "CHATT\u0130NG", "\u0441hatting", "chatting\u0000", "ch atting"})
  void readsLookAlikesAndBlanksAsUnknownState(String wire) {
    assertEquals(ChatState.UNKNOWN, ChatState.fromWire(wire));
  }

  @Test
  void readsNullAsUnknown() {
    assertEquals(ChatState.UNKNOWN, ChatState.fromWire(null));
    assertEquals(TypingStatus.UNKNOWN, TypingStatus.fromWire(null));
  }

  @Test
  void ignoresTheDefaultLocale() {
    Locale before = Locale.getDefault();
    try {
      Locale.setDefault(Locale.forLanguageTag("tr-TR"));
      assertEquals(ChatState.WAITING, ChatState.fromWire("WAITING"));
      assertEquals(TypingStatus.TYPING, TypingStatus.fromWire("TYPING"));
    } finally {
      Locale.setDefault(before);
    }
  }

  @ParameterizedTest
  @CsvSource({
      "typing, TYPING", "TYPING, TYPING", "Typing, TYPING",
      "not-typing, NOT_TYPING", "NOT-TYPING, NOT_TYPING", "Not-Typing, NOT_TYPING",
      "unknown, UNKNOWN", "not_typing, UNKNOWN", "nottyping, UNKNOWN", "typing..., UNKNOWN"})
  void readsTypingInAnyCase(String wire, TypingStatus expected) {
    assertEquals(expected, TypingStatus.fromWire(wire));
  }

  @Test
  void writesWireValues() {
    assertEquals("waiting", ChatState.WAITING.wireValue());
    assertEquals("chatting", ChatState.CHATTING.wireValue());
    assertEquals("ended", ChatState.ENDED.wireValue());
    assertEquals("unknown", ChatState.UNKNOWN.wireValue());
    assertEquals("typing", TypingStatus.TYPING.wireValue());
    assertEquals("not-typing", TypingStatus.NOT_TYPING.wireValue());
    assertEquals("unknown", TypingStatus.UNKNOWN.wireValue());
  }

  @Test
  void everyWireValueReadsBackAsItself() {
    for (ChatState state : ChatState.values()) {
      assertEquals(state, ChatState.fromWire(state.wireValue()));
    }
    for (TypingStatus status : TypingStatus.values()) {
      assertEquals(status, TypingStatus.fromWire(status.wireValue()));
    }
  }
}
