package dev.chatinfo.codec.xml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chatinfo.api.ChatInfoException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * A corpus of bad bodies, under {@code src/test/resources/bad} and generated here: every one
 * fails with MALFORMED_RESPONSE, and nothing else, within a second.
 */
class BadInputCorpusTest {

  private static final Path CORPUS = Path.of("src", "test", "resources", "bad");
  private static final Duration SECOND = Duration.ofSeconds(1);
  private static final int MIB = 1024 * 1024;

  private static void assertRefusedWithinASecond(byte[] body) {
    ChatInfoException e = assertTimeoutPreemptively(SECOND,
        () -> assertThrows(ChatInfoException.class, () -> Payloads.decode(body)));
    assertEquals(ChatInfoException.Kind.MALFORMED_RESPONSE, e.kind());
  }

  private static List<Path> corpus() {
    try (Stream<Path> files = Files.list(CORPUS)) {
      return files.sorted().collect(Collectors.toList());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void theCorpusHoldsEveryKindOfBadBody() {
    List<String> names = corpus().stream().map(p -> p.getFileName().toString())
        .collect(Collectors.toList());
    assertTrue(names.size() >= 60, names::toString);
    for (String kind : List.of("empty-body", "null", "json", "html", "info-without-state",
        "out-of-range", "trailing", "depth-33", "depth-10000", "invalid-utf8", "doctype",
        "entity")) {
      assertTrue(names.stream().anyMatch(n -> n.contains(kind)), kind);
    }
  }

  @TestFactory
  Stream<DynamicTest> refusesEveryBodyOfTheCorpus() {
    return corpus().stream().map(file -> DynamicTest.dynamicTest(
        file.getFileName().toString(), () -> assertRefusedWithinASecond(Files.readAllBytes(file))));
  }

  /** Cut after every byte of a real payload (multi-byte characters included): all refused. */
  @Test
  void refusesTheRealisticPayloadTruncatedAtEveryByte() {
    String payload = Payloads.PRETTY.strip()
        .replace("<agentName>Barber</agentName>", "<agentName>Barbér ✓ 😀</agentName>");
    byte[] whole = payload.getBytes(StandardCharsets.UTF_8);
    Payloads.decode(whole);
    assertTimeoutPreemptively(Duration.ofSeconds(whole.length), () -> {
      for (int length = 0; length < whole.length; length++) {
        byte[] cut = Arrays.copyOf(whole, length);
        long start = System.nanoTime();
        ChatInfoException e = assertThrows(ChatInfoException.class, () -> Payloads.decode(cut),
            "cut at " + length);
        assertEquals(ChatInfoException.Kind.MALFORMED_RESPONSE, e.kind());
        assertTrue(Duration.ofNanos(System.nanoTime() - start).compareTo(SECOND) < 0);
      }
    });
  }

  @Test
  void refusesTheCompactPayloadInUtf16TruncatedAtEveryByte() {
    byte[] whole = Payloads.COMPACT.getBytes(StandardCharsets.UTF_16);
    Payloads.decode(whole);
    assertTimeoutPreemptively(Duration.ofSeconds(whole.length), () -> {
      for (int length = 0; length < whole.length; length++) {
        byte[] cut = Arrays.copyOf(whole, length);
        ChatInfoException e = assertThrows(ChatInfoException.class, () -> Payloads.decode(cut),
            "cut at " + length);
        assertEquals(ChatInfoException.Kind.MALFORMED_RESPONSE, e.kind());
      }
    });
  }

  @Test
  void refusesATwoMebibyteTextInAKnownElement() {
    assertRefusedWithinASecond(Payloads.info("<agentName>" + "x".repeat(2 * MIB) + "</agentName>")
        .getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void skipsATwoMebibyteTextInAnUnknownElement() {
    // A tolerant reader: a transport's body limit, not the text limit, refuses such a body.
    org.junit.jupiter.api.Assertions.assertEquals(Payloads.MINIMAL, Payloads.decode(
        Payloads.info("<notes><note>" + "é".repeat(MIB) + "</note></notes>").getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void refusesATwoMebibyteAttributeValueAndElementName() {
    assertRefusedWithinASecond(Payloads.info("<link href=\"" + "x".repeat(2 * MIB)
        + "\" rel=\"self\"/>").getBytes(StandardCharsets.UTF_8));
    String name = "n".repeat(2 * MIB);
    assertRefusedWithinASecond(Payloads.info("<" + name + ">1</" + name + ">")
        .getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void refusesTwoMebibytesOfCdataSplitByComments() {
    String chunk = "<![CDATA[" + "x".repeat(32 * 1024) + "]]><!---->";
    assertRefusedWithinASecond(Payloads.info("<agentName>" + chunk.repeat(64) + "</agentName>")
        .getBytes(StandardCharsets.UTF_8));
  }
}
