package dev.chatinfo.testkit.contract;

import static dev.chatinfo.testkit.ChatInfoAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.chatinfo.api.ChatInfo;
import dev.chatinfo.api.ChatInfoException;
import dev.chatinfo.api.ChatInfoException.Kind;
import dev.chatinfo.api.ChatState;
import dev.chatinfo.api.Link;
import dev.chatinfo.api.TypingStatus;
import dev.chatinfo.api.codec.ChatInfoCodec;
import dev.chatinfo.testkit.ChatInfoFixtures;
import dev.chatinfo.testkit.internal.WireWriter;
import dev.chatinfo.testkit.internal.WireWriter.Style;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link ChatInfoCodec} keeps, as abstract JUnit 5 tests: extend it, return
 * your codec from {@link #codec()}, and the inherited tests check the wire variations the service
 * sends, the refusals, and the round trip.
 *
 * <pre>{@code
 * class MyJsonCodecTest extends ChatInfoCodecContract {
 *   @Override protected ChatInfoCodec codec() { return new MyJsonCodec(); }
 * }
 * }</pre>
 *
 * <p>Payloads are written by the testkit for codecs whose {@link ChatInfoCodec#mediaType()} is
 * JSON or XML; a codec of another format overrides {@link #payload(ChatInfo, Variation)}.
 *
 * <p>Every test method is public and named for the case it checks: a codec that deliberately
 * differs in one case overrides that method, to check its own behaviour or to mark it
 * {@code @Disabled} with the reason.
 *
 * <pre>{@code
 * @Override @Test @Disabled("our codec keeps the XML declaration's encoding, see ADR-7")
 * public void decodesEachState() {}
 * }</pre>
 */
public abstract class ChatInfoCodecContract extends RefusalCases {
  /** The variations of the wire shape the real service is known to send. */
  public enum Variation {
    /** As LivePerson's documentation shows it, compact. */
    CANONICAL,
    /** Indented, one field per line. */
    PRETTY,
    /** The info section inside the full chat resource. */
    EMBEDDED_IN_CHAT,
    /** JSON link keys {@code href}/{@code rel} instead of {@code @href}/{@code @rel}. */
    PLAIN_LINK_KEYS,
    /** JSON {@code link} as a single object instead of an array (one link only). */
    SINGLE_LINK_OBJECT,
    /** Numbers sent as strings. */
    NUMBERS_AS_STRINGS,
    /** Times as epoch milliseconds. */
    EPOCH_MILLIS,
    /** Fields in another order. */
    REVERSED_ORDER,
    /** Unknown objects and arrays (or nested elements) among the fields. */
    UNKNOWN_STRUCTURES,
    /** Without the required {@code state}. */
    WITHOUT_STATE,
    /** Without the required {@code chatSessionKey}. */
    WITHOUT_CHAT_SESSION_KEY
  }

  /** Creates the contract. */
  protected ChatInfoCodecContract() {}

  // ----- round trip and streams -----

  /**
   * Proves {@code decode(encode(x)).equals(x)} for every fixture, links included.
   */
  @Test
  public void roundTripsTheFixtures() {
    for (ChatInfo info : List.of(ChatInfoFixtures.waiting(), ChatInfoFixtures.chatting(), ChatInfoFixtures.ended(),
        ChatInfoFixtures.chattingWithSsoVisitor(), withLinks(ChatInfoFixtures.chatting()))) {
      assertThat(decode(encode(info))).isEqualTo(info);
    }
  }

  /**
   * Proves {@code decode(encode(x)).equals(x)} at the edges of what a {@link ChatInfo} may hold:
   * markup and escape characters, surrogate pairs, whitespace and line breaks kept as they are,
   * empty texts, the extremes of {@code long}, of times and offsets, and of the time-out, links whose
   * {@code href} is not a URI, and attribute names with {@code _}, {@code .} and {@code -}.
   */
  @Test
  public void roundTripsExtremeValues() {
    ChatInfo extreme = ChatInfo.builder()
        .rawState("Über-Chatting \ud83d\ude00")
        .chatSessionKey(" key with spaces\tand\r\nbreaks ")
        .agentName("<Barber & \"Sons\"> ]]> 'x' \\ / \u4e2d\u6587 \u200f\ud83d\udc4d")
        .agentId(Long.MIN_VALUE)
        .startTime(OffsetDateTime.of(1, 1, 1, 0, 0, 0, 1, ZoneOffset.ofHoursMinutes(14, 0)))
        .lastUpdate(OffsetDateTime.of(9999, 12, 31, 23, 59, 59, 999_999_999, ZoneOffset.ofHoursMinutes(-12, -45)))
        .chatTimeout(Duration.ofSeconds(Long.MAX_VALUE))
        .visitorId(Long.MAX_VALUE)
        .agentTyping(TypingStatus.TYPING)
        .visitorTyping(TypingStatus.NOT_TYPING)
        .visitorName("")
        .rtSessionId(0)
        .participantId("  ")
        .link(new Link("self", "https://h/a?b=c&d=<e>#f"))
        .link(new Link("self", "not a uri at all"))
        .link(new Link("", ""))
        .attribute("_x", "")
        .attribute("a.b-c", "line1\nline2\r\n\tend  ")
        .build();
    assertThat(decode(encode(extreme))).isEqualTo(extreme);
  }

  /**
   * Proves 200 links and 200 attributes round-trip, in their order.
   */
  @Test
  public void roundTripsManyLinksAndAttributes() {
    ChatInfo.Builder b = ChatInfoFixtures.chattingBuilder();
    for (int i = 0; i < 200; i++) {
      b.link(new Link("rel" + i, "https://example.com/" + i)).attribute("attr" + i, Integer.toString(i * 31));
    }
    ChatInfo info = b.build();
    assertThat(decode(encode(info))).isEqualTo(info);
  }

  /**
   * Proves {@link ChatInfoCodec#supports} accepts the codec's own media type whatever the case and
   * parameters, and refuses HTML, null and the empty string.
   */
  @Test
  public void supportsItsOwnMediaTypeAndNotHtml() {
    ChatInfoCodec codec = codec();
    assertTrue(codec.supports(codec.mediaType()), codec.mediaType());
    assertTrue(codec.supports(codec.mediaType().toUpperCase(java.util.Locale.ROOT) + "; charset=UTF-8"));
    assertFalse(codec.supports("text/html"));
    assertFalse(codec.supports("text/html; charset=UTF-8"));
    assertFalse(codec.supports(null));
    assertFalse(codec.supports(""));
  }

  /**
   * Proves neither {@code decode} nor {@code encode} closes the stream it is given: the caller owns
   * it (a transport must close the body, a server its response).
   */
  @Test
  public void neitherDecodeNorEncodeClosesTheStream() {
    boolean[] closed = new boolean[2];
    InputStream in = new ByteArrayInputStream(payload(ChatInfoFixtures.chatting(), Variation.CANONICAL)) {
      @Override
      public void close() {
        closed[0] = true;
      }
    };
    codec().decode(in);
    OutputStream out = new ByteArrayOutputStream() {
      @Override
      public void close() {
        closed[1] = true;
      }
    };
    codec().encode(ChatInfoFixtures.chatting(), out);
    assertFalse(closed[0], "decode closed the body");
    assertFalse(closed[1], "encode closed the stream");
  }

  /**
   * Proves one codec instance decodes correctly from eight threads at once, 500 times each.
   *
   * @throws Exception if a thread cannot be joined
   */
  @Test
  public void isStatelessAcrossThreads() throws Exception {
    ChatInfo info = withLinks(ChatInfoFixtures.chatting());
    byte[] body = encode(info);
    List<Thread> threads = new ArrayList<>();
    List<Throwable> errors = java.util.Collections.synchronizedList(new ArrayList<>());
    for (int t = 0; t < 8; t++) {
      Thread thread = new Thread(() -> {
        for (int i = 0; i < 500; i++) {
          try {
            if (!decode(body).equals(info)) {
              errors.add(new AssertionError("wrong value decoded concurrently"));
            }
          } catch (Throwable e) {
            errors.add(e);
          }
        }
      });
      threads.add(thread);
      thread.start();
    }
    for (Thread thread : threads) {
      thread.join(30_000);
    }
    assertEquals(List.of(), errors);
  }
}
