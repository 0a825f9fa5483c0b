package dev.chatinfo.transport.retrofit;

import dev.chatinfo.api.BearerTokenProvider;
import dev.chatinfo.api.ChatInfo;
import dev.chatinfo.api.ChatInfoException;
import dev.chatinfo.api.ChatInfoException.Kind;
import dev.chatinfo.api.ChatInfoSource;
import dev.chatinfo.api.ChatRef;
import dev.chatinfo.api.codec.ChatInfoCodec;
import dev.chatinfo.api.codec.ChatInfoCodecs;
import dev.chatinfo.transport.retrofit.internal.AttemptTag;
import dev.chatinfo.transport.retrofit.internal.BodyLimitInterceptor;
import dev.chatinfo.transport.retrofit.internal.OriginGuardInterceptor;
import dev.chatinfo.transport.retrofit.internal.RedirectRefusedException;
import dev.chatinfo.transport.retrofit.internal.ResponseTooLargeException;
import dev.chatinfo.transport.retrofit.internal.RetryAfter;
import dev.chatinfo.transport.retrofit.internal.RetryPolicy;
import dev.chatinfo.transport.retrofit.internal.TokenRefresh;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.ResponseBody;
import okio.Buffer;
import retrofit2.Call;
import retrofit2.Callback;
import retrofit2.Response;
import retrofit2.Retrofit;

/**
 * The production {@link ChatInfoSource}: LivePerson's chat info endpoint over Retrofit and OkHttp,
 * with Resilience4j retries outside a circuit breaker.
 *
 * <pre>{@code
 * ChatInfoSource source = RetrofitChatInfoSource.builder()
 *     .domain("va-a.agentvep.liveperson.net")
 *     .bearerToken(BearerTokenProvider.of(System.getenv("LP_BEARER")))
 *     .callTimeout(Duration.ofSeconds(10))
 *     .build();
 * ChatInfo info = source.fetch(ChatRef.of(account, agentSession, chat));
 * }</pre>
 *
 * <h2>What one call does</h2>
 * <ul>
 *   <li><b>Attempts.</b> By default at most 3 attempts, each exactly one HTTP request, plus at most
 *       one more request after a 401 when the token provider then gives another token. OkHttp's own
 *       silent retries are off (connection failures) or neutralised (503 with
 *       {@code Retry-After: 0}), so a call never sends more than {@code maxAttempts + 1} requests.</li>
 *   <li><b>What is retried.</b> Connection failures and timeouts of an attempt, 502, 503, 504 and 429.
 *       Never 500, 400, 401 (but see the refresh), 403, 404, a malformed body or an open circuit.</li>
 *   <li><b>Waits.</b> {@code Retry-After} (seconds or HTTP-date) when the service sends one; otherwise
 *       exponential backoff with full jitter (a random wait up to 200 ms, 400 ms, ... capped at 5 s).
 *       A wait that would not leave time for another attempt before the call timeout ends the call
 *       at once with the last failure.</li>
 *   <li><b>Time.</b> {@link Builder#callTimeout(Duration)} bounds the whole call: attempts, bodies
 *       (however slowly they trickle) and waits.</li>
 *   <li><b>Circuit breaker.</b> Each attempt goes through it; 5xx, 429, timeouts and connection
 *       failures count as failures, 4xx do not. When open, calls fail at once with
 *       {@link Kind#CIRCUIT_OPEN} and send nothing.</li>
 *   <li><b>Safety.</b> Bodies over 1 MiB (counted after gzip decompression, error bodies too) are
 *       refused while streaming; a redirect to another origin is refused before anything is sent
 *       there; the token never appears in messages, logs or {@code toString()}.</li>
 * </ul>
 *
 * <p>Thread-safe; build one per service and share it. {@link #close()} cancels calls in flight and
 * releases the threads and connections the source owns (not those of a client given to
 * {@link Builder#okHttpClient(OkHttpClient)}).
 */
public final class RetrofitChatInfoSource implements ChatInfoSource {

  /** The largest body accepted, success or error, after decompression: 1 MiB. */
  public static final long MAX_BODY_BYTES = 1L << 20;

  /** The call timeout when none is set: 10 seconds. */
  public static final Duration DEFAULT_CALL_TIMEOUT = Duration.ofSeconds(10);

  private static final System.Logger LOG = System.getLogger(RetrofitChatInfoSource.class.getName());
  private static final int MAX_EXCERPT = 200;

  private final HttpUrl baseUrl;
  private final String basePath;
  private final BearerTokenProvider tokens;
  private final TokenRefresh refresh;
  private final ChatInfoApi api;
  private final String accept;
  private final Retry retry;
  private final CircuitBreaker circuitBreaker;
  private final Duration callTimeout;
  private final Clock clock;
  private final ScheduledExecutorService scheduler;
  private final boolean ownsScheduler;
  private final OkHttpClient client;
  private final boolean ownsClient;
  private final Set<Exchange> inFlight = ConcurrentHashMap.newKeySet();
  private final AtomicBoolean closed = new AtomicBoolean();

  private RetrofitChatInfoSource(Builder b, HttpUrl baseUrl, List<ChatInfoCodec> codecs) {
    this.baseUrl = baseUrl;
    this.basePath = baseUrl.encodedPath();
    this.tokens = b.tokens;
    this.refresh = new TokenRefresh(b.tokens);
    this.callTimeout = b.callTimeout;
    this.clock = b.clock;
    this.ownsScheduler = b.scheduler == null;
    this.scheduler = ownsScheduler ? newScheduler() : b.scheduler;
    this.ownsClient = b.client == null;
    OkHttpClient.Builder http = ownsClient ? ownClient() : b.client.newBuilder();
    Duration connect = callTimeout.compareTo(Duration.ofSeconds(10)) < 0 ? callTimeout : Duration.ofSeconds(10);
    this.client = http
        .retryOnConnectionFailure(false)
        .followRedirects(true)
        .followSslRedirects(false)
        .callTimeout(callTimeout)
        .connectTimeout(connect)
        .readTimeout(callTimeout)
        .writeTimeout(callTimeout)
        .addInterceptor(new BodyLimitInterceptor(MAX_BODY_BYTES))
        .addNetworkInterceptor(new OriginGuardInterceptor(baseUrl))
        .build();
    ChatInfoConverterFactory converters = ChatInfoConverterFactory.create(codecs);
    this.accept = converters.acceptHeader();
    this.api = new Retrofit.Builder()
        .baseUrl(baseUrl)
        .client(client)
        .addConverterFactory(converters)
        .validateEagerly(true)
        .build()
        .create(ChatInfoApi.class);
    String name = "chatinfo-" + baseUrl.host();
    this.retry = Retry.of(name, b.retryConfig);
    this.circuitBreaker = CircuitBreaker.of(name, b.circuitBreakerConfig);
  }

  /**
   * Starts a builder.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * chatinfo's retry policy: 3 attempts; {@code Retry-After} honoured, else exponential backoff with
   * full jitter from 200 ms up to 5 s; only {@link ChatInfoException#isRetryable() retryable}
   * failures retried. Start from it to change one setting:
   * {@code RetryConfig.from(RetrofitChatInfoSource.defaultRetryConfig()).maxAttempts(5).build()}.
   *
   * @return the default retry configuration
   */
  public static RetryConfig defaultRetryConfig() {
    return RetryConfig.custom()
        .maxAttempts(3)
        .intervalBiFunction(RetryPolicy.backoffHonouringRetryAfter(Duration.ofMillis(200), Duration.ofSeconds(5)))
        .retryOnException(t -> t instanceof ChatInfoException e && e.isRetryable())
        .failAfterMaxAttempts(false)
        .build();
  }

  /**
   * chatinfo's circuit breaker, tuned for a client: it opens when at least half of the last 10
   * attempts failed (once 5 were made), stays open 15 s, then lets 2 trial attempts through.
   * 5xx, 429, timeouts and connection failures count as failures; 4xx (401, 403, 404, ...),
   * malformed bodies and redirects do not.
   *
   * @return the default circuit breaker configuration
   */
  public static CircuitBreakerConfig defaultCircuitBreakerConfig() {
    return CircuitBreakerConfig.custom()
        .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
        .slidingWindowSize(10)
        .minimumNumberOfCalls(5)
        .failureRateThreshold(50)
        .waitDurationInOpenState(Duration.ofSeconds(15))
        .permittedNumberOfCallsInHalfOpenState(2)
        .recordException(RetrofitChatInfoSource::countsAsServiceFailure)
        .build();
  }

  private static boolean countsAsServiceFailure(Throwable t) {
    if (!(t instanceof ChatInfoException e)) {
      return true;
    }
    return switch (e.kind()) {
      case SERVER_ERROR, RATE_LIMITED, TIMEOUT, NETWORK -> true;
      default -> false;
    };
  }

  /**
   * The Resilience4j retry of this source, for its events and metrics
   * ({@code retry().getEventPublisher().onRetry(...)}).
   *
   * @return the retry
   */
  public Retry retry() {
    return retry;
  }

  /**
   * The Resilience4j circuit breaker of this source, for its state, events and metrics.
   *
   * @return the circuit breaker
   */
  public CircuitBreaker circuitBreaker() {
    return circuitBreaker;
  }

  @Override
  public ChatInfo fetch(ChatRef chat) {
    Exchange x = begin(chat);
    try {
      Retry.AsyncContext<ChatInfo> context = retry.asyncContext();
      while (true) {
        ChatInfoException failure;
        try {
          ChatInfo info = attempt(x);
          context.onComplete();
          return info;
        } catch (ChatInfoException e) {
          failure = e;
        }
        long delay = nextDelay(x, context, failure);
        if (delay < 0) {
          throw finish(x, failure);
        }
        await(x, delay);
      }
    } finally {
      inFlight.remove(x);
    }
  }

  @Override
  public CompletableFuture<ChatInfo> fetchAsync(ChatRef chat) {
    Exchange x;
    try {
      x = begin(chat);
    } catch (ChatInfoException e) {
      return CompletableFuture.failedFuture(e);
    }
    CompletableFuture<ChatInfo> result = new CompletableFuture<>();
    x.result = result;
    x.context = retry.asyncContext();
    result.whenComplete((info, failure) -> {
      inFlight.remove(x);
      if (result.isCancelled()) {
        x.cancel();
      }
    });
    attemptAsync(x);
    return result;
  }

  /** Cancels the calls in flight, then releases the threads and connections this source owns. Idempotent. */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    for (Exchange x : inFlight) {
      x.cancel();
      if (x.result != null) {
        x.result.completeExceptionally(finish(x, cancelled(x)));
      }
    }
    if (ownsScheduler) {
      scheduler.shutdownNow();
    }
    if (ownsClient) {
      client.dispatcher().executorService().shutdown();
      client.connectionPool().evictAll();
    }
  }

  /** The OkHttp client of this source, for tests of its pool and dispatcher. */
  OkHttpClient client() {
    return client;
  }

  @Override
  public String toString() {
    return "RetrofitChatInfoSource[" + baseUrl + ", timeout " + callTimeout + ", circuit "
        + circuitBreaker.getState() + (closed.get() ? ", closed" : "") + "]";
  }

  // ----- one call -----------------------------------------------------------------------------

  /** The state of one call: its attempts, its deadline, what to cancel. */
  private final class Exchange {
    final ChatRef chat;
    final String path;
    final long deadline;
    final AtomicInteger attempts = new AtomicInteger();
    volatile boolean refreshed;
    volatile boolean cancelled;
    volatile Call<ChatInfo> current;
    volatile ScheduledFuture<?> scheduled;
    volatile CompletableFuture<ChatInfo> result;
    volatile Retry.AsyncContext<ChatInfo> context;

    Exchange(ChatRef chat, long deadline) {
      this.chat = chat;
      this.path = basePath + "api/account/" + chat.accountId() + "/agentSession/" + chat.agentSessionId()
          + "/chat/" + chat.chatId() + "/info";
      this.deadline = deadline;
    }

    long remaining() {
      return deadline - clock.millis();
    }

    void cancel() {
      cancelled = true;
      Call<ChatInfo> call = current;
      if (call != null) {
        call.cancel();
      }
      ScheduledFuture<?> wait = scheduled;
      if (wait != null) {
        wait.cancel(false);
      }
    }
  }

  private Exchange begin(ChatRef chat) {
    if (chat == null) {
      throw new ChatInfoException(Kind.CLIENT_ERROR, "fetch needs a ChatRef, got null");
    }
    Exchange x = new Exchange(chat, clock.millis() + callTimeout.toMillis());
    inFlight.add(x);
    if (closed.get()) {
      inFlight.remove(x);
      throw finish(x, cancelled(x));
    }
    return x;
  }

  /** Checks that an attempt may start, and takes the circuit breaker's permission. */
  private void permit(Exchange x) {
    if (closed.get() || x.cancelled) {
      throw cancelled(x);
    }
    if (x.remaining() <= 0) {
      throw new ChatInfoException(Kind.TIMEOUT, "did not finish within the call timeout of " + callTimeout);
    }
    if (!circuitBreaker.tryAcquirePermission()) {
      throw new ChatInfoException(Kind.CIRCUIT_OPEN, "was not sent: the circuit breaker '" + circuitBreaker.getName()
          + "' is " + circuitBreaker.getState() + " after too many failures of the service");
    }
  }

  /** One attempt, on the calling thread: one request, and one more after a 401 if the token changed. */
  private ChatInfo attempt(Exchange x) {
    permit(x);
    long start = System.nanoTime();
    try {
      String token = token();
      Response<ChatInfo> response = execute(x, token);
      if (response.code() == 401 && !x.refreshed) {
        x.refreshed = true;
        String next = refresh(token);
        if (!next.equals(token)) {
          close(response.errorBody());
          response = execute(x, next);
        }
      }
      ChatInfo info = handle(x, response);
      circuitBreaker.onSuccess(System.nanoTime() - start, TimeUnit.NANOSECONDS);
      return info;
    } catch (ChatInfoException e) {
      circuitBreaker.onError(System.nanoTime() - start, TimeUnit.NANOSECONDS, e);
      throw e;
    } catch (RuntimeException e) {
      ChatInfoException failure = unexpected(e);
      circuitBreaker.onError(System.nanoTime() - start, TimeUnit.NANOSECONDS, failure);
      throw failure;
    }
  }

  private Response<ChatInfo> execute(Exchange x, String token) {
    AttemptTag tag = new AttemptTag();
    Call<ChatInfo> call = newCall(x, token, tag);
    try {
      return call.execute();
    } catch (IOException e) {
      throw failure(x, e, tag);
    } catch (ChatInfoException e) {
      throw fromBody(e, tag);
    }
  }

  private void attemptAsync(Exchange x) {
    if (x.result.isDone()) {
      return;
    }
    try {
      permit(x);
    } catch (ChatInfoException e) {
      afterFailure(x, e);
      return;
    }
    long start = System.nanoTime();
    String token;
    try {
      token = token();
    } catch (ChatInfoException e) {
      circuitBreaker.onError(System.nanoTime() - start, TimeUnit.NANOSECONDS, e);
      afterFailure(x, e);
      return;
    }
    try {
      send(x, token, start);
    } catch (RuntimeException e) {
      ChatInfoException failure = unexpected(e);
      circuitBreaker.onError(System.nanoTime() - start, TimeUnit.NANOSECONDS, failure);
      afterFailure(x, failure);
    }
  }

  private void send(Exchange x, String token, long start) {
    AttemptTag tag = new AttemptTag();
    Call<ChatInfo> call = newCall(x, token, tag);
    if (x.cancelled) {
      call.cancel();
    }
    call.enqueue(new Callback<>() {
      @Override
      public void onResponse(Call<ChatInfo> c, Response<ChatInfo> response) {
        ChatInfoException failure;
        try {
          if (response.code() == 401 && !x.refreshed) {
            x.refreshed = true;
            String next = refresh(token);
            if (!next.equals(token)) {
              close(response.errorBody());
              send(x, next, start);
              return;
            }
          }
          ChatInfo info = handle(x, response);
          circuitBreaker.onSuccess(System.nanoTime() - start, TimeUnit.NANOSECONDS);
          x.context.onComplete();
          x.result.complete(info);
          return;
        } catch (ChatInfoException e) {
          failure = e;
        } catch (RuntimeException e) {
          failure = unexpected(e);
        }
        circuitBreaker.onError(System.nanoTime() - start, TimeUnit.NANOSECONDS, failure);
        afterFailure(x, failure);
      }

      @Override
      public void onFailure(Call<ChatInfo> c, Throwable t) {
        ChatInfoException failure;
        if (t instanceof IOException e) {
          failure = failure(x, e, tag);
        } else if (t instanceof ChatInfoException e) {
          failure = fromBody(e, tag);
        } else {
          failure = unexpected(t);
        }
        circuitBreaker.onError(System.nanoTime() - start, TimeUnit.NANOSECONDS, failure);
        afterFailure(x, failure);
      }
    });
  }

  private void afterFailure(Exchange x, ChatInfoException failure) {
    if (x.result.isDone()) {
      return;
    }
    long delay = nextDelay(x, x.context, failure);
    if (delay < 0) {
      x.result.completeExceptionally(finish(x, failure));
      return;
    }
    try {
      x.scheduled = scheduler.schedule(() -> attemptAsync(x), delay, TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException e) {
      x.result.completeExceptionally(finish(x, cancelled(x)));
    }
  }

  /** The wait before the next attempt, or -1 to stop: not retryable, attempts used up, or no time left. */
  private long nextDelay(Exchange x, Retry.AsyncContext<ChatInfo> context, ChatInfoException failure) {
    long delay = context.onError(failure);
    if (delay < 0 || !failure.isRetryable() || closed.get() || x.cancelled) {
      return -1;
    }
    long remaining = x.remaining();
    if (delay >= remaining) {
      LOG.log(Level.DEBUG, () -> "GET " + x.path + ": no retry, the wait of " + delay + " ms would pass the call timeout");
      return -1;
    }
    LOG.log(Level.DEBUG, () -> "GET " + x.path + ": " + failure.kind() + ", retrying in " + delay + " ms");
    return delay;
  }

  private void await(Exchange x, long delay) {
    try {
      ScheduledFuture<?> wait = scheduler.schedule(() -> { }, delay, TimeUnit.MILLISECONDS);
      x.scheduled = wait;
      if (x.cancelled) {
        wait.cancel(false);
      }
      wait.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw finish(x, new ChatInfoException(Kind.CANCELLED, "was interrupted while waiting to retry", e));
    } catch (CancellationException | RejectedExecutionException | ExecutionException e) {
      throw finish(x, cancelled(x));
    }
  }

  private Call<ChatInfo> newCall(Exchange x, String token, AttemptTag tag) {
    Call<ChatInfo> call = api.info(x.chat.accountId(), x.chat.agentSessionId(), x.chat.chatId(),
        "Bearer " + token, accept, tag);
    call.timeout().timeout(Math.max(1, x.remaining()), TimeUnit.MILLISECONDS);
    x.current = call;
    int n = x.attempts.incrementAndGet();
    LOG.log(Level.DEBUG, () -> "GET " + x.path + " (attempt " + n + ", Authorization: Bearer ****)");
    return call;
  }

  /** A response: the chat information, or the failure its status means. */
  private ChatInfo handle(Exchange x, Response<ChatInfo> response) {
    int code = response.code();
    LOG.log(Level.DEBUG, () -> "GET " + x.path + " answered " + code);
    if (response.isSuccessful()) {
      ChatInfo info = response.body();
      if (info == null) {
        throw ChatInfoException.builder(Kind.MALFORMED_RESPONSE, "answered " + code + " without a body")
            .httpStatus(code).build();
      }
      return info;
    }
    String excerpt = excerpt(response.errorBody());
    Optional<Duration> wait = RetryAfter.parse(response.headers().get("Retry-After"), clock)
        .or(() -> RetryAfter.parse(response.headers().get(OriginGuardInterceptor.RETRY_AFTER_ZERO), clock)
            .or(() -> "0".equals(response.headers().get(OriginGuardInterceptor.RETRY_AFTER_ZERO))
                ? Optional.of(Duration.ZERO) : Optional.empty()));
    return failWith(code, excerpt, wait.orElse(null));
  }

  private static ChatInfo failWith(int code, String excerpt, Duration retryAfter) {
    Kind kind;
    if (code == 401) {
      kind = Kind.UNAUTHORIZED;
    } else if (code == 403) {
      kind = Kind.FORBIDDEN;
    } else if (code == 404) {
      kind = Kind.NOT_FOUND;
    } else if (code == 429) {
      kind = Kind.RATE_LIMITED;
    } else if (code >= 500) {
      kind = Kind.SERVER_ERROR;
    } else if (code >= 300 && code < 400) {
      kind = Kind.REDIRECT;
    } else {
      kind = Kind.CLIENT_ERROR;
    }
    throw ChatInfoException.builder(kind, "answered " + code + (excerpt.isEmpty() ? "" : ": \"" + excerpt + "\""))
        .httpStatus(code).retryAfter(retryAfter).build();
  }

  /** A failure of the exchange itself: no response, or a body that could not be read. */
  private ChatInfoException failure(Exchange x, IOException e, AttemptTag tag) {
    ChatInfoException.Builder b;
    if (e instanceof ResponseTooLargeException) {
      b = ChatInfoException.builder(Kind.RESPONSE_TOO_LARGE, "was refused: " + e.getMessage());
    } else if (e instanceof RedirectRefusedException r) {
      b = ChatInfoException.builder(Kind.REDIRECT, "was " + r.getMessage()).httpStatus(r.status());
    } else if (closed.get() || x.cancelled || Thread.currentThread().isInterrupted()) {
      return cancelled(x);
    } else if (e instanceof InterruptedIOException) {
      b = ChatInfoException.builder(Kind.TIMEOUT, "timed out (" + describe(e) + "); call timeout " + callTimeout);
    } else {
      b = ChatInfoException.builder(Kind.NETWORK, "failed: " + describe(e));
    }
    if (tag.status() != 0 && !(e instanceof RedirectRefusedException)) {
      b.httpStatus(tag.status());
    }
    return b.cause(e).build();
  }

  /** A codec's or the converter's failure on a 2xx body: add the status. */
  private static ChatInfoException fromBody(ChatInfoException e, AttemptTag tag) {
    ChatInfoException.Builder b = ChatInfoException.builder(e.kind(), "answered " + (tag.status() == 0 ? "" : tag.status() + " ")
        + "with a body that " + (e.kind() == Kind.UNSUPPORTED_MEDIA_TYPE ? "cannot be read: " : "is not valid chat information: ")
        + e.getMessage()).cause(e);
    if (tag.status() != 0) {
      b.httpStatus(tag.status());
    }
    return b.build();
  }

  private ChatInfoException cancelled(Exchange x) {
    return new ChatInfoException(Kind.CANCELLED, closed.get() ? "was cancelled: the source is closed" : "was cancelled");
  }

  private static ChatInfoException unexpected(Throwable t) {
    return new ChatInfoException(Kind.NETWORK, "failed unexpectedly: " + t.getClass().getName(), t);
  }

  /** The call's final failure: method, path, what happened, attempts. */
  private ChatInfoException finish(Exchange x, ChatInfoException failure) {
    int n = x.attempts.get();
    ChatInfoException.Builder b = ChatInfoException.builder(failure.kind(),
        "GET " + x.path + " " + failure.getMessage() + " (" + n + (n == 1 ? " attempt)" : " attempts)"))
        .attempts(n).retryAfter(failure.retryAfter().orElse(null)).cause(failure);
    failure.httpStatus().ifPresent(b::httpStatus);
    return b.build();
  }

  private String token() {
    String token;
    try {
      token = tokens.currentToken();
    } catch (RuntimeException e) {
      throw new ChatInfoException(Kind.UNAUTHORIZED, "was not sent: the BearerTokenProvider failed ("
          + e.getClass().getName() + ")", e);
    }
    if (token == null || token.isBlank()) {
      throw new ChatInfoException(Kind.UNAUTHORIZED, "was not sent: the BearerTokenProvider gave no token");
    }
    for (int i = 0; i < token.length(); i++) {
      char c = token.charAt(i);
      if (c <= 0x20 || c >= 0x7f) {
        throw new ChatInfoException(Kind.UNAUTHORIZED, "was not sent: the bearer token has a character that"
            + " cannot be sent in a header at index " + i);
      }
    }
    return token;
  }

  private String refresh(String rejected) {
    try {
      return Objects.requireNonNullElse(refresh.refresh(rejected), rejected);
    } catch (RuntimeException e) {
      throw new ChatInfoException(Kind.UNAUTHORIZED, "answered 401 and the BearerTokenProvider failed to refresh ("
          + e.getClass().getName() + ")", e);
    }
  }

  /** At most 200 characters of an error body, on one line, with the current token masked. */
  private String excerpt(ResponseBody body) {
    if (body == null) {
      return "";
    }
    try (body) {
      Buffer buffer = new Buffer();
      long want = 4L * MAX_EXCERPT + 1024;
      while (buffer.size() < want && body.source().read(buffer, want - buffer.size()) != -1) {
        // read the start of the body only
      }
      String text = new String(buffer.readByteArray(), StandardCharsets.UTF_8);
      String token = currentTokenQuietly();
      if (token != null && !token.isEmpty()) {
        text = text.replace(token, "****");
      }
      StringBuilder out = new StringBuilder(MAX_EXCERPT + 3);
      boolean space = false;
      for (int i = 0; i < text.length() && out.length() < MAX_EXCERPT; i++) {
        char c = text.charAt(i);
        if (c < 0x20 || c == 0x7f || Character.isWhitespace(c) || c == '\ufffd') {
          space = out.length() > 0;
          continue;
        }
        if (space) {
          out.append(' ');
          space = false;
        }
        out.append(c == '"' ? '\'' : c);
      }
      return out.length() >= MAX_EXCERPT ? out.append("...").toString() : out.toString();
    } catch (IOException e) {
      return "";
    }
  }

  private String currentTokenQuietly() {
    try {
      return tokens.currentToken();
    } catch (RuntimeException e) {
      return null;
    }
  }

  private static void close(ResponseBody body) {
    if (body != null) {
      body.close();
    }
  }

  private static String describe(IOException e) {
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getClass().getSimpleName() + ": " + e.getMessage();
  }

  private static ScheduledExecutorService newScheduler() {
    ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(1, r -> {
      Thread t = new Thread(r, "chatinfo-retry-scheduler");
      t.setDaemon(true);
      return t;
    });
    scheduler.setRemoveOnCancelPolicy(true);
    return scheduler;
  }

  private static OkHttpClient.Builder ownClient() {
    Dispatcher dispatcher = new Dispatcher();
    dispatcher.setMaxRequests(128);
    dispatcher.setMaxRequestsPerHost(64);
    return new OkHttpClient.Builder().dispatcher(dispatcher).connectionPool(new ConnectionPool());
  }

  // ----- builder -----------------------------------------------------------------------------

  /** Builds a {@link RetrofitChatInfoSource}; validates everything at {@link #build()}. Not thread-safe. */
  public static final class Builder {
    private String domain;
    private URI baseUrl;
    private BearerTokenProvider tokens;
    private final List<ChatInfoCodec> codecs = new ArrayList<>();
    private RetryConfig retryConfig = defaultRetryConfig();
    private CircuitBreakerConfig circuitBreakerConfig = defaultCircuitBreakerConfig();
    private Duration callTimeout = DEFAULT_CALL_TIMEOUT;
    private OkHttpClient client;
    private Clock clock = Clock.systemUTC();
    private ScheduledExecutorService scheduler;

    private Builder() {}

    /**
     * The LivePerson domain of the account ({@code va-a.agentvep.liveperson.net}): the source
     * calls {@code https://{domain}/api/...}.
     *
     * @param domain a host name, optionally with {@code :port}
     * @return this builder
     */
    public Builder domain(String domain) {
      this.domain = domain;
      this.baseUrl = null;
      return this;
    }

    /**
     * The base URL instead of a domain: https, or plain http for a loopback host only (tests, the
     * testkit's fake server). A path prefix is kept.
     *
     * @param baseUrl the base URL, such as {@code http://127.0.0.1:8080/}
     * @return this builder
     */
    public Builder baseUrl(URI baseUrl) {
      this.baseUrl = baseUrl;
      this.domain = null;
      return this;
    }

    /**
     * Where to get the bearer token; asked before each request.
     *
     * @param tokens the provider
     * @return this builder
     */
    public Builder bearerToken(BearerTokenProvider tokens) {
      this.tokens = tokens;
      return this;
    }

    /**
     * Adds a codec; the first added is preferred in {@code Accept}. Without any, every installed
     * codec is used ({@link ChatInfoCodecs#installed()}, JSON first).
     *
     * @param codec the codec
     * @return this builder
     */
    public Builder codec(ChatInfoCodec codec) {
      codecs.add(Objects.requireNonNull(codec, "codec"));
      return this;
    }

    /**
     * The retry configuration; the default is {@link #defaultRetryConfig()}. It is used as given:
     * the exceptions it sees are {@link ChatInfoException}s. Whatever it says, failures that are
     * not {@link ChatInfoException#isRetryable() retryable} are never retried.
     *
     * @param retryConfig the configuration
     * @return this builder
     */
    public Builder retry(RetryConfig retryConfig) {
      this.retryConfig = Objects.requireNonNull(retryConfig, "retryConfig");
      return this;
    }

    /**
     * The circuit breaker configuration; the default is {@link #defaultCircuitBreakerConfig()}. The
     * exceptions it records are {@link ChatInfoException}s.
     *
     * @param circuitBreakerConfig the configuration
     * @return this builder
     */
    public Builder circuitBreaker(CircuitBreakerConfig circuitBreakerConfig) {
      this.circuitBreakerConfig = Objects.requireNonNull(circuitBreakerConfig, "circuitBreakerConfig");
      return this;
    }

    /**
     * The longest a whole call may take, every attempt, body and wait included; 10 s by default.
     *
     * @param callTimeout a positive duration
     * @return this builder
     */
    public Builder callTimeout(Duration callTimeout) {
      this.callTimeout = callTimeout;
      return this;
    }

    /**
     * An OkHttp client to share its connection pool and dispatcher with. The source derives its
     * own settings from it ({@code newBuilder()}); {@link #close()} then leaves the client's pool
     * and threads alone.
     *
     * @param client the client
     * @return this builder
     */
    public Builder okHttpClient(OkHttpClient client) {
      this.client = Objects.requireNonNull(client, "client");
      return this;
    }

    /**
     * The clock for deadlines and {@code Retry-After} dates; the system clock by default.
     *
     * @param clock the clock
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * The scheduler of the waits between attempts (both {@code fetch} and {@code fetchAsync} wait
     * on it; no thread sleeps). By default the source owns a one-thread daemon scheduler, shut down
     * by {@link #close()}; a given scheduler is not shut down.
     *
     * @param scheduler the scheduler
     * @return this builder
     */
    public Builder scheduler(ScheduledExecutorService scheduler) {
      this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
      return this;
    }

    /**
     * Builds the source.
     *
     * @return the source
     * @throws IllegalStateException if no domain or base URL, no token provider, or no codec
     * @throws IllegalArgumentException if the domain or base URL is not acceptable, or the timeout is not positive
     */
    public RetrofitChatInfoSource build() {
      if (tokens == null) {
        throw new IllegalStateException("a bearer token provider is required: bearerToken(BearerTokenProvider.of(token))");
      }
      if (callTimeout == null || callTimeout.isNegative() || callTimeout.isZero()) {
        throw new IllegalArgumentException("callTimeout must be positive, was " + callTimeout);
      }
      HttpUrl url = url();
      List<ChatInfoCodec> chosen = codecs.isEmpty() ? ChatInfoCodecs.installed() : List.copyOf(codecs);
      if (chosen.isEmpty()) {
        throw new IllegalStateException(ChatInfoCodecs.noCodecMessage());
      }
      return new RetrofitChatInfoSource(this, url, chosen);
    }

    private HttpUrl url() {
      if (domain != null) {
        if (!domain.matches("[A-Za-z0-9]([A-Za-z0-9.-]{0,251}[A-Za-z0-9])?(:[0-9]{1,5})?")) {
          throw new IllegalArgumentException("domain must be a host name with an optional :port, was "
              + dev.chatinfo.api.codec.WireValues.excerpt(domain));
        }
        HttpUrl url = HttpUrl.parse("https://" + domain + "/");
        if (url == null) {
          throw new IllegalArgumentException("domain is not a valid host: " + dev.chatinfo.api.codec.WireValues.excerpt(domain));
        }
        return url;
      }
      if (baseUrl == null) {
        throw new IllegalStateException("a domain(..) or a baseUrl(..) is required");
      }
      HttpUrl url = HttpUrl.get(baseUrl);
      if (url == null) {
        throw new IllegalArgumentException("baseUrl must be an absolute http(s) URL, was " + baseUrl);
      }
      if (url.query() != null || baseUrl.getRawFragment() != null || !url.username().isEmpty()) {
        throw new IllegalArgumentException("baseUrl must have no query, fragment or user info, was " + baseUrl);
      }
      if (url.scheme().equals("http") && !isLoopback(url.host())) {
        throw new IllegalArgumentException("plain http is allowed for loopback hosts only (tests); use https for "
            + url.host());
      }
      String path = url.encodedPath();
      return path.endsWith("/") ? url : url.newBuilder().encodedPath(path + "/").build();
    }

    private static boolean isLoopback(String host) {
      return host.equals("localhost") || host.equals("::1") || host.matches("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");
    }
  }
}
