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

/** The cases of {@link ChatInfoCodecContract} that read every variation the service sends. */
abstract class AcceptedVariationCases extends CodecContractBase {

  AcceptedVariationCases() {}

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
}
