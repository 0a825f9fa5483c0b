package dev.chatinfo.codec.xml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chatinfo.api.ChatInfoException;
import dev.chatinfo.codec.xml.internal.NaiveXmlDecoder;
import dev.chatinfo.codec.xml.internal.NaiveXmlDecoder.NaiveInfo;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.UUID;
import javax.xml.stream.XMLInputFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The XML attacks, each run first against a naive decoder ({@link NaiveXmlDecoder}:
 * {@code XMLInputFactory.newInstance()} and Simple XML's default {@code Persister}), to show that
 * the attack works in this environment, then against the codec, which must refuse it with
 * MALFORMED_RESPONSE without reading anything outside the body.
 *
 * <p>Maven runs this class twice: with Woodstox on the test class path (then
 * {@code newInstance()} is Woodstox, see {@link XmlEnvironmentTest}) and without it (then it is
 * the JDK's parser). The codec's parser is the JDK's in both runs.
 */
class XmlHardeningTest {

  private static final String SECRET = "chatinfo-secret-" + UUID.randomUUID();
  private static final String SECOND_SECRET = "chatinfo-second-secret-" + UUID.randomUUID();
  private static final Duration QUICK = Duration.ofMillis(100);

  @TempDir
  static Path dir;

  private static Path secretFile;
  private static Path dtdFile;
  private static CountingHttpServer server;

  @BeforeAll
  static void writeSecretsAndStartServer() throws IOException {
    secretFile = Files.writeString(dir.resolve("secret.txt"), SECRET);
    Path second = Files.writeString(dir.resolve("second-secret.txt"), SECOND_SECRET);
    server = new CountingHttpServer("<!ENTITY pinged \"pinged\">");
    // An external DTD that, if ever read, fetches from the network and declares an entity holding
    // a second secret file.
    dtdFile = Files.writeString(dir.resolve("evil.dtd"),
        "<!ENTITY % remote SYSTEM \"" + server.uri("remote.dtd") + "\">\n%remote;\n"
            + "<!ENTITY leak SYSTEM \"" + second.toUri() + "\">\n");
  }

  @AfterAll
  static void stopServer() throws Exception {
    server.close();
  }

  /**
   * A naive decoder resolves the external entity: the file's content becomes the agent's name.
   * The codec refuses the DOCTYPE before any entity exists, and the secret appears nowhere.
   */
  @Test
  void refusesAnExternalEntityAndTheSecretAppearsNowhere() throws Exception {
    byte[] attack = externalEntity(StandardCharsets.UTF_8);
    assertEquals(SECRET, NaiveXmlDecoder.decode(attack).agentName);

    assertRefusedWithoutTrace(attack, SECRET);
  }

  /** The same, encoded in UTF-16: a decoder that only looks for "<!DOCTYPE" bytes misses it. */
  @Test
  void refusesAnExternalEntityInUtf16AndTheSecretAppearsNowhere() throws Exception {
    byte[] attack = externalEntity(StandardCharsets.UTF_16);
    assertEquals(SECRET, NaiveXmlDecoder.decode(attack).agentName);

    assertRefusedWithoutTrace(attack, SECRET);
  }

  /**
   * A naive decoder reads the external DTD, which fetches a second DTD from the network and
   * declares an entity with a second secret file. The codec never reads the DTD: the server gets
   * no request and the second secret appears nowhere.
   */
  @Test
  void neverReadsAnExternalDtd() throws Exception {
    byte[] attack = ("<?xml version=\"1.0\"?>\n<!DOCTYPE info SYSTEM \"" + dtdFile.toUri() + "\">\n"
        + "<info><state>chatting</state><chatSessionKey>K1</chatSessionKey>"
        + "<agentName>&leak;</agentName><visitorName>&pinged;</visitorName></info>")
        .getBytes(StandardCharsets.UTF_8);

    int before = server.requests();
    assertRefusedWithoutTrace(attack, SECOND_SECRET);
    assertEquals(before, server.requests(), "the codec fetched something");

    NaiveInfo naive = NaiveXmlDecoder.decode(attack);
    assertEquals(SECOND_SECRET, naive.agentName);
    assertEquals("pinged", naive.visitorName);
    assertTrue(server.requests() > before, "the naive decoder should have fetched the remote DTD");
  }

  /** A parameter entity in the internal subset: a naive decoder fetches it, the codec does not. */
  @Test
  void neverFetchesAParameterEntity() throws Exception {
    byte[] attack = ("<!DOCTYPE info [\n<!ENTITY % remote SYSTEM \"" + server.uri("p.dtd") + "\">\n"
        + "%remote;\n]>\n<info><state>chatting</state><chatSessionKey>K1</chatSessionKey>"
        + "<visitorName>&pinged;</visitorName></info>").getBytes(StandardCharsets.UTF_8);

    int before = server.requests();
    assertRefusedWithoutTrace(attack, "pinged");
    assertEquals(before, server.requests(), "the codec fetched something");

    assertEquals("pinged", NaiveXmlDecoder.decode(attack).visitorName);
    assertTrue(server.requests() > before);
  }

  /**
   * Billion laughs: ten entities each ten times the previous, 10^9 "lol"s (3 GB) from 1 KB. A
   * naive decoder expands entities until a limit of its provider stops it (measured here: the
   * JDK's parser after 64,000 expansions and about 300 ms, Woodstox 7 after 100,000 and about
   * 70 ms); a provider without such a limit never stops. So the codec must refuse quickly and
   * because of the DOCTYPE, before any entity is expanded.
   */
  @Test
  void refusesBillionLaughsQuicklyBeforeExpandingAnything() {
    StringBuilder dtd = new StringBuilder("<!DOCTYPE info [\n<!ENTITY lol0 \"lol\">\n");
    for (int i = 1; i < 10; i++) {
      dtd.append("<!ENTITY lol").append(i).append(" \"")
          .append(("&lol" + (i - 1) + ";").repeat(10)).append("\">\n");
    }
    byte[] attack = (dtd + "]>\n<info><state>chatting</state><chatSessionKey>&lol9;"
        + "</chatSessionKey></info>").getBytes(StandardCharsets.UTF_8);

    Exception naive = assertThrows(Exception.class, () -> NaiveXmlDecoder.decode(attack));
    assertTrue(naive.getMessage().toLowerCase(Locale.ROOT).contains("entity expansion"),
        naive::getMessage);

    assertRefusedQuickly(attack);
  }

  /**
   * The quadratic blow-up: one 50 KB entity referenced 50,000 times, 2.5 GB from a 200 KB body,
   * under any limit on the number of expansions. A naive decoder expands it: the JDK's parser
   * until its limit on the total size of entities, 50 million characters and hundreds of
   * milliseconds later (checked here when it is the provider), Woodstox 7 until it runs out of
   * memory (not run here, for that reason). The codec refuses the DOCTYPE at once.
   */
  @Test
  void refusesAQuadraticBlowUpQuicklyBeforeExpandingAnything() {
    byte[] attack = ("<!DOCTYPE info [<!ENTITY a \"" + "x".repeat(50_000) + "\">]>\n"
        + "<info><state>chatting</state><chatSessionKey>" + "&a;".repeat(50_000)
        + "</chatSessionKey></info>").getBytes(StandardCharsets.UTF_8);

    if (XMLInputFactory.newInstance().getClass().getName().startsWith("com.sun.xml.internal.")) {
      Exception naive = assertThrows(Exception.class, () -> NaiveXmlDecoder.decode(attack));
      assertTrue(naive.getMessage().contains("accumulated size of entities"), naive::getMessage);
    }

    assertRefusedQuickly(attack);
  }

  private static byte[] externalEntity(Charset charset) {
    String xml = "<?xml version=\"1.0\" encoding=\"" + charset.name() + "\"?>\n"
        + "<!DOCTYPE info [\n  <!ENTITY xxe SYSTEM \"" + secretFile.toUri() + "\">\n]>\n"
        + "<info><state>chatting</state><chatSessionKey>K1</chatSessionKey>"
        + "<agentName>&xxe;</agentName></info>";
    return xml.getBytes(charset);
  }

  private static ChatInfoException refused(byte[] attack) {
    ChatInfoException e = assertThrows(ChatInfoException.class, () -> Payloads.decode(attack));
    assertEquals(ChatInfoException.Kind.MALFORMED_RESPONSE, e.kind());
    return e;
  }

  private static void assertRefusedWithoutTrace(byte[] attack, String secret) {
    ChatInfoException e = refused(attack);
    assertTrue(e.getMessage().contains("DOCTYPE"), e::getMessage);
    StringWriter trace = new StringWriter();
    e.printStackTrace(new PrintWriter(trace));
    for (Throwable t = e; t != null; t = t.getCause()) {
      assertFalse(String.valueOf(t.getMessage()).contains(secret), "secret in " + t);
    }
    assertFalse(trace.toString().contains(secret), "secret in the stack trace");
  }

  private static void assertRefusedQuickly(byte[] attack) {
    refused(attack); // warm-up
    long start = System.nanoTime();
    ChatInfoException e = refused(attack);
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    assertTrue(e.getMessage().contains("DOCTYPE"), e::getMessage);
    assertTrue(took.compareTo(QUICK) < 0, "took " + took);
  }
}
