package dev.chatinfo.benchmarks;

import dev.chatinfo.api.BearerTokenProvider;
import dev.chatinfo.api.ChatInfo;
import dev.chatinfo.api.ChatRef;
import dev.chatinfo.codec.json.MoshiChatInfoCodec;
import dev.chatinfo.testkit.FakeChatServer;
import dev.chatinfo.client.ChatInfoClient;
import dev.chatinfo.transport.retrofit.RetrofitTransport;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import okhttp3.Request;
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
 * End to end, fetch and decode of one chat's JSON info over loopback HTTP from the testkit's
 * {@link FakeChatServer} (in this JVM, on the same two cores): chatinfo's
 * {@link ChatInfoClient} over {@link RetrofitTransport} with its default retry and circuit breaker, against a bare
 * OkHttp GET decoded by the same codec, at 1 and 8 client threads. The bare GET builds its
 * request per call, from the chat's coordinates, as any poller of many chats must (and so does
 * the source); {@code bareOkHttpPrebuilt1Thread} reuses one request, for reference. The server's own work and
 * allocation are part of every operation, the same for both. The server's JVM sets
 * {@code TCP_NODELAY} ({@link ColdStart#NO_DELAY}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@Fork(jvmArgsAppend = ColdStart.NO_DELAY)
@OutputTimeUnit(TimeUnit.SECONDS)
public class Fetch {

  private FakeChatServer server;
  private ChatRef chat;
  private ChatInfoClient source;
  private OkHttpClient bare;
  private String token;
  /** What a poller cannot do (it asks about many chats), for reference only: one request built once. */
  private Request prebuilt;
  private final MoshiChatInfoCodec codec = new MoshiChatInfoCodec();

  /** Starts the server, builds both clients, and checks that they read the same chat. */
  @Setup
  public void setUp() throws IOException {
    server = FakeChatServer.start(Payloads.frozenClock());
    chat = server.addChat(Payloads.fixture());
    source = ChatInfoClient.builder()
        .baseUrl(server.baseUrl())
        .transport(RetrofitTransport.create())
        .bearerToken(BearerTokenProvider.of(server.token()))
        .codec(codec)
        .build();
    bare = new OkHttpClient();
    token = server.token();
    prebuilt = request(chat);
    ChatInfo expected = server.chat(chat);
    if (!expected.equals(source.fetch(chat)) || !expected.equals(bareFetch(request(chat)))
        || !expected.equals(bareFetch(prebuilt))) {
      throw new IllegalStateException("the source and bare OkHttp do not read what the server serves");
    }
  }

  /** The server records every request: forget them between iterations. */
  @TearDown(Level.Iteration)
  public void forgetRequests() {
    server.clearRequests();
  }

  /** Closes everything. */
  @TearDown
  public void tearDown() {
    source.close();
    bare.dispatcher().executorService().shutdown();
    bare.connectionPool().evictAll();
    server.close();
  }

  /**
   * The request a bare OkHttp poller builds for a chat: the URL from the chat's coordinates (as
   * the source does), the token and the media type.
   */
  private Request request(ChatRef ref) {
    return BareGet.okHttpRequest(BareGet.url(server.baseUrl(), ref), token);
  }

  private ChatInfo bareFetch(Request request) throws IOException {
    return BareGet.okHttp(bare, request, codec);
  }

  /** @return the chat */
  @Benchmark
  @Threads(1)
  public ChatInfo source1Thread() {
    return source.fetch(chat);
  }

  /** @return the chat */
  @Benchmark
  @Threads(8)
  public ChatInfo source8Threads() {
    return source.fetch(chat);
  }

  /** @return the chat */
  @Benchmark
  @Threads(1)
  public ChatInfo bareOkHttp1Thread() throws IOException {
    return bareFetch(request(chat));
  }

  /** @return the chat */
  @Benchmark
  @Threads(1)
  public ChatInfo bareOkHttpPrebuilt1Thread() throws IOException {
    return bareFetch(prebuilt);
  }

  /** @return the chat */
  @Benchmark
  @Threads(8)
  public ChatInfo bareOkHttp8Threads() throws IOException {
    return bareFetch(request(chat));
  }
}
