package dev.chatinfo.client;

import dev.chatinfo.client.spi.HttpExchange;
import dev.chatinfo.client.spi.HttpRequest;
import dev.chatinfo.client.spi.HttpResponse;
import dev.chatinfo.client.spi.HttpTransport;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A transport of the client's own SPI that answers from a script, for the engine's unit tests: no
 * HTTP library is faked, only the client's port to one. Each exchange takes the next answer (the
 * last one repeats); an answer may never come ({@link #hang()}) until the exchange is cancelled.
 */
final class ScriptedTransport implements HttpTransport {

  /** One scripted answer: a response, a failure, or nothing until cancelled. */
  interface Answer {
    CompletableFuture<HttpResponse> answer(HttpRequest request, Exchange exchange);
  }

  final List<HttpRequest> requests = java.util.Collections.synchronizedList(new ArrayList<>());
  final AtomicInteger cancels = new AtomicInteger();
  final CountDownLatch closed = new CountDownLatch(1);
  private final Deque<Answer> script = new ArrayDeque<>();

  synchronized ScriptedTransport instead(Answer... answers) {
    script.clear();
    return then(answers);
  }

  synchronized ScriptedTransport then(Answer... answers) {
    script.addAll(List.of(answers));
    return this;
  }

  private synchronized Answer next() {
    return script.size() > 1 ? script.removeFirst() : script.getFirst();
  }

  static Answer status(int status, String contentType, String body, String... headers) {
    return (request, exchange) -> {
      Map<String, String> h = new LinkedHashMap<>();
      if (contentType != null) {
        h.put("content-type", contentType);
      }
      for (int i = 0; i + 1 < headers.length; i += 2) {
        h.put(headers[i].toLowerCase(), headers[i + 1]);
      }
      return CompletableFuture.completedFuture(
          new Response(status, h, new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8))));
    };
  }

  static Answer ok(String body) {
    return status(200, TestCodec.MEDIA_TYPE, body);
  }

  static Answer body(int status, String contentType, InputStream body) {
    return (request, exchange) -> CompletableFuture.completedFuture(
        new Response(status, Map.of("content-type", contentType), body));
  }

  static Answer fail(IOException e) {
    return (request, exchange) -> CompletableFuture.failedFuture(e);
  }

  static Answer hang() {
    return (request, exchange) -> exchange.pending;
  }

  static Answer of(Function<HttpRequest, Answer> f) {
    return (request, exchange) -> f.apply(request).answer(request, exchange);
  }

  @Override
  public HttpExchange exchange(HttpRequest request) {
    return new Exchange(request);
  }

  @Override
  public void close() {
    closed.countDown();
  }

  final class Exchange implements HttpExchange {
    final HttpRequest request;
    final CompletableFuture<HttpResponse> pending = new CompletableFuture<>();

    Exchange(HttpRequest request) {
      this.request = request;
    }

    @Override
    public HttpResponse execute() throws IOException {
      try {
        return executeAsync().get(60, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        // like a socket read, not interruptible: wait until cancelled
        Thread.currentThread().interrupt();
        try {
          return pending.get(60, TimeUnit.SECONDS);
        } catch (InterruptedException again) {
          Thread.currentThread().interrupt(); // keep the flag, as an HTTP library must
          throw new java.io.InterruptedIOException("interrupted");
        } catch (Exception again) {
          throw new IOException("cancelled", again);
        }
      } catch (ExecutionException e) {
        throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
      } catch (Exception e) {
        throw new IOException(e);
      }
    }

    @Override
    public CompletableFuture<HttpResponse> executeAsync() {
      requests.add(request);
      return next().answer(request, this);
    }

    @Override
    public void cancel() {
      cancels.incrementAndGet();
      pending.completeExceptionally(new IOException("Canceled"));
    }
  }

  record Response(int statusCode, Map<String, String> headers, InputStream body) implements HttpResponse {
    @Override
    public String protocol() {
      return "HTTP/1.1";
    }

    @Override
    public Optional<String> header(String name) {
      return Optional.ofNullable(headers.get(name.toLowerCase()));
    }

    @Override
    public void close() {
      try {
        body.close();
      } catch (IOException e) {
        // nothing to release
      }
    }
  }
}
