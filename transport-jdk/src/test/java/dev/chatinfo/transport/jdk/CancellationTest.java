package dev.chatinfo.transport.jdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chatinfo.client.spi.HttpExchange;
import dev.chatinfo.client.spi.HttpRequest;
import dev.chatinfo.client.spi.HttpResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Cancelling an exchange, from another thread, at every stage: before it is sent, while it waits
 * for headers, while the body is read; and through the async future. The server, a raw socket,
 * tells whether the client really let the connection go.
 */
@Timeout(60)
class CancellationTest {

  private static final Duration CLOSE_SEEN = Duration.ofSeconds(10);

  private final RawHttpServer server = RawHttpServer.start();
  private final JdkTransport transport = JdkTransport.create();

  @AfterEach
  void close() {
    transport.close();
    server.close();
  }

  private HttpExchange exchange() {
    return transport.exchange(HttpRequest.get(server.uri("/chat"), Map.of(), Duration.ofSeconds(30)));
  }

  /** Runs the action on another thread once the current thread is blocked (or soon after). */
  private static void fromAnotherThread(Thread blocked, Runnable action) {
    Thread other = new Thread(() -> {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (blocked.getState() == Thread.State.RUNNABLE && System.nanoTime() < deadline) {
        Thread.onSpinWait();
      }
      action.run();
    }, "test-canceller");
    other.setDaemon(true);
    other.start();
  }

  @Test
  void cancelBeforeExecuteSendsNothing() throws Exception {
    HttpExchange exchange = exchange();
    exchange.cancel();
    IOException e = assertThrows(IOException.class, exchange::execute);
    assertTrue(e.getMessage().contains("cancelled"), e.getMessage());
    assertFalse(server.connectedWithin(Duration.ofMillis(200)));
  }

  @Test
  void cancelBeforeExecuteAsyncFailsTheFuture() {
    HttpExchange exchange = exchange();
    exchange.cancel();
    CompletionException e = assertThrows(CompletionException.class, () -> exchange.executeAsync().join());
    assertInstanceOf(IOException.class, e.getCause());
  }

  @Test
  void cancelWhileWaitingForHeadersAbortsTheExchange() throws Exception {
    HttpExchange exchange = exchange();
    CompletableFuture<RawHttpServer.Connection> requested = CompletableFuture.supplyAsync(() -> {
      try {
        RawHttpServer.Connection c = server.accept();
        c.readRequestHead();
        exchange.cancel();
        return c;
      } catch (Exception e) {
        throw new CompletionException(e);
      }
    });
    IOException e = assertThrows(IOException.class, exchange::execute);
    assertTrue(e.getMessage().contains("cancelled"), e.getMessage());
    assertFalse(Thread.interrupted(), "the interrupt that stopped HttpClient.send must not reach the caller");
    assertTrue(requested.get(10, TimeUnit.SECONDS).closedByClientWithin(CLOSE_SEEN),
        "the server never saw the connection closed");
  }

  @Test
  void cancelAfterASynchronousExecuteReturnedLeavesTheThreadAlone() throws Exception {
    HttpExchange exchange = exchange();
    CompletableFuture<RawHttpServer.Connection> answered = CompletableFuture.supplyAsync(() -> {
      try {
        RawHttpServer.Connection c = server.accept();
        c.readRequestHead();
        c.write("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok");
        return c;
      } catch (Exception e) {
        throw new CompletionException(e);
      }
    });
    HttpResponse response = exchange.execute();
    assertEquals(200, response.statusCode());
    Thread canceller = new Thread(exchange::cancel, "test-canceller");
    canceller.start();
    canceller.join();
    assertFalse(Thread.interrupted(), "cancel() interrupted a thread that had left HttpClient.send");
    assertThrows(IOException.class, () -> response.body().read(), "a read after cancel() fails");
    response.close();
    answered.get(10, TimeUnit.SECONDS);
    assertTrue(transport.running().isEmpty(), () -> "still running: " + transport.running());
  }

  @Test
  void cancelWhileReadingTheBodyReleasesABlockedRead() throws Exception {
    HttpExchange exchange = exchange();
    CompletableFuture<HttpResponse> future = exchange.executeAsync();
    RawHttpServer.Connection connection = server.accept();
    connection.readRequestHead();
    connection.write("HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\nsome");
    try (HttpResponse response = future.get(10, TimeUnit.SECONDS)) {
      InputStream body = response.body();
      assertEquals('s', body.read());
      fromAnotherThread(Thread.currentThread(), exchange::cancel);
      // The rest never comes: the read blocks until the cancel releases it.
      IOException e = assertThrows(IOException.class, () -> body.readNBytes(100));
      assertTrue(e.getMessage().contains("cancelled") || e.getMessage().contains("closed"), e.getMessage());
      assertThrows(IOException.class, body::read);
    }
    assertTrue(connection.closedByClientWithin(CLOSE_SEEN), "the server never saw the connection closed");
  }

  @Test
  void cancelAfterABodyReadStopsGzipDecodingAtOnce() throws Exception {
    HttpExchange exchange = exchange();
    CompletableFuture<HttpResponse> future = exchange.executeAsync();
    RawHttpServer.Connection connection = server.accept();
    connection.readRequestHead();
    java.io.ByteArrayOutputStream zipped = new java.io.ByteArrayOutputStream();
    try (java.util.zip.GZIPOutputStream gz = new java.util.zip.GZIPOutputStream(zipped)) {
      gz.write(new byte[4 * 1024 * 1024]);
    }
    connection.write("HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\nContent-Length: " + zipped.size() + "\r\n\r\n");
    connection.write(zipped.toByteArray());
    try (HttpResponse response = future.get(10, TimeUnit.SECONDS)) {
      InputStream body = response.body();
      assertEquals(1000, body.readNBytes(1000).length);
      exchange.cancel();
      // The decoder still holds compressed bytes enough for megabytes: none of them is answered.
      assertThrows(IOException.class, body::read);
    }
  }

  @Test
  void cancellingTheAsyncFutureAbortsTheExchange() throws Exception {
    CompletableFuture<HttpResponse> future = exchange().executeAsync();
    RawHttpServer.Connection connection = server.accept();
    connection.readRequestHead();
    assertTrue(future.cancel(true));
    assertTrue(connection.closedByClientWithin(CLOSE_SEEN), "the server never saw the connection closed");
  }

  @Test
  void aResponseThatComesAfterTheFutureWasCancelledIsReleased() throws Exception {
    CompletableFuture<HttpResponse> future = exchange().executeAsync();
    RawHttpServer.Connection connection = server.accept();
    connection.readRequestHead();
    future.cancel(true);
    // Written late, maybe after the client dropped the connection: whatever came is not kept.
    try {
      connection.write("HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\nsome");
    } catch (IOException alreadyClosed) {
      // the client closed it first
    }
    assertTrue(connection.closedByClientWithin(CLOSE_SEEN), "the server never saw the connection closed");
    assertTrue(transport.running().isEmpty(), () -> "still running: " + transport.running());
  }

  @Test
  void anInterruptOfTheCallingThreadAbortsABlockedExecute() throws Exception {
    HttpExchange exchange = exchange();
    AtomicReference<Throwable> thrown = new AtomicReference<>();
    AtomicReference<Boolean> stillInterrupted = new AtomicReference<>();
    CountDownLatch done = new CountDownLatch(1);
    Thread caller = new Thread(() -> {
      try {
        exchange.execute().close();
      } catch (Throwable t) {
        thrown.set(t);
      }
      stillInterrupted.set(Thread.currentThread().isInterrupted());
      done.countDown();
    }, "test-caller");
    caller.start();
    RawHttpServer.Connection connection = server.accept();
    connection.readRequestHead();
    caller.interrupt();
    assertTrue(done.await(10, TimeUnit.SECONDS), "execute() ignored the interrupt");
    assertInstanceOf(InterruptedIOException.class, thrown.get());
    assertTrue(stillInterrupted.get(), "the interrupt flag was cleared");
    assertTrue(connection.closedByClientWithin(CLOSE_SEEN), "the server never saw the connection closed");
  }

  @Test
  void executeBlocksTheCallingThreadOnlyUntilTheHeaders() throws Exception {
    HttpExchange exchange = exchange();
    CompletableFuture<RawHttpServer.Connection> answered = CompletableFuture.supplyAsync(() -> {
      try {
        RawHttpServer.Connection c = server.accept();
        c.readRequestHead();
        c.write("HTTP/1.1 200 OK\r\nContent-Length: 1000\r\nX-Seen: yes\r\n\r\n");
        return c;
      } catch (Exception e) {
        throw new CompletionException(e);
      }
    });
    try (HttpResponse response = exchange.execute()) {
      assertEquals(200, response.statusCode());
      assertEquals("yes", response.header("X-Seen").orElseThrow());
    }
    // Closed with its body unread: the connection cannot be reused, so it is closed.
    assertTrue(answered.get(10, TimeUnit.SECONDS).closedByClientWithin(CLOSE_SEEN));
  }

  @Test
  void cancelIsIdempotentAndHarmlessAfterTheExchange() throws Exception {
    HttpExchange exchange = exchange();
    CompletableFuture<HttpResponse> future = exchange.executeAsync();
    RawHttpServer.Connection connection = server.accept();
    connection.readRequestHead();
    connection.write("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok");
    try (HttpResponse response = future.get(10, TimeUnit.SECONDS)) {
      assertEquals("ok", new String(response.body().readAllBytes(), java.nio.charset.StandardCharsets.US_ASCII));
    }
    exchange.cancel();
    exchange.cancel();
    assertTrue(transport.running().isEmpty());
  }

  @Test
  void theFutureOfACancelledExchangeFailsWithAnIOException() throws Exception {
    HttpExchange exchange = exchange();
    CompletableFuture<HttpResponse> future = exchange.executeAsync();
    server.accept().readRequestHead();
    exchange.cancel();
    ExecutionException e = assertThrows(ExecutionException.class, () -> future.get(10, TimeUnit.SECONDS));
    assertInstanceOf(IOException.class, e.getCause());
  }
}
