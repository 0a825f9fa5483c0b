package dev.chatinfo.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code chatinfo serve} in one terminal and {@code chatinfo watch} in another: two JVMs of the
 * built program, the second started with the very command line the first prints.
 */
class ServeAndWatchIT {

  @Test
  void watchFollowsTheChatsThatServeServesUntilEachEnded(@TempDir Path dir) throws Exception {
    int port;
    try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = free.getLocalPort();
    }
    ChildJvm program = ChildJvm.shipped(ChildJvm.currentJava());
    Path served = dir.resolve("serve.out");
    Process serve = program.start(served, Map.of(), "serve", "--port", Integer.toString(port), "--step", "2s");
    try {
      String line = ChildJvm.awaitLine(served, "  LP_BEARER=", Duration.ofSeconds(30))
          .orElseThrow(() -> new AssertionError("serve printed no watch command:\n" + read(served)));
      // LP_BEARER=<token> ./chatinfo watch --base-url http://127.0.0.1:<port>/ --account ... --chat ... (three)
      List<String> words = List.of(line.strip().split(" "));
      assertEquals(List.of("./chatinfo", "watch", "--base-url", "http://127.0.0.1:" + port + "/"), words.subList(1, 5));
      List<String> args = new ArrayList<>(words.subList(2, words.size()));
      args.addAll(List.of("--interval", "1s"));
      ChildJvm.Result watch = program.run(dir, Duration.ofSeconds(90),
          Map.of("LP_BEARER", words.get(0).substring("LP_BEARER=".length())), args.toArray(String[]::new));

      assertEquals(0, watch.exitCode(), watch.output());
      List<String> events = watch.output().lines().toList();
      List<String> chats = new ArrayList<>();
      for (int i = 0; i < words.size() - 1; i++) {
        if (words.get(i).equals("--chat")) {
          chats.add(words.get(i + 1));
        }
      }
      assertEquals(3, chats.size(), line);
      for (String id : chats) {
        assertEquals(1, events.stream().filter(e -> e.contains("  " + id + "  STARTED  ")).count(), watch.output());
        assertEquals(1, events.stream().filter(e -> e.contains("  " + id + "  ENDED  ended")).count(), watch.output());
      }
      assertEquals(6, events.stream().filter(e -> e.contains("  STARTED  ") || e.contains("  ENDED  ")).count(),
          watch.output());
      assertTrue(events.stream().anyMatch(e -> e.contains("  CHANGED [")), "no change seen:\n" + watch.output());
    } finally {
      serve.destroy();   // SIGTERM: the shutdown hook stops the server, as Ctrl-C does
      assertTrue(serve.waitFor(20, TimeUnit.SECONDS), "serve did not stop:\n" + read(served));
    }
    try (ServerSocket again = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
      assertEquals(port, again.getLocalPort(), "serve let its port go");
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
