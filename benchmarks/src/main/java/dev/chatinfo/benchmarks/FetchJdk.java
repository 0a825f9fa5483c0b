package dev.chatinfo.benchmarks;

import dev.chatinfo.api.BearerTokenProvider;
import dev.chatinfo.api.ChatInfo;
import dev.chatinfo.api.ChatRef;
import dev.chatinfo.client.ChatInfoClient;
import dev.chatinfo.codec.json.MoshiChatInfoCodec;
import dev.chatinfo.testkit.FakeChatServer;
import dev.chatinfo.transport.jdk.JdkTransport;
import java.io.IOException;
import java.net.http.HttpClient;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;

/**
 * End to end over the JDK's HTTP client: fetch and decode of one chat's JSON info from the
 * testkit's {@link FakeChatServer} on loopback, through {@link ChatInfoClient} over
 * {@link JdkTransport} (default retry and circuit breaker), against a bare {@code java.net.http}
 * GET decoded by the same codec, at 1 and 8 client threads; the counterpart of {@link Fetch} for
 * the Kotlin-free transport. The bare GET builds its request per call from the chat's coordinates,
 * as the client does, and reads the body as a stream, as the client does. Both speak HTTP/1.1 (the
 * fake server is plain http).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@Fork(jvmArgsAppend = ColdStart.NO_DELAY)
@OutputTimeUnit(TimeUnit.SECONDS)
public class FetchJdk {

  private FakeChatServer server;
  private ChatRef chat;
  private ChatInfoClient source;
  private HttpClient bare;
  private String token;
  private final MoshiChatInfoCodec codec = new MoshiChatInfoCodec();

  /** Starts the server, builds both clients, and checks that they read the same chat. */
  @Setup
  public void setUp() throws IOException, InterruptedException {
    server = FakeChatServer.start(Payloads.frozenClock());
    chat = server.addChat(Payloads.fixture());
    source = ChatInfoClient.builder()
        .baseUrl(server.baseUrl())
        .bearerToken(BearerTokenProvider.of(server.token()))
        .transport(JdkTransport.create())
        .codec(codec)
        .build();
    bare = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    token = server.token();
    ChatInfo expected = server.chat(chat);
    if (!expected.equals(source.fetch(chat)) || !expected.equals(bareFetch())) {
      throw new IllegalStateException("the client and bare java.net.http do not read what the server serves");
    }
  }

  /** The server records every request: forget them between iterations. */
  @TearDown(Level.Iteration)
  public void forgetRequests() {
    server.clearRequests();
  }

  /** Closes everything (the bare client's threads end with the JVM: it cannot be closed on 17). */
  @TearDown
  public void tearDown() {
    source.close();
    server.close();
  }

  private ChatInfo bareFetch() throws IOException, InterruptedException {
    return BareGet.javaNetHttp(bare, BareGet.url(server.baseUrl(), chat), token, codec);
  }

  /** @return the chat */
  @Benchmark
  @Threads(1)
  public ChatInfo clientJdkTransport1Thread() {
    return source.fetch(chat);
  }

  /** @return the chat */
  @Benchmark
  @Threads(8)
  public ChatInfo clientJdkTransport8Threads() {
    return source.fetch(chat);
  }

  /** @return the chat */
  @Benchmark
  @Threads(1)
  public ChatInfo bareJavaNetHttp1Thread() throws IOException, InterruptedException {
    return bareFetch();
  }

  /** @return the chat */
  @Benchmark
  @Threads(8)
  public ChatInfo bareJavaNetHttp8Threads() throws IOException, InterruptedException {
    return bareFetch();
  }
}
