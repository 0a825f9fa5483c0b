package dev.chatinfo.it.osgi;

import static dev.chatinfo.it.osgi.OsgiInstallation.headerOfLastRequest;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chatinfo.api.ChatInfo;
import dev.chatinfo.api.ChatRef;
import dev.chatinfo.api.codec.ChatInfoCodec;
import dev.chatinfo.testkit.ChatInfoFixtures;
import dev.chatinfo.testkit.FakeChatServer;
import dev.chatinfo.testkit.junit.FakeChatServerExtension;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.osgi.framework.Bundle;

/**
 * The Kotlin-free path in OSGi: Felix with chatinfo-api, -client, -transport-jdk and -codec-xml,
 * Resilience4j (with SLF4J 1.7 and a binding), simple-xml-safe (wrapped) and SPI Fly, and no
 * Kotlin, OkHttp, Okio, Retrofit or Moshi bundle; a client built inside the framework finds the
 * JDK transport through SPI Fly and fetches XML from a {@link FakeChatServer} outside it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(FakeChatServerExtension.class)
class KotlinFreeOsgiTest {

  private static final List<BundleJar> JARS = BundleJar.JDK_AND_XML;

  /** What a Kotlin or Square bundle's symbolic name or file name holds. */
  private static final Pattern KOTLIN_OR_SQUARE = Pattern.compile("kotlin|okhttp|okio|retrofit|moshi|squareup");

  private OsgiInstallation osgi;
  private FakeChatServer server;

  @BeforeAll
  void startFrameworkWithTheJdkTransportAndTheXmlCodec(FakeChatServer server) throws Exception {
    this.server = server;
    osgi = OsgiInstallation.start("jdk-and-xml", JARS);
  }

  @AfterAll
  void stopFramework() throws Exception {
    if (osgi != null) {
      osgi.close();
    }
  }

  @Test
  void everyBundleIsActiveAndNoneIsKotlinOrSquare() {
    osgi.assertEveryBundleActive(JARS);
    List<String> kotlinOrSquare = Arrays.stream(osgi.osgi.context().getBundles())
        .map(OsgiRuntime::describe)
        .filter(b -> KOTLIN_OR_SQUARE.matcher(b.toLowerCase(Locale.ROOT)).find())
        .collect(Collectors.toList());
    assertEquals(List.of(), kotlinOrSquare, "Kotlin or Square bundles installed");
    assertEquals(
        List.of("com.carrotsearch.thirdparty.simple-xml-safe", "dev.chatinfo.api", "dev.chatinfo.client",
            "dev.chatinfo.codec.xml", "dev.chatinfo.it.osgi.probe", "dev.chatinfo.transport.jdk",
            "io.github.resilience4j.resilience4j-circuitbreaker", "io.github.resilience4j.resilience4j-core",
            "io.github.resilience4j.resilience4j-retry",
            "org.apache.aries.spifly.dynamic.bundle", "org.objectweb.asm", "org.objectweb.asm.commons",
            "org.objectweb.asm.tree", "org.objectweb.asm.tree.analysis", "org.objectweb.asm.util",
            "slf4j.api", "slf4j.jdk14"),
        osgi.bundles.stream().map(Bundle::getSymbolicName).sorted().collect(Collectors.toList()));
    assertEquals(List.of("simple-xml-safe"), List.copyOf(osgi.wrappedManifests.keySet()), "wrapped by bnd");
  }

  @Test
  void theJdkTransportAndTheXmlCodecAreTheOnlyServices() throws Exception {
    assertEquals(List.of("dev.chatinfo.transport.jdk"), osgi.serviceBundles(OsgiInstallation.TRANSPORT_SERVICE),
        "transport services: is SPI Fly active?");
    assertEquals(Map.of("count", "1", "transport.jdk", "registered for dev.chatinfo.transport.jdk"),
        osgi.probe(Map.of("op", "transports")));
    assertEquals(List.of("dev.chatinfo.codec.xml"), osgi.serviceBundles(ChatInfoCodec.class.getName()));
    assertEquals(Map.of("count", "1",
            "codec.0", "application/xml dev.chatinfo.codec.xml.SimpleXmlChatInfoCodec from dev.chatinfo.codec.xml"),
        osgi.probe(Map.of("op", "installed")));
  }

  @Test
  void fetchesXmlThroughTheJdkTransportFoundBySpiFly() {
    ChatRef ref = server.addChat(ChatInfoFixtures.chatting());
    Map<String, String> fetched = osgi.fetch(server, ref, "application/xml");
    ChatInfo served = server.chat(ref);
    assertAll(
        () -> assertFalse(fetched.containsKey("error"), () -> "the fetch failed: " + fetched.get("error")),
        () -> assertEquals(served.toString(), fetched.get("toString"), "decoded inside the framework"),
        () -> assertEquals("chatting", fetched.get("state")),
        () -> assertEquals("dev.chatinfo.codec.xml.SimpleXmlChatInfoCodec", fetched.get("codec")),
        () -> assertEquals("dev.chatinfo.client", fetched.get("sourceBundle")),
        () -> assertTrue(fetched.get("client").contains("JdkTransport"),
            () -> "the transport found through ServiceLoader in dev.chatinfo.client: " + fetched.get("client")),
        () -> assertEquals("application/xml", headerOfLastRequest(server, "Accept")),
        () -> assertTrue(headerOfLastRequest(server, "User-Agent").startsWith("Java-http-client/"),
            () -> "sent by java.net.http: " + headerOfLastRequest(server, "User-Agent")));
    assertEquals(List.of("org.apache.aries.spifly.dynamic.bundle"), osgi.spiFlyWiresOf("dev.chatinfo.client"),
        "SPI Fly wove the client's ServiceLoader call");
  }

  @Test
  void fetchesXmlWithTheInstalledCodecWhenNoneIsGiven() {
    ChatRef ref = server.addChat(ChatInfoFixtures.ended());
    Map<String, String> fetched = osgi.fetch(server, ref, null);
    assertAll(
        () -> assertFalse(fetched.containsKey("error"), () -> "the fetch failed: " + fetched.get("error")),
        () -> assertEquals("ended", fetched.get("state")),
        () -> assertEquals("Ann", fetched.get("visitorName")),
        () -> assertEquals("application/xml", headerOfLastRequest(server, "Accept")));
  }
}
