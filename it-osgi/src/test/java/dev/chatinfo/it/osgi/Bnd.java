package dev.chatinfo.it.osgi;

import aQute.bnd.osgi.Analyzer;
import aQute.bnd.osgi.Builder;
import aQute.bnd.osgi.Constants;
import aQute.bnd.osgi.Jar;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.Manifest;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Makes bundles with bndlib: wraps jars that have no OSGi headers, and builds the probe bundle. */
final class Bnd {

  /**
   * Packages that OkHttp, Retrofit, Moshi or Simple XML reference but use only when present:
   * Android, other TLS providers, Kotlin coroutines, annotations and build-time markers. They are
   * imported {@code resolution:=optional}; every other package is a mandatory import, so a bundle
   * that is really missing shows up as an unresolved requirement. Each is a wildcard ({@code p.*}
   * also matches {@code p}): bnd adds a literal name to Import-Package even where nothing uses it.
   */
  static final List<String> OPTIONAL_IMPORTS =
      List.of(
          "android.*",
          "dalvik.*",
          "org.conscrypt.*",
          "org.bouncycastle.*",
          "org.openjsse.*",
          "kotlinx.*",
          "javax.annotation.*",
          "org.codehaus.mojo.animal_sniffer.*",
          "org.jetbrains.annotations.*",
          "sun.misc.*",
          "sun.security.*");

  private Bnd() {}

  /**
   * Wraps a jar without OSGi headers into a bundle that exports every package it holds at the
   * jar's version.
   *
   * @param jar the jar
   * @param symbolicName the Bundle-SymbolicName to give it
   * @param version its Maven version, also its bundle and package version
   * @param classpath bundles it uses, so that its imports carry their version ranges
   * @param out where to write the bundle
   * @return the bundle's manifest
   * @throws Exception when bnd fails or reports an error
   */
  static Manifest wrap(Path jar, String symbolicName, String version, List<Path> classpath, Path out)
      throws Exception {
    boolean multiRelease =
        Boolean.parseBoolean(
            BundleJar.manifest(jar).getMainAttributes().getValue(Attributes.Name.MULTI_RELEASE));
    try (Analyzer analyzer = new Analyzer()) {
      Jar content = analyzer.setJar(jar.toFile());
      for (Path entry : classpath) {
        analyzer.addClasspath(entry.toFile());
      }
      analyzer.setProperty(Constants.BUNDLE_SYMBOLICNAME, symbolicName);
      analyzer.setProperty(Constants.BUNDLE_VERSION, version);
      analyzer.setProperty(Constants.EXPORT_PACKAGE, "*;version=\"" + version + "\"");
      analyzer.setProperty(
          Constants.IMPORT_PACKAGE,
          Stream.concat(
                  OPTIONAL_IMPORTS.stream().map(p -> p + ";resolution:=optional"), Stream.of("*"))
              .collect(Collectors.joining(",")));
      if (multiRelease) {
        analyzer.setProperty("Multi-Release", "true");
      }
      Manifest manifest = analyzer.calcManifest();
      failOnErrors(analyzer, "wrapping " + jar.getFileName());
      content.setManifest(manifest);
      content.write(out.toFile());
      return manifest;
    }
  }

  /**
   * Builds the probe bundle from the compiled test classes of one package.
   *
   * @param testClasses the test classes directory
   * @param packageName the probe's package, private to the bundle
   * @param activator the activator's class name
   * @param classpath the bundles it uses, so that its imports carry their version ranges
   * @param out where to write the bundle
   * @return the bundle's manifest
   * @throws Exception when bnd fails or reports an error
   */
  static Manifest probe(
      Path testClasses, String packageName, String activator, List<Path> classpath, Path out)
      throws Exception {
    try (Builder builder = new Builder()) {
      builder.addClasspath(testClasses.toFile());
      for (Path entry : classpath) {
        builder.addClasspath(entry.toFile());
      }
      builder.setProperty(Constants.BUNDLE_SYMBOLICNAME, packageName);
      builder.setProperty(Constants.BUNDLE_VERSION, "1.0.0");
      builder.setProperty(Constants.PRIVATE_PACKAGE, packageName);
      builder.setProperty(Constants.BUNDLE_ACTIVATOR, activator);
      try (Jar bundle = builder.build()) {
        failOnErrors(builder, "building the probe bundle");
        bundle.write(out.toFile());
        return bundle.getManifest();
      }
    }
  }

  private static void failOnErrors(aQute.bnd.osgi.Processor processor, String what) {
    if (!processor.getErrors().isEmpty()) {
      throw new IllegalStateException(
          "bnd failed " + what + ": " + processor.getErrors() + ", warnings " + processor.getWarnings());
    }
  }
}
