package dev.chatinfo.codec.xml;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.chatinfo.api.ChatInfo;
import dev.chatinfo.api.ChatInfoException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/** Properties of the codec over generated chat information and mutated payloads. */
class SimpleXmlChatInfoCodecPropertiesTest {

  @Property(tries = 1000)
  void decodingTheEncodingGivesBackTheSameChatInfo(@ForAll("chatInfos") ChatInfo info) {
    assertEquals(info, Payloads.decode(Payloads.encode(info)));
  }

  @Property(tries = 300)
  void decodingTheEncodingReEncodedInUtf16GivesBackTheSameChatInfo(
      @ForAll("chatInfos") ChatInfo info) {
    String xml = new String(Payloads.encode(info), StandardCharsets.UTF_8)
        .replace("encoding=\"UTF-8\"", "encoding=\"UTF-16\"");
    assertEquals(info, Payloads.decode(xml.getBytes(StandardCharsets.UTF_16)));
  }

  @Property(tries = 2000)
  void anyMutationOfAValidPayloadDecodesOrFailsAsMalformed(
      @ForAll("payloads") byte[] valid, @ForAll("mutations") List<Mutation> mutations) {
    byte[] body = valid;
    for (Mutation mutation : mutations) {
      body = mutation.apply(body);
    }
    try {
      Payloads.decode(body);
    } catch (ChatInfoException e) {
      assertEquals(ChatInfoException.Kind.MALFORMED_RESPONSE, e.kind(), e::toString);
    }
  }

  @Provide
  Arbitrary<ChatInfo> chatInfos() {
    return WireArbitraries.chatInfos();
  }

  @Provide
  Arbitrary<byte[]> payloads() {
    return Arbitraries.frequencyOf(
        Tuple.of(3, WireArbitraries.chatInfos().map(Payloads::encode)),
        Tuple.of(1, Arbitraries.of(
            Payloads.PRETTY.getBytes(StandardCharsets.UTF_8),
            Payloads.COMPACT.getBytes(StandardCharsets.UTF_8),
            ("<chat><events/>" + Payloads.COMPACT + "</chat>").getBytes(StandardCharsets.UTF_8),
            Payloads.PRETTY.replace("UTF-8", "UTF-16").getBytes(StandardCharsets.UTF_16))));
  }

  @Provide
  Arbitrary<List<Mutation>> mutations() {
    Arbitrary<byte[]> inserted = Arbitraries.frequencyOf(
        Tuple.of(2, Arbitraries.of("<", ">", "&", "/", "\"", "'", "=", ";", " ", "\r", "]]>",
            "<![CDATA[", "<!--", "-->", "&amp;", "&#13;", "&#0;", "&#xD800;", "&x;", "&lt",
            "<!DOCTYPE info>", "<!DOCTYPE info [<!ENTITY x \"y\">]>", "<!ENTITY x \"y\">",
            "<?xml version=\"1.1\"?>", "<a>", "</a>", "<info>", "</info>", "<chat>", "</chat>",
            "<state>", "</state>", "<agentId>", "</agentId>", "1e3", "-", "9223372036854775808",
            "<link href=\"h\" rel=\"r\"/>", "<link/>", "<chatSessionKey/>", "<x><y>z</y></x>")
            .map(s -> s.getBytes(StandardCharsets.UTF_8))),
        Tuple.of(1, Arbitraries.bytes().array(byte[].class).ofMinSize(1).ofMaxSize(4)),
        Tuple.of(1, Arbitraries.of(new byte[] {(byte) 0xFF}, new byte[] {(byte) 0xC0},
            new byte[] {(byte) 0xE2, (byte) 0x82}, new byte[] {0}, new byte[] {(byte) 0xED,
                (byte) 0xA0, (byte) 0x80})));
    Arbitrary<Mutation> mutation = Combinators.combine(
        Arbitraries.of(Mutation.Kind.class),
        Arbitraries.doubles().between(0, 1),
        Arbitraries.integers().between(1, 64),
        inserted).as(Mutation::new);
    return mutation.list().ofMinSize(1).ofMaxSize(6);
  }

  /** One change to a body. */
  static final class Mutation {
    enum Kind { DELETE, INSERT, REPLACE, DUPLICATE, TRUNCATE, FLIP_BIT }

    private final Kind kind;
    private final double where;
    private final int length;
    private final byte[] bytes;

    Mutation(Kind kind, double where, int length, byte[] bytes) {
      this.kind = kind;
      this.where = where;
      this.length = length;
      this.bytes = bytes;
    }

    byte[] apply(byte[] body) {
      int at = (int) (where * body.length);
      int end = Math.min(body.length, at + length);
      ByteArrayOutputStream out = new ByteArrayOutputStream(body.length + bytes.length);
      switch (kind) {
        case DELETE:
          out.write(body, 0, at);
          out.write(body, end, body.length - end);
          break;
        case INSERT:
          out.write(body, 0, at);
          out.write(bytes, 0, bytes.length);
          out.write(body, at, body.length - at);
          break;
        case REPLACE:
          out.write(body, 0, at);
          out.write(bytes, 0, bytes.length);
          out.write(body, end, body.length - end);
          break;
        case DUPLICATE:
          out.write(body, 0, end);
          out.write(body, at, body.length - at);
          break;
        case TRUNCATE:
          out.write(body, 0, at);
          break;
        case FLIP_BIT:
          byte[] copy = body.clone();
          if (at < copy.length) {
            copy[at] ^= (byte) (1 << (length % 8));
          }
          return copy;
        default:
          throw new IllegalStateException(kind.toString());
      }
      return out.toByteArray();
    }

    @Override
    public String toString() {
      return kind + "@" + where + "x" + length + "(" + new String(bytes, StandardCharsets.ISO_8859_1)
          + ")";
    }
  }
}
