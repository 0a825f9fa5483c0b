package dev.chatinfo.api.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Finds codecs the way users install them: a codec module with {@code provides} on the module
 * path, and a plain jar with {@code META-INF/services} on the class path. Each case runs in a
 * child JVM made from the built classes, so it proves the real lookup, not the test runner's.
 */
class ChatInfoCodecsTest {

  static final Path API_CLASSES = Path.of("target", "classes").toAbsolutePath();
  static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();
  static final String JAVAC = Path.of(System.getProperty("java.home"), "bin", "javac").toString();

  static final String CODEC = String.join("\n",
      "package test.codec;",
      "import dev.chatinfo.api.ChatInfo;",
      "import java.io.InputStream;",
      "import java.io.OutputStream;",
      "public final class %s implements dev.chatinfo.api.codec.ChatInfoCodec {",
      "  public String mediaType() { return \"%s\"; }",
      "  public boolean supports(String type) { return type != null && type.startsWith(mediaType()); }",
      "  public ChatInfo decode(InputStream in) { throw new UnsupportedOperationException(\"test\"); }",
      "  public void encode(ChatInfo info, OutputStream out) { throw new UnsupportedOperationException(\"test\"); }",
      "}");

  static final String APP = String.join("\n",
      "package test.app;",
      "import dev.chatinfo.api.codec.ChatInfoCodec;",
      "import dev.chatinfo.api.codec.ChatInfoCodecs;",
      "public final class Main {",
      "  public static void main(String[] args) {",
      "    for (ChatInfoCodec c : ChatInfoCodecs.installed()) {",
      "      System.out.println(\"installed \" + c.mediaType() + \" \" + c.getClass().getName()",
      "          + \" in \" + c.getClass().getModule());",
      "    }",
      "    System.out.println(\"forContentType \" + ChatInfoCodecs.forContentType(\"application/x-test; q=1\")",
      "        .map(c -> c.getClass().getSimpleName()).orElse(\"none\"));",
      "    System.out.println(\"api in \" + ChatInfoCodecs.class.getModule());",
      "  }",
      "}");

  @TempDir static Path work;

  @BeforeAll
  static void apiIsBuilt() {
    assertTrue(Files.isRegularFile(API_CLASSES.resolve("module-info.class")), "run after compile");
  }

  @Test
  void testsRunOnTheModulePath() {
    Module api = ChatInfoCodecs.class.getModule();
    assertTrue(api.isNamed(), "surefire must run the api tests on the module path");
    assertEquals("dev.chatinfo.api", api.getName());
    assertTrue(api.getDescriptor().uses().contains(ChatInfoCodec.class.getName()));
    assertEquals(Set.of("dev.chatinfo.api", "dev.chatinfo.api.codec"), exported(api));
  }

  @Test
  void findsNothingWhenNoCodecIsInstalled() {
    assertEquals(List.of(), ChatInfoCodecs.installed());
    assertEquals(Optional.empty(), ChatInfoCodecs.forContentType("application/json"));
    assertTrue(ChatInfoCodecs.noCodecMessage().contains("chatinfo-codec-json"));
    assertTrue(ChatInfoCodecs.noCodecMessage().contains("chatinfo-codec-xml"));
  }

  @Test
  void findsACodecProvidedByAModuleOnTheModulePath() throws Exception {
    Path codec = compileModule("test.codec",
        "module test.codec { requires dev.chatinfo.api;"
            + " provides dev.chatinfo.api.codec.ChatInfoCodec with test.codec.TestCodec, test.codec.JsonTestCodec; }",
        "test/codec/TestCodec.java", String.format(CODEC, "TestCodec", "application/x-test"),
        "test/codec/JsonTestCodec.java", String.format(CODEC, "JsonTestCodec", "application/json"));
    Path app = compileModule("test.app",
        "module test.app { requires dev.chatinfo.api; }", "test/app/Main.java", APP);

    List<String> out = run(JAVA, "--module-path", path(API_CLASSES, codec, app), "--module", "test.app/test.app.Main");

    assertEquals(List.of(
        "installed application/json test.codec.JsonTestCodec in module test.codec",
        "installed application/x-test test.codec.TestCodec in module test.codec",
        "forContentType TestCodec",
        "api in module dev.chatinfo.api"), out);
  }

  @Test
  void ignoresMetaInfServicesOfANamedModule() throws Exception {
    Path codec = compileModule("test.codec",
        "module test.codec { requires dev.chatinfo.api; exports test.codec; }",
        "test/codec/TestCodec.java", String.format(CODEC, "TestCodec", "application/x-test"));
    services(codec, "test.codec.TestCodec");
    Path app = compileModule("test.app",
        "module test.app { requires dev.chatinfo.api; }", "test/app/Main.java", APP);

    List<String> out = run(JAVA, "--module-path", path(API_CLASSES, codec, app),
        "--add-modules", "test.codec", "--module", "test.app/test.app.Main");

    assertEquals(List.of("forContentType none", "api in module dev.chatinfo.api"), out);
  }

  @Test
  void findsACodecListedInMetaInfServicesOnTheClassPath() throws Exception {
    Path codec = compile("cp-codec", API_CLASSES,
        "test/codec/TestCodec.java", String.format(CODEC, "TestCodec", "application/x-test"));
    services(codec, "test.codec.TestCodec");
    Path app = compile("cp-app", API_CLASSES, "test/app/Main.java", APP);

    List<String> out = run(JAVA, "-cp", path(API_CLASSES, codec, app), "test.app.Main");

    assertEquals("installed application/x-test test.codec.TestCodec in unnamed module", out.get(0).replaceAll(" @\\w+", ""));
    assertEquals("forContentType TestCodec", out.get(1));
  }

  @Test
  void skipsAProviderThatFailsToLoad() throws Exception {
    Path codec = compile("cp-broken", API_CLASSES,
        "test/codec/TestCodec.java", String.format(CODEC, "TestCodec", "application/x-test"));
    services(codec, "test.codec.Missing\ntest.codec.TestCodec");
    Path app = compile("cp-app2", API_CLASSES, "test/app/Main.java", APP);

    List<String> out = run(JAVA, "-cp", path(API_CLASSES, codec, app), "test.app.Main");

    assertEquals("forContentType TestCodec", out.get(1), String.join("\n", out));
  }

  private static Set<String> exported(Module module) {
    Set<String> names = new java.util.HashSet<>();
    module.getDescriptor().exports().forEach(e -> names.add(e.source()));
    return names;
  }

  private static Path compileModule(String name, String moduleInfo, String... files) throws Exception {
    String[] all = new String[files.length + 2];
    all[0] = "module-info.java";
    all[1] = moduleInfo;
    System.arraycopy(files, 0, all, 2, files.length);
    Path out = work.resolve(name + "-" + System.nanoTime());
    Path src = writeSources(out.resolveSibling(out.getFileName() + "-src"), all);
    List<String> cmd = new ArrayList<>(List.of(JAVAC, "--release", "17", "-d", out.toString(),
        "--module-path", API_CLASSES.toString()));
    cmd.addAll(sourceFiles(src));
    run(cmd.toArray(String[]::new));
    return out;
  }

  private static Path compile(String name, Path classPath, String... files) throws Exception {
    Path out = work.resolve(name);
    Path src = writeSources(work.resolve(name + "-src"), files);
    List<String> cmd = new ArrayList<>(List.of(JAVAC, "--release", "17", "-d", out.toString(),
        "-cp", classPath.toString()));
    cmd.addAll(sourceFiles(src));
    run(cmd.toArray(String[]::new));
    return out;
  }

  private static Path writeSources(Path dir, String... pathsAndContents) throws IOException {
    for (int i = 0; i < pathsAndContents.length; i += 2) {
      Path file = dir.resolve(pathsAndContents[i]);
      Files.createDirectories(file.getParent());
      Files.writeString(file, pathsAndContents[i + 1]);
    }
    return dir;
  }

  private static List<String> sourceFiles(Path dir) throws IOException {
    try (var files = Files.walk(dir)) {
      return files.filter(p -> p.toString().endsWith(".java")).map(Path::toString).toList();
    }
  }

  private static void services(Path classes, String lines) throws IOException {
    Path file = classes.resolve("META-INF/services/dev.chatinfo.api.codec.ChatInfoCodec");
    Files.createDirectories(file.getParent());
    Files.writeString(file, lines + "\n");
  }

  private static String path(Path... parts) {
    List<String> names = new ArrayList<>();
    for (Path p : parts) {
      names.add(p.toString());
    }
    return String.join(java.io.File.pathSeparator, names);
  }

  private static List<String> run(String... command) throws Exception {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    process.getOutputStream().close();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(process.waitFor(60, TimeUnit.SECONDS), "timed out: " + String.join(" ", command));
    assertEquals(0, process.exitValue(), () -> String.join(" ", command) + "\n" + output);
    return output.lines().filter(l -> !l.startsWith("WARNING") && !l.contains("skipping a ChatInfoCodec")
        && !l.startsWith("java.util.ServiceConfigurationError") && !l.startsWith("\t")
        && !l.startsWith("Caused by") && !l.isBlank() && !l.matches("^[A-Z][a-z]{2} \\d.*")).toList();
  }
}
