package dev.chatinfo.transport.jdk;

import dev.chatinfo.client.spi.HttpExchange;
import dev.chatinfo.client.spi.HttpRequest;
import dev.chatinfo.client.spi.HttpTransport;
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
 *   <li>the JDK's request time-out set to the request's {@link HttpRequest#timeout()} (it bounds
 *       the wait for the status and headers);</li>
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

  /** The client; {@code null} once an owned one is closed, so that the JDK can let it go. */
  private volatile HttpClient client;
  private final boolean owned;
  private final ExecutorService executor;
  private final Set<JdkExchange> running = ConcurrentHashMap.newKeySet();
  private final AtomicBoolean closed = new AtomicBoolean();

  private JdkTransport(HttpClient client, boolean owned, ExecutorService executor) {
    this.client = client;
    this.owned = owned;
    this.executor = executor;
  }

  /**
   * A transport with its own {@link HttpClient}: HTTP/2 preferred (negotiated over TLS), redirects
   * never followed, connections made within {@link #CONNECT_TIMEOUT}, and its own executor of
   * daemon threads, all released by {@link #close()}.
   *
   * @return the transport, to close
   */
  public static JdkTransport create() {
    ThreadPoolExecutor executor = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 30, TimeUnit.SECONDS,
        new SynchronousQueue<>(), daemonThreads());
    HttpClient client = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_2)
        .followRedirects(HttpClient.Redirect.NEVER)
        .connectTimeout(CONNECT_TIMEOUT)
        .executor(executor)
        .build();
    return new JdkTransport(client, true, executor);
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
    return new JdkTransport(shared, false, null);
  }

  @Override
  public HttpExchange exchange(HttpRequest request) {
    Objects.requireNonNull(request, "request");
    return new JdkExchange(this, request);
  }

  /**
   * Closes the transport. Owned: the exchanges still running are aborted, the client is closed
   * (on Java 21 and later, {@code HttpClient.close()}) and the executor shut down; on Java 17, whose
   * {@code HttpClient} cannot be closed, the client is let go and its selector thread ends by itself
   * once the client is no longer reachable. Shared: the exchanges still running are aborted and the
   * client is left open. Idempotent; later exchanges fail with an {@link java.io.IOException}.
   */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    for (JdkExchange exchange : new ArrayList<>(running)) {
      exchange.cancel();
    }
    if (!owned) {
      return;
    }
    HttpClient c = client;
    client = null;
    // HttpClient implements AutoCloseable from Java 21 on: close() there waits for the
    // exchanges just aborted and stops the selector thread. No reflection needed.
    if (c instanceof AutoCloseable) {
      try {
        ((AutoCloseable) c).close();
      } catch (Exception e) {
        // HttpClient.close() declares no checked exception; nothing else to release here.
      }
    }
    executor.shutdown();
  }

  /** The client to send with, or {@code null} once closed. */
  HttpClient client() {
    return closed.get() ? null : client;
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
    return "JdkTransport[" + (owned ? "own client" : "shared client") + (closed.get() ? ", closed" : "") + "]";
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
