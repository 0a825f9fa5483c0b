package dev.chatinfo.it.osgi;

import static dev.chatinfo.it.osgi.OsgiInstallation.headerOfLastRequest;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chatinfo.api.ChatInfo;
import dev.chatinfo.api.ChatRef;
import dev.chatinfo.api.codec.ChatInfoCodec;
import dev.chatinfo.testkit.ChatInfoFixtures;
import dev.chatinfo.testkit.FakeChatServer;
import dev.chatinfo.testkit.junit.FakeChatServerExtension;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.osgi.framework.Bundle;

/**
 * The OSGi proof: Apache Felix with the built chatinfo bundles and their dependencies, the Retrofit
 * transport and both codecs (the jars without OSGi headers wrapped by bnd), Apache Aries SPI Fly as
 * the service-loader mediator, and a probe bundle that builds a {@code ChatInfoClient} (its
 * transport found through SPI Fly) inside the framework and fetches from a {@link FakeChatServer}
 * running outside it. {@link KotlinFreeOsgiTest} does the same with the JDK transport and XML only.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(FakeChatServerExtension.class)
class OsgiFrameworkTest {

  private static final List<BundleJar> JARS = BundleJar.RETROFIT_AND_BOTH_CODECS;

  private OsgiInstallation osgi;
  private FakeChatServer server;

  @BeforeAll
  void startFrameworkWithEveryBundle(FakeChatServer server) throws Exception {
    this.server = server;
    osgi = OsgiInstallation.start("retrofit-and-both-codecs", JARS);
  }

  @AfterAll
  void stopFramework() throws Exception {
    if (osgi != null) {
      osgi.close();
    }
  }

  @Test
  void everyBundleIsActive() {
    osgi.assertEveryBundleActive(JARS);
  }

  @Test
  void theTestClassPathHoldsNoClassThatABundleProvides() {
    for (String name :
        List.of(
            "dev.chatinfo.codec.json.MoshiChatInfoCodec",
            "dev.chatinfo.codec.xml.SimpleXmlChatInfoCodec",
            "dev.chatinfo.client.ChatInfoClient",
            "dev.chatinfo.transport.retrofit.RetrofitTransport",
            "dev.chatinfo.transport.jdk.JdkTransport",
            "okhttp3.OkHttpClient",
            "retrofit2.Retrofit",
            "com.squareup.moshi.JsonReader",
            "org.simpleframework.xml.core.Persister",
            "okio.Buffer",
            "kotlin.Unit",
            "io.github.resilience4j.retry.Retry")) {
      assertThrows(
          ClassNotFoundException.class,
          () -> Class.forName(name, false, getClass().getClassLoader()),
          () -> name + " is on the test's class path: only the framework may load it");
    }
  }

  @Test
  void wrapsExactlyTheJarsWithoutOsgiHeaders() throws IOException {
    for (BundleJar jar : JARS) {
      Manifest original = BundleJar.manifest(osgi.originalJars.get(jar.artifactId()));
      String symbolicName = original.getMainAttributes().getValue("Bundle-SymbolicName");
      if (jar.needsWrapping()) {
        assertNull(symbolicName, jar.artifactId() + " has OSGi headers now: install it as is");
      } else {
        assertNotNull(symbolicName, jar.artifactId() + " has no OSGi headers: wrap it");
      }
    }
    assertEquals(Set.of("okhttp", "retrofit", "moshi", "simple-xml-safe"), osgi.wrappedManifests.keySet());
    assertAll(
        () -> assertExportsAtItsVersion("okhttp", "okhttp3"),
        () -> assertExportsAtItsVersion("retrofit", "retrofit2"),
        () -> assertExportsAtItsVersion("moshi", "com.squareup.moshi"),
        () -> assertExportsAtItsVersion("simple-xml-safe", "org.simpleframework.xml"),
        () -> assertEquals("true", header("retrofit", "Multi-Release")),
        () -> assertEquals("true", header("moshi", "Multi-Release")),
        () -> assertTrue(header("okhttp", "Import-Package").contains("android.os;resolution:=optional"),
            () -> "okhttp imports: " + header("okhttp", "Import-Package")));
  }

  private void assertExportsAtItsVersion(String artifactId, String packageName) {
    String version =
        JARS.stream()
            .filter(j -> j.artifactId().equals(artifactId))
            .findFirst()
            .orElseThrow()
            .version(osgi.originalJars.get(artifactId));
    String clause = packageName + ";version=\"" + version + "\"";
    String exports = header(artifactId, "Export-Package");
    assertTrue(exports.contains(clause), () -> artifactId + " should export " + clause + ": " + exports);
  }

  private String header(String artifactId, String name) {
    return osgi.wrappedManifests.get(artifactId).getMainAttributes().getValue(name);
  }

  @Test
  void bothCodecsAreOsgiServicesOnePerMediaType() throws Exception {
    assertEquals(List.of("dev.chatinfo.codec.json", "dev.chatinfo.codec.xml"),
        osgi.serviceBundles(ChatInfoCodec.class.getName()), "codec services: is SPI Fly active?");
    Map<String, String> seen = osgi.probe(Map.of("op", "codec-services"));
    assertEquals(
        Map.of(
            "count", "2",
            "service.application/json",
                "dev.chatinfo.codec.json.MoshiChatInfoCodec registered for dev.chatinfo.codec.json",
            "service.application/xml",
                "dev.chatinfo.codec.xml.SimpleXmlChatInfoCodec registered for dev.chatinfo.codec.xml"),
        seen);
  }

  @Test
  void chatInfoCodecsInstalledFindsBothCodecsInsideTheFramework() {
    Map<String, String> installed = osgi.probe(Map.of("op", "installed"));
    assertEquals(
        Map.of(
            "count", "2",
            "codec.0", "application/json dev.chatinfo.codec.json.MoshiChatInfoCodec from dev.chatinfo.codec.json",
            "codec.1", "application/xml dev.chatinfo.codec.xml.SimpleXmlChatInfoCodec from dev.chatinfo.codec.xml"),
        installed,
        "ChatInfoCodecs.installed() inside the framework (ServiceLoader in dev.chatinfo.api, woven by SPI Fly)");
    assertEquals(List.of("org.apache.aries.spifly.dynamic.bundle"), osgi.spiFlyWiresOf("dev.chatinfo.api"),
        "SPI Fly wove the api's ServiceLoader call");
  }

  @Test
  void theRetrofitTransportIsAnOsgiServiceAndTheClientFindsItThroughSpiFly() throws Exception {
    assertEquals(List.of("dev.chatinfo.transport.retrofit"),
        osgi.serviceBundles(OsgiInstallation.TRANSPORT_SERVICE), "transport services: is SPI Fly active?");
    assertEquals(Map.of("count", "1", "transport.retrofit", "registered for dev.chatinfo.transport.retrofit"),
        osgi.probe(Map.of("op", "transports")));
    // A client built inside the framework without a transport finds the one installed...
    ChatRef ref = server.addChat(ChatInfoFixtures.chatting());
    assertFetched(ref, osgi.fetch(server, ref, null));
    // ...because SPI Fly rewrote the client's ServiceLoader call, as the wire shows.
    assertEquals(List.of("org.apache.aries.spifly.dynamic.bundle"), osgi.spiFlyWiresOf("dev.chatinfo.client"),
        "SPI Fly wove the client's ServiceLoader call");
  }

  @Test
  void fetchesJsonThroughASourceBuiltInsideTheFramework() {
    ChatRef ref = server.addChat(ChatInfoFixtures.chatting());
    Map<String, String> fetched = osgi.fetch(server, ref, "application/json");
    assertFetched(ref, fetched);
    assertAll(
        () -> assertEquals("dev.chatinfo.codec.json.MoshiChatInfoCodec", fetched.get("codec")),
        () -> assertEquals("chatting", fetched.get("state")),
        () -> assertEquals("Barber", fetched.get("agentName")),
        () -> assertEquals("typing", fetched.get("visitorTyping")),
        () -> assertEquals("40", fetched.get("chatTimeoutSeconds")),
        () -> assertEquals("application/json", headerOfLastRequest(server, "Accept")));
  }

  @Test
  void fetchesXmlThroughASourceBuiltInsideTheFramework() {
    ChatRef ref = server.addChat(ChatInfoFixtures.ended());
    Map<String, String> fetched = osgi.fetch(server, ref, "application/xml");
    assertFetched(ref, fetched);
    assertAll(
        () -> assertEquals("dev.chatinfo.codec.xml.SimpleXmlChatInfoCodec", fetched.get("codec")),
        () -> assertEquals("ended", fetched.get("state")),
        () -> assertEquals("Barber", fetched.get("agentName")),
        () -> assertEquals("Ann", fetched.get("visitorName")),
        () -> assertEquals("(none)", fetched.get("chatTimeoutSeconds")),
        () -> assertEquals("application/xml", headerOfLastRequest(server, "Accept")));
  }

  @Test
  void fetchesWithTheInstalledCodecsWhenNoneIsGiven() {
    ChatRef ref = server.addChat(ChatInfoFixtures.waiting());
    Map<String, String> fetched = osgi.fetch(server, ref, null);
    assertFetched(ref, fetched);
    assertAll(
        () -> assertEquals("waiting", fetched.get("state")),
        () -> assertEquals("(none)", fetched.get("agentName")),
        () -> assertTrue(headerOfLastRequest(server, "Accept").startsWith("application/json"),
            () -> headerOfLastRequest(server, "Accept")));
  }

  @Test
  void namesTheMissingRequirementOfABundleThatCannotResolve() throws Exception {
    Manifest manifest = new Manifest();
    Attributes main = manifest.getMainAttributes();
    main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
    main.putValue("Bundle-ManifestVersion", "2");
    main.putValue("Bundle-SymbolicName", "dev.chatinfo.it.osgi.unresolvable");
    main.putValue("Bundle-Version", "1.0.0");
    main.putValue("Import-Package", "dev.chatinfo.absent;version=\"[1,2)\"");
    Path jar = OsgiInstallation.directory("chatinfo.it.work").resolve("unresolvable.jar");
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest)) {
      out.finish(); // the manifest is the whole bundle
    }
    Bundle bundle = osgi.osgi.install(List.of(jar)).get(0);
    try {
      List<String> problems = osgi.osgi.startAll(List.of(bundle));
      assertEquals(1, problems.size(), problems::toString);
      assertTrue(
          problems.get(0).startsWith("dev.chatinfo.it.osgi.unresolvable 1.0.0 [unresolvable.jar] did not start")
              && problems.get(0).contains("osgi.wiring.package=dev.chatinfo.absent"),
          problems.get(0));
    } finally {
      bundle.uninstall();
    }
  }

  private void assertFetched(ChatRef ref, Map<String, String> fetched) {
    ChatInfo served = server.chat(ref);
    assertAll(
        () -> assertFalse(fetched.containsKey("error"), () -> "the fetch failed: " + fetched.get("error")),
        () -> assertEquals(served.toString(), fetched.get("toString"), "decoded inside the framework"),
        () -> assertEquals(served.chatSessionKey(), fetched.get("chatSessionKey")),
        () -> assertEquals(Integer.toString(served.links().size()), fetched.get("links")),
        () -> assertEquals("dev.chatinfo.api", fetched.get("chatInfoBundle")),
        () -> assertEquals("dev.chatinfo.client", fetched.get("sourceBundle")),
        () -> assertTrue(fetched.get("client").contains("RetrofitTransport"),
            () -> "the transport found through ServiceLoader in dev.chatinfo.client: " + fetched.get("client")),
        () -> assertTrue(headerOfLastRequest(server, "User-Agent").startsWith("okhttp/"),
            () -> "sent by OkHttp: " + headerOfLastRequest(server, "User-Agent")));
  }
}
