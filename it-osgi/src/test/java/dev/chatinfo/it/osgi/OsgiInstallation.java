package dev.chatinfo.it.osgi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chatinfo.api.ChatRef;
import dev.chatinfo.it.osgi.probe.ProbeActivator;
import dev.chatinfo.testkit.FakeChatServer;
import dev.chatinfo.testkit.RecordedRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.jar.Manifest;
import java.util.stream.Collectors;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.namespace.PackageNamespace;
import org.osgi.framework.wiring.BundleWiring;

/**
 * Apache Felix running in the test's JVM with a set of bundles (the jars without OSGi headers
 * wrapped by bnd) and the probe bundle built from {@code dev.chatinfo.it.osgi.probe}, which
 * answers the test from inside the framework in {@code java.*} types only.
 */
final class OsgiInstallation implements AutoCloseable {

  /**
   * The transport SPI's name: a string, since the test's class path holds no chatinfo-client
   * (only the framework may load it).
   */
  static final String TRANSPORT_SERVICE = "dev.chatinfo.client.spi.HttpTransportProvider";

  final OsgiRuntime osgi;
  final List<Bundle> bundles;
  /** The bundles that did not start, one line each; empty when all did. */
  final List<String> startProblems;
  /** The manifest bnd made for each wrapped jar, by artifactId. */
  final Map<String, Manifest> wrappedManifests;
  /** The jar as copied from the repository, by artifactId. */
  final Map<String, Path> originalJars;

  private OsgiInstallation(OsgiRuntime osgi, List<Bundle> bundles, List<String> startProblems,
      Map<String, Manifest> wrappedManifests, Map<String, Path> originalJars) {
    this.osgi = osgi;
    this.bundles = bundles;
    this.startProblems = startProblems;
    this.wrappedManifests = wrappedManifests;
    this.originalJars = originalJars;
  }

  /**
   * Wraps what needs it, builds the probe, starts a framework and installs and starts the jars
   * and the probe, in order.
   *
   * @param name a name for this installation's work directory (bundle cache, wrapped jars)
   * @param jars the jars, in install order
   * @return the running installation
   * @throws Exception when a jar is missing, bnd fails or the framework does not start
   */
  static OsgiInstallation start(String name, List<BundleJar> jars) throws Exception {
    long begin = System.nanoTime();
    Path copied = directory("chatinfo.it.bundles");
    Path work = Files.createDirectories(directory("chatinfo.it.work").resolve(name));
    Path wrappedDir = Files.createDirectories(work.resolve("wrapped"));
    Map<String, Manifest> wrappedManifests = new LinkedHashMap<>();
    Map<String, Path> originalJars = new LinkedHashMap<>();
    List<Path> installed = new ArrayList<>();
    for (BundleJar jar : jars) {
      Path original = jar.locate(copied);
      originalJars.put(jar.artifactId(), original);
      Path bundle = original;
      if (jar.needsWrapping()) {
        String version = jar.version(original);
        bundle = wrappedDir.resolve(jar.wrapSymbolicName() + "-" + version + ".jar");
        wrappedManifests.put(
            jar.artifactId(), Bnd.wrap(original, jar.wrapSymbolicName(), version, installed, bundle));
      }
      installed.add(bundle);
    }
    Path probe = work.resolve("chatinfo-osgi-probe.jar");
    Bnd.probe(
        directory("chatinfo.it.testClasses"),
        ProbeActivator.class.getPackageName(),
        ProbeActivator.class.getName(),
        installed,
        probe);
    installed.add(probe);
    long bundled = System.nanoTime();

    OsgiRuntime osgi = OsgiRuntime.start(work.resolve("felix-cache"));
    List<Bundle> bundles = osgi.install(installed);
    List<String> startProblems = osgi.startAll(bundles);
    for (Bundle bundle : bundles) {
      System.out.println("[it-osgi " + name + "] " + OsgiRuntime.stateName(bundle.getState()) + " "
          + OsgiRuntime.describe(bundle));
    }
    System.out.printf(
        "[it-osgi %s] %d bundles and the probe (%d wrapped by bnd): bnd %d ms, framework start to all started %d ms%n",
        name, bundles.size() - 1, wrappedManifests.size(), (bundled - begin) / 1_000_000,
        (System.nanoTime() - bundled) / 1_000_000);
    return new OsgiInstallation(osgi, bundles, startProblems, wrappedManifests, originalJars);
  }

  /**
   * Asserts that every bundle is ACTIVE (a fragment RESOLVED), that there are exactly the jars
   * given and the probe, and that the framework reported no error or warning.
   *
   * @param jars the jars installed
   */
  void assertEveryBundleActive(List<BundleJar> jars) {
    assertTrue(startProblems.isEmpty(),
        () -> "bundles that did not start:\n  " + String.join("\n  ", startProblems));
    for (Bundle bundle : bundles) {
      assertEquals(OsgiRuntime.isFragment(bundle) ? Bundle.RESOLVED : Bundle.ACTIVE, bundle.getState(),
          () -> OsgiRuntime.describe(bundle) + " is " + OsgiRuntime.stateName(bundle.getState()));
    }
    assertEquals(jars.size() + 1, bundles.size());
    assertEquals(List.of(), osgi.frameworkProblems(), "framework errors and warnings");
  }

  /**
   * The installed bundle of a symbolic name.
   *
   * @param symbolicName such as {@code dev.chatinfo.client}
   * @return the bundle
   */
  Bundle bundle(String symbolicName) {
    return bundles.stream()
        .filter(b -> symbolicName.equals(b.getSymbolicName()))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no bundle " + symbolicName));
  }

  /**
   * The bundles that registered a service of this class, as the registry holds them.
   *
   * @param serviceClass the service's class name
   * @return their symbolic names, empty when there is no such service
   * @throws InvalidSyntaxException never: the filter is null
   */
  List<String> serviceBundles(String serviceClass) throws InvalidSyntaxException {
    ServiceReference<?>[] refs = osgi.context().getAllServiceReferences(serviceClass, null);
    return refs == null ? List.of()
        : Arrays.stream(refs).map(ref -> ref.getBundle().getSymbolicName()).sorted().collect(Collectors.toList());
  }

  /**
   * Who provides the SPI Fly package a bundle is wired to: SPI Fly rewrote the bundle's
   * {@code ServiceLoader} calls into calls to its own class, which the bundle then imports.
   *
   * @param symbolicName the bundle
   * @return the providers' symbolic names; {@code [org.apache.aries.spifly.dynamic.bundle]} when woven
   */
  List<String> spiFlyWiresOf(String symbolicName) {
    return bundle(symbolicName).adapt(BundleWiring.class).getRequiredWires(PackageNamespace.PACKAGE_NAMESPACE)
        .stream()
        .filter(w -> "org.apache.aries.spifly".equals(
            w.getCapability().getAttributes().get(PackageNamespace.PACKAGE_NAMESPACE)))
        .map(w -> w.getProvider().getSymbolicName())
        .collect(Collectors.toList());
  }

  /**
   * Asks the probe to fetch a chat from the fake server with a {@code ChatInfoClient} built inside
   * the framework without a transport (it finds the installed one).
   *
   * @param server the fake server outside the framework
   * @param ref the chat
   * @param mediaType the codec service to use, or null for the client's default (every installed codec)
   * @return the probe's answer; {@code error} set when the fetch failed
   */
  Map<String, String> fetch(FakeChatServer server, ChatRef ref, String mediaType) {
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

  /**
   * Asks the probe.
   *
   * @param request the request, {@code op} and its arguments
   * @return the answer
   */
  Map<String, String> probe(Map<String, String> request) {
    BundleContext context = osgi.context();
    ServiceReference<?>[] refs;
    try {
      refs = context.getAllServiceReferences(
          Function.class.getName(), "(" + ProbeActivator.PROBE_PROPERTY + "=true)");
    } catch (InvalidSyntaxException e) {
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

  /**
   * A header of the last request the server received.
   *
   * @param server the fake server
   * @param name the header
   * @return its value, {@code (no name)} when absent
   */
  static String headerOfLastRequest(FakeChatServer server, String name) {
    List<RecordedRequest> requests = server.requests();
    assertFalse(requests.isEmpty(), "the server got no request");
    return requests.get(requests.size() - 1).header(name).orElse("(no " + name + ")");
  }

  /**
   * A directory the pom names for surefire.
   *
   * @param property the system property
   * @return the directory, created if missing
   * @throws IOException when it cannot be created
   */
  static Path directory(String property) throws IOException {
    String value = System.getProperty(property);
    assertNotNull(value, "system property " + property + " (set by the pom for surefire)");
    return Files.createDirectories(Path.of(value));
  }

  /** Stops the framework. */
  @Override
  public void close() throws Exception {
    osgi.stop();
  }
}
