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
import dev.chatinfo.testkit.contract.ChatInfoCodecContract.Variation;

/**
 * The cases of {@link ChatInfoCodecContract} that refuse bad input with {@code MALFORMED_RESPONSE},
 * and the one that reads what the fake server serves over HTTP.
 */
abstract class RefusalCases extends AcceptedVariationCases {

  RefusalCases() {}

  // ----- refusals -----

  /**
   * Proves a body without {@code state} is refused as {@code MALFORMED_RESPONSE} whose message names
   * {@code state}.
   */
  @Test
  public void refusesAPayloadWithoutState() {
    assertMalformed(payload(ChatInfoFixtures.chatting(), Variation.WITHOUT_STATE), "state");
  }

  /**
   * Proves a body without {@code chatSessionKey} is refused as {@code MALFORMED_RESPONSE} whose
   * message names {@code chatSessionKey}.
   */
  @Test
  public void refusesAPayloadWithoutChatSessionKey() {
    assertMalformed(payload(ChatInfoFixtures.chatting(), Variation.WITHOUT_CHAT_SESSION_KEY), "chatSessionKey");
  }

  /**
   * Proves a known numeric field that is not a whole number ({@code "31109891x"}) is refused,
   * naming the field, rather than dropped or kept as text.
   */
  @Test
  public void refusesANumberThatDoesNotParseNamingTheField() {
    String text = new String(payload(ChatInfoFixtures.chatting(), Variation.NUMBERS_AS_STRINGS), StandardCharsets.UTF_8)
        .replace("311098910", "31109891x");
    assertMalformed(text.getBytes(StandardCharsets.UTF_8), "agentId");
  }

  /**
   * Proves a known numeric field beyond the range of {@code long} is refused, naming the field,
   * rather than wrapped or rounded.
   */
  @Test
  public void refusesANumberOutOfRangeNamingTheField() {
    String text = new String(payload(ChatInfoFixtures.chatting(), Variation.CANONICAL), StandardCharsets.UTF_8)
        .replace("1215602164887992", "92233720368547758070");
    assertMalformed(text.getBytes(StandardCharsets.UTF_8), "visitorId");
  }

  /**
   * Proves a known time field in a form the service never uses ({@code "... EST"}) is refused,
   * naming the field.
   */
  @Test
  public void refusesATimeThatDoesNotParseNamingTheField() {
    String text = new String(payload(ChatInfoFixtures.chatting(), Variation.CANONICAL), StandardCharsets.UTF_8)
        .replace("2018-01-29T08:20:54.560-05:00", "2018-01-29T08:20:54.560 EST");
    assertMalformed(text.getBytes(StandardCharsets.UTF_8), "lastUpdate");
  }

  /**
   * Proves an empty body is refused as {@code MALFORMED_RESPONSE}, with a message.
   */
  @Test
  public void refusesAnEmptyBody() {
    assertMalformed(new byte[0], null);
  }

  /**
   * Proves a body cut at a few places (after one byte, a third, a half, three bytes before its
   * end) is refused as {@code MALFORMED_RESPONSE}, not decoded from what arrived.
   */
  @Test
  public void refusesATruncatedBody() {
    byte[] whole = payload(withLinks(ChatInfoFixtures.chatting()), Variation.CANONICAL);
    for (int cut : new int[] {1, whole.length / 3, whole.length / 2, whole.length - 3}) {
      assertMalformed(java.util.Arrays.copyOf(whole, cut), null);
    }
  }

  /**
   * Proves a body holding two documents one after the other is refused: nothing may follow the
   * root but whitespace.
   */
  @Test
  public void refusesTrailingDataAfterTheRoot() {
    byte[] one = payload(ChatInfoFixtures.chatting(), Variation.CANONICAL);
    byte[] two = new byte[one.length * 2];
    System.arraycopy(one, 0, two, 0, one.length);
    System.arraycopy(one, 0, two, one.length, one.length);
    assertMalformed(two, null);
  }

  /**
   * Proves a body with an invalid UTF-8 sequence is refused as {@code MALFORMED_RESPONSE}, not read
   * with replacement characters.
   */
  @Test
  public void refusesInvalidUtf8() {
    byte[] good = payload(ChatInfoFixtures.chatting(), Variation.CANONICAL);
    String text = new String(good, StandardCharsets.ISO_8859_1).replace("Barber", "Barb\u00c3\u0028er");
    assertMalformed(text.getBytes(StandardCharsets.ISO_8859_1), null);
  }

  /**
   * Proves a proxy's HTML error page (with its DOCTYPE) is refused as {@code MALFORMED_RESPONSE},
   * whatever the codec's format, should it ever be handed one.
   */
  @Test
  public void refusesAnHtmlErrorPage() {
    assertMalformed(("<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head>"
        + "<body><h1>Bad Gateway</h1></body></html>").getBytes(StandardCharsets.UTF_8), null);
  }

  /**
   * Proves every cut of a valid pretty-printed body before its last significant byte is refused as
   * {@code MALFORMED_RESPONSE}, and that no cut makes the decoder hang (the 60 s bound is a guard,
   * not a measure of speed).
   */
  @Test
  public void refusesEveryTruncationOfAValidBody() {
    byte[] whole = payload(withLinks(ChatInfoFixtures.chatting()), Variation.PRETTY);
    int end = whole.length;
    while (end > 0 && Character.isWhitespace(whole[end - 1])) {
      end--; // cutting trailing whitespace leaves the body whole
    }
    int significant = end;
    // A hang guard, not a measure of speed: each decode must end, refused.
    assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
      for (int cut = 0; cut < significant; cut++) {
        byte[] part = java.util.Arrays.copyOf(whole, cut);
        ChatInfoException e = assertThrows(ChatInfoException.class,
            () -> codec().decode(new ByteArrayInputStream(part)),
            "the body cut after " + part.length + " of " + whole.length + " bytes was accepted");
        assertEquals(Kind.MALFORMED_RESPONSE, e.kind(), e.getMessage());
      }
    });
  }

  /**
   * Proves the codec reads what the testkit's {@code FakeChatServer} serves over real HTTP, for each
   * fixture, with the {@code Content-Type} it sends accepted by {@link ChatInfoCodec#supports}, so
   * that the codec and the fake server agree on the wire. Skipped for codecs of other formats.
   *
   * @throws Exception if the HTTP exchange fails
   */
  @Test
  public void decodesWhatTheFakeServerServesOverHttp() throws Exception {
    String type = codec().mediaType();
    org.junit.jupiter.api.Assumptions.assumeTrue(type.contains("json") || type.contains("xml"),
        "the fake server writes JSON and XML only");
    java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
    try (dev.chatinfo.testkit.FakeChatServer server = dev.chatinfo.testkit.FakeChatServer.start()) {
      for (ChatInfo added : List.of(ChatInfoFixtures.waiting(), ChatInfoFixtures.chatting(), ChatInfoFixtures.ended(),
          ChatInfoFixtures.chattingWithSsoVisitor())) {
        dev.chatinfo.api.ChatRef ref = server.addChatAsIs(added);
        java.net.http.HttpResponse<InputStream> response = http.send(
            java.net.http.HttpRequest.newBuilder(server.infoUrl(ref)).header("Authorization", "Bearer " + server.token())
                .header("Accept", type).build(), java.net.http.HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(200, response.statusCode());
        assertTrue(codec().supports(response.headers().firstValue("Content-Type").orElse(null)));
        ChatInfo decoded;
        try (InputStream body = response.body()) {
          decoded = codec().decode(body);
        }
        assertThat(decoded).isEqualTo(server.chat(ref));
        assertThat(decoded.toBuilder().links(List.of()).build()).isEqualTo(added);
      }
    }
  }
}
