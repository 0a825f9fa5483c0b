package dev.chatinfo.client;

import dev.chatinfo.api.BearerTokenProvider;
import dev.chatinfo.api.ChatInfo;
import dev.chatinfo.api.ChatInfoException;
import dev.chatinfo.api.ChatInfoException.Kind;
import dev.chatinfo.api.ChatInfoSource;
import dev.chatinfo.api.ChatRef;
import dev.chatinfo.api.codec.ChatInfoCodec;
import dev.chatinfo.api.codec.ChatInfoCodecs;
import dev.chatinfo.client.internal.Backoff;
import dev.chatinfo.client.internal.BearerAuth;
import dev.chatinfo.client.internal.Breaker;
import dev.chatinfo.client.internal.CodecChoice;
import dev.chatinfo.client.internal.Endpoint;
import dev.chatinfo.client.internal.Engine;
import dev.chatinfo.client.internal.TransportLookup;
import dev.chatinfo.client.spi.HttpTransport;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.function.LongSupplier;

/**
 * The {@link ChatInfoSource} of chatinfo: LivePerson's chat info endpoint, with every rule of a
 * call in one place and the HTTP library behind a pluggable {@link HttpTransport}.
 *
 * <pre>{@code
 * ChatInfoClient client = ChatInfoClient.builder()
 *     .domain("va-a.agentvep.liveperson.net")
 *     .bearerToken(BearerTokenProvider.of(System.getenv("LP_BEARER")))
 *     .build();                                    // the one installed transport and codecs
 * ChatInfo info = client.fetch(ChatRef.of(account, agentSession, chat));
 * }</pre>
 *
 * <h2>What one call does</h2>
 * <ul>
 *   <li><b>Request.</b> {@code GET {base}api/account/{a}/agentSession/{s}/chat/{c}/info?v=1&NC=true}
 *       with {@code Authorization: Bearer …}, {@code Accept} (every codec's media type, the first
 *       preferred) and {@code Content-Type} (the preferred format), as LivePerson documents it.</li>
 *   <li><b>Attempts.</b> By default at most 3 attempts, plus at most one request after a 401 when
 *       the token provider then gives another token: at most 4 requests. Same-origin redirects are
 *       followed (at most 5, each a request); a loop or a redirect to another origin is
 *       {@link Kind#REDIRECT}, never retried, and nothing is sent to another origin.</li>
 *   <li><b>What is retried.</b> Connection failures, time-outs of an attempt, 502, 503, 504 and 429.
 *       Never 500, another 4xx, a malformed body, a refused TLS certificate or an open circuit,
 *       whatever a custom {@link RetryConfig} says.</li>
 *   <li><b>Waits.</b> {@code Retry-After} (seconds, however written, or an HTTP-date; capped at a
 *       day) when the service sends one; otherwise exponential backoff with full jitter (a random
 *       wait up to 200 ms, 400 ms, … capped at 5 s). A wait that would pass the call timeout ends
 *       the call at once with the last failure and its {@code retryAfter()}.</li>
 *   <li><b>Time.</b> {@link Builder#callTimeout(Duration)} bounds the whole call on monotonic time:
 *       attempts, bodies however slowly they trickle, and waits.</li>
 *   <li><b>Circuit breaker.</b> Each attempt goes through it; 5xx, 429, time-outs and connection
 *       failures count as failures; 4xx, malformed bodies and redirects do not; cancelled attempts
 *       and attempts that sent nothing count as nothing. A call that sent nothing because the
 *       breaker is open fails with {@link Kind#CIRCUIT_OPEN} and a {@code retryAfter()} of the time
 *       until a trial call is let through; a call that sent requests reports its last real failure.</li>
 *   <li><b>Safety.</b> Bodies over 1 MiB (after gzip, error bodies too) are refused while streaming;
 *       every message is one line, and no run of 8 characters of a token that was sent appears in
 *       a message, a cause or a log line.</li>
 *   <li><b>Stopping.</b> {@code fetch} ends promptly (within ~50 ms plus what the transport needs to
 *       abort) when its thread is interrupted; {@code fetchAsync}'s future, cancelled or completed
 *       from outside ({@code orTimeout}), aborts its exchange; {@link #close()} ends every call in
 *       flight with {@link Kind#CANCELLED}.</li>
 * </ul>
 *
 * <p>Thread-safe; build one per service and share it. {@link #close()} cancels calls in flight and
 * closes the transport (which leaves alone an HTTP library client that was given to it) and the
 * scheduler the client owns.
 */
public final class ChatInfoClient implements ChatInfoSource {

  /** The largest body accepted, success or error, after decompression: 1 MiB. */
  public static final long MAX_BODY_BYTES = Engine.MAX_BODY_BYTES;

  /** The call timeout when none is set: 10 seconds. */
  public static final Duration DEFAULT_CALL_TIMEOUT = Duration.ofSeconds(10);

  private final Engine engine;
  private final Retry retry;
  private final CircuitBreaker circuitBreaker;
  private final String description;

  private ChatInfoClient(Builder b, Endpoint endpoint, HttpTransport transport, List<ChatInfoCodec> codecs) {
    String name = "chatinfo-" + endpoint.host();
    this.retry = Retry.of(name, b.retryConfig);
    this.circuitBreaker = CircuitBreaker.of(name, b.circuitBreakerConfig);
    boolean ownsScheduler = b.scheduler == null;
    ScheduledExecutorService scheduler = ownsScheduler ? newScheduler() : b.scheduler;
    CodecChoice choice = new CodecChoice(codecs);
    this.engine = new Engine(endpoint, transport, new BearerAuth(b.tokens), choice, retry,
        new Breaker(circuitBreaker, b.ticker), b.callTimeout, scheduler, ownsScheduler, b.ticker, b.clock);
    this.description = "ChatInfoClient[" + endpoint + ", " + transport + ", " + choice + ", timeout " + b.callTimeout;
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
   * {@code RetryConfig.from(ChatInfoClient.defaultRetryConfig()).maxAttempts(5).build()}.
   *
   * @return the default retry configuration
   */
  public static RetryConfig defaultRetryConfig() {
    return RetryConfig.custom()
        .maxAttempts(3)
        .intervalBiFunction(Backoff.honouringRetryAfter(Duration.ofMillis(200), Duration.ofSeconds(5)))
        .retryOnException(t -> t instanceof ChatInfoException e && e.isRetryable())
        .failAfterMaxAttempts(false)
        .build();
  }

  /**
   * chatinfo's circuit breaker, tuned for a client: it opens when at least half of the last 10
   * attempts failed (once 5 were made), stays open 15 s, then lets 2 trial attempts through.
   * 5xx, 429, time-outs and connection failures count as failures; 4xx (401, 403, 404, …),
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
        .recordException(ChatInfoClient::isServiceFailure)
        .build();
  }

  private static boolean isServiceFailure(Throwable t) {
    if (!(t instanceof ChatInfoException e)) {
      return true;
    }
    return switch (e.kind()) {
      case SERVER_ERROR, RATE_LIMITED, TIMEOUT, NETWORK -> true;
      default -> false;
    };
  }

  /**
   * The Resilience4j retry of this client, for its events and metrics
   * ({@code retry().getEventPublisher().onRetry(...)}).
   *
   * @return the retry
   */
  public Retry retry() {
    return retry;
  }

  /**
   * The Resilience4j circuit breaker of this client, for its state, events and metrics.
   *
   * @return the circuit breaker
   */
  public CircuitBreaker circuitBreaker() {
    return circuitBreaker;
  }

  @Override
  public ChatInfo fetch(ChatRef chat) {
    return engine.begin(chat, false).fetch();
  }

  @Override
  public CompletableFuture<ChatInfo> fetchAsync(ChatRef chat) {
    try {
      return engine.begin(chat, true).fetchAsync();
    } catch (ChatInfoException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  /** Cancels the calls in flight, then closes the transport and the scheduler this client owns. Idempotent. */
  @Override
  public void close() {
    engine.close();
  }

  @Override
  public String toString() {
    return description + ", circuit " + circuitBreaker.getState() + "]";
  }

  private static ScheduledExecutorService newScheduler() {
    ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(1, r -> {
      Thread t = new Thread(r, "chatinfo-client-scheduler");
      t.setDaemon(true);
      return t;
    });
    scheduler.setRemoveOnCancelPolicy(true);
    return scheduler;
  }

  // ----- builder -----------------------------------------------------------------------------

  /** Builds a {@link ChatInfoClient}; validates everything at {@link #build()}. Not thread-safe. */
  public static final class Builder {
    private String domain;
    private URI baseUrl;
    private BearerTokenProvider tokens;
    private HttpTransport transport;
    private String transportName;
    private final List<ChatInfoCodec> codecs = new ArrayList<>();
    private RetryConfig retryConfig = defaultRetryConfig();
    private CircuitBreakerConfig circuitBreakerConfig = defaultCircuitBreakerConfig();
    private Duration callTimeout = DEFAULT_CALL_TIMEOUT;
    private Clock clock = Clock.systemUTC();
    private LongSupplier ticker = System::nanoTime;
    private ScheduledExecutorService scheduler;

    private Builder() {}

    /**
     * The LivePerson domain of the account ({@code va-a.agentvep.liveperson.net}): the client
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
     * testkit's fake server). A path prefix is kept; user info, a query or a fragment are refused.
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
     * The transport to send with; the client closes it with itself. Without one, the one
     * installed transport is used.
     *
     * @param transport the transport, such as {@code JdkTransport.create()}
     * @return this builder
     */
    public Builder transport(HttpTransport transport) {
      this.transport = Objects.requireNonNull(transport, "transport");
      this.transportName = null;
      return this;
    }

    /**
     * The installed transport of this name ({@code "jdk"}, {@code "retrofit"}), for when several
     * are installed.
     *
     * @param name the provider's name
     * @return this builder
     */
    public Builder transport(String name) {
      this.transportName = Objects.requireNonNull(name, "name");
      this.transport = null;
      return this;
    }

    /**
     * Adds a codec; the first added is preferred in {@code Accept} and named in
     * {@code Content-Type}. Without any, every installed codec is used
     * ({@link ChatInfoCodecs#installed()}, JSON first).
     *
     * @param codec the codec
     * @return this builder
     */
    public Builder codec(ChatInfoCodec codec) {
      codecs.add(Objects.requireNonNull(codec, "codec"));
      return this;
    }

    /**
     * The retry configuration; the default is {@link #defaultRetryConfig()}. The exceptions it sees
     * are {@link ChatInfoException}s. Whatever it says, failures that are not
     * {@link ChatInfoException#isRetryable() retryable} are never retried.
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
     * The wall clock, used only to read {@code Retry-After} dates; the system clock by default.
     * Deadlines never use it.
     *
     * @param clock the clock
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * The monotonic time of deadlines, in nanoseconds; {@code System::nanoTime} by default. For
     * tests that drive time.
     *
     * @param nanoTicker a monotonic source of nanoseconds
     * @return this builder
     */
    public Builder ticker(LongSupplier nanoTicker) {
      this.ticker = Objects.requireNonNull(nanoTicker, "nanoTicker");
      return this;
    }

    /**
     * The scheduler of waits between attempts and of deadlines (no thread sleeps). By default the
     * client owns a one-thread daemon scheduler, shut down by {@link #close()}; a given scheduler
     * is not shut down.
     *
     * @param scheduler the scheduler
     * @return this builder
     */
    public Builder scheduler(ScheduledExecutorService scheduler) {
      this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
      return this;
    }

    /**
     * Builds the client.
     *
     * @return the client
     * @throws IllegalStateException if no domain or base URL, no token provider, no codec, or no
     *     (or no single) installed transport when none is given; the message says what to add
     * @throws IllegalArgumentException if the domain or base URL is not acceptable, or the timeout
     *     is not positive
     */
    public ChatInfoClient build() {
      if (tokens == null) {
        throw new IllegalStateException("a bearer token provider is required: bearerToken(BearerTokenProvider.of(token))");
      }
      if (callTimeout == null || callTimeout.isNegative() || callTimeout.isZero()) {
        throw new IllegalArgumentException("callTimeout must be positive, was " + callTimeout);
      }
      Endpoint endpoint;
      if (domain != null) {
        endpoint = Endpoint.ofDomain(domain);
      } else if (baseUrl != null) {
        endpoint = Endpoint.ofBaseUrl(baseUrl);
      } else {
        throw new IllegalStateException("a domain(..) or a baseUrl(..) is required");
      }
      List<ChatInfoCodec> chosen = codecs.isEmpty() ? ChatInfoCodecs.installed() : List.copyOf(codecs);
      if (chosen.isEmpty()) {
        throw new IllegalStateException(ChatInfoCodecs.noCodecMessage());
      }
      HttpTransport http = transport != null ? transport
          : (transportName != null ? TransportLookup.named(transportName) : TransportLookup.theOne()).create();
      return new ChatInfoClient(this, endpoint, http, chosen);
    }
  }
}
