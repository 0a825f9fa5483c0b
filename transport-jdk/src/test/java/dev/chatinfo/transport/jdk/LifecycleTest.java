package dev.chatinfo.transport.jdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.chatinfo.api.BearerTokenProvider;
import dev.chatinfo.api.ChatRef;
import dev.chatinfo.client.ChatInfoClient;
import dev.chatinfo.client.spi.HttpRequest;
import dev.chatinfo.client.spi.HttpResponse;
import dev.chatinfo.client.spi.HttpTransport;
import dev.chatinfo.client.spi.HttpTransportProvider;
import dev.chatinfo.testkit.ChatInfoFixtures;
import dev.chatinfo.testkit.FakeChatServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** What a JdkTransport owns and what it leaves alone, and how it is found. */
@Timeout(120)
class LifecycleTest {

  private HttpServer server;

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", exchange -> {
      byte[] body = "ok".getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(200, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private URI uri() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/chat");
  }

  private HttpRequest get() {
    return HttpRequest.get(uri(), Map.of(), Duration.ofSeconds(10));
  }

  /** Threads of the JDK's HTTP clients and of our transports. */
  private static Set<Thread> httpThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.getName().startsWith("HttpClient-") || t.getName().startsWith("chatinfo-jdk-"))
        .collect(Collectors.toSet());
  }

  /** Uses a transport for some exchanges, sync and async, and closes it; keeps no reference to it. */
  private void useAndClose() throws Exception {
    JdkTransport transport = JdkTransport.create();
    try (HttpResponse response = transport.exchange(get()).execute()) {
      assertEquals("ok", new String(response.body().readAllBytes(), StandardCharsets.UTF_8));
    }
    CompletableFuture<HttpResponse> async = transport.exchange(get()).executeAsync();
    try (HttpResponse response = async.get(10, TimeUnit.SECONDS)) {
      response.body().readAllBytes();
    }
    transport.close();
  }

  @Test
  void closeLeavesNoThreadBehind() throws Exception {
    Set<Thread> before = httpThreads();
    useAndClose();
    useAndClose();
    // Java 21+: HttpClient.close() stops its selector thread, and the executor is shut down.
    // Java 17: HttpClient cannot be closed; its selector thread ends once the client is no longer
    // reachable (it checks every few seconds), which the GC here lets happen.
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    Set<Thread> left;
    do {
      System.gc();
      Thread.sleep(100);
      left = httpThreads();
      left.removeAll(before);
      left.removeIf(t -> !t.isAlive());
    } while (!left.isEmpty() && System.nanoTime() < deadline);
    Set<Thread> leaked = left;
    assertTrue(leaked.isEmpty(), () -> "threads left after close: " + leaked.stream().map(Thread::getName).toList()
        + " on Java " + Runtime.version());
  }

  @Test
  void closeEndsTheSelectorThreadsAtOnceWhileTheTransportIsStillReachable() throws Exception {
    Set<Thread> before = httpThreads();
    JdkTransport transport = JdkTransport.create();
    try (FakeChatServer chats = FakeChatServer.start()) {
      ChatRef ref = chats.addChat(ChatInfoFixtures.chatting());
      try (ChatInfoClient client = ChatInfoClient.builder().baseUrl(chats.baseUrl())
          .bearerToken(BearerTokenProvider.of(chats.token())).transport(transport).build()) {
        assertEquals(chats.chat(ref), client.fetch(ref));
      }
    }
    // No System.gc() here: the transport is still referenced below, and on Java 17 its selector
    // thread would otherwise run on (and hold the JVM's exit 300 ms).
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    Set<Thread> left;
    do {
      Thread.sleep(20);
      left = httpThreads();
      left.removeAll(before);
      left.removeIf(t -> !t.isAlive() || !t.getName().endsWith("-SelectorManager"));
    } while (!left.isEmpty() && System.nanoTime() < deadline);
    Set<Thread> leaked = left;
    assertTrue(leaked.isEmpty(), () -> "selector threads left after close: " + leaked.stream().map(Thread::getName).toList()
        + " on Java " + Runtime.version() + " (" + transport + ")");
  }

  @Test
  void theSelectorThreadOfAClientIsFoundByItsNameAndEndsWhenInterrupted() throws Exception {
    java.net.http.HttpClient client = java.net.http.HttpClient.newBuilder()
        .sslContext(PlainHttpOnly.CONTEXT).sslParameters(new javax.net.ssl.SSLParameters()).build();
    assertTrue(SelectorThread.stop(client), client::toString);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (selectorOf(client) != null && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertEquals(null, selectorOf(client));
    assertFalse(SelectorThread.stop(client));
  }

  private static Thread selectorOf(java.net.http.HttpClient client) {
    String id = client.toString().replaceAll(".*\\((\\d+)\\)$", "$1");
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.isAlive() && t.getName().equals("HttpClient-" + id + "-SelectorManager")).findFirst().orElse(null);
  }

  @Test
  void closeAbortsTheExchangesStillRunning() throws Exception {
    try (RawHttpServer silent = RawHttpServer.start()) {
      JdkTransport transport = JdkTransport.create();
      CompletableFuture<HttpResponse> waiting = transport.exchange(
          HttpRequest.get(silent.uri("/slow"), Map.of(), Duration.ofSeconds(30))).executeAsync();
      RawHttpServer.Connection connection = silent.accept();
      connection.readRequestHead();
      transport.close();
      Exception e = assertThrows(Exception.class, () -> waiting.get(10, TimeUnit.SECONDS));
      assertInstanceOf(IOException.class, e.getCause());
      assertTrue(connection.closedByClientWithin(Duration.ofSeconds(10)));
    }
  }

  @Test
  void anExchangeAfterCloseFailsWithAnIOException() {
    JdkTransport transport = JdkTransport.create();
    transport.close();
    transport.close();
    IOException e = assertThrows(IOException.class, () -> transport.exchange(get()).execute());
    assertTrue(e.getMessage().contains("closed"), e.getMessage());
    assertThrows(Exception.class, () -> transport.exchange(get()).executeAsync().join());
  }

  @Test
  void aSharedClientIsLeftOpen() throws Exception {
    HttpClient shared = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    JdkTransport transport = JdkTransport.create(shared);
    try (HttpResponse response = transport.exchange(get()).execute()) {
      assertEquals("HTTP/1.1", response.protocol());
      response.body().readAllBytes();
    }
    transport.close();
    java.net.http.HttpResponse<String> stillWorks =
        shared.send(java.net.http.HttpRequest.newBuilder(uri()).build(), BodyHandlers.ofString());
    assertEquals("ok", stillWorks.body());
    IOException e = assertThrows(IOException.class, () -> transport.exchange(get()).execute());
    assertTrue(e.getMessage().contains("closed"), e.getMessage());
  }

  @Test
  void chatInfoClientFindsTheJdkTransportWithoutBeingTold() {
    try (FakeChatServer chats = FakeChatServer.start()) {
      ChatRef ref = chats.addChat(ChatInfoFixtures.chatting());
      try (ChatInfoClient client = ChatInfoClient.builder().baseUrl(chats.baseUrl())
          .bearerToken(BearerTokenProvider.of(chats.token())).codec(new MiniJsonCodec()).build()) {
        assertEquals(chats.chat(ref), client.fetch(ref));
      }
    }
  }

  @Test
  void isProvidedToServiceLoaderAsJdk() throws IOException {
    // The tests run inside the module, which provides the service but does not use it.
    getClass().getModule().addUses(HttpTransportProvider.class);
    List<HttpTransportProvider> providers = ServiceLoader.load(HttpTransportProvider.class).stream()
        .map(ServiceLoader.Provider::get)
        .filter(p -> p.name().equals("jdk"))
        .toList();
    assertEquals(1, providers.size());
    try (HttpTransport transport = providers.get(0).create()) {
      assertInstanceOf(JdkTransport.class, transport);
    }
    // On the class path and in OSGi (SPI Fly) the provider is found through META-INF/services.
    try (var services = JdkTransport.class.getModule()
        .getResourceAsStream("META-INF/services/" + HttpTransportProvider.class.getName())) {
      assertEquals(JdkTransportProvider.class.getName(), new String(services.readAllBytes(), StandardCharsets.UTF_8).trim());
    }
  }
}
