package dev.chatinfo.benchmarks;

import dev.chatinfo.api.ChatRef;
import dev.chatinfo.benchmarks.coldstart.BareOkHttpMoshiMain;
import dev.chatinfo.benchmarks.coldstart.ChatinfoJdkMain;
import dev.chatinfo.benchmarks.coldstart.ChatinfoMain;
import dev.chatinfo.testkit.FakeChatServer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Cold start: the time from starting a new JVM ({@code java -cp <this jar> <main> ...}, no
 * options) to reading the first line it prints, the fetched chat, one process per operation.
 * chatinfo's source (with the installed codecs found by {@code ServiceLoader}, and with the JSON
 * codec given) against a bare OkHttp + Moshi program. The fake server runs in the benchmark's
 * JVM; the child's exit is awaited outside the measured time.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 10)
@Fork(value = 1, jvmArgsAppend = ColdStart.NO_DELAY)
public class ColdStart {

  /**
   * Makes the JDK's HTTP server (the fake server) set {@code TCP_NODELAY}: without it, its
   * separate writes of headers and body meet the client's delayed ACK, and every request of the
   * benchmark waits about 40 ms for nothing.
   */
  public static final String NO_DELAY = "-Dsun.net.httpserver.nodelay=true";

  private FakeChatServer server;
  private ChatRef chat;
  private String java;
  private String classPath;
  private Process process;

  /** Starts the server. */
  @Setup
  public void setUp() {
    server = FakeChatServer.start(Payloads.frozenClock());
    chat = server.addChat(Payloads.fixture());
    java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    classPath = System.getProperty("java.class.path");
  }

  /** Waits for the child to end (not measured), and checks it ended well. */
  @TearDown(Level.Invocation)
  public void awaitChild() throws InterruptedException {
    if (process != null) {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IllegalStateException("the child did not exit");
      }
      if (process.exitValue() != 0) {
        throw new IllegalStateException("the child exited with " + process.exitValue());
      }
      process = null;
      server.clearRequests();
    }
  }

  /** Stops the server. */
  @TearDown
  public void tearDown() {
    server.close();
  }

  /** @return the line printed */
  @Benchmark
  public String chatinfoInstalledCodecs() throws IOException {
    return firstLine(ChatinfoMain.class.getName(), "installed", "ChatInfo{state=CHATTING");
  }

  /** @return the line printed */
  @Benchmark
  public String chatinfoJsonCodec() throws IOException {
    return firstLine(ChatinfoMain.class.getName(), "json", "ChatInfo{state=CHATTING");
  }

  /** @return the line printed */
  @Benchmark
  public String chatinfoJdkTransportJsonCodec() throws IOException {
    return firstLine(ChatinfoJdkMain.class.getName(), "json", "ChatInfo{state=CHATTING");
  }

  /** @return the line printed */
  @Benchmark
  public String bareOkHttpMoshi() throws IOException {
    return firstLine(BareOkHttpMoshiMain.class.getName(), null, "Info{state=chatting");
  }

  private String firstLine(String main, String codecs, String expected) throws IOException {
    List<String> command = new ArrayList<>(List.of(java, "-cp", classPath, main,
        server.baseUrl().toString(), server.token(), chat.accountId(), chat.agentSessionId(), chat.chatId()));
    if (codecs != null) {
      command.add(codecs);
    }
    // stderr is dropped: slf4j (under Resilience4j) may warn there that it has no binding.
    process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    String line = out.readLine();
    if (line == null || !line.startsWith(expected)) {
      throw new IllegalStateException(main + " printed " + line + " instead of " + expected + "...");
    }
    return line;
  }
}
