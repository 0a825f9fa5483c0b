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
 * What every case of {@link ChatInfoCodecContract} shares: the hook ({@link #codec()}), the
 * payloads of each wire variation, and the decode, encode and refusal helpers.
 */
abstract class CodecContractBase {

  CodecContractBase() {}

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
