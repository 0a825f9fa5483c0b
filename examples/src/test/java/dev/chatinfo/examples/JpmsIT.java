package dev.chatinfo.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.spi.ToolProvider;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The built jars, used as a JPMS application uses them: the demo runs in a child JVM on the module
 * path only, as the program ships (both transports, both codecs), on Java 17 and on Java 25 when
 * that JDK is there ({@link KotlinFreeIT} runs it without Kotlin). And each of our jars'
 * module descriptor matches its golden file, so that a descriptor change is deliberate
 * (regenerate with {@code -Dchatinfo.golden.update=true}).
 */
class JpmsIT {

  static final Path LIB = ChildJvm.LIB;
  static final Path JAR = ChildJvm.JAR;
  static final Path GOLDEN = Path.of("src", "test", "resources", "golden");

  @Test
  void theDemoRunsOnTheModulePathOnJava17(@TempDir Path dir) throws Exception {
    assertDemo(ChildJvm.currentJava(), dir);
  }

  @Test
  void theDemoRunsOnTheModulePathOnJava25(@TempDir Path dir) throws Exception {
    assertDemo(ChildJvm.java25(), dir);
  }

  private static void assertDemo(Path java, Path dir) throws Exception {
    ChildJvm.Result demo = ChildJvm.shipped(java).run(dir, Duration.ofSeconds(90), Map.of(), "demo");
    String output = demo.output();
    assertEquals(0, demo.exitCode(), output);
    for (String expected : List.of("transports installed: jdk, retrofit; jdk used below",
        "== application/json: three chats fetched over HTTP (transport jdk) ==",
        "== application/xml: three chats fetched over HTTP (transport jdk) ==", "state         waiting",
        "state         chatting", "state         ended", "User-Agent: Java-http-client/", "User-Agent: okhttp/",
        "attempt 1 failed (SERVER_ERROR, HTTP 503)", "demo done")) {
      assertTrue(output.contains(expected), expected + " missing from:\n" + output);
    }
    assertTrue(!output.contains("Exception") && !output.contains("WARNING"), output);
  }

  /** ./chatinfo rebuilds the program when a source of one of its modules changes: all of them. */
  @Test
  void theChatinfoScriptWatchesEveryModuleOfTheProgram() throws Exception {
    String script = Files.readString(Path.of("..", "chatinfo"));
    Matcher list = Pattern.compile("(?m)^modules=\\(([^)]*)\\)$").matcher(script);
    assertTrue(list.find(), "no modules=(...) line in ./chatinfo");
    Set<String> watched = new TreeSet<>(List.of(list.group(1).trim().split("\\s+")));
    Set<String> program = new TreeSet<>(Set.of("examples"));
    try (Stream<Path> lib = Files.list(LIB)) {
      lib.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("chatinfo-"))
          .forEach(n -> program.add(n.substring("chatinfo-".length()).replace("-0.1.0-SNAPSHOT.jar", "")));
    }
    assertEquals(program, watched, "the modules=(...) list of ./chatinfo");
  }

  @Test
  void moduleDescriptorsMatchTheirGoldenFiles() throws Exception {
    Map<String, String> actual = new TreeMap<>();
    List<Path> jars = new ArrayList<>(List.of(JAR));
    try (Stream<Path> lib = Files.list(LIB)) {
      lib.filter(p -> p.getFileName().toString().startsWith("chatinfo-")).forEach(jars::add);
    }
    ToolProvider jar = ToolProvider.findFirst("jar").orElseThrow();
    for (Path file : jars) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      int code = jar.run(new PrintStream(out, true, StandardCharsets.UTF_8), System.err,
          "--describe-module", "--file", file.toString());
      assertEquals(0, code, file.toString());
      String artifact = file.getFileName().toString().replace("-0.1.0-SNAPSHOT.jar", "");
      String text = out.toString(StandardCharsets.UTF_8).replaceFirst(" jar:file:\\S*", "").strip() + "\n";
      actual.put(artifact, text);
    }
    assertEquals(List.of("chatinfo-api", "chatinfo-client", "chatinfo-codec-json", "chatinfo-codec-xml", "chatinfo-examples",
        "chatinfo-testkit", "chatinfo-transport-jdk", "chatinfo-transport-retrofit", "chatinfo-watch"), new ArrayList<>(actual.keySet()));
    if (Boolean.getBoolean("chatinfo.golden.update")) {
      Files.createDirectories(GOLDEN);
      for (Map.Entry<String, String> e : actual.entrySet()) {
        Files.writeString(GOLDEN.resolve(e.getKey() + ".txt"), e.getValue());
      }
    }
    for (Map.Entry<String, String> e : actual.entrySet()) {
      Path golden = GOLDEN.resolve(e.getKey() + ".txt");
      assertTrue(Files.exists(golden), "no golden file " + golden + " (run with -Dchatinfo.golden.update=true)");
      assertEquals(Files.readString(golden), e.getValue(), "the module descriptor of " + e.getKey()
          + " changed: if deliberate, run with -Dchatinfo.golden.update=true and commit the golden file");
    }
  }
}
