package dev.chatinfo.benchmarks;

import dev.chatinfo.api.ChatInfo;
import dev.chatinfo.api.ChatRef;
import dev.chatinfo.testkit.ChatInfoFixtures;
import dev.chatinfo.testkit.FakeChatServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * The payloads every benchmark reads and writes: the LivePerson-shaped {@code info} resource of a
 * chatting single-sign-on visitor, exactly as the testkit's {@link FakeChatServer} serves it (4
 * links to itself, all 13 scalar fields, 2 attributes), once as JSON and once as XML.
 *
 * <p>They are fetched once, over real HTTP, from a server started for the purpose, so that the
 * benchmarks measure the bytes the tests and the fake server agree on.
 */
public final class Payloads {

  /** The JSON body. */
  public final byte[] json;
  /** The XML body. */
  public final byte[] xml;
  /** What both bodies hold, as the server stores it (links included). */
  public final ChatInfo expected;

  private static volatile Payloads shared;

  private Payloads(byte[] json, byte[] xml, ChatInfo expected) {
    this.json = json;
    this.xml = xml;
    this.expected = expected;
  }

  /**
   * The payloads, fetched on first use.
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
      return new Payloads(json, xml, server.chat(ref));
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
