package dev.chatinfo.transport.jdk;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpServer;
import dev.chatinfo.client.spi.HttpRequest;
import dev.chatinfo.client.spi.HttpResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** What JdkTransport does with one exchange, over real HTTP/1.1 on 127.0.0.1. */
@Timeout(60)
class JdkTransportTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  private HttpServer server;
  private ExecutorService serverThreads;
  private final List<Headers> received = new CopyOnWriteArrayList<>();
  private final List<String> paths = new CopyOnWriteArrayList<>();
  private final List<Integer> clientPorts = new CopyOnWriteArrayList<>();
  private JdkTransport transport;

  @BeforeEach
  void startServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    serverThreads = Executors.newCachedThreadPool(task -> {
      Thread t = new Thread(task, "test-http-server");
      t.setDaemon(true);
      return t;
    });
    server.setExecutor(serverThreads);
    server.createContext("/", exchange -> {
      received.add(exchange.getRequestHeaders());
      paths.add(exchange.getRequestURI().getPath());
      clientPorts.add(exchange.getRemoteAddress().getPort());
      exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
      exchange.getResponseHeaders().set("X-Answer", "42");
      byte[] body = ("hello " + exchange.getRequestURI().getPath()).getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(200, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    });
    server.createContext("/redirect", exchange -> {
      paths.add(exchange.getRequestURI().getPath());
      exchange.getResponseHeaders().set("Location", "/elsewhere");
      exchange.sendResponseHeaders(302, -1);
      exchange.close();
    });
    server.createContext("/unavailable", exchange -> {
      paths.add(exchange.getRequestURI().getPath());
      byte[] body = "try later".getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(503, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    });
    server.createContext("/gzip", exchange -> {
      received.add(exchange.getRequestHeaders());
      exchange.getResponseHeaders().set("Content-Encoding", "gzip");
      ByteArrayOutputStream zipped = new ByteArrayOutputStream();
      try (GZIPOutputStream gz = new GZIPOutputStream(zipped)) {
        gz.write("{\"info\":{\"state\":\"chatting\"}}".repeat(1000).getBytes(StandardCharsets.UTF_8));
      }
      exchange.sendResponseHeaders(200, zipped.size());
      try (OutputStream out = exchange.getResponseBody()) {
        zipped.writeTo(out);
      }
    });
    server.createContext("/empty-gzip", exchange -> {
      exchange.getResponseHeaders().set("Content-Encoding", "gzip");
      exchange.sendResponseHeaders(204, -1);
      exchange.close();
    });
    server.start();
    transport = JdkTransport.create();
  }

  @AfterEach
  void stopServer() {
    transport.close();
    server.stop(0);
    serverThreads.shutdownNow();
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
  }

  private static HttpRequest get(URI uri) {
    return HttpRequest.get(uri, Map.of("Accept", "application/json"), TIMEOUT);
  }

  private static String readAll(HttpResponse response) throws IOException {
    return new String(response.body().readAllBytes(), StandardCharsets.UTF_8);
  }

  @Test
  void sendsTheHeadersAsGivenPlusAcceptEncodingGzip() throws IOException {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Authorization", "Bearer secret-token");
    headers.put("Accept", "application/xml");
    headers.put("X-Request-Id", "r-1");
    try (HttpResponse response = transport.exchange(HttpRequest.get(uri("/chat"), headers, TIMEOUT)).execute()) {
      assertEquals(200, response.statusCode());
      assertEquals("hello /chat", readAll(response));
    }
    Headers sent = received.get(0);
    assertEquals(List.of("Bearer secret-token"), sent.get("Authorization"));
    assertEquals(List.of("application/xml"), sent.get("Accept"));
    assertEquals(List.of("r-1"), sent.get("X-Request-id"));
    assertEquals(List.of("gzip"), sent.get("Accept-Encoding"));
  }

  @Test
  void plainHttpIsSentByAClientWithoutTlsAndHttpsByOneWithTheDefaultContext() throws Exception {
    try (HttpResponse response = transport.exchange(get(uri("/chat"))).execute()) {
      assertEquals("hello /chat", readAll(response));
    }
    java.net.http.HttpClient plain = transport.client(uri("/chat"));
    assertEquals(PlainHttpOnly.CONTEXT, plain.sslContext());
    assertEquals(plain, transport.client(URI.create("HTTP://127.0.0.1:1/other")));
    UnsupportedOperationException refused = assertThrows(UnsupportedOperationException.class,
        () -> plain.sslContext().createSSLEngine("example.com", 443));
    assertEquals("the plain-http client of JdkTransport has no TLS", refused.getMessage());
    java.net.http.HttpClient tls = transport.client(URI.create("https://example.com/api"));
    assertFalse(tls == plain);
    assertEquals(javax.net.ssl.SSLContext.getDefault(), tls.sslContext());
    assertEquals(java.net.http.HttpClient.Version.HTTP_2, tls.version());
    transport.close();
    assertEquals(null, transport.client(uri("/chat")));
  }

  @Test
  void keepsAnAcceptEncodingTheRequestNames() throws IOException {
    try (HttpResponse response = transport.exchange(
        HttpRequest.get(uri("/chat"), Map.of("Accept-Encoding", "identity"), TIMEOUT)).execute()) {
      readAll(response);
    }
    assertEquals(List.of("identity"), received.get(0).get("Accept-Encoding"));
  }

  @Test
  void speaksHttp11OverPlainHttpWithoutTryingTheH2cUpgrade() throws IOException {
    try (HttpResponse response = transport.exchange(get(uri("/chat"))).execute()) {
      assertEquals("HTTP/1.1", response.protocol());
      readAll(response);
    }
    Headers sent = received.get(0);
    assertFalse(sent.containsKey("Upgrade"), () -> "sent " + sent.keySet());
    assertFalse(sent.containsKey("HTTP2-Settings"), () -> "sent " + sent.keySet());
  }

  @Test
  void readsResponseHeadersInAnyCase() throws IOException {
    try (HttpResponse response = transport.exchange(get(uri("/chat"))).execute()) {
      assertEquals("42", response.header("x-answer").orElseThrow());
      assertEquals("42", response.header("X-ANSWER").orElseThrow());
      assertEquals("text/plain; charset=utf-8", response.header("content-type").orElseThrow());
      assertTrue(response.header("X-Missing").isEmpty());
    }
  }

  @Test
  void answersARedirectAsItCameWithoutFollowingIt() throws IOException {
    try (HttpResponse response = transport.exchange(get(uri("/redirect"))).execute()) {
      assertEquals(302, response.statusCode());
      assertEquals("/elsewhere", response.header("Location").orElseThrow());
    }
    assertEquals(List.of("/redirect"), paths);
  }

  @Test
  void sendsOneRequestPerExchangeAndNeverRetries() throws IOException {
    try (HttpResponse response = transport.exchange(get(uri("/unavailable"))).execute()) {
      assertEquals(503, response.statusCode());
      assertEquals("try later", readAll(response));
    }
    assertEquals(List.of("/unavailable"), paths);
  }

  @Test
  void runsAnExchangeOnlyOnce() throws IOException {
    var exchange = transport.exchange(get(uri("/chat")));
    exchange.execute().close();
    assertThrows(IllegalStateException.class, exchange::execute);
    assertThrows(IllegalStateException.class, exchange::executeAsync);
  }

  @Test
  void decodesAGzipBodyAndHidesTheWireEncoding() throws IOException {
    try (HttpResponse response = transport.exchange(get(uri("/gzip"))).execute()) {
      assertEquals("{\"info\":{\"state\":\"chatting\"}}".repeat(1000), readAll(response));
      assertTrue(response.header("Content-Encoding").isEmpty());
      assertTrue(response.header("Content-Length").isEmpty());
    }
  }

  @Test
  void answersAnEmptyBodyForAGzipResponseWithoutBody() throws IOException {
    try (HttpResponse response = transport.exchange(get(uri("/empty-gzip"))).execute()) {
      assertEquals(204, response.statusCode());
      assertEquals(-1, response.body().read());
    }
  }

  @Test
  void executeAsyncCompletesWithTheResponse() throws Exception {
    CompletableFuture<HttpResponse> future = transport.exchange(get(uri("/async"))).executeAsync();
    try (HttpResponse response = future.get(10, TimeUnit.SECONDS)) {
      assertEquals(200, response.statusCode());
      assertEquals("hello /async", readAll(response));
    }
  }

  @Test
  void reusesTheConnectionOfAResponseReadAndClosed() throws IOException {
    for (int i = 0; i < 3; i++) {
      try (HttpResponse response = transport.exchange(get(uri("/again"))).execute()) {
        readAll(response);
      }
    }
    assertEquals(1, clientPorts.stream().distinct().count(), () -> "client ports " + clientPorts);
  }

  @Test
  void failsWithAnIOExceptionWhenNothingListens() throws IOException {
    int port;
    try (ServerSocket closed = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = closed.getLocalPort();
    }
    URI nowhere = URI.create("http://127.0.0.1:" + port + "/chat");
    IOException sync = assertThrows(IOException.class, () -> transport.exchange(get(nowhere)).execute());
    assertInstanceOf(ConnectException.class, sync);
    CompletionException async = assertThrows(CompletionException.class,
        () -> transport.exchange(get(nowhere)).executeAsync().join());
    assertInstanceOf(ConnectException.class, async.getCause());
  }

  @Test
  void refusesAHeaderTheJdkSetsItselfWithAnIOExceptionThatNamesIt() {
    IOException e = assertThrows(IOException.class, () -> transport.exchange(
        HttpRequest.get(uri("/chat"), Map.of("Connection", "secret-value"), TIMEOUT)).execute());
    assertTrue(e.getMessage().contains("Connection"), e.getMessage());
    assertFalse(e.getMessage().contains("secret-value"), e.getMessage());
    assertTrue(paths.isEmpty());
    CompletionException async = assertThrows(CompletionException.class, () -> transport.exchange(
        HttpRequest.get(uri("/chat"), Map.of("Host", "elsewhere"), TIMEOUT)).executeAsync().join());
    assertInstanceOf(IOException.class, async.getCause());
  }

  @Test
  void leavesTheDeadlineToTheClientAndEndsAtItsCancel() throws Exception {
    // No JDK request timer (it would wake the selector thread per request): the exchange waits
    // past its timeout for headers that never come, until the client cancels it at the deadline.
    try (RawHttpServer silent = RawHttpServer.start()) {
      var exchange = transport.exchange(HttpRequest.get(silent.uri("/slow"), Map.of(), Duration.ofMillis(200)));
      CompletableFuture<Throwable> outcome = CompletableFuture.supplyAsync(() -> {
        try (HttpResponse r = exchange.execute()) {
          return new AssertionError("answered " + r.statusCode());
        } catch (Throwable t) {
          return t;
        }
      });
      Thread.sleep(700);
      assertFalse(outcome.isDone(), "the exchange ended by itself: " + outcome.getNow(null));
      long start = System.nanoTime();
      exchange.cancel();
      Throwable t = outcome.get(5, TimeUnit.SECONDS);
      assertInstanceOf(IOException.class, t);
      assertTrue(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start) < 2000);
    }
  }

  @Test
  void readsAnEndlessGzipBodyOnlyAsFarAsTheCallerReads() throws Exception {
    // One gzip member of 16 MiB of zeros is some 16 KiB; the server sends it again and again
    // (GZIPInputStream reads concatenated members), a body that never ends: read whole, it would
    // never be answered.
    ByteArrayOutputStream zipped = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(zipped)) {
      gz.write(new byte[16 * 1024 * 1024]);
    }
    byte[] member = zipped.toByteArray();
    CountDownLatch serverStopped = new CountDownLatch(1);
    server.createContext("/bomb", exchange -> {
      exchange.getResponseHeaders().set("Content-Encoding", "gzip");
      exchange.sendResponseHeaders(200, 0);
      try (OutputStream out = exchange.getResponseBody()) {
        while (true) {
          out.write(member);
        }
      } catch (IOException closedByClient) {
        serverStopped.countDown();
      }
    });
    long decoded = 0;
    try (HttpResponse response = transport.exchange(get(uri("/bomb"))).execute()) {
      InputStream body = response.body();
      byte[] buffer = new byte[64 * 1024];
      while (decoded < 40L * 1024 * 1024) {
        int n = body.read(buffer);
        assertTrue(n > 0);
        decoded += n;
      }
    }
    assertTrue(serverStopped.await(10, TimeUnit.SECONDS), "the server went on writing after the body was closed");
  }

  @Test
  void failsAGzipBodyThatIsNotGzipWithAnIOException() throws IOException {
    server.createContext("/not-gzip", exchange -> {
      exchange.getResponseHeaders().set("Content-Encoding", "gzip");
      byte[] body = "plain text".getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(200, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    });
    try (HttpResponse response = transport.exchange(get(uri("/not-gzip"))).execute()) {
      assertThrows(IOException.class, () -> response.body().readAllBytes());
    }
  }

  @Test
  void streamsTheBodyAsItArrives() throws Exception {
    try (RawHttpServer raw = RawHttpServer.start()) {
      var exchange = transport.exchange(get(raw.uri("/trickle")));
      CompletableFuture<HttpResponse> future = exchange.executeAsync();
      RawHttpServer.Connection connection = raw.accept();
      connection.readRequestHead();
      connection.write("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nfirst");
      try (HttpResponse response = future.get(10, TimeUnit.SECONDS)) {
        byte[] first = response.body().readNBytes(5);
        assertArrayEquals("first".getBytes(StandardCharsets.US_ASCII), first);
        connection.write("after");
        assertEquals("after", new String(response.body().readAllBytes(), StandardCharsets.US_ASCII));
      }
    }
  }

  @Test
  void runsManyExchangesAtOnce() throws Exception {
    List<CompletableFuture<HttpResponse>> futures = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      futures.add(transport.exchange(get(uri("/many/" + i))).executeAsync());
    }
    AtomicInteger ok = new AtomicInteger();
    for (int i = 0; i < 20; i++) {
      try (HttpResponse response = futures.get(i).get(10, TimeUnit.SECONDS)) {
        assertEquals("hello /many/" + i, readAll(response));
        ok.incrementAndGet();
      }
    }
    assertEquals(20, ok.get());
  }
}
