package dev.chatinfo.transport.jdk;

import dev.chatinfo.client.spi.HttpExchange;
import dev.chatinfo.client.spi.HttpRequest;
import dev.chatinfo.client.spi.HttpResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One GET: the body handler is the JDK's {@code BodyHandlers.ofInputStream()}, so nothing of the
 * body is read before the caller reads it.
 *
 * <p>{@link #execute()} sends with {@link HttpClient#send} on the calling thread: the JDK then runs
 * the steps of the exchange inline where it can, while {@link HttpClient#sendAsync} hands every
 * step to an executor and completes on the common pool (measured here: about half the CPU per
 * call, and twice the calls per second on loopback). {@code send} can only be aborted by an
 * interrupt, so {@link #cancel()} from another thread interrupts the sending thread, and the
 * sending thread consumes that interrupt before it returns: the caller's thread keeps only an
 * interrupt of its own. {@link #executeAsync()} uses {@code sendAsync} and parks no thread.
 */
final class JdkExchange implements HttpExchange {

  /** States of a synchronous send, for {@link #cancel()} to interrupt only a thread inside it. */
  private static final int IDLE = 0;
  private static final int SENDING = 1;
  private static final int INTERRUPTING = 2;
  private static final int INTERRUPTED = 3;
  private static final int DONE = 4;

  private final JdkTransport transport;
  private final HttpRequest request;
  private final AtomicBoolean started = new AtomicBoolean();
  private final AtomicBoolean finished = new AtomicBoolean();
  private volatile boolean cancelled;
  private volatile CompletableFuture<java.net.http.HttpResponse<InputStream>> sending;
  private volatile JdkResponse response;
  private final AtomicInteger syncState = new AtomicInteger(IDLE);
  private volatile Thread sender;

  JdkExchange(JdkTransport transport, HttpRequest request) {
    this.transport = transport;
    this.request = request;
  }

  @Override
  public HttpResponse execute() throws IOException {
    HttpClient client = begin();
    java.net.http.HttpRequest jdkRequest = jdkRequest();
    java.net.http.HttpResponse<InputStream> received;
    sender = Thread.currentThread();
    syncState.set(SENDING);
    try {
      if (cancelled) {
        throw cancelledFailure(null);
      }
      received = client.send(jdkRequest, BodyHandlers.ofInputStream());
    } catch (InterruptedException e) {
      finish();
      if (endSend()) {
        throw cancelledFailure(e);
      }
      // The caller's own interrupt: the JDK has aborted the exchange; the flag stays set.
      Thread.currentThread().interrupt();
      InterruptedIOException interrupted =
          new InterruptedIOException("interrupted while waiting for the response; the exchange is aborted");
      interrupted.initCause(e);
      throw interrupted;
    } catch (IOException | RuntimeException e) {
      finish();
      endSend();
      throw failure(e);
    }
    if (endSend()) {
      closeQuietly(received.body());
      finish();
      throw cancelledFailure(null);
    }
    return accept(received);
  }

  /**
   * Ends a synchronous send on the sending thread.
   *
   * @return whether {@link #cancel()} interrupted it; its interrupt is then consumed
   */
  private boolean endSend() {
    if (syncState.compareAndSet(SENDING, DONE)) {
      return false;
    }
    while (syncState.get() != INTERRUPTED) {
      Thread.onSpinWait();
    }
    Thread.interrupted();
    syncState.set(DONE);
    return true;
  }

  @Override
  public CompletableFuture<HttpResponse> executeAsync() {
    CompletableFuture<HttpResponse> result = new CompletableFuture<>();
    CompletableFuture<java.net.http.HttpResponse<InputStream>> future;
    try {
      future = start();
    } catch (IOException e) {
      result.completeExceptionally(e);
      return result;
    }
    result.whenComplete((ignored, failure) -> {
      if (result.isCancelled()) {
        cancel();
      }
    });
    future.whenComplete((received, failure) -> {
      // Runs on the JDK's threads: nothing may escape from here.
      try {
        if (failure != null) {
          finish();
          result.completeExceptionally(failure(failure));
          return;
        }
        JdkResponse accepted = accept(received);
        if (!result.complete(accepted)) {
          accepted.close();
        }
      } catch (IOException e) {
        result.completeExceptionally(e);
      } catch (RuntimeException | Error e) {
        finish();
        result.completeExceptionally(new IOException("the JDK HTTP client failed: " + e, e));
      }
    });
    return result;
  }

  @Override
  public void cancel() {
    cancelled = true;
    if (syncState.compareAndSet(SENDING, INTERRUPTING)) {
      // HttpClient.send gives up only when its thread is interrupted; endSend() consumes it.
      sender.interrupt();
      syncState.set(INTERRUPTED);
    }
    CompletableFuture<java.net.http.HttpResponse<InputStream>> future = sending;
    if (future != null) {
      // Since Java 16 this aborts the JDK's exchange, before or while it waits for headers.
      future.cancel(true);
    }
    JdkResponse received = response;
    if (received != null) {
      received.abort();
    }
  }

  /** Called once the response is closed or aborted, or the exchange failed. */
  void finish() {
    if (finished.compareAndSet(false, true)) {
      transport.finished(this);
    }
  }

  /** Checks that the exchange may start, and returns the client to send with. */
  private HttpClient begin() throws IOException {
    if (!started.compareAndSet(false, true)) {
      throw new IllegalStateException("an exchange runs once");
    }
    if (cancelled) {
      throw cancelledFailure(null);
    }
    HttpClient client = transport.client(request.uri());
    if (client == null) {
      throw new IOException("the JDK transport is closed");
    }
    return client;
  }

  /** The JDK's request, once the exchange is registered with the transport (which may cancel it). */
  private java.net.http.HttpRequest jdkRequest() throws IOException {
    java.net.http.HttpRequest jdkRequest = toJdkRequest();
    transport.started(this);
    return jdkRequest;
  }

  private CompletableFuture<java.net.http.HttpResponse<InputStream>> start() throws IOException {
    HttpClient client = begin();
    java.net.http.HttpRequest jdkRequest = jdkRequest();
    CompletableFuture<java.net.http.HttpResponse<InputStream>> future;
    try {
      future = client.sendAsync(jdkRequest, BodyHandlers.ofInputStream());
    } catch (RuntimeException e) {
      finish();
      throw new IOException("the JDK HTTP client refused the request: " + e.getClass().getSimpleName(), e);
    }
    sending = future;
    if (cancelled) {
      future.cancel(true);
    }
    return future;
  }

  private java.net.http.HttpRequest toJdkRequest() throws IOException {
    java.net.http.HttpRequest.Builder builder;
    try {
      // No JDK request time-out: the client cancels the exchange at its call's deadline, and the
      // JDK's timer would wake its selector thread for every request (registerTimer).
      builder = java.net.http.HttpRequest.newBuilder(request.uri()).GET();
    } catch (IllegalArgumentException e) {
      throw new IOException("the JDK HTTP client refuses the URL " + request.uri().getScheme() + "://"
          + request.uri().getRawAuthority() + request.uri().getRawPath(), e);
    }
    if ("http".equals(request.uri().getScheme().toLowerCase(Locale.ROOT))) {
      // HTTP_2 over plain http would try the h2c upgrade (Connection: Upgrade, HTTP2-Settings,
      // Upgrade: h2c), which HTTP/1.1-only servers and proxies may refuse: speak HTTP/1.1.
      builder.version(HttpClient.Version.HTTP_1_1);
    }
    boolean encodingNamed = false;
    for (Map.Entry<String, String> header : request.headers().entrySet()) {
      String name = header.getKey();
      encodingNamed |= name.equalsIgnoreCase("Accept-Encoding");
      try {
        builder.header(name, header.getValue());
      } catch (IllegalArgumentException e) {
        // The JDK's message names the header, never its value.
        throw new IOException("the JDK HTTP client refuses to send header " + name
            + " (it sets restricted headers such as Host, Connection and Content-Length itself)", e);
      }
    }
    if (!encodingNamed) {
      builder.header("Accept-Encoding", "gzip");
    }
    return builder.build();
  }

  private JdkResponse accept(java.net.http.HttpResponse<InputStream> received) throws IOException {
    JdkResponse accepted = new JdkResponse(received, this);
    response = accepted;
    if (cancelled) {
      accepted.abort();
      throw cancelledFailure(null);
    }
    return accepted;
  }

  private IOException failure(Throwable thrown) {
    Throwable cause = thrown;
    while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
      cause = cause.getCause();
    }
    if (cancelled || cause instanceof CancellationException) {
      return cancelledFailure(cause);
    }
    if (cause instanceof HttpConnectTimeoutException) {
      SocketTimeoutException timeout = new SocketTimeoutException("connect timed out");
      timeout.initCause(cause);
      return timeout;
    }
    if (cause instanceof IOException) {
      return (IOException) cause;
    }
    return new IOException("the JDK HTTP client failed: " + cause.getClass().getName(), cause);
  }

  private static void closeQuietly(InputStream body) {
    try {
      body.close();
    } catch (IOException e) {
      // Closing only releases the connection; there is nothing to report.
    }
  }

  private static IOException cancelledFailure(Throwable cause) {
    return new IOException("exchange cancelled", cause);
  }

  @Override
  public String toString() {
    return "JdkExchange[" + request + "]";
  }
}
