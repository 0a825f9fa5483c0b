package dev.chatinfo.transport.jdk;

import dev.chatinfo.client.spi.HttpExchange;
import dev.chatinfo.client.spi.HttpRequest;
import dev.chatinfo.client.spi.HttpTransport;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLParameters;

/**
 * chatinfo's {@link HttpTransport} over the JDK's own {@link HttpClient}: no library beyond the JDK.
 *
 * <p>What it does with each exchange:
 * <ul>
 *   <li>one GET, no retry, no redirect followed (a 3xx is answered as it came);</li>
 *   <li>HTTP/2 when the server offers it over TLS (ALPN), HTTP/1.1 otherwise; over plain
 *       {@code http} it speaks HTTP/1.1 from the start and never tries the {@code h2c} upgrade,
 *       which HTTP/1.1-only servers may refuse;</li>
 *   <li>the request's headers as given, plus {@code Accept-Encoding: gzip} unless the request names
 *       an encoding itself; a {@code Content-Encoding: gzip} body is decoded as it is read, never
 *       buffered whole (its {@code Content-Encoding} and {@code Content-Length} headers are then
 *       hidden, as they describe the bytes on the wire);</li>
 *   <li>no JDK request time-out: {@code ChatInfoClient} cancels the exchange when its call's
 *       deadline passes, which ends it whether it waits for headers or reads the body, while the
 *       JDK's request timer would wake its selector thread once per request (and bound only the
 *       wait for headers); the connection time-out of a transport made by {@link #create()} is
 *       {@link #CONNECT_TIMEOUT};</li>
 *   <li>{@link HttpExchange#execute()} sends with {@link HttpClient#send} on the calling thread
 *       (the JDK then runs the exchange's steps inline, at about half the CPU of
 *       {@code sendAsync}); an interrupt of that thread aborts the exchange with an
 *       {@link java.io.InterruptedIOException} (the interrupt flag stays set);
 *       {@link HttpExchange#cancel()} from another thread aborts it by interrupting the sending
 *       thread, which consumes that interrupt before it returns (the one way to stop a blocked
 *       {@code send}); {@link HttpExchange#executeAsync()} uses {@code sendAsync} and parks no
 *       thread, and cancelling its future aborts the exchange; {@code cancel()} also aborts a body
 *       read in progress;</li>
 *   <li>every failure of an exchange is an {@link java.io.IOException}: a time-out a
 *       {@link java.net.SocketTimeoutException}, an interrupt an
 *       {@link java.io.InterruptedIOException}, a header the JDK refuses to send (such as
 *       {@code Host} or {@code Connection}) an {@code IOException} naming it.</li>
 * </ul>
 *
 * <p>A transport made by {@link #create()} owns its {@code HttpClient} and its daemon threads;
 * {@link #close()} aborts the exchanges still running and releases them. A transport made by
 * {@link #create(HttpClient)} leaves the given client open. Thread-safe.
 */
public final class JdkTransport implements HttpTransport {

  /** How long the transport made by {@link #create()} waits at most for a TCP (and TLS) connection. */
  public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

  /** The shared client; {@code null} for an owned transport. */
  private final HttpClient shared;
  private final ExecutorService executor;
  /** The owned clients, made on first use: one for {@code https}, one for plain {@code http}. */
  private volatile HttpClient tls;
  private volatile HttpClient plain;
  private final Set<JdkExchange> running = ConcurrentHashMap.newKeySet();
  private final AtomicBoolean closed = new AtomicBoolean();

  private JdkTransport(HttpClient shared, ExecutorService executor) {
    this.shared = shared;
    this.executor = executor;
  }

  /**
   * A transport with its own {@link HttpClient}s: HTTP/2 preferred (negotiated over TLS), redirects
   * never followed, connections made within {@link #CONNECT_TIMEOUT}, and its own executor of
   * daemon threads, all released by {@link #close()}. The clients are made on first use, one for
   * {@code https} (with the JDK's default TLS context) and one for plain {@code http} (without
   * any): a program that only speaks plain {@code http} never pays for setting up TLS.
   *
   * @return the transport, to close
   */
  public static JdkTransport create() {
    ThreadPoolExecutor executor = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 30, TimeUnit.SECONDS,
        new SynchronousQueue<>(), daemonThreads());
    return new JdkTransport(null, executor);
  }

  /**
   * A transport over a client the application shares: {@link #close()} leaves it open. For the
   * engine's rules to hold, the client should not follow redirects
   * ({@link HttpClient.Redirect#NEVER}, the JDK's default); its version, proxy, TLS and executor
   * settings are used as they are, except that plain {@code http} is always spoken as HTTP/1.1.
   *
   * @param shared the client, left open by {@link #close()}
   * @return the transport
   */
  public static JdkTransport create(HttpClient shared) {
    Objects.requireNonNull(shared, "shared");
    return new JdkTransport(shared, null);
  }

  @Override
  public HttpExchange exchange(HttpRequest request) {
    Objects.requireNonNull(request, "request");
    return new JdkExchange(this, request);
  }

  /**
   * Closes the transport. Owned: the exchanges still running are aborted, the clients are closed
   * (on Java 21 and later, {@code HttpClient.close()}) and the executor shut down; on Java 17, whose
   * {@code HttpClient} cannot be closed, each client's selector thread is interrupted, which ends it
   * and stops the client (so that a program's exit does not wait for it). Shared: the exchanges
   * still running are aborted and the client is left open. Idempotent; later exchanges fail with an
   * {@link java.io.IOException}.
   */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    for (JdkExchange exchange : new ArrayList<>(running)) {
      exchange.cancel();
    }
    if (shared != null) {
      return;
    }
    HttpClient[] clients;
    synchronized (this) {
      clients = new HttpClient[] {tls, plain};
      tls = null;
      plain = null;
    }
    for (HttpClient c : clients) {
      // HttpClient implements AutoCloseable from Java 21 on: close() there waits for the
      // exchanges just aborted and stops the selector thread. No reflection needed.
      if (c instanceof AutoCloseable) {
        try {
          ((AutoCloseable) c).close();
        } catch (Exception e) {
          // HttpClient.close() declares no checked exception; nothing else to release here.
        }
      } else if (c != null) {
        SelectorThread.stop(c);
      }
    }
    executor.shutdown();
  }

  /**
   * The client to send a request to this URL with, or {@code null} once closed. An owned transport
   * makes its {@code https} client on the first {@code https} exchange and its plain one on the
   * first {@code http} exchange: a program that speaks plain {@code http} (the testkit's server, a
   * local proxy) never sets up TLS, whose default context (trust store, key managers, providers)
   * the JDK otherwise builds with every client, about 100 ms of a cold start.
   */
  HttpClient client(URI uri) {
    if (closed.get()) {
      return null;
    }
    if (shared != null) {
      return shared;
    }
    boolean secure = "https".equalsIgnoreCase(uri.getScheme());
    HttpClient made = secure ? tls : plain;
    if (made != null) {
      return made; // every exchange after the first of its scheme: no lock
    }
    synchronized (this) {
      if (closed.get()) {
        return null;
      }
      if (secure) {
        if (tls == null) {
          tls = builder().version(HttpClient.Version.HTTP_2).build();
        }
        return tls;
      }
      if (plain == null) {
        plain = builder().version(HttpClient.Version.HTTP_1_1)
            .sslContext(PlainHttpOnly.CONTEXT).sslParameters(new SSLParameters()).build();
      }
      return plain;
    }
  }

  private HttpClient.Builder builder() {
    return HttpClient.newBuilder()
        .followRedirects(HttpClient.Redirect.NEVER)
        .connectTimeout(CONNECT_TIMEOUT)
        .executor(executor);
  }

  void started(JdkExchange exchange) {
    running.add(exchange);
    if (closed.get()) {
      exchange.cancel();
    }
  }

  void finished(JdkExchange exchange) {
    running.remove(exchange);
  }

  /** The exchanges started and not yet finished, for tests. */
  List<JdkExchange> running() {
    return List.copyOf(running);
  }

  @Override
  public String toString() {
    return "JdkTransport[" + (shared == null ? "own client" : "shared client") + (closed.get() ? ", closed" : "") + "]";
  }

  /** Daemon threads named {@code chatinfo-jdk-worker-N}, counted per transport. */
  private static ThreadFactory daemonThreads() {
    AtomicInteger count = new AtomicInteger();
    return task -> {
      Thread thread = new Thread(task, "chatinfo-jdk-worker-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }
}
