package dev.chatinfo.transport.retrofit;

import static dev.chatinfo.testkit.ChatInfoAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.chatinfo.api.BearerTokenProvider;
import dev.chatinfo.api.ChatInfo;
import dev.chatinfo.api.ChatInfoException;
import dev.chatinfo.api.ChatRef;
import dev.chatinfo.client.ChatInfoClient;
import dev.chatinfo.client.spi.HttpRequest;
import dev.chatinfo.client.spi.HttpResponse;
import dev.chatinfo.client.spi.HttpTransport;
import dev.chatinfo.codec.json.MoshiChatInfoCodec;
import dev.chatinfo.testkit.ChatInfoFixtures;
import dev.chatinfo.testkit.FakeChatServer;
import dev.chatinfo.testkit.Fault;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.RetryConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What the Retrofit adapter itself must get right: OkHttp's quirks kept out, its resources released. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class RetrofitTransportTest {

  FakeChatServer server;
  ChatRef ref;

  @BeforeEach
  void start() {
    server = FakeChatServer.start();
    ref = server.addChat(ChatInfoFixtures.chatting());
  }

  @AfterEach
  void stop() {
    server.close();
  }

  HttpRequest request(ChatRef chat) {
    return HttpRequest.get(server.infoUrl(chat), Map.of("Authorization", "Bearer " + server.token(),
        "Accept", "application/json"), Duration.ofSeconds(5));
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "00", "000", "2147483648", "99999999999999999999"})
  void sendsOneRequestPerExchangeWhateverRetryAfterSays(String retryAfter) throws IOException {
    server.enqueue(Fault.retryAfter(503, retryAfter));
    try (HttpTransport transport = RetrofitTransport.create();
         HttpResponse response = transport.exchange(request(ref)).execute()) {
      assertEquals(503, response.statusCode());
      assertEquals(retryAfter, response.header("Retry-After").orElseThrow());
    }
    assertEquals(1, server.requests().size(), "OkHttp repeated the request");
  }

  @Test
  void followsNoRedirect() throws IOException {
    server.enqueue(Fault.redirect(server.infoUrl(ref)));
    try (HttpTransport transport = RetrofitTransport.create();
         HttpResponse response = transport.exchange(request(ref)).execute()) {
      assertTrue(response.statusCode() >= 300 && response.statusCode() < 400, "status " + response.statusCode());
      assertTrue(response.header("Location").isPresent());
    }
    assertEquals(1, server.requests().size());
  }

  @Test
  void handsAnErrorBodyOverUnreadInsteadOfBufferingIt() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    HttpServer slow = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    slow.createContext("/", exchange -> {
      exchange.sendResponseHeaders(500, 0);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write("first part of an endless error body".getBytes());
        out.flush();
        release.await(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    slow.start();
    try (HttpTransport transport = RetrofitTransport.create()) {
      URI url = URI.create("http://127.0.0.1:" + slow.getAddress().getPort() + "/info");
      HttpRequest request = HttpRequest.get(url, Map.of("Accept", "application/json"), Duration.ofSeconds(30));
      assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
        try (HttpResponse response = transport.exchange(request).execute()) {
          assertEquals(500, response.statusCode());
          InputStream body = response.body();
          assertEquals('f', body.read(), "the body streams while the server is still sending it");
        }
      });
    } finally {
      release.countDown();
      slow.stop(0);
    }
  }

  @Test
  void cancelAbortsAnExchangeWaitingForHeaders() throws Exception {
    server.enqueue(Fault.delay(Duration.ofSeconds(20)));
    try (HttpTransport transport = RetrofitTransport.create()) {
      var exchange = transport.exchange(request(ref));
      CompletableFuture<HttpResponse> response = exchange.executeAsync();
      Thread.sleep(100);
      exchange.cancel();
      var failure = assertThrows(java.util.concurrent.ExecutionException.class, () -> response.get(5, TimeUnit.SECONDS));
      assertTrue(failure.getCause() instanceof IOException, String.valueOf(failure.getCause()));
    }
  }

  @Test
  void theProviderIsNamedRetrofit() {
    assertEquals("retrofit", new RetrofitTransportProvider().name());
    try (ChatInfoClient client = ChatInfoClient.builder().baseUrl(server.baseUrl())
        .bearerToken(BearerTokenProvider.of(server.token())).transport("retrofit").build()) {
      assertThat(client.fetch(ref)).isChatting();
    }
  }

  @Test
  void leavesNoConnectionAndNoThreadAfterAThousandMixedCallsAndClose() throws Exception {
    Set<Thread> before = new HashSet<>(Thread.getAllStackTraces().keySet());
    RetryConfig quick = RetryConfig.from(ChatInfoClient.defaultRetryConfig())
        .intervalFunction(IntervalFunction.of(Duration.ofMillis(1))).build();
    RetrofitTransport transport = RetrofitTransport.create();
    ChatInfoClient client = ChatInfoClient.builder().baseUrl(server.baseUrl())
        .bearerToken(BearerTokenProvider.of(server.token())).transport(transport)
        .callTimeout(Duration.ofSeconds(5)).retry(quick).build();
    ChatRef unknown = ChatRef.of(ref.accountId(), ref.agentSessionId(), "unknown");
    List<CompletableFuture<ChatInfo>> async = new ArrayList<>();
    int failures = 0;
    for (int i = 0; i < 1000; i++) {
      switch (i % 10) {
        case 0 -> server.enqueue(Fault.status(503));
        case 1 -> server.enqueue(Fault.truncatedBody());
        case 2 -> server.enqueue(Fault.htmlErrorPage());
        case 3 -> server.enqueue(Fault.disconnectMidBody());
        case 4 -> server.enqueue(Fault.status(500));
        default -> { }
      }
      try {
        if (i % 4 == 0) {
          async.add(client.fetchAsync(i % 20 == 0 ? unknown : ref));
          async.get(async.size() - 1).exceptionally(t -> null).get(10, TimeUnit.SECONDS);
        } else {
          client.fetch(i % 20 == 1 ? unknown : ref);
        }
      } catch (ChatInfoException e) {
        failures++;
      }
      if (i % 100 == 99 && client.circuitBreaker().getState() != CircuitBreaker.State.CLOSED) {
        client.circuitBreaker().reset();
      }
    }
    assertTrue(failures > 0, "the faults were served");
    OkHttpClient okHttp = transport.client();
    client.close();
    assertEquals(0, okHttp.connectionPool().connectionCount(), "connections left after close()");
    assertEquals(0, okHttp.dispatcher().runningCallsCount());
    assertEquals(Set.of(), threadsStartedSince(before), "threads of ours alive after close()");
  }

  @Test
  void closeLeavesASharedClientAlone() {
    OkHttpClient shared = new OkHttpClient();
    ChatInfoClient client = ChatInfoClient.builder().baseUrl(server.baseUrl())
        .bearerToken(BearerTokenProvider.of(server.token())).transport(RetrofitTransport.create(shared))
        .codec(new MoshiChatInfoCodec()).build();
    assertThat(client.fetch(ref)).isChatting();
    client.close();
    assertFalse(shared.dispatcher().executorService().isShutdown());
    assertTrue(shared.connectionPool().connectionCount() >= 1, "the shared pool keeps its connection");
    shared.dispatcher().executorService().shutdown();
    shared.connectionPool().evictAll();
  }

  private static Set<String> threadsStartedSince(Set<Thread> before) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    Set<String> left;
    do {
      Thread.sleep(50);
      left = new TreeSet<>();
      for (Thread t : Thread.getAllStackTraces().keySet()) {
        if (t.isAlive() && !before.contains(t) && !t.getName().startsWith("fake-chat-server-")
            && !SharedThreads.isOkHttpInfrastructure(t)) {
          left.add(t.getName());
        }
      }
    } while (!left.isEmpty() && System.nanoTime() < deadline);
    return left;
  }
}
