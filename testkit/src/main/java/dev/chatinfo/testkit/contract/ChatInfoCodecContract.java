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
public abstract class ChatInfoCodecContract {

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

  /**
   * The codec under test.
   *
   * @return the codec
   */
  protected abstract ChatInfoCodec codec();

  /**
   * The payload the service would send for {@code info} in one variation, in the codec's format.
   * The default writes JSON or XML by the codec's media type.
   *
   * @param info the chat information
   * @param variation the variation
   * @return the body bytes, UTF-8
   */
  protected byte[] payload(ChatInfo info, Variation variation) {
    Set<Style> styles = switch (variation) {
      case CANONICAL -> WireWriter.styles();
      case PRETTY -> WireWriter.styles(Style.PRETTY);
      case EMBEDDED_IN_CHAT -> WireWriter.styles(Style.EMBEDDED_IN_CHAT, Style.PRETTY);
      case PLAIN_LINK_KEYS -> WireWriter.styles(Style.PLAIN_LINK_KEYS);
      case SINGLE_LINK_OBJECT -> WireWriter.styles(Style.SINGLE_LINK_OBJECT);
      case NUMBERS_AS_STRINGS -> WireWriter.styles(Style.NUMBERS_AS_STRINGS);
      case EPOCH_MILLIS -> WireWriter.styles(Style.EPOCH_MILLIS);
      case REVERSED_ORDER -> WireWriter.styles(Style.REVERSED);
      case UNKNOWN_STRUCTURES -> WireWriter.styles(Style.UNKNOWN_STRUCTURES, Style.PRETTY);
      case WITHOUT_STATE -> WireWriter.styles(Style.WITHOUT_STATE);
      case WITHOUT_CHAT_SESSION_KEY -> WireWriter.styles(Style.WITHOUT_CHAT_SESSION_KEY);
    };
    String type = codec().mediaType();
    if (type.contains("json")) {
      return WireWriter.json(info, styles).getBytes(StandardCharsets.UTF_8);
    }
    if (type.contains("xml")) {
      return WireWriter.xml(info, styles).getBytes(StandardCharsets.UTF_8);
    }
    throw new UnsupportedOperationException("the testkit writes JSON and XML only: override payload(..) for "
        + type);
  }

  // ----- accepted variations -----

  /**
   * Proves the codec reads the response LivePerson's documentation shows (agent Barber chatting,
   * the visitor typing, four links, two unknown scalar fields), compact, into exactly the value it
   * stands for.
   */
  @Test
  public void decodesTheDocumentedChattingExample() {
    ChatInfo expected = withLinks(ChatInfoFixtures.chatting());
    assertThat(decode(payload(expected, Variation.CANONICAL))).isEqualTo(expected)
        .isChatting().hasAgentName("Barber").visitorIsTyping().hasAttribute("skillName", "Sales");
  }

  /**
   * Proves each state the service sends ({@code waiting}, {@code chatting}, {@code ended}) is read
   * with the fields that come with it (an ended chat: typing unknown, no time-out).
   */
  @Test
  public void decodesEachState() {
    for (ChatInfo info : List.of(ChatInfoFixtures.waiting(), ChatInfoFixtures.chatting(), ChatInfoFixtures.ended())) {
      assertThat(decode(payload(withLinks(info), Variation.CANONICAL))).isEqualTo(withLinks(info));
    }
  }

  /**
   * Proves whitespace and indentation between fields are free: the pretty-printed body decodes to
   * the same value as the compact one.
   */
  @Test
  public void decodesPrettyPrintedPayloads() {
    ChatInfo expected = withLinks(ChatInfoFixtures.chatting());
    assertThat(decode(payload(expected, Variation.PRETTY))).isEqualTo(expected);
  }

  /**
   * Proves the {@code info} section is found inside the full chat resource ({@code {"chat":{...,
   * "info":{...}}}} or {@code <chat>...<info>...</info></chat>}), the chat's other fields ignored.
   */
  @Test
  public void decodesTheInfoSectionOfTheFullChatResource() {
    ChatInfo expected = withLinks(ChatInfoFixtures.chatting());
    assertThat(decode(payload(expected, Variation.EMBEDDED_IN_CHAT))).isEqualTo(expected);
  }

  /**
   * Proves JSON link keys are read with or without their {@code @} ({@code href}/{@code rel} as
   * well as {@code @href}/{@code @rel}), as the service has sent both.
   */
  @Test
  public void decodesLinkKeysWithoutAt() {
    ChatInfo expected = withLinks(ChatInfoFixtures.chatting());
    assertThat(decode(payload(expected, Variation.PLAIN_LINK_KEYS))).isEqualTo(expected);
  }

  /**
   * Proves a {@code link} sent as one object, not an array of one (JSON), is read as one link.
   */
  @Test
  public void decodesASingleLinkObject() {
    ChatInfo expected = ChatInfoFixtures.chattingBuilder().link(new Link(Link.SELF, BASE + "info")).build();
    assertThat(decode(payload(expected, Variation.SINGLE_LINK_OBJECT))).isEqualTo(expected);
  }

  /**
   * Proves ids and the time-out are read whether sent as numbers or as strings
   * ({@code "agentId": "311098910"}).
   */
  @Test
  public void decodesNumbersSentAsStrings() {
    ChatInfo expected = withLinks(ChatInfoFixtures.chatting());
    assertThat(decode(payload(expected, Variation.NUMBERS_AS_STRINGS))).isEqualTo(expected).hasAgentId(311098910L);
  }

  /**
   * Proves times sent as epoch milliseconds are read as the same instants, at UTC (the offset the
   * service meant is not on the wire).
   */
  @Test
  public void decodesTimesSentAsEpochMillisAtUtc() {
    ChatInfo sent = withLinks(ChatInfoFixtures.chatting());
    ChatInfo expected = sent.toBuilder()
        .startTime(sent.startTime().orElseThrow().withOffsetSameInstant(ZoneOffset.UTC))
        .lastUpdate(sent.lastUpdate().orElseThrow().withOffsetSameInstant(ZoneOffset.UTC))
        .build();
    assertThat(decode(payload(sent, Variation.EPOCH_MILLIS))).isEqualTo(expected);
  }

  /**
   * Proves field order is free: the fields in reverse order (links kept in theirs) give the same
   * value.
   */
  @Test
  public void decodesFieldsInAnyOrder() {
    ChatInfo expected = withLinks(ChatInfoFixtures.chatting());
    assertThat(decode(payload(expected, Variation.REVERSED_ORDER))).isEqualTo(expected);
  }

  /**
   * Proves a tolerant reader: unknown objects, arrays and nested elements among the fields, at any
   * depth within the limit, are skipped without failing the decode or becoming attributes.
   */
  @Test
  public void skipsUnknownStructures() {
    ChatInfo expected = withLinks(ChatInfoFixtures.chatting());
    assertThat(decode(payload(expected, Variation.UNKNOWN_STRUCTURES))).isEqualTo(expected);
  }

  /**
   * Proves unknown scalar fields ({@code skillName}, {@code engagementId}, {@code language}) are
   * kept as {@link ChatInfo#attributes()}, as text, in the order they were sent.
   */
  @Test
  public void keepsUnknownScalarFieldsAsAttributesInWireOrder() {
    ChatInfo expected = ChatInfoFixtures.chattingBuilder().attributes(java.util.Map.of())
        .attribute("skillName", "Sales").attribute("engagementId", "3419228491").attribute("language", "en-US")
        .build();
    ChatInfo decoded = decode(payload(expected, Variation.CANONICAL));
    assertThat(decoded).isEqualTo(expected);
    assertEquals(List.of("skillName", "engagementId", "language"), new ArrayList<>(decoded.attributes().keySet()));
  }

  /**
   * Proves state and typing values are read whatever their case ({@code CHATTING},
   * {@code Not-Typing}), and the state's text is kept exactly as sent in {@link ChatInfo#rawState()}.
   */
  @Test
  public void readsStateAndTypingInAnyCaseKeepingTheRawState() {
    ChatInfo sent = ChatInfoFixtures.chattingBuilder().rawState("CHATTING").agentTyping(TypingStatus.NOT_TYPING).build();
    String text = new String(payload(sent, Variation.CANONICAL), StandardCharsets.UTF_8).replace("not-typing", "Not-Typing");
    assertThat(decode(text.getBytes(StandardCharsets.UTF_8))).isChatting().hasRawState("CHATTING").agentIsNotTyping();
  }

  /**
   * Proves a state or typing value the codec does not know ({@code transferring},
   * {@code unknown}) reads as {@code UNKNOWN} rather than failing, with the state's text kept, and
   * that such a chat is not active.
   */
  @Test
  public void readsUnknownValuesAsUnknownKeepingTheRawState() {
    ChatInfo sent = ChatInfoFixtures.chattingBuilder().rawState("transferring").build();
    String text = new String(payload(sent, Variation.CANONICAL), StandardCharsets.UTF_8).replace("\"typing\"", "\"unknown\"")
        .replace(">typing<", ">unknown<");
    ChatInfo decoded = decode(text.getBytes(StandardCharsets.UTF_8));
    assertThat(decoded).hasState(ChatState.UNKNOWN).hasRawState("transferring").hasVisitorTyping(TypingStatus.UNKNOWN);
    assertFalse(decoded.isActive());
  }

  /**
   * Proves a body with only the two required fields decodes, with every optional field absent and
   * the visitor named {@code visitor} by default.
   */
  @Test
  public void decodesTheMinimalChat() {
    ChatInfo expected = ChatInfo.builder().state(ChatState.WAITING).chatSessionKey("K1").build();
    assertThat(decode(payload(expected, Variation.CANONICAL))).isEqualTo(expected).hasVisitorName("visitor")
        .hasNoAgentName().hasNoAgentId();
  }

  /**
   * Proves the participant id of a single sign-on chat is read, and non-ASCII text (a visitor named
   * {@code Zoë Müller}) comes through unchanged.
   */
  @Test
  public void decodesASingleSignOnChatWithItsParticipantId() {
    ChatInfo expected = ChatInfoFixtures.chattingWithSsoVisitor();
    assertThat(decode(payload(expected, Variation.PRETTY))).isEqualTo(expected)
        .hasParticipantId("8d7c2b1a-3e4f-4a5b-9c6d-7e8f9a0b1c2d").hasVisitorName("Zoë Müller");
  }

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

  // ----- helpers -----

  static final String BASE = "https://va-a.agentvep.liveperson.net/api/account/56072331/agentSession/"
      + "ad0b0e5a-fake-agent-session/chat/H3128476291385426589-c0a8/";

  /**
   * The info with the service's four links.
   *
   * @param info chat information
   * @return a copy with links
   */
  protected static ChatInfo withLinks(ChatInfo info) {
    return info.toBuilder().links(List.of(new Link(Link.SELF, BASE + "info"),
        new Link(Link.VISITOR_NAME, BASE + "visitorName"), new Link(Link.VISITOR_TYPING, BASE + "visitorTyping"),
        new Link(Link.AGENT_TYPING, BASE + "agentTyping"))).build();
  }

  /**
   * Decodes bytes with the codec under test.
   *
   * @param body the body
   * @return the decoded value
   */
  protected ChatInfo decode(byte[] body) {
    return codec().decode(new ByteArrayInputStream(body));
  }

  /**
   * Encodes with the codec under test.
   *
   * @param info the value
   * @return the bytes
   */
  protected byte[] encode(ChatInfo info) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    codec().encode(info, out);
    return out.toByteArray();
  }

  /**
   * Asserts decoding fails with {@code MALFORMED_RESPONSE}, and that the message names the field.
   *
   * @param body the body
   * @param field the field the message must name, or null
   */
  protected void assertMalformed(byte[] body, String field) {
    try {
      ChatInfo info = decode(body);
      fail("expected MALFORMED_RESPONSE but decoded " + info);
    } catch (ChatInfoException e) {
      assertEquals(Kind.MALFORMED_RESPONSE, e.kind(), e.getMessage());
      assertTrue(e.getMessage() != null && !e.getMessage().isBlank(), "a failure needs a message");
      if (field != null) {
        assertTrue(e.getMessage().contains(field), "the message should name " + field + ": " + e.getMessage());
      }
    }
  }
}
