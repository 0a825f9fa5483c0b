package dev.chatinfo.codec.xml;

import dev.chatinfo.api.ChatInfo;
import dev.chatinfo.api.Link;
import dev.chatinfo.api.TypingStatus;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Builders;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/** Generators of valid chat information: any value the builder accepts, edge cases favoured. */
final class WireArbitraries {

  private WireArbitraries() {}

  /** Text XML 1.0 can carry: unicode (surrogate pairs included), whitespace, markup characters. */
  static Arbitrary<String> texts() {
    Arbitrary<String> codePoint = Arbitraries.frequencyOf(
        Tuple.of(6, Arbitraries.integers().between(0x20, 0x7E)),
        Tuple.of(2, Arbitraries.of(0x09, 0x0A, 0x0D, 0x20, 0x7F, 0x85, 0xA0, 0x2028, 0xFEFF)),
        Tuple.of(2, Arbitraries.integers().between(0x80, 0xD7FF)),
        Tuple.of(1, Arbitraries.integers().between(0xE000, 0xFFFD)),
        Tuple.of(2, Arbitraries.integers().between(0x10000, 0x10FFFF)))
        .map(Character::toString);
    Arbitrary<String> markup = Arbitraries.of("<", ">", "&", "\"", "'", "]]>", "\r\n", "\r",
        " ", "\t", "&amp;", "&#13;", "<![CDATA[", "-->", "<!--", "<?", "\uD83D\uDE00", "=");
    return Arbitraries.frequencyOf(Tuple.of(5, codePoint), Tuple.of(2, markup))
        .list().ofMaxSize(24).map(pieces -> String.join("", pieces));
  }

  static Arbitrary<String> nonEmptyTexts() {
    return texts().filter(text -> !text.isEmpty());
  }

  /** The state as the service may send it: known values in any case and spacing, or anything. */
  static Arbitrary<String> rawStates() {
    Arbitrary<String> known = Arbitraries.of("waiting", "chatting", "ended", "unknown")
        .flatMap(state -> Arbitraries.strings().withChars(" \t\r\n").ofMaxLength(2)
            .map(space -> space + randomCase(state, space.length())));
    return Arbitraries.frequencyOf(Tuple.of(2, known), Tuple.of(1, texts()));
  }

  private static String randomCase(String s, int seed) {
    StringBuilder out = new StringBuilder(s);
    for (int i = 0; i < out.length(); i++) {
      if (((i + seed) % 3) == 0) {
        out.setCharAt(i, Character.toUpperCase(out.charAt(i)));
      }
    }
    return out.toString();
  }

  /** Names an attribute can have (XML names too), known field names excluded. */
  static Arbitrary<String> attributeNames() {
    Arbitrary<String> generated = Combinators.combine(
        Arbitraries.strings().withCharRange('a', 'z').withCharRange('A', 'Z').withChars('_')
            .ofLength(1),
        Arbitraries.strings().withCharRange('a', 'z').withCharRange('A', 'Z')
            .withCharRange('0', '9').withChars("._-").ofMaxLength(20))
        .as((first, rest) -> first + rest);
    Arbitrary<String> odd = Arbitraries.of("xml", "xmlns", "XML-stylesheet", "xml.lang", "_",
        "a.b-c_d", "State", "LINK", "info", "chat", "href", "rel", "n".repeat(256));
    return Arbitraries.frequencyOf(Tuple.of(5, generated), Tuple.of(1, odd))
        .filter(name -> !ChatInfo.FIELD_NAMES.contains(name));
  }

  static Arbitrary<OffsetDateTime> times() {
    Arbitrary<Long> seconds = Arbitraries.longs()
        .between(-62_135_596_800L, 253_402_300_799L); // years 1 to 9999
    Arbitrary<Integer> nanos = Arbitraries.frequencyOf(
        Tuple.of(3, Arbitraries.integers().between(0, 999).map(ms -> ms * 1_000_000)),
        Tuple.of(1, Arbitraries.integers().between(0, 999_999).map(us -> us * 1_000)),
        Tuple.of(1, Arbitraries.integers().between(0, 999_999_999)));
    Arbitrary<ZoneOffset> offsets = Arbitraries.frequencyOf(
        Tuple.of(3, Arbitraries.integers().between(-18 * 60, 18 * 60).map(m -> m * 60)),
        Tuple.of(1, Arbitraries.integers().between(-18 * 3600, 18 * 3600)))
        .map(ZoneOffset::ofTotalSeconds);
    Arbitrary<OffsetDateTime> ordinary = Combinators.combine(seconds, nanos, offsets)
        .as((s, n, o) -> Instant.ofEpochSecond(s, n).atOffset(o));
    return Arbitraries.frequencyOf(Tuple.of(20, ordinary),
        Tuple.of(1, Arbitraries.of(OffsetDateTime.MIN, OffsetDateTime.MAX,
            OffsetDateTime.parse("-0001-01-01T00:00:00Z"),
            OffsetDateTime.parse("+10000-01-01T00:00:00.000000001+18:00"))));
  }

  static Arbitrary<Link> links() {
    return Combinators.combine(texts(), texts()).as(Link::new);
  }

  /** Any chat information the builder accepts. */
  static Arbitrary<ChatInfo> chatInfos() {
    Arbitrary<Map<String, String>> attributes = Arbitraries.maps(attributeNames(), texts())
        .ofMaxSize(12);
    return Builders.withBuilder(ChatInfo::builder)
        .use(rawStates()).in(ChatInfo.Builder::rawState)
        .use(nonEmptyTexts()).in(ChatInfo.Builder::chatSessionKey)
        .use(texts()).withProbability(0.7).in(ChatInfo.Builder::agentName)
        .use(Arbitraries.longs()).withProbability(0.7).in(ChatInfo.Builder::agentId)
        .use(times()).withProbability(0.7).in(ChatInfo.Builder::startTime)
        .use(times()).withProbability(0.7).in(ChatInfo.Builder::lastUpdate)
        .use(Arbitraries.longs().between(0, Long.MAX_VALUE).map(Duration::ofSeconds))
        .withProbability(0.7).in(ChatInfo.Builder::chatTimeout)
        .use(Arbitraries.longs()).withProbability(0.7).in(ChatInfo.Builder::visitorId)
        .use(Arbitraries.of(TypingStatus.class)).in(ChatInfo.Builder::agentTyping)
        .use(Arbitraries.of(TypingStatus.class)).in(ChatInfo.Builder::visitorTyping)
        .use(texts()).withProbability(0.7).in(ChatInfo.Builder::visitorName)
        .use(Arbitraries.longs()).withProbability(0.7).in(ChatInfo.Builder::rtSessionId)
        .use(texts()).withProbability(0.3).in(ChatInfo.Builder::participantId)
        .use(links().list().ofMaxSize(12)).in(ChatInfo.Builder::links)
        .use(attributes).in(ChatInfo.Builder::attributes)
        .build(ChatInfo.Builder::build);
  }
}
