package dev.chatinfo.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chatinfo.api.ChatInfoException.Kind;
import dev.chatinfo.api.ChatRef;
import dev.chatinfo.testkit.ChatInfoFixtures;
import dev.chatinfo.testkit.FakeChatServer;
import dev.chatinfo.testkit.Fault;
import dev.chatinfo.testkit.junit.FakeChatServerExtension;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(FakeChatServerExtension.class)
class ChatInfoCliTest {

  FakeChatServer server;
  ChatRef ref;
  final ByteArrayOutputStream out = new ByteArrayOutputStream();
  final ByteArrayOutputStream err = new ByteArrayOutputStream();

  @BeforeEach
  void addAChattingChat(FakeChatServer server) {
    this.server = server;
    ref = server.addChat(ChatInfoFixtures.chatting());
  }

  int run(Map<String, String> env, String... args) {
    return new ChatInfoCli(new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), env).run(args);
  }

  int fetch(String... extra) {
    List<String> args = new ArrayList<>(List.of("fetch", "--base-url", server.baseUrl().toString(),
        "--account", ref.accountId(), "--agent-session", ref.agentSessionId(), "--chat", ref.chatId()));
    args.addAll(List.of(extra));
    return run(Map.of("LP_BEARER", server.token()), args.toArray(String[]::new));
  }

  String out() {
    return out.toString(StandardCharsets.UTF_8);
  }

  String err() {
    return err.toString(StandardCharsets.UTF_8);
  }

  @Test
  void theDemoShowsEachStateInJsonAndXmlAndARetry() {
    assertEquals(0, run(Map.of()));
    String demo = out();
    for (String section : List.of("== application/json", "== application/xml")) {
      String part = demo.substring(demo.indexOf(section));
      assertTrue(part.contains("state         waiting"), part);
      assertTrue(part.contains("state         chatting"), part);
      assertTrue(part.contains("state         ended"), part);
    }
    assertTrue(demo.contains("  transports installed: jdk, retrofit; jdk used below\n"), demo);
    assertTrue(demo.contains("== application/json: three chats fetched over HTTP (transport jdk) =="), demo);
    String each = demo.substring(demo.indexOf("== one fetch through each transport =="));
    assertTrue(each.contains("\n  through jdk:      chatting, agent Barber, visitor typing   (the server saw User-Agent: "
        + "Java-http-client/"), each);
    assertTrue(each.contains("\n  through retrofit: chatting, agent Barber, visitor typing   (the server saw User-Agent: "
        + "okhttp/"), each);
    assertTrue(demo.contains("attempt 1 failed (SERVER_ERROR, HTTP 503); retrying in"), demo);
    assertTrue(demo.contains("then: chatting with agent Barber"), demo);
    String watching = demo.substring(demo.indexOf("== watching the three chats through their timeline"));
    assertTrue(watching.contains("STARTED  waiting"), watching);
    assertTrue(watching.contains("CHANGED [STATE, AGENT, LAST_UPDATE]  chatting, agent Barber"), watching);
    assertTrue(watching.contains("CHANGED [VISITOR_TYPING, LAST_UPDATE]  chatting, agent Barber, visitor typing"), watching);
    assertEquals(3, watching.lines().filter(l -> l.contains("  ENDED  ended")).count(), watching);
    assertEquals("", err());
  }

  @Test
  void theDemoTakesTheTransportToUse() {
    assertEquals(0, run(Map.of(), "demo", "--transport", "retrofit"), err());
    assertTrue(out().contains("  transports installed: jdk, retrofit; retrofit used below\n"), out());
    assertTrue(out().contains("== application/xml: three chats fetched over HTTP (transport retrofit) =="), out());
    assertUsage(Map.of(), "demo", "--transport", "carrier-pigeon");
  }

  @Test
  void fetchPrintsATable() {
    assertEquals(0, fetch());
    assertTrue(out().startsWith("chat " + ref.chatId() + "  (account 56072331)\n  state         chatting\n"), out());
    assertTrue(out().contains("  agent         Barber (311098910)\n"), out());
  }

  @Test
  void fetchPrintsJsonForScriptsInEitherWireFormat() {
    assertEquals(0, fetch("--output", "json", "--format", "xml"));
    assertTrue(out().contains("\"state\": \"chatting\""), out());
    assertTrue(out().contains("\"agentId\": 311098910"), out());
    assertTrue(server.requests().get(0).header("Accept").orElseThrow().startsWith("application/xml"));
  }

  @Test
  void readsTheTokenFromAFileOrAnotherVariable(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("token");
    Files.writeString(file, server.token() + "\n");
    assertEquals(0, run(Map.of(), "fetch", "--base-url", server.baseUrl().toString(), "--account", ref.accountId(),
        "--agent-session", ref.agentSessionId(), "--chat", ref.chatId(), "--token-file", file.toString()));
    assertEquals(0, run(Map.of("MY_TOKEN", server.token()), "fetch", "--base-url", server.baseUrl().toString(),
        "--account", ref.accountId(), "--agent-session", ref.agentSessionId(), "--chat", ref.chatId(),
        "--token-env", "MY_TOKEN"));
  }

  @Test
  void failuresAreOneLineWithTheirExitCodeAndNoToken() {
    server.enqueue(Fault.status(404));
    assertEquals(5, fetch());
    assertOneLine("chatinfo: NOT_FOUND: GET /api/account/");

    server.failEveryRequest(Fault.status(503));
    assertEquals(7, fetch("--retries", "1", "--timeout", "5s"));
    assertTrue(err().contains("(2 attempts)"), err());
    assertOneLine("chatinfo: SERVER_ERROR: ");
    server.clearFaults();

    server.enqueue(Fault.htmlErrorPage());
    assertEquals(13, fetch());
    assertOneLine("chatinfo: UNSUPPORTED_MEDIA_TYPE: ");

    err.reset();
    assertEquals(3, run(Map.of("LP_BEARER", "wrong-secret-token"), "fetch", "--base-url", server.baseUrl().toString(),
        "--account", ref.accountId(), "--agent-session", ref.agentSessionId(), "--chat", ref.chatId()));
    assertOneLine("chatinfo: UNAUTHORIZED: ");
    assertFalse(err().contains("wrong-secret-token"));
  }

  @Test
  void verbosePrintsTheStackTrace() {
    server.enqueue(Fault.status(404));
    assertEquals(5, fetch("--verbose"));
    assertTrue(err().lines().count() > 1);
    assertTrue(err().contains("at dev.chatinfo"), err());
  }

  @Test
  void usageErrorsExitWith2() {
    assertUsage(Map.of(), "fetch", "--base-url", server.baseUrl().toString(), "--account", "1", "--agent-session", "s",
        "--chat", "c");
    assertTrue(err().contains("no bearer token: set LP_BEARER or use --token-file"), err());
    assertUsage(Map.of("LP_BEARER", "t"), "fetch", "--token", "secret");
    assertFalse(err().contains("secret"), err());
    assertUsage(Map.of("LP_BEARER", "t"), "fetch", "--domain", "x.com", "--account", "1", "--agent-session", "s");
    assertUsage(Map.of("LP_BEARER", "t"), "fetch", "--domain", "x.com", "--account", "../x", "--agent-session", "s", "--chat", "c");
    assertUsage(Map.of("LP_BEARER", "t"), "fetch", "--base-url", "http://example.com/", "--account", "1",
        "--agent-session", "s", "--chat", "c");
    assertUsage(Map.of("LP_BEARER", "t"), "fetch", "--domain", "x.com", "--account", "1", "--agent-session", "s",
        "--chat", "c", "--timeout", "soon");
    assertUsage(Map.of("LP_BEARER", "t"), "fetch", "--domain", "x.com", "--account", "1", "--agent-session", "s",
        "--chat", "c", "--format", "yaml");
    assertUsage(Map.of(), "frobnicate");
    assertEquals(0, run(Map.of(), "help"));
    assertTrue(out().contains("exit codes:"));
  }

  @Test
  void aCommandLineThatNamesOneCommandBuildsThatOneOnly() {
    ChatInfoCli cli = new ChatInfoCli(new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), Map.of());
    List<String> all = List.of("demo", "fetch", "watch", "serve", "help", "generate-completion");
    for (String one : List.of("demo", "fetch", "watch", "serve")) {
      assertEquals(List.of(one), List.copyOf(cli.commandLine(one).getSubcommands().keySet()));
    }
    for (String first : new String[] {null, "help", "generate-completion", "frobnicate", "--help", "FETCH"}) {
      assertEquals(all, List.copyOf(cli.commandLine(first).getSubcommands().keySet()), String.valueOf(first));
    }
    assertEquals(0, run(Map.of(), "help", "fetch"));
    assertTrue(out().startsWith("Usage: chatinfo fetch "), out());
    assertTrue(out().contains("--transport"), out());
    out.reset();
    assertEquals(0, run(Map.of(), "help"));
    for (String command : all) {
      assertTrue(out().contains("  " + command + " "), command + " missing from\n" + out());
    }
  }

  @Test
  void everyKindHasItsOwnExitCode() {
    Set<Integer> codes = new HashSet<>(List.of(0, 1, 2));
    for (Kind kind : EnumSet.allOf(Kind.class)) {
      assertTrue(codes.add(ChatInfoCli.exitCode(kind)), kind + " shares an exit code");
      assertTrue(ChatInfoCli.EXIT_CODES.contains(ChatInfoCli.exitCode(kind) + " " + kind), kind + " is not documented");
    }
  }

  int watch(Map<String, String> env, String... extra) {
    List<String> args = new ArrayList<>(List.of("watch", "--base-url", server.baseUrl().toString(),
        "--account", ref.accountId(), "--agent-session", ref.agentSessionId(), "--interval", "1s"));
    args.addAll(List.of(extra));
    return run(env, args.toArray(String[]::new));
  }

  @Test
  void watchPrintsEventsUntilEveryChatEndedThenExitsWith0() {
    ChatRef ended = server.addChat(ChatInfoFixtures.ended());
    server.update(ref, i -> i.toBuilder().state(dev.chatinfo.api.ChatState.ENDED).build());
    assertEquals(0, watch(Map.of("LP_BEARER", server.token()), "--chat", ref.chatId(), "--chat", ended.chatId()), err());
    List<String> lines = out().lines().toList();
    assertEquals(4, lines.size(), out());
    assertTrue(lines.stream().anyMatch(l -> l.contains("  " + ref.chatId() + "  STARTED  ended, agent Barber")), out());
    assertTrue(lines.stream().anyMatch(l -> l.contains("  " + ended.chatId() + "  ENDED  ended")), out());
    assertEquals("", err());
  }

  @Test
  void watchExitsWithTheCodeOfTheLastFailureAndPrintsJsonLines() {
    assertEquals(5, watch(Map.of("LP_BEARER", server.token()), "--chat", "no-such-chat", "--output", "json"), err());
    String line = out().strip();
    assertTrue(line.startsWith("{\"event\":\"GONE\",\"at\":"), line);
    assertTrue(line.contains("\"chatId\":\"no-such-chat\""), line);
    assertTrue(line.contains("\"kind\":\"NOT_FOUND\""), line);
    assertEquals(1, out().lines().count(), out());
  }

  @Test
  void watchRefusesAnIntervalBelowOneSecond() {
    assertUsage(Map.of("LP_BEARER", server.token()), "watch", "--base-url", server.baseUrl().toString(),
        "--account", "1", "--agent-session", "s", "--chat", "c", "--interval", "500ms");
    assertTrue(err().contains("--interval must be at least 1s"), err());
  }

  @Test
  void jsonOutputPrintsFailuresAsJson() {
    server.removeChat(ref);
    assertEquals(5, fetch("--output", "json"));
    assertTrue(out().startsWith("{\"error\":{\"kind\":\"NOT_FOUND\",\"message\":\"GET /api/account/"), out());
    assertTrue(out().contains("\"exitCode\":5}}"), out());
    assertEquals("", err());
  }

  @Test
  void anUnknownTransportIsAUsageErrorThatNamesWhatIsInstalled() {
    assertEquals(2, fetch("--transport", "carrier-pigeon"));
    assertTrue(err().startsWith("chatinfo: "), err());
    assertTrue(err().contains("no transport named 'carrier-pigeon' is installed (installed: jdk, retrofit)"), err());
  }

  @Test
  void eitherInstalledTransportCanBeNamedAndJdkIsTheDefault() {
    assertEquals(List.of("jdk", "retrofit"), Transports.installed());
    assertEquals(0, fetch("--transport", "retrofit"), err());
    assertEquals(0, fetch("--transport", "jdk"), err());
    assertEquals(0, fetch(), err());
    List<String> userAgents = server.requests().stream()
        .map(r -> r.header("User-Agent").orElse("(none)")).toList();
    assertTrue(userAgents.get(0).startsWith("okhttp/"), userAgents.toString());
    assertTrue(userAgents.get(1).startsWith("Java-http-client/"), userAgents.toString());
    assertTrue(userAgents.get(2).startsWith("Java-http-client/"), userAgents.toString());
  }

  @Test
  void theTransportOptionSaysWhichIsTheDefault() {
    assertEquals(0, run(Map.of(), "help", "fetch"));
    assertTrue(out().replaceAll("\\s+", " ").contains("and jdk when both are, as the program ships"), out());
  }

  @Test
  void serveRunsTheDemoChatsOnTheGivenPortUntilStopped() throws Exception {
    int port;
    try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = free.getLocalPort();
    }
    ByteArrayOutputStream served = new ByteArrayOutputStream();
    PrintStream serveOut = new PrintStream(served, true, StandardCharsets.UTF_8);
    AtomicInteger code = new AtomicInteger(-1);
    Thread serve = new Thread(() -> code.set(new ChatInfoCli(serveOut, serveOut, Map.of())
        .run(new String[] {"serve", "--port", Integer.toString(port), "--step", "1s"})), "serve");
    serve.start();
    try {
      String watchLine = awaitLine(served, "  LP_BEARER=");
      // What the user pastes into another terminal: LP_BEARER=<token> ./chatinfo watch --base-url ... --chat ...
      List<String> words = List.of(watchLine.strip().split(" "));
      assertEquals(List.of("./chatinfo", "watch", "--base-url", "http://127.0.0.1:" + port + "/"), words.subList(1, 5),
          watchLine);
      Map<String, String> env = Map.of("LP_BEARER", words.get(0).substring("LP_BEARER=".length()));
      List<String> fetch = new ArrayList<>(words.subList(2, words.size()));
      fetch.set(0, "fetch");
      int firstChat = fetch.indexOf("--chat");
      List<String> chats = new ArrayList<>();
      for (int i = firstChat; i < fetch.size(); i += 2) {
        chats.add(fetch.get(i + 1));
      }
      assertEquals(3, chats.size(), watchLine);
      for (String chat : chats) {
        List<String> args = new ArrayList<>(fetch.subList(0, firstChat));
        args.addAll(List.of("--chat", chat));
        assertEquals(0, run(env, args.toArray(String[]::new)), err());
      }
      assertTrue(out().contains("state         waiting") && out().contains("state         chatting")
          && out().contains("state         ended"), out());
    } finally {
      serve.interrupt();
      serve.join(10_000);
    }
    assertFalse(serve.isAlive(), "serve did not stop when interrupted");
    assertEquals(0, code.get(), served.toString(StandardCharsets.UTF_8));
    try (ServerSocket again = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
      assertEquals(port, again.getLocalPort(), "serve let its port go");
    }
  }

  @Test
  void serveRefusesAPortInUse() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      assertUsage(Map.of(), "serve", "--port", Integer.toString(taken.getLocalPort()));
      assertTrue(err().contains("could not start the fake chat server on 127.0.0.1:" + taken.getLocalPort()), err());
    }
    assertUsage(Map.of(), "serve", "--port", "70000");
  }

  /** Waits (up to 10 s) for a line of the output that starts with {@code start}. */
  private static String awaitLine(ByteArrayOutputStream output, String start) throws InterruptedException {
    for (int i = 0; i < 200; i++) {
      Optional<String> line = output.toString(StandardCharsets.UTF_8).lines().filter(l -> l.startsWith(start))
          .findFirst();
      if (line.isPresent()) {
        return line.get();
      }
      Thread.sleep(50);
    }
    throw new AssertionError("no line starting with '" + start + "' in:\n" + output.toString(StandardCharsets.UTF_8));
  }

  @Test
  void helpListsEveryCommandAndCompletionIsGenerated() {
    assertEquals(0, run(Map.of(), "help"));
    for (String command : List.of("demo", "fetch", "watch", "serve", "help", "generate-completion")) {
      assertTrue(out().contains("  " + command), command + " missing from:\n" + out());
    }
    assertEquals(0, run(Map.of(), "help", "watch"));
    assertTrue(out().contains("--interval=DURATION"), out());
    out.reset();
    assertEquals(0, run(Map.of(), "generate-completion"));
    assertTrue(out().contains("complete -F _complete_chatinfo"), out().lines().limit(5).toList().toString());
  }

  private void assertUsage(Map<String, String> env, String... args) {
    err.reset();
    assertEquals(2, run(env, args), err());
    assertTrue(err().startsWith("chatinfo: "), err());
    assertEquals(1, err().lines().count(), err());
  }

  private void assertOneLine(String start) {
    String text = err();
    err.reset();
    assertTrue(text.startsWith(start), text);
    assertEquals(1, text.lines().count(), text);
  }
}
