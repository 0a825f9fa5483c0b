package dev.chatinfo.examples;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;

/**
 * The {@code chatinfo} program in a child JVM, on the module path only, as {@code ./chatinfo}
 * runs it; its output (stdout and stderr) goes to a file, so that a program that hangs fails the
 * test at its time limit instead of blocking a read.
 *
 * @param java the {@code java} executable
 * @param modulePath the jars of the module path
 */
record ChildJvm(Path java, List<Path> modulePath) {

  static final Path JAR = Path.of(System.getProperty("chatinfo.examples.jar"));
  static final Path LIB = Path.of(System.getProperty("chatinfo.examples.lib"));
  static final String MAIN = "dev.chatinfo.examples/dev.chatinfo.examples.ChatInfoCli";

  /** What a program printed and how it ended. */
  record Result(int exitCode, String output) {}

  /**
   * The program as it ships: its jar and every jar of {@code target/lib}.
   *
   * @param java the {@code java} executable
   * @return the JVM
   */
  static ChildJvm shipped(Path java) {
    return new ChildJvm(java, List.of(JAR, LIB));
  }

  /** The JDK running the tests. */
  static Path currentJava() {
    return Path.of(System.getProperty("java.home"), "bin", "java");
  }

  /**
   * The {@code java} of the Java-25 runs: the JDK at {@code -Dchatinfo.jdk25.home} (by default
   * Temurin 25 where the project's machines have it); the test is skipped when it is absent.
   *
   * @return the executable
   */
  static Path java25() {
    Path home = Path.of(System.getProperty("chatinfo.jdk25.home", "/usr/lib/jvm/temurin-25-jdk-amd64"));
    Path java = home.resolve("bin").resolve("java");
    Assumptions.assumeTrue(Files.isExecutable(java),
        () -> "skipped: no JDK 25 at " + home + " (set -Dchatinfo.jdk25.home to run on Java 25)");
    return java;
  }

  /**
   * Starts the program.
   *
   * @param output where its output goes
   * @param env environment variables to add
   * @param args the program's arguments
   * @return the running process
   * @throws IOException when it cannot start
   */
  Process start(Path output, Map<String, String> env, String... args) throws IOException {
    List<String> command = new ArrayList<>(List.of(java.toString(), "--module-path",
        modulePath.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator)), "--module", MAIN));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
    builder.environment().putAll(env);
    Process process = builder.start();
    process.getOutputStream().close();
    return process;
  }

  /**
   * Runs the program to its end.
   *
   * @param dir where to keep its output
   * @param limit how long it may take
   * @param env environment variables to add
   * @param args the program's arguments
   * @return its exit code and output
   * @throws Exception when it cannot start, or is interrupted
   */
  Result run(Path dir, Duration limit, Map<String, String> env, String... args) throws Exception {
    Path output = Files.createTempFile(dir, "chatinfo-", ".out");
    Process process = start(output, env, args);
    boolean ended = process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS);
    if (!ended) {
      process.destroyForcibly().waitFor();
    }
    String text = Files.readString(output, StandardCharsets.UTF_8);
    assertTrue(ended, "chatinfo " + String.join(" ", args) + " did not end within " + limit + ":\n" + text);
    return new Result(process.exitValue(), text);
  }

  /**
   * Waits for a line of a running program's output.
   *
   * @param output the file its output goes to
   * @param start how the line starts
   * @param limit how long to wait at most
   * @return the line, or empty when none came in time
   * @throws Exception when the file cannot be read, or the wait is interrupted
   */
  static Optional<String> awaitLine(Path output, String start, Duration limit) throws Exception {
    long end = System.nanoTime() + limit.toNanos();
    do {
      Optional<String> line = Files.readAllLines(output, StandardCharsets.UTF_8).stream()
          .filter(l -> l.startsWith(start)).findFirst();
      if (line.isPresent()) {
        return line;
      }
      Thread.sleep(100);
    } while (System.nanoTime() < end);
    return Optional.empty();
  }
}
