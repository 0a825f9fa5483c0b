package dev.chatinfo.benchmarks;

import dev.chatinfo.api.ChatInfo;
import dev.chatinfo.api.ChatRef;
import dev.chatinfo.codec.json.MoshiChatInfoCodec;
import dev.chatinfo.codec.xml.SimpleXmlChatInfoCodec;
import dev.chatinfo.testkit.ChatInfoFixtures;
import dev.chatinfo.testkit.FakeChatServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/**
 * The payloads the benchmarks read and write, each once as JSON and once as XML (JMH parameter
 * {@code payload} of the codec benchmarks, {@link #NAMES}):
 * <ul>
 *   <li>{@code fixture}: the LivePerson-shaped {@code info} resource of a chatting single-sign-on
 *       visitor, exactly as the testkit's {@link FakeChatServer} serves it (4 links to itself, all
 *       13 scalar fields, 2 attributes), fetched once over real HTTP from a server started for the
 *       purpose, so that the benchmarks measure the bytes the tests and the fake server agree on;
 *       the fetch and cold-start benchmarks serve this one;</li>
 *   <li>{@code agent} and {@code server}: the examples of LivePerson's Chat Agent API and Server
 *       Chat API documentation, resources under {@code /payloads/} (their {@code README.md} names
 *       the pages). What they hold is what chatinfo's JSON and XML codecs read from them, and the
 *       two must agree.</li>
 * </ul>
 */
public final class Payloads {

  /** The payload sets, in report order. */
  public static final List<String> NAMES = List.of("fixture", "agent", "server");

  /** The name of the set: one of {@link #NAMES}. */
  public final String name;
  /** The JSON body. */
  public final byte[] json;
  /** The XML body. */
  public final byte[] xml;
  /**
   * What both bodies hold: for the fixture, as the server stores it (links included); for the
   * documented payloads, as chatinfo's codecs read them.
   */
  public final ChatInfo expected;

  private static volatile Payloads shared;

  private Payloads(String name, byte[] json, byte[] xml, ChatInfo expected) {
    this.name = name;
    this.json = json;
    this.xml = xml;
    this.expected = expected;
  }

  /**
   * One payload set.
   *
   * @param name one of {@link #NAMES}
   * @return the payloads: the fixture's fetched on first use, the documented ones read anew
   * @throws IllegalArgumentException if the name is not one of {@link #NAMES}
   * @throws IllegalStateException if chatinfo's JSON and XML codecs read a documented payload
   *     differently
   */
  public static Payloads get(String name) {
    switch (name) {
      case "fixture":
        return get();
      case "agent":
      case "server":
        return documented(name);
      default:
        throw new IllegalArgumentException("no payload set '" + name + "': one of " + NAMES);
    }
  }

  /**
   * The fixture's payloads, fetched on first use.
   *
   * @return the payloads
   */
  public static Payloads get() {
    Payloads p = shared;
    if (p == null) {
      synchronized (Payloads.class) {
        p = shared;
        if (p == null) {
          p = fetch();
          shared = p;
        }
      }
    }
    return p;
  }

  /**
   * The chat every benchmark uses: {@link ChatInfoFixtures#chattingWithSsoVisitor()}.
   *
   * @return the fixture, without links (the server adds them)
   */
  public static ChatInfo fixture() {
    return ChatInfoFixtures.chattingWithSsoVisitor();
  }

  private static Payloads fetch() {
    try (FakeChatServer server = FakeChatServer.start(frozenClock())) {
      ChatRef ref = server.addChat(fixture());
      URI url = server.infoUrl(ref);
      byte[] json = get(url, server.token(), "application/json");
      byte[] xml = get(url, server.token(), "application/xml");
      return new Payloads("fixture", json, xml, server.chat(ref));
    }
  }

  private static Payloads documented(String name) {
    byte[] json = resource(name + ".json");
    byte[] xml = resource(name + ".xml");
    ChatInfo fromJson = new MoshiChatInfoCodec().decode(new ByteArrayInputStream(json));
    ChatInfo fromXml = new SimpleXmlChatInfoCodec().decode(new ByteArrayInputStream(xml));
    if (!fromJson.equals(fromXml)) {
      throw new IllegalStateException("payloads/" + name + ".json and .xml do not hold the same chat:\n  "
          + fromJson + "\n  " + fromXml);
    }
    return new Payloads(name, json, xml, fromJson);
  }

  private static byte[] resource(String file) {
    try (InputStream in = Payloads.class.getResourceAsStream("/payloads/" + file)) {
      if (in == null) {
        throw new IllegalStateException("payloads/" + file + " is missing: build with Maven");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A clock that does not move, so that a chat served for minutes never times out into
   * {@code ended} while it is being measured.
   *
   * @return the clock
   */
  public static Clock frozenClock() {
    return Clock.fixed(Instant.now(), ZoneOffset.UTC);
  }

  static byte[] get(URI url, String token, String accept) {
    try {
      HttpURLConnection c = (HttpURLConnection) url.toURL().openConnection();
      c.setRequestProperty("Authorization", "Bearer " + token);
      c.setRequestProperty("Accept", accept);
      if (c.getResponseCode() != 200) {
        throw new IllegalStateException("the fake server answered " + c.getResponseCode() + " for " + accept);
      }
      try (InputStream in = c.getInputStream()) {
        return in.readAllBytes();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
