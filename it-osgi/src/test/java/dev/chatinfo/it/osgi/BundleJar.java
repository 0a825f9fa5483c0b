package dev.chatinfo.it.osgi;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * One jar that an OSGi user installs, in the order the test installs them: as is when it has
 * OSGi headers, wrapped with bnd (under {@code wrapSymbolicName}) when it has none.
 *
 * @param artifactId the Maven artifactId; the jar in the bundles directory is
 *     {@code artifactId-version.jar}, as maven-dependency-plugin copies it
 * @param wrapSymbolicName the Bundle-SymbolicName to give the jar when wrapping it, empty when the
 *     jar is a bundle already
 */
record BundleJar(String artifactId, String wrapSymbolicName) {

  /** The service-loader mediator, Apache Aries SPI Fly, and the ASM it weaves with. */
  static final List<BundleJar> SPI_FLY =
      List.of(
          asIs("asm"),
          asIs("asm-tree"),
          asIs("asm-analysis"),
          asIs("asm-commons"),
          asIs("asm-util"),
          asIs("org.apache.aries.spifly.dynamic.bundle"));

  /** Resilience4j (what chatinfo-client needs) and the SLF4J 1.7 it imports, with a binding. */
  static final List<BundleJar> RESILIENCE4J =
      List.of(
          asIs("slf4j-api"),
          asIs("slf4j-jdk14"),
          asIs("resilience4j-core"),
          asIs("resilience4j-retry"),
          asIs("resilience4j-circuitbreaker"));

  /** Simple XML (the hardened fork), which has no OSGi headers. */
  static final BundleJar SIMPLE_XML = wrapped("simple-xml-safe", "com.carrotsearch.thirdparty.simple-xml-safe");

  /**
   * The Retrofit transport and both codecs, in install order (the mediator first, then each
   * library before its users).
   */
  static final List<BundleJar> RETROFIT_AND_BOTH_CODECS =
      concat(
          SPI_FLY,
          RESILIENCE4J,
          List.of(
              asIs("kotlin-osgi-bundle"),
              asIs("okio-jvm"),
              wrapped("okhttp", "okhttp3"),
              wrapped("retrofit", "retrofit2"),
              wrapped("moshi", "com.squareup.moshi"),
              SIMPLE_XML,
              asIs("chatinfo-api"),
              asIs("chatinfo-codec-json"),
              asIs("chatinfo-codec-xml"),
              asIs("chatinfo-client"),
              asIs("chatinfo-transport-retrofit")));

  /**
   * The Kotlin-free path: the JDK transport and the XML codec, in install order; no Kotlin,
   * OkHttp, Okio, Retrofit or Moshi.
   */
  static final List<BundleJar> JDK_AND_XML =
      concat(
          SPI_FLY,
          RESILIENCE4J,
          List.of(
              SIMPLE_XML,
              asIs("chatinfo-api"),
              asIs("chatinfo-codec-xml"),
              asIs("chatinfo-client"),
              asIs("chatinfo-transport-jdk")));

  @SafeVarargs
  private static List<BundleJar> concat(List<BundleJar>... parts) {
    return Stream.of(parts).flatMap(List::stream).collect(Collectors.toUnmodifiableList());
  }

  static BundleJar asIs(String artifactId) {
    return new BundleJar(artifactId, "");
  }

  static BundleJar wrapped(String artifactId, String symbolicName) {
    return new BundleJar(artifactId, symbolicName);
  }

  boolean needsWrapping() {
    return !wrapSymbolicName.isEmpty();
  }

  /**
   * Finds this jar among the copied ones.
   *
   * @param directory where maven-dependency-plugin copied the jars
   * @return the one jar named {@code artifactId-<version>.jar}
   * @throws IOException when it is missing or ambiguous
   */
  Path locate(Path directory) throws IOException {
    try (Stream<Path> files = Files.list(directory)) {
      List<Path> matches =
          files.filter(f -> versionOf(f.getFileName().toString()).isPresent()).sorted().collect(Collectors.toList());
      if (matches.size() != 1) {
        throw new IOException(
            "expected exactly one " + artifactId + "-<version>.jar in " + directory + ", found " + matches);
      }
      return matches.get(0);
    }
  }

  /**
   * The version in the jar's file name.
   *
   * @param jar a jar {@link #locate(Path)} found
   * @return the version, such as {@code 4.12.0}
   */
  String version(Path jar) {
    return versionOf(jar.getFileName().toString()).orElseThrow();
  }

  /** The version when the name is this artifactId, a dash, a version (a digit first), ".jar". */
  private Optional<String> versionOf(String fileName) {
    String prefix = artifactId + "-";
    if (!fileName.startsWith(prefix) || !fileName.endsWith(".jar")) {
      return Optional.empty();
    }
    String version = fileName.substring(prefix.length(), fileName.length() - ".jar".length());
    return Optional.of(version).filter(v -> !v.isEmpty() && Character.isDigit(v.charAt(0)));
  }

  /**
   * Reads the jar's manifest.
   *
   * @param jar the jar
   * @return its manifest, empty when it has none
   * @throws IOException when the jar cannot be read
   */
  static Manifest manifest(Path jar) throws IOException {
    try (JarFile file = new JarFile(jar.toFile())) {
      Manifest manifest = file.getManifest();
      return manifest == null ? new Manifest() : manifest;
    }
  }
}
