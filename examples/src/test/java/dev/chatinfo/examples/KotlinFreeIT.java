package dev.chatinfo.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chatinfo.api.ChatRef;
import dev.chatinfo.testkit.ChatInfoFixtures;
import dev.chatinfo.testkit.FakeChatServer;
import dev.chatinfo.testkit.RecordedRequest;
import dev.chatinfo.testkit.junit.FakeChatServerExtension;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Kotlin-free path: the same program jar on a module path that holds no Kotlin, OkHttp, Okio,
 * Retrofit or Moshi jar at all (so neither the JSON codec nor the Retrofit transport), fetching
 * XML through the JDK transport, on Java 17 and 25.
 */
@ExtendWith(FakeChatServerExtension.class)
class KotlinFreeIT {

  /** The file-name starts of Kotlin, OkHttp, Okio, Retrofit, Moshi, and of our two modules that need them. */
  static final List<String> LEFT_OUT = List.of("kotlin-", "annotations-", "okhttp-", "okio-", "retrofit-",
      "moshi-", "chatinfo-codec-json-", "chatinfo-transport-retrofit-");

  /** Where their classes live: no jar of the path may hold one. */
  static final List<String> KOTLIN_AND_SQUARE_PACKAGES = List.of("kotlin/", "okhttp3/", "okio/", "retrofit2/",
      "com/squareup/");

  static List<Path> modulePath() throws IOException {
    List<Path> path = new ArrayList<>(List.of(ChildJvm.JAR));
    try (Stream<Path> lib = Files.list(ChildJvm.LIB)) {
      lib.filter(jar -> LEFT_OUT.stream().noneMatch(jar.getFileName().toString()::startsWith)).sorted()
          .forEach(path::add);
    }
    return path;
  }

  @Test
  void theModulePathHoldsTheJdkTransportAndTheXmlCodecAndNoKotlinOrSquareClass() throws IOException {
    List<String> artifacts = new ArrayList<>();
    for (Path jar : modulePath()) {
      artifacts.add(jar.getFileName().toString().replaceFirst("-\\d.*\\.jar$", ""));
      try (JarFile file = new JarFile(jar.toFile())) {
        file.stream().map(e -> e.getName()).filter(n -> KOTLIN_AND_SQUARE_PACKAGES.stream().anyMatch(n::startsWith))
            .findFirst().ifPresent(n -> {
              throw new AssertionError(jar.getFileName() + " holds " + n);
            });
      }
    }
    assertEquals(List.of("chatinfo-examples", "apiguardian-api", "chatinfo-api", "chatinfo-client",
        "chatinfo-codec-xml", "chatinfo-testkit", "chatinfo-transport-jdk", "chatinfo-watch", "junit-jupiter-api",
        "junit-platform-commons", "opentest4j", "picocli", "resilience4j-circuitbreaker", "resilience4j-core",
        "resilience4j-retry", "simple-xml-safe", "slf4j-api", "slf4j-jdk14"), artifacts);
  }

  @Test
  void theDemoFetchesXmlThroughTheJdkTransportOnJava17(@TempDir Path dir) throws Exception {
    assertDemo(ChildJvm.currentJava(), dir);
  }

  @Test
  void theDemoFetchesXmlThroughTheJdkTransportOnJava25(@TempDir Path dir) throws Exception {
    assertDemo(ChildJvm.java25(), dir);
  }

  private static void assertDemo(Path java, Path dir) throws Exception {
    ChildJvm.Result demo = new ChildJvm(java, modulePath()).run(dir, Duration.ofSeconds(90), Map.of(), "demo");
    String output = demo.output();
    assertEquals(0, demo.exitCode(), output);
    for (String expected : List.of("  transports installed: jdk; jdk used below\n",
        "  codecs installed: application/xml\n", "== application/xml: three chats fetched over HTTP (transport jdk) ==",
        "state         waiting", "state         chatting", "state         ended",
        "\n  through jdk:      chatting, agent Barber, visitor typing   (the server saw User-Agent: Java-http-client/",
        "attempt 1 failed (SERVER_ERROR, HTTP 503)", "== watching the three chats", "demo done")) {
      assertTrue(output.contains(expected), expected + " missing from:\n" + output);
    }
    for (String absent : List.of("application/json", "retrofit", "okhttp", "Exception", "WARNING")) {
      assertFalse(output.contains(absent), absent + " in:\n" + output);
    }
  }

  @Test
  void fetchReadsXmlThroughTheJdkTransportAndSaysWhatIsNotInstalled(FakeChatServer server, @TempDir Path dir)
      throws Exception {
    ChatRef ref = server.addChat(ChatInfoFixtures.chatting());
    ChildJvm program = new ChildJvm(ChildJvm.currentJava(), modulePath());
    Map<String, String> env = Map.of("LP_BEARER", server.token());
    String[] fetch = {"fetch", "--base-url", server.baseUrl().toString(), "--account", ref.accountId(),
        "--agent-session", ref.agentSessionId(), "--chat", ref.chatId(), "--format", "xml", "--transport", "jdk"};

    ChildJvm.Result fetched = program.run(dir, Duration.ofSeconds(60), env, fetch);
    assertEquals(0, fetched.exitCode(), fetched.output());
    assertTrue(fetched.output().contains("  state         chatting\n  session key   "), fetched.output());
    RecordedRequest request = server.requests().get(0);
    assertTrue(request.header("Accept").orElseThrow().startsWith("application/xml"), request.toString());
    assertTrue(request.header("User-Agent").orElseThrow().startsWith("Java-http-client/"), request.toString());

    fetch[fetch.length - 3] = "json";
    ChildJvm.Result json = program.run(dir, Duration.ofSeconds(60), env, fetch);
    assertEquals(2, json.exitCode(), json.output());
    assertEquals("chatinfo: --format json: no codec for application/json is installed; add chatinfo-codec-json "
        + "(chatinfo help shows the usage)\n", json.output());

    fetch[fetch.length - 3] = "xml";
    fetch[fetch.length - 1] = "retrofit";
    ChildJvm.Result retrofit = program.run(dir, Duration.ofSeconds(60), env, fetch);
    assertEquals(2, retrofit.exitCode(), retrofit.output());
    assertTrue(retrofit.output().startsWith("chatinfo: no transport named 'retrofit' is installed (installed: jdk)"),
        retrofit.output());
    assertEquals(1, server.requests().size(), "only the first fetch sent a request");
  }
}
