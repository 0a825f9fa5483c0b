package dev.chatinfo.it.osgi;

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
import dev.chatinfo.it.osgi.probe.ProbeActivator;
import dev.chatinfo.testkit.ChatInfoFixtures;
import dev.chatinfo.testkit.FakeChatServer;
import dev.chatinfo.testkit.RecordedRequest;
import dev.chatinfo.testkit.junit.FakeChatServerExtension;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.namespace.PackageNamespace;
import org.osgi.framework.wiring.BundleWiring;

/**
 * The OSGi proof: Apache Felix with the built chatinfo bundles and their dependencies (the jars
 * without OSGi headers wrapped by bnd), Apache Aries SPI Fly as the service-loader mediator, and a
 * probe bundle that builds a {@code ChatInfoClient} (its transport found through SPI Fly) inside the framework and fetches from
 * a {@link FakeChatServer} running outside it.
 *
 * <p>Types do not cross the framework's boundary: the probe answers in {@code java.*} types only
 * (a {@code Function<Map<String, String>, Map<String, String>>} service).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(FakeChatServerExtension.class)
class OsgiFrameworkTest {

  private static final String CODEC_SERVICE = ChatInfoCodec.class.getName();

  private final Map<String, Manifest> wrappedManifests = new LinkedHashMap<>();
  private final Map<String, Path> originalJars = new LinkedHashMap<>();
  private OsgiRuntime osgi;
  private List<Bundle> bundles;
  private List<String> startProblems;
  private FakeChatServer server;

  @BeforeAll
  void startFrameworkWithEveryBundle(FakeChatServer server) throws Exception {
    this.server = server;
    long begin = System.nanoTime();
    Path copied = directory("chatinfo.it.bundles");
    Path work = directory("chatinfo.it.work");
    Path wrappedDir = Files.createDirectories(work.resolve("wrapped"));

    List<Path> jars = new ArrayList<>();
    for (BundleJar jar : BundleJar.ALL) {
      Path original = jar.locate(copied);
      originalJars.put(jar.artifactId(), original);
      Path installed = original;
      if (jar.needsWrapping()) {
        String version = jar.version(original);
        installed = wrappedDir.resolve(jar.wrapSymbolicName() + "-" + version + ".jar");
        wrappedManifests.put(
            jar.artifactId(), Bnd.wrap(original, jar.wrapSymbolicName(), version, jars, installed));
      }
      jars.add(installed);
    }
    Path probe = work.resolve("chatinfo-osgi-probe.jar");
    Bnd.probe(
        directory("chatinfo.it.testClasses"),
        ProbeActivator.class.getPackageName(),
        ProbeActivator.class.getName(),
        jars,
        probe);
    jars.add(probe);
    long bundled = System.nanoTime();

    osgi = OsgiRuntime.start(work.resolve("felix-cache"));
    bundles = osgi.install(jars);
    startProblems = osgi.startAll(bundles);
    for (Bundle bundle : bundles) {
      System.out.println("[it-osgi] " + OsgiRuntime.stateName(bundle.getState()) + " " + OsgiRuntime.describe(bundle));
    }
    System.out.printf(
        "[it-osgi] %d bundles and the probe (%d wrapped by bnd): bnd %d ms, framework start to all started %d ms%n",
        bundles.size() - 1, wrappedManifests.size(), (bundled - begin) / 1_000_000,
        (System.nanoTime() - bundled) / 1_000_000);
  }

  @AfterAll
  void stopFramework() throws Exception {
    if (osgi != null) {
      osgi.stop();
    }
  }

  @Test
  void everyBundleIsActive() {
    assertTrue(
        startProblems.isEmpty(),
        () -> "bundles that did not start:\n  " + String.join("\n  ", startProblems));
    for (Bundle bundle : bundles) {
      assertEquals(
          OsgiRuntime.isFragment(bundle) ? Bundle.RESOLVED : Bundle.ACTIVE,
          bundle.getState(),
          () -> OsgiRuntime.describe(bundle) + " is " + OsgiRuntime.stateName(bundle.getState()));
    }
    assertEquals(BundleJar.ALL.size() + 1, bundles.size());
    assertEquals(List.of(), osgi.frameworkProblems(), "framework errors and warnings");
  }

  @Test
  void theTestClassPathHoldsNoClassThatABundleProvides() {
    for (String name :
        List.of(
            "dev.chatinfo.codec.json.MoshiChatInfoCodec",
            "dev.chatinfo.codec.xml.SimpleXmlChatInfoCodec",
            "dev.chatinfo.client.ChatInfoClient",
            "dev.chatinfo.transport.retrofit.RetrofitTransport",
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
    for (BundleJar jar : BundleJar.ALL) {
      Manifest original = BundleJar.manifest(originalJars.get(jar.artifactId()));
      String symbolicName = original.getMainAttributes().getValue("Bundle-SymbolicName");
      if (jar.needsWrapping()) {
        assertNull(symbolicName, jar.artifactId() + " has OSGi headers now: install it as is");
      } else {
        assertNotNull(symbolicName, jar.artifactId() + " has no OSGi headers: wrap it");
      }
    }
    assertEquals(Set.of("okhttp", "retrofit", "moshi", "simple-xml-safe"), wrappedManifests.keySet());
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
        BundleJar.ALL.stream()
            .filter(j -> j.artifactId().equals(artifactId))
            .findFirst()
            .orElseThrow()
            .version(originalJars.get(artifactId));
    String clause = packageName + ";version=\"" + version + "\"";
    String exports = header(artifactId, "Export-Package");
    assertTrue(exports.contains(clause), () -> artifactId + " should export " + clause + ": " + exports);
  }

  private String header(String artifactId, String name) {
    return wrappedManifests.get(artifactId).getMainAttributes().getValue(name);
  }

  @Test
  void bothCodecsAreOsgiServicesOnePerMediaType() throws Exception {
    ServiceReference<?>[] refs = osgi.context().getAllServiceReferences(CODEC_SERVICE, null);
    assertNotNull(refs, "no " + CODEC_SERVICE + " service: is SPI Fly active?");
    Set<String> registeredFor =
        Arrays.stream(refs).map(ref -> ref.getBundle().getSymbolicName()).collect(Collectors.toCollection(TreeSet::new));
    assertEquals(Set.of("dev.chatinfo.codec.json", "dev.chatinfo.codec.xml"), registeredFor);

    Map<String, String> seen = probe(Map.of("op", "codec-services"));
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
    Map<String, String> installed = probe(Map.of("op", "installed"));
    assertEquals(
        Map.of(
            "count", "2",
            "codec.0", "application/json dev.chatinfo.codec.json.MoshiChatInfoCodec from dev.chatinfo.codec.json",
            "codec.1", "application/xml dev.chatinfo.codec.xml.SimpleXmlChatInfoCodec from dev.chatinfo.codec.xml"),
        installed,
        "ChatInfoCodecs.installed() inside the framework (ServiceLoader in dev.chatinfo.api, woven by SPI Fly)");

    // SPI Fly rewrote the api's ServiceLoader call into a call to its own Util class, which the
    // api bundle now imports dynamically: the wire shows the weaving happened.
    Bundle api = bundle("dev.chatinfo.api");
    List<String> wiredFrom =
        api.adapt(BundleWiring.class).getRequiredWires(PackageNamespace.PACKAGE_NAMESPACE).stream()
            .filter(w -> "org.apache.aries.spifly".equals(
                w.getCapability().getAttributes().get(PackageNamespace.PACKAGE_NAMESPACE)))
            .map(w -> w.getProvider().getSymbolicName())
            .collect(Collectors.toList());
    assertEquals(List.of("org.apache.aries.spifly.dynamic.bundle"), wiredFrom);
  }

  @Test
  void theRetrofitTransportIsAnOsgiServiceAndTheClientFindsItThroughSpiFly() throws Exception {
    ServiceReference<?>[] refs = osgi.context().getAllServiceReferences("dev.chatinfo.client.spi.HttpTransportProvider", null);
    assertNotNull(refs, "no HttpTransportProvider service: is SPI Fly active?");
    assertEquals(List.of("dev.chatinfo.transport.retrofit"),
        Arrays.stream(refs).map(ref -> ref.getBundle().getSymbolicName()).collect(Collectors.toList()));
    // A client built inside the framework without a transport finds the one installed...
    ChatRef ref = server.addChat(ChatInfoFixtures.chatting());
    assertFetched(ref, fetch(ref, null));
    // ...because SPI Fly rewrote the client's ServiceLoader call, as the wire shows.
    Bundle client = bundle("dev.chatinfo.client");
    List<String> wiredFrom =
        client.adapt(BundleWiring.class).getRequiredWires(PackageNamespace.PACKAGE_NAMESPACE).stream()
            .filter(w -> "org.apache.aries.spifly".equals(
                w.getCapability().getAttributes().get(PackageNamespace.PACKAGE_NAMESPACE)))
            .map(w -> w.getProvider().getSymbolicName())
            .collect(Collectors.toList());
    assertEquals(List.of("org.apache.aries.spifly.dynamic.bundle"), wiredFrom,
        "SPI Fly wove the client's ServiceLoader call");
  }

  private Bundle bundle(String symbolicName) {
    return bundles.stream()
        .filter(b -> symbolicName.equals(b.getSymbolicName()))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no bundle " + symbolicName));
  }

  @Test
  void fetchesJsonThroughASourceBuiltInsideTheFramework() {
    ChatRef ref = server.addChat(ChatInfoFixtures.chatting());
    Map<String, String> fetched = fetch(ref, "application/json");
    assertFetched(ref, fetched);
    assertAll(
        () -> assertEquals("dev.chatinfo.codec.json.MoshiChatInfoCodec", fetched.get("codec")),
        () -> assertEquals("chatting", fetched.get("state")),
        () -> assertEquals("Barber", fetched.get("agentName")),
        () -> assertEquals("typing", fetched.get("visitorTyping")),
        () -> assertEquals("40", fetched.get("chatTimeoutSeconds")),
        () -> assertEquals("application/json", acceptOfLastRequest()));
  }

  @Test
  void fetchesXmlThroughASourceBuiltInsideTheFramework() {
    ChatRef ref = server.addChat(ChatInfoFixtures.ended());
    Map<String, String> fetched = fetch(ref, "application/xml");
    assertFetched(ref, fetched);
    assertAll(
        () -> assertEquals("dev.chatinfo.codec.xml.SimpleXmlChatInfoCodec", fetched.get("codec")),
        () -> assertEquals("ended", fetched.get("state")),
        () -> assertEquals("Barber", fetched.get("agentName")),
        () -> assertEquals("Ann", fetched.get("visitorName")),
        () -> assertEquals("(none)", fetched.get("chatTimeoutSeconds")),
        () -> assertEquals("application/xml", acceptOfLastRequest()));
  }

  @Test
  void fetchesWithTheInstalledCodecsWhenNoneIsGiven() {
    ChatRef ref = server.addChat(ChatInfoFixtures.waiting());
    Map<String, String> fetched = fetch(ref, null);
    assertFetched(ref, fetched);
    assertAll(
        () -> assertEquals("waiting", fetched.get("state")),
        () -> assertEquals("(none)", fetched.get("agentName")),
        () -> assertTrue(acceptOfLastRequest().startsWith("application/json"), this::acceptOfLastRequest));
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
    Path jar = directory("chatinfo.it.work").resolve("unresolvable.jar");
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest)) {
      out.finish(); // the manifest is the whole bundle
    }
    Bundle bundle = osgi.install(List.of(jar)).get(0);
    try {
      List<String> problems = osgi.startAll(List.of(bundle));
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
            () -> "the transport found through ServiceLoader in dev.chatinfo.client: " + fetched.get("client")));
  }

  private Map<String, String> fetch(ChatRef ref, String mediaType) {
    Map<String, String> request = new LinkedHashMap<>();
    request.put("op", "fetch");
    request.put("baseUrl", server.baseUrl().toString());
    request.put("token", server.token());
    request.put("accountId", ref.accountId());
    request.put("agentSessionId", ref.agentSessionId());
    request.put("chatId", ref.chatId());
    if (mediaType != null) {
      request.put("mediaType", mediaType);
    }
    return probe(request);
  }

  private String acceptOfLastRequest() {
    List<RecordedRequest> requests = server.requests();
    assertFalse(requests.isEmpty(), "the server got no request");
    return requests.get(requests.size() - 1).header("Accept").orElse("(no Accept)");
  }

  private Map<String, String> probe(Map<String, String> request) {
    BundleContext context = osgi.context();
    ServiceReference<?>[] refs;
    try {
      refs = context.getAllServiceReferences(
          Function.class.getName(), "(" + ProbeActivator.PROBE_PROPERTY + "=true)");
    } catch (org.osgi.framework.InvalidSyntaxException e) {
      throw new AssertionError(e);
    }
    assertNotNull(refs, "the probe bundle registered no service: " + startProblems);
    Object service = context.getService(refs[0]);
    try {
      @SuppressWarnings("unchecked")
      Function<Map<String, String>, Map<String, String>> probe =
          (Function<Map<String, String>, Map<String, String>>) service;
      return probe.apply(request);
    } finally {
      context.ungetService(refs[0]);
    }
  }

  private static Path directory(String property) throws IOException {
    String value = System.getProperty(property);
    assertNotNull(value, "system property " + property + " (set by the pom for surefire)");
    return Files.createDirectories(Path.of(value));
  }
}
