package dev.chatinfo.codec.json;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.chatinfo.api.ChatInfo;
import dev.chatinfo.api.ChatInfoException;
import dev.chatinfo.api.Link;
import dev.chatinfo.api.TypingStatus;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.Year;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Builders;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.Tuple.Tuple2;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.statistics.Statistics;

/** Properties over arbitrary chat information and arbitrary damage to payloads. */
class CodecPropertiesTest {

  // ---- round trip ----

  @Property(tries = 500)
  void decodesWhatItEncodes(@ForAll("chatInfos") ChatInfo info) {
    ChatInfo decoded = Payloads.decode(Payloads.encode(info));
    assertEquals(info, decoded);
    assertEquals(List.copyOf(info.attributes().keySet()), List.copyOf(decoded.attributes().keySet()),
        "attributes keep their order");
  }

  @Property(tries = 200)
  void decodesWhatItEncodesWhateverHowTheBodyArrives(@ForAll("chatInfos") ChatInfo info,
      @ForAll @IntRange(min = 1, max = 9) int bytesPerRead) {
    assertEquals(info, Payloads.CODEC.decode(chunked(Payloads.encode(info), bytesPerRead)));
  }

  @Property(tries = 100)
  void decodesTheRealPayloadsWhateverHowTheBodyArrives(
      @ForAll @IntRange(min = 1, max = 300) int bytesPerRead) {
    assertEquals(Payloads.realistic().build(),
        Payloads.CODEC.decode(chunked(Payloads.utf8(Payloads.REALISTIC), bytesPerRead)));
    assertEquals(Payloads.unicode(),
        Payloads.CODEC.decode(chunked(Payloads.utf8(Payloads.UNICODE_COMPACT), bytesPerRead)));
  }

  // ---- damage ----

  @Property(tries = 3000)
  void anyMutationOfAValidPayloadDecodesOrIsRefusedAsMalformed(@ForAll("payloads") byte[] payload,
      @ForAll @Size(min = 1, max = 4) List<@From("mutations") Mutation> mutations) {
    byte[] damaged = payload;
    for (Mutation mutation : mutations) {
      damaged = mutation.applyTo(damaged);
    }
    ChatInfo decoded = null;
    try {
      decoded = Payloads.decode(damaged);
    } catch (ChatInfoException e) {
      assertEquals(ChatInfoException.Kind.MALFORMED_RESPONSE, e.kind(), e::getMessage);
    }
    if (decoded != null) {
      // What still decodes is valid chat information, and survives a round trip.
      assertEquals(decoded, Payloads.decode(Payloads.encode(decoded)));
    }
    Statistics.label("outcome").collect(decoded == null ? "refused" : "decoded");
    Statistics.label("outcome").coverage(coverage -> {
      coverage.check("refused").percentage(p -> p > 30);
      coverage.check("decoded").percentage(p -> p > 5);
    });
  }

  /** One change to a payload: flip a byte, insert one, delete one, or cut the payload. */
  record Mutation(Kind kind, double where, byte value) {
    enum Kind { REPLACE, INSERT, DELETE, TRUNCATE }

    byte[] applyTo(byte[] in) {
      int at = (int) (where * in.length);
      switch (kind) {
        case REPLACE:
          if (in.length == 0) {
            return in;
          }
          byte[] replaced = in.clone();
          replaced[Math.min(at, in.length - 1)] = value;
          return replaced;
        case INSERT: {
          byte[] out = new byte[in.length + 1];
          System.arraycopy(in, 0, out, 0, at);
          out[at] = value;
          System.arraycopy(in, at, out, at + 1, in.length - at);
          return out;
        }
        case DELETE: {
          if (in.length == 0) {
            return in;
          }
          int gone = Math.min(at, in.length - 1);
          byte[] out = new byte[in.length - 1];
          System.arraycopy(in, 0, out, 0, gone);
          System.arraycopy(in, gone + 1, out, gone, in.length - gone - 1);
          return out;
        }
        default:
          return Arrays.copyOf(in, at);
      }
    }
  }

  @Provide
  Arbitrary<Mutation> mutations() {
    Arbitrary<Byte> significant = Arbitraries.of(bytes("{}[]\":,\\ \t\n0123456789-+.eEtfnul/'#u@"));
    Arbitrary<Byte> any = Arbitraries.bytes();
    Arbitrary<Byte> high = Arbitraries.of((byte) 0x80, (byte) 0xBF, (byte) 0xC0, (byte) 0xC3,
        (byte) 0xE0, (byte) 0xED, (byte) 0xEF, (byte) 0xF0, (byte) 0xF4, (byte) 0xF5, (byte) 0xFF,
        (byte) 0x00, (byte) 0x1F);
    Arbitrary<Byte> values = frequency(List.of(Tuple.of(4, significant), Tuple.of(2, any),
        Tuple.of(2, high)));
    return Combinators.combine(Arbitraries.of(Mutation.Kind.class),
        Arbitraries.doubles().between(0, 1).withSpecialValue(0.0).withSpecialValue(0.999_999),
        values).as(Mutation::new);
  }

  @Provide
  Arbitrary<byte[]> payloads() {
    Arbitrary<byte[]> written = Arbitraries.of(Payloads.REALISTIC, Payloads.REALISTIC_COMPACT,
        Payloads.UNICODE_COMPACT,
        "{\"chat\":{\"events\":[{\"e\":[1,2.5e3,true,null]}],\"info\":" + Payloads.REALISTIC_COMPACT
            .substring("{\"info\":".length(), Payloads.REALISTIC_COMPACT.length() - 1) + "}}",
        Payloads.info("\"link\":{\"href\":\"h\",\"rel\":\"self\"},\"agentId\":\"25025413\","
            + "\"startTime\":1517231983976,\"x\":{\"y\":[[{}]]}"))
        .map(Payloads::utf8);
    Arbitrary<byte[]> encoded = chatInfos().map(Payloads::encode);
    return frequency(List.of(Tuple.of(3, written), Tuple.of(1, encoded)));
  }

  // ---- generators of valid chat information ----

  @Provide
  Arbitrary<ChatInfo> chatInfos() {
    return Builders.withBuilder(ChatInfo::builder)
        .use(rawStates()).in(ChatInfo.Builder::rawState)
        .use(text(40).filter(s -> !s.isEmpty())).in(ChatInfo.Builder::chatSessionKey)
        .use(paddedText(30)).withProbability(0.7).in(ChatInfo.Builder::agentName)
        .use(Arbitraries.longs()).withProbability(0.7).in((b, id) -> b.agentId(id))
        .use(times()).withProbability(0.7).in(ChatInfo.Builder::startTime)
        .use(times()).withProbability(0.7).in(ChatInfo.Builder::lastUpdate)
        .use(Arbitraries.longs().between(0, Long.MAX_VALUE).map(Duration::ofSeconds))
        .withProbability(0.7).in(ChatInfo.Builder::chatTimeout)
        .use(Arbitraries.longs()).withProbability(0.7).in((b, id) -> b.visitorId(id))
        .use(Arbitraries.of(TypingStatus.class)).in(ChatInfo.Builder::agentTyping)
        .use(Arbitraries.of(TypingStatus.class)).in(ChatInfo.Builder::visitorTyping)
        .use(paddedText(30)).withProbability(0.7).in(ChatInfo.Builder::visitorName)
        .use(Arbitraries.longs()).withProbability(0.7).in((b, id) -> b.rtSessionId(id))
        .use(text(40)).withProbability(0.3).in(ChatInfo.Builder::participantId)
        .use(links().list().ofMaxSize(30)).in(ChatInfo.Builder::links)
        .use(attributes().list().ofMaxSize(30)).in((b, attributes) -> {
          attributes.forEach(a -> b.attribute(a.get1(), a.get2()));
          return b;
        })
        .build(ChatInfo.Builder::build);
  }

  static Arbitrary<String> rawStates() {
    return frequency(List.of(
        Tuple.of(3, Arbitraries.of("chatting", "waiting", "ended")),
        Tuple.of(1, Arbitraries.of("CHATTING", "Waiting", " ended\n", "unknown", "Transferring", "")),
        Tuple.of(2, paddedText(20))));
  }

  static Arbitrary<Link> links() {
    Arbitrary<String> rels = frequency(List.of(
        Tuple.of(2, Arbitraries.of(Link.SELF, Link.VISITOR_NAME, Link.VISITOR_TYPING, Link.AGENT_TYPING)),
        Tuple.of(1, text(20))));
    Arbitrary<String> hrefs = frequency(List.of(
        Tuple.of(2, Arbitraries.strings().alpha().numeric().ofMaxLength(20)
            .map(s -> Payloads.BASE + "/" + s)),
        Tuple.of(1, text(60))));
    return Combinators.combine(rels, hrefs).as(Link::new);
  }

  static Arbitrary<Tuple2<String, String>> attributes() {
    Arbitrary<String> names = Combinators.combine(
        Arbitraries.strings().withCharRange('a', 'z').withCharRange('A', 'Z').withChars('_').ofLength(1),
        Arbitraries.strings().withCharRange('a', 'z').withCharRange('A', 'Z')
            .withCharRange('0', '9').withChars('.', '-', '_').ofMaxLength(24))
        .as(String::concat)
        .filter(name -> !ChatInfo.FIELD_NAMES.contains(name));
    return Combinators.combine(names, paddedText(30)).as(Tuple::of);
  }

  static Arbitrary<OffsetDateTime> times() {
    Arbitrary<Integer> years = frequency(List.of(
        Tuple.of(5, Arbitraries.integers().between(0, 9999)),
        Tuple.of(1, Arbitraries.integers().between(Year.MIN_VALUE, Year.MAX_VALUE))));
    Arbitrary<Integer> nanos = frequency(List.of(
        Tuple.of(3, Arbitraries.integers().between(0, 999).map(ms -> ms * 1_000_000)),
        Tuple.of(1, Arbitraries.integers().between(0, 999_999).map(us -> us * 1_000)),
        Tuple.of(1, Arbitraries.integers().between(0, 999_999_999))));
    Arbitrary<ZoneOffset> offsets = frequency(List.of(
        Tuple.of(3, Arbitraries.of(ZoneOffset.UTC, ZoneOffset.ofHours(14), ZoneOffset.ofHours(-12),
            ZoneOffset.ofHours(-5), ZoneOffset.ofHoursMinutes(5, 30), ZoneOffset.ofHoursMinutes(5, 45),
            ZoneOffset.MAX, ZoneOffset.MIN)),
        Tuple.of(2, Arbitraries.integers().between(-18 * 3600, 18 * 3600)
            .map(ZoneOffset::ofTotalSeconds))));
    return Combinators.combine(years, Arbitraries.integers().between(1, 12),
        Arbitraries.integers().between(1, 28), Arbitraries.integers().between(0, 23),
        Arbitraries.integers().between(0, 59), Arbitraries.integers().between(0, 59), nanos, offsets)
        .as(OffsetDateTime::of);
  }

  /** Text the model accepts: any Unicode but what XML cannot carry, surrogate pairs included. */
  static Arbitrary<String> text(int maxLength) {
    Arbitrary<Integer> codePoints = frequency(List.of(
        Tuple.of(8, Arbitraries.integers().between(0x20, 0x7E)),
        Tuple.of(1, Arbitraries.of((int) '\t', (int) '\n', (int) '\r', (int) '"', (int) '\\', 0x7F,
            0xA0, 0x2028, 0x2029, 0xFEFF, 0xFFFD)),
        Tuple.of(2, Arbitraries.integers().between(0x80, 0xD7FF)),
        Tuple.of(1, Arbitraries.integers().between(0xE000, 0xFFFD)),
        Tuple.of(2, Arbitraries.integers().between(0x10000, 0x10FFFF))));
    return codePoints.list().ofMaxSize(maxLength).map(list -> {
      StringBuilder text = new StringBuilder();
      list.forEach(text::appendCodePoint);
      return text.toString();
    });
  }

  /** Text, sometimes with whitespace around it (which must be kept). */
  static Arbitrary<String> paddedText(int maxLength) {
    Arbitrary<String> space = Arbitraries.of("", " ", "  ", "\t", "\r\n", "\n ");
    return frequency(List.of(Tuple.of(3, text(maxLength)),
        Tuple.of(1, Combinators.combine(space, text(maxLength), space).as((a, t, b) -> a + t + b))));
  }

  static <T> Arbitrary<T> frequency(List<Tuple2<Integer, Arbitrary<T>>> choices) {
    return Arbitraries.frequencyOf(choices);
  }

  static Byte[] bytes(String ascii) {
    Byte[] out = new Byte[ascii.length()];
    for (int i = 0; i < out.length; i++) {
      out[i] = (byte) ascii.charAt(i);
    }
    return out;
  }

  /** A body whose stream hands out at most {@code bytesPerRead} bytes per read. */
  static InputStream chunked(byte[] body, int bytesPerRead) {
    return new ByteArrayInputStream(body) {
      @Override
      public synchronized int read(byte[] b, int off, int len) {
        return super.read(b, off, Math.min(len, bytesPerRead));
      }
    };
  }
}
