package dev.chatinfo.benchmarks;

import com.sun.management.OperatingSystemMXBean;
import com.sun.management.ThreadMXBean;
import dev.chatinfo.api.BearerTokenProvider;
import dev.chatinfo.api.ChatInfo;
import dev.chatinfo.api.ChatRef;
import dev.chatinfo.client.ChatInfoClient;
import dev.chatinfo.client.spi.HttpTransport;
import dev.chatinfo.codec.json.MoshiChatInfoCodec;
import dev.chatinfo.testkit.FakeChatServer;
import dev.chatinfo.transport.jdk.JdkTransport;
import dev.chatinfo.transport.retrofit.RetrofitTransport;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.http.HttpClient;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;

/**
 * The fetch comparisons of issues 11 and 12 measured in pairs, so that the machine's drift
 * cannot favour a side: every invocation fetches the chat once through {@link ChatInfoClient}
 * and once through the bare library its transport adapts (the order swapped at every
 * invocation), and times each call on its own. Whatever slows the machine for a while slows both
 * sides of the pairs measured meanwhile, where separate benchmarks meet it on one side only.
 *
 * <p>The counters, summed per iteration: {@code clientNanos} and {@code bareNanos} (wall time
 * inside each call), {@code clientCpuNanos} and {@code bareCpuNanos} (CPU time of the calling
 * thread inside each call: the library's other threads and the server are not in it),
 * {@code clientProcessCpuNanos} and {@code bareProcessCpuNanos} (CPU time of the whole process
 * while each call ran: the server's and the library's threads too; meaningful at one thread,
 * where no other call runs meanwhile; the JDK reads it in clock ticks of 10 ms on Linux, so each
 * tick falls to the call it lands in, a sampling that is fair over the thousands of calls of an
 * iteration),
 * {@code clientBytes} and {@code bareBytes} (bytes allocated by the calling thread), and
 * {@code pairs}. The client's throughput relative to the bare library's is
 * {@code bareNanos / clientNanos}: at one thread a call's throughput is the inverse of its time.
 * {@code PairedFetchReport} reads the JSON of a run and prints these ratios. The bare GETs are
 * {@link BareGet}'s, as in {@link Fetch} and {@link FetchJdk}, with the URL's text made once (a
 * little less work than theirs): a request built per call with the bearer token and
 * {@code Accept}, the body decoded by the same codec instance.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@Fork(jvmArgsAppend = ColdStart.NO_DELAY)
@OutputTimeUnit(TimeUnit.SECONDS)
public class FetchPaired {

  /** The transport under the client: {@code retrofit} (against bare OkHttp) or {@code jdk} (against bare java.net.http). */
  @Param({"retrofit", "jdk"})
  public String transport;

  private static final ThreadMXBean THREADS = (ThreadMXBean) ManagementFactory.getThreadMXBean();
  private static final OperatingSystemMXBean PROCESS = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

  private final MoshiChatInfoCodec codec = new MoshiChatInfoCodec();
  private FakeChatServer server;
  private ChatRef chat;
  private ChatInfoClient client;
  private String url;
  private String token;
  private OkHttpClient okHttp;
  private HttpClient javaNetHttp;

  /** What one thread measured in the current iteration. */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.EVENTS)
  public static class Pairs {
    /** Wall time inside the client's calls. */
    public long clientNanos;
    /** Wall time inside the bare library's calls. */
    public long bareNanos;
    /** CPU time of the calling thread inside the client's calls. */
    public long clientCpuNanos;
    /** CPU time of the calling thread inside the bare library's calls. */
    public long bareCpuNanos;
    /** CPU time of the whole process (server, library threads, caller) inside the client's calls. */
    public long clientProcessCpuNanos;
    /** CPU time of the whole process inside the bare library's calls. */
    public long bareProcessCpuNanos;
    /** Bytes the calling thread allocated inside the client's calls. */
    public long clientBytes;
    /** Bytes the calling thread allocated inside the bare library's calls. */
    public long bareBytes;
    /** Pairs of calls. */
    public long pairs;
    private boolean clientFirst;

    /** Zero at the start of each iteration: JMH reports what one iteration counted. */
    @Setup(Level.Iteration)
    public void reset() {
      clientNanos = 0;
      bareNanos = 0;
      clientCpuNanos = 0;
      bareCpuNanos = 0;
      clientProcessCpuNanos = 0;
      bareProcessCpuNanos = 0;
      clientBytes = 0;
      bareBytes = 0;
      pairs = 0;
    }
  }

  /** Starts the server, builds the client and the bare library, and checks that both read the chat. */
  @Setup
  public void setUp() throws Exception {
    server = FakeChatServer.start(Payloads.frozenClock());
    chat = server.addChat(Payloads.fixture());
    token = server.token();
    url = BareGet.url(server.baseUrl(), chat);
    HttpTransport http;
    switch (transport) {
      case "retrofit" -> {
        http = RetrofitTransport.create();
        okHttp = new OkHttpClient();
      }
      case "jdk" -> {
        http = JdkTransport.create();
        javaNetHttp = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
      }
      default -> throw new IllegalArgumentException("transport is retrofit or jdk, was " + transport);
    }
    client = ChatInfoClient.builder()
        .baseUrl(server.baseUrl())
        .bearerToken(BearerTokenProvider.of(token))
        .transport(http)
        .codec(codec)
        .build();
    ChatInfo expected = server.chat(chat);
    if (!expected.equals(client.fetch(chat)) || !expected.equals(bare())) {
      throw new IllegalStateException("the client and the bare " + transport + " library do not read what the server serves");
    }
  }

  /** The server records every request: forget them between iterations. */
  @TearDown(Level.Iteration)
  public void forgetRequests() {
    server.clearRequests();
  }

  /** Closes the client, the bare OkHttp client's threads and pool, and the server. */
  @TearDown
  public void tearDown() {
    client.close();
    if (okHttp != null) {
      okHttp.dispatcher().executorService().shutdown();
      okHttp.connectionPool().evictAll();
    }
    server.close();
  }

  /**
   * One pair at one thread.
   *
   * @param p this thread's counters
   * @return the last chat read
   * @throws Exception if the bare library fails
   */
  @Benchmark
  @Threads(1)
  public ChatInfo paired1Thread(Pairs p) throws Exception {
    return pair(p);
  }

  /**
   * One pair on each of 8 threads.
   *
   * @param p this thread's counters
   * @return the last chat read
   * @throws Exception if the bare library fails
   */
  @Benchmark
  @Threads(8)
  public ChatInfo paired8Threads(Pairs p) throws Exception {
    return pair(p);
  }

  private ChatInfo pair(Pairs p) throws Exception {
    p.clientFirst = !p.clientFirst;
    ChatInfo info;
    if (p.clientFirst) {
      timeClient(p);
      info = timeBare(p);
    } else {
      timeBare(p);
      info = timeClient(p);
    }
    p.pairs++;
    return info;
  }

  private ChatInfo timeClient(Pairs p) {
    long bytes = THREADS.getCurrentThreadAllocatedBytes();
    long process = PROCESS.getProcessCpuTime();
    long cpu = THREADS.getCurrentThreadCpuTime();
    long start = System.nanoTime();
    ChatInfo info = client.fetch(chat);
    p.clientNanos += System.nanoTime() - start;
    p.clientCpuNanos += THREADS.getCurrentThreadCpuTime() - cpu;
    p.clientProcessCpuNanos += PROCESS.getProcessCpuTime() - process;
    p.clientBytes += THREADS.getCurrentThreadAllocatedBytes() - bytes;
    return info;
  }

  private ChatInfo timeBare(Pairs p) throws Exception {
    long bytes = THREADS.getCurrentThreadAllocatedBytes();
    long process = PROCESS.getProcessCpuTime();
    long cpu = THREADS.getCurrentThreadCpuTime();
    long start = System.nanoTime();
    ChatInfo info = bare();
    p.bareNanos += System.nanoTime() - start;
    p.bareCpuNanos += THREADS.getCurrentThreadCpuTime() - cpu;
    p.bareProcessCpuNanos += PROCESS.getProcessCpuTime() - process;
    p.bareBytes += THREADS.getCurrentThreadAllocatedBytes() - bytes;
    return info;
  }

  private ChatInfo bare() throws IOException, InterruptedException {
    if (okHttp != null) {
      return BareGet.okHttp(okHttp, BareGet.okHttpRequest(url, token), codec);
    }
    return BareGet.javaNetHttp(javaNetHttp, url, token, codec);
  }
}
