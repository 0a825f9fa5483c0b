package dev.chatinfo.transport.retrofit;

import dev.chatinfo.client.spi.HttpExchange;
import dev.chatinfo.client.spi.HttpRequest;
import dev.chatinfo.client.spi.HttpTransport;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import retrofit2.Retrofit;

/**
 * The {@link HttpTransport} over Retrofit and OkHttp: one Retrofit call per exchange, with
 * OkHttp set for exactly one request each (no silent retry, no redirect followed, its
 * {@code Retry-After} repeat of a 503 kept from happening) and gzip decoded. Everything else a call
 * means is {@code ChatInfoClient}'s.
 *
 * <pre>{@code
 * ChatInfoClient client = ChatInfoClient.builder()
 *     .domain("va-a.agentvep.liveperson.net")
 *     .bearerToken(BearerTokenProvider.of(token))
 *     .transport(RetrofitTransport.create())
 *     .build();
 * }</pre>
 *
 * <p>Thread-safe. {@link #close()} releases the dispatcher threads and connections the transport
 * owns; a transport made with {@link #create(OkHttpClient)} shares that client's pool and
 * dispatcher and leaves them alone. OkHttp's process-wide {@code TaskRunner} thread is OkHttp's
 * own and ends by itself when idle.
 */
public final class RetrofitTransport implements HttpTransport {

  /** A placeholder Retrofit needs; every request carries its full URL ({@code @Url}). */
  private static final HttpUrl UNUSED_BASE = HttpUrl.get("http://localhost/");

  private final OkHttpClient client;
  private final boolean owned;
  private final ChatInfoApi api;
  private final AtomicBoolean closed = new AtomicBoolean();

  private RetrofitTransport(OkHttpClient.Builder builder, boolean owned) {
    this.owned = owned;
    this.client = builder
        .retryOnConnectionFailure(false)
        .followRedirects(false)
        .followSslRedirects(false)
        .connectTimeout(Duration.ofSeconds(10))
        .readTimeout(Duration.ZERO)
        .writeTimeout(Duration.ZERO)
        .callTimeout(Duration.ZERO)
        .addInterceptor(BodyHandoff.INTERCEPTOR)
        .addNetworkInterceptor(new RetryAfterShield())
        .build();
    this.api = new Retrofit.Builder()
        .baseUrl(UNUSED_BASE)
        .client(client)
        .validateEagerly(true)
        .build()
        .create(ChatInfoApi.class);
  }

  /**
   * A transport with its own OkHttp client (dispatcher and connection pool), released by
   * {@link #close()}.
   *
   * @return the transport
   */
  public static RetrofitTransport create() {
    Dispatcher dispatcher = new Dispatcher();
    dispatcher.setMaxRequests(128);
    dispatcher.setMaxRequestsPerHost(64);
    return new RetrofitTransport(new OkHttpClient.Builder().dispatcher(dispatcher).connectionPool(new ConnectionPool()), true);
  }

  /**
   * A transport sharing a client's connection pool and dispatcher. Its own settings are derived
   * with {@code shared.newBuilder()}, so the shared client is not changed; {@link #close()} leaves
   * it open.
   *
   * @param shared the client to share
   * @return the transport
   */
  public static RetrofitTransport create(OkHttpClient shared) {
    return new RetrofitTransport(Objects.requireNonNull(shared, "shared").newBuilder(), false);
  }

  @Override
  public HttpExchange exchange(HttpRequest request) {
    BodyHandoff handoff = new BodyHandoff();
    return new OkHttpExchange(api.get(request.uri().toString(), request.headers(), handoff), handoff,
        request.timeout().toNanos());
  }

  /** The OkHttp client of this transport, for tests of its pool and dispatcher. */
  OkHttpClient client() {
    return client;
  }

  @Override
  public void close() {
    if (!closed.compareAndSet(false, true) || !owned) {
      return;
    }
    client.dispatcher().cancelAll();
    client.dispatcher().executorService().shutdown();
    client.connectionPool().evictAll();
  }

  @Override
  public String toString() {
    return "RetrofitTransport" + (owned ? "" : "[shared OkHttpClient]");
  }
}
