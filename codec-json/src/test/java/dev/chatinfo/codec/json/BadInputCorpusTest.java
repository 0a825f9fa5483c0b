package dev.chatinfo.codec.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.chatinfo.api.ChatInfoException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The corpus of bad inputs: the files under {@code src/test/resources/bad}, plus inputs made here
 * (a real payload truncated at every byte, 2 MiB strings). Every one must fail with
 * MALFORMED_RESPONSE, and nothing else, within a second.
 */
class BadInputCorpusTest {

  static final Path CORPUS = Path.of("src", "test", "resources", "bad");
  static final Duration LIMIT = Duration.ofSeconds(1);
  static final int TWO_MIB = 2 * 1024 * 1024;

  @TestFactory
  Stream<DynamicTest> refusesEveryFileOfTheCorpus() throws IOException {
    List<Path> files;
    try (Stream<Path> list = Files.list(CORPUS)) {
      files = list.sorted().toList();
    }
    assertTrue(files.size() >= 50, "the corpus is missing: " + CORPUS.toAbsolutePath());
    return files.stream().map(file -> dynamicTest(file.getFileName().toString(),
        () -> assertRefusedInTime(Files.readAllBytes(file))));
  }

  @TestFactory
  Stream<DynamicTest> refusesARealPayloadTruncatedAtEveryByte() {
    List<DynamicTest> tests = new ArrayList<>();
    for (String payload : List.of(Payloads.REALISTIC, Payloads.REALISTIC_COMPACT,
        Payloads.UNICODE_COMPACT)) {
      byte[] whole = Payloads.utf8(payload);
      assertEquals('}', whole[whole.length - 1], "the payload must end with its root's last byte");
      Payloads.decode(whole); // the whole payload is good
      for (int length = 0; length < whole.length; length++) {
        byte[] prefix = Arrays.copyOf(whole, length);
        tests.add(dynamicTest(whole.length + "-byte payload cut to " + length,
            () -> assertRefusedInTime(prefix)));
      }
    }
    return tests.stream();
  }

  @TestFactory
  Stream<DynamicTest> skipsTwoMebibyteStringsOfUnknownFields() {
    // The codec reads past them: a transport's body limit, not the text limit, refuses such a body.
    String huge = "x".repeat(TWO_MIB);
    return Stream.of(
        dynamicTest("in an unknown field", () -> org.junit.jupiter.api.Assertions.assertEquals(
            Payloads.minimal().build(), Payloads.decode(Payloads.info("\"skillName\":\"" + huge + "\"")))),
        dynamicTest("in a skipped object", () -> org.junit.jupiter.api.Assertions.assertEquals(
            Payloads.minimal().build(), Payloads.decode(Payloads.info("\"survey\":{\"q\":[\"" + huge + "\"]}")))));
  }

  @TestFactory
  Stream<DynamicTest> refusesTwoMebibyteStrings() {
    String huge = "x".repeat(TWO_MIB);
    return Stream.of(
        dynamicTest("in a known field", () -> assertRefusedInTime(
            Payloads.utf8(Payloads.info("\"agentName\":\"" + huge + "\"")))),
        dynamicTest("in a known numeric field", () -> assertRefusedInTime(
            Payloads.utf8(Payloads.info("\"agentId\":\"" + huge + "\"")))),
        dynamicTest("as a field name", () -> assertRefusedInTime(
            Payloads.utf8(Payloads.info("\"" + huge + "\":1")))),
        dynamicTest("as a number", () -> assertRefusedInTime(
            Payloads.utf8(Payloads.info("\"agentId\":" + "9".repeat(TWO_MIB))))),
        dynamicTest("as an unterminated string", () -> assertRefusedInTime(
            Payloads.utf8("{\"info\":{\"agentName\":\"" + huge))),
        dynamicTest("of escapes in a link", () -> assertRefusedInTime(
            Payloads.utf8(Payloads.info("\"link\":{\"@rel\":\"self\",\"@href\":\""
                + "\\u0041".repeat(TWO_MIB / 6) + "\"}")))));
  }

  static void assertRefusedInTime(byte[] body) {
    ChatInfoException e = assertTimeoutPreemptively(LIMIT,
        () -> assertThrows(ChatInfoException.class, () -> Payloads.decode(body)));
    assertEquals(ChatInfoException.Kind.MALFORMED_RESPONSE, e.kind(), e::getMessage);
    assertFalse(e.getMessage().isBlank());
    assertTrue(e.getMessage().length() < 600, () -> "a short message, not the body: " + e.getMessage());
    assertTrue(e.getMessage().contains("$") || e.getMessage().matches("(?s).*byte \\d+.*"),
        () -> "the message names the path or the byte: " + e.getMessage());
  }
}
