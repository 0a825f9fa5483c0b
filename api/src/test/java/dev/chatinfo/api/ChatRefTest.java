package dev.chatinfo.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class ChatRefTest {

  @Test
  void keepsValidParts() {
    ChatRef ref = ChatRef.of("56072331", "a1B2-c3_d4.e5~f6", "H3128476291385426589-c0a8");
    assertEquals("56072331", ref.accountId());
    assertEquals("a1B2-c3_d4.e5~f6", ref.agentSessionId());
    assertEquals("H3128476291385426589-c0a8", ref.chatId());
    assertEquals(ref, new ChatRef("56072331", "a1B2-c3_d4.e5~f6", "H3128476291385426589-c0a8"));
  }

  @Test
  void acceptsPartsOfExactly256Characters() {
    String max = "a".repeat(ChatRef.MAX_PART_LENGTH);
    assertEquals(max, ChatRef.of(max, max, max).chatId());
  }

  @Test
  void acceptsDotsInsideAPart() {
    assertEquals("...", ChatRef.of("1", "...", "a..b").agentSessionId());
  }

  static Stream<String> hostileParts() {
    return Stream.of("../", "..", ".", "%2e%2e", "%2E%2E%2F", "a/b", "/", "a?b", "?v=2", "a#b", "#",
        "a b", " ", "", "\t", "a\nb", "a\rb", "a\u0000b", "\u007f", "a\\b", "a;b", "a&b", "a=b",
        "a%20b", "a+b", "a@b", "a:b",
        "\u0430bc",         // Cyrillic a
        "chat\u2024id",     // one dot leader
        "\uff0e\uff0e",     // fullwidth full stops
        "\u2215etc",        // division slash
        "a\u200bb",         // zero width space
        "caf\u00e9",        // non-ASCII letter
        "\ud83d\ude00",     // emoji
        "a".repeat(257), "x".repeat(10_000));
  }

  @ParameterizedTest
  @MethodSource("hostileParts")
  void refusesHostileAccountId(String part) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> ChatRef.of(part, "s1", "c1"));
    assertTrue(e.getMessage().startsWith("accountId "), e.getMessage());
    assertEchoesAtMost64Characters(e.getMessage(), part);
  }

  @ParameterizedTest
  @MethodSource("hostileParts")
  void refusesHostileAgentSessionId(String part) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> ChatRef.of("1", part, "c1"));
    assertTrue(e.getMessage().startsWith("agentSessionId "), e.getMessage());
  }

  @ParameterizedTest
  @MethodSource("hostileParts")
  void refusesHostileChatId(String part) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> ChatRef.of("1", "s1", part));
    assertTrue(e.getMessage().startsWith("chatId "), e.getMessage());
  }

  @Test
  void refusesNullNamingThePart() {
    assertEquals("accountId must not be null",
        assertThrows(IllegalArgumentException.class, () -> ChatRef.of(null, "s", "c")).getMessage());
    assertEquals("agentSessionId must not be null",
        assertThrows(IllegalArgumentException.class, () -> ChatRef.of("a", null, "c")).getMessage());
    assertEquals("chatId must not be null",
        assertThrows(IllegalArgumentException.class, () -> new ChatRef("a", "s", null)).getMessage());
  }

  @Test
  void namesTheOffendingCharacterAndIndex() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> ChatRef.of("1", "s", "ab/cd"));
    assertEquals("chatId may contain only A-Z a-z 0-9 . _ ~ -, but has '/' at index 2: \"ab/cd\"",
        e.getMessage());
  }

  @Test
  void escapesControlCharactersInTheMessage() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> ChatRef.of("1", "s", "a\nb"));
    assertTrue(e.getMessage().contains("U+000A at index 1"), e.getMessage());
    assertTrue(e.getMessage().endsWith("\"a\\u000ab\""), e.getMessage());
    assertTrue(e.getMessage().chars().allMatch(c -> c >= 0x20 && c < 0x7f), e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(ints = {65, 257, 10_000})
  void neverEchoesMoreThan64CharactersOfALongPart(int length) {
    String part = "Z".repeat(length - 1) + "/";
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> ChatRef.of(part, "s", "c"));
    assertEchoesAtMost64Characters(e.getMessage(), part);
    assertTrue(e.getMessage().length() < 200, e.getMessage());
  }

  private static void assertEchoesAtMost64Characters(String message, String part) {
    if (part.length() > 64) {
      assertTrue(!message.contains(part.substring(0, 65)), "echoed more than 64 characters: " + message);
    }
  }
}
