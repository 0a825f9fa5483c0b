package dev.chatinfo.testkit.reference;

import dev.chatinfo.api.BearerTokenProvider;
import dev.chatinfo.api.ChatInfo;
import dev.chatinfo.api.ChatInfoException;
import dev.chatinfo.api.ChatInfoException.Kind;
import dev.chatinfo.api.ChatInfoSource;
import dev.chatinfo.api.ChatRef;
import dev.chatinfo.api.codec.ChatInfoCodec;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A tiny {@link ChatInfoSource} over the JDK's {@link HttpClient}: the reference that proves the
 * source contract can be kept. Three attempts, short exponential backoff with jitter, one token
 * refresh on 401. Not a product: it parks a thread per async call.
 */
public final class JdkHttpChatInfoSource implements ChatInfoSource {

  private static final int ATTEMPTS = 3;

  private final URI baseUrl;
  private final BearerTokenProvider tokens;
  private final ChatInfoCodec codec = new StaxXmlCodec();
  private final ExecutorService executor;
  private final Duration callTimeout;
  private volatile HttpClient client;

  public JdkHttpChatInfoSource(URI baseUrl, BearerTokenProvider tokens, Duration callTimeout) {
    this.baseUrl = baseUrl;
    this.callTimeout = callTimeout;
    this.tokens = tokens;
    this.executor = Executors.newCachedThreadPool(r -> {
      Thread t = new Thread(r, "jdk-reference-source");
      t.setDaemon(true);
      return t;
    });
    this.client = HttpClient.newBuilder().executor(executor).followRedirects(HttpClient.Redirect.NEVER)
        .connectTimeout(Duration.ofSeconds(5)).build();
  }

  @Override
  public ChatInfo fetch(ChatRef chat) {
    HttpClient http = client;
    if (http == null) {
      throw ChatInfoException.builder(Kind.CANCELLED, "the source is closed").build();
    }
    String path = "/api/account/" + chat.accountId() + "/agentSession/" + chat.agentSessionId() + "/chat/"
        + chat.chatId() + "/info";
    String token = tokens.currentToken();
    boolean refreshed = false;
    for (int attempt = 1; ; attempt++) {
      HttpRequest request = HttpRequest.newBuilder(baseUrl.resolve(path + "?v=1&NC=true"))
          .header("Authorization", "Bearer " + token).header("Accept", codec.mediaType())
          .header("Content-Type", codec.mediaType())
          .timeout(callTimeout).GET().build();
      HttpResponse<InputStream> response;
      try {
        response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
      } catch (HttpTimeoutException e) {
        throw fail(Kind.TIMEOUT, "GET " + path + " timed out", 0, attempt, e);
      } catch (IOException e) {
        if (attempt < ATTEMPTS) {
          pause(attempt, null);
          continue;
        }
        throw fail(Kind.NETWORK, "GET " + path + " failed: " + e.getClass().getSimpleName(), 0, attempt, e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw fail(Kind.CANCELLED, "GET " + path + " interrupted", 0, attempt, e);
      }
      int status = response.statusCode();
      try (InputStream body = response.body()) {
        if (status == 200) {
          String type = response.headers().firstValue("Content-Type").orElse("");
          if (!codec.supports(type)) {
            throw fail(Kind.UNSUPPORTED_MEDIA_TYPE, "GET " + path + " answered " + type, status, attempt, null);
          }
          try {
            return codec.decode(body);
          } catch (ChatInfoException e) {
            throw e.toBuilder().httpStatus(status).attempts(attempt).build();
          }
        }
        body.readAllBytes();
      } catch (IOException e) {
        throw fail(Kind.NETWORK, "GET " + path + " body failed", status, attempt, e);
      }
      if (status == 401 && !refreshed) {
        refreshed = true;
        tokens.onRejected(token);
        String next = tokens.currentToken();
        if (!next.equals(token)) {
          token = next;
          continue;
        }
      }
      boolean retryable = status == 429 || status == 502 || status == 503 || status == 504;
      if (retryable && attempt < ATTEMPTS) {
        pause(attempt, response.headers().firstValue("Retry-After").orElse(null));
        continue;
      }
      throw fail(kind(status), "GET " + path + " answered " + status + " after " + attempt + " attempts",
          status, attempt, null);
    }
  }

  @Override
  public CompletableFuture<ChatInfo> fetchAsync(ChatRef chat) {
    try {
      return CompletableFuture.supplyAsync(() -> fetch(chat), executor);
    } catch (java.util.concurrent.RejectedExecutionException e) {
      return CompletableFuture.failedFuture(fail(Kind.CANCELLED, "the source is closed", 0, 0, e));
    }
  }

  @Override
  public void close() {
    client = null; // lets the JDK 17 client's selector thread end once collected
    executor.shutdownNow();
  }

  @Override
  public String toString() {
    return "JdkHttpChatInfoSource[" + baseUrl + "]";
  }

  private static Kind kind(int status) {
    return switch (status) {
      case 401 -> Kind.UNAUTHORIZED;
      case 403 -> Kind.FORBIDDEN;
      case 404 -> Kind.NOT_FOUND;
      case 429 -> Kind.RATE_LIMITED;
      default -> status >= 500 ? Kind.SERVER_ERROR : status >= 400 ? Kind.CLIENT_ERROR : Kind.REDIRECT;
    };
  }

  private static void pause(int attempt, String retryAfter) {
    long millis;
    try {
      millis = retryAfter == null ? -1 : Math.min(2000, Long.parseLong(retryAfter.strip()) * 1000);
    } catch (NumberFormatException e) {
      millis = -1;
    }
    if (millis < 0) {
      millis = ThreadLocalRandom.current().nextLong(20L << attempt);
    }
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static ChatInfoException fail(Kind kind, String message, int status, int attempts, Throwable cause) {
    ChatInfoException.Builder b = ChatInfoException.builder(kind, message).attempts(attempts).cause(cause);
    if (status != 0) {
      b.httpStatus(status);
    }
    return b.build();
  }
}
