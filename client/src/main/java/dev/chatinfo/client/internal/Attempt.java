package dev.chatinfo.client.internal;

import dev.chatinfo.api.ChatInfo;
import dev.chatinfo.api.ChatInfoException;
import dev.chatinfo.api.ChatInfoException.Kind;
import dev.chatinfo.api.codec.ChatInfoCodec;
import dev.chatinfo.client.spi.HttpExchange;
import dev.chatinfo.client.spi.HttpRequest;
import dev.chatinfo.client.spi.HttpResponse;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * One attempt of a call: one pass through the circuit breaker, and the requests it takes — the
 * first, one more after a 401 when the token provider gives another token, and one per
 * same-origin redirect (at most {@value #MAX_REDIRECTS}). One response path for {@code fetch} and
 * {@code fetchAsync}: {@link #onResponse} and {@link #onFailure} decide the next step either way.
 */
final class Attempt {

  /** Same-origin redirects followed in one attempt at most; a URL seen twice is a loop at once. */
  static final int MAX_REDIRECTS = 5;

  /** What comes after one exchange: the chat information, a failure, or another request. */
  private record Step(ChatInfo info, ChatInfoException failure, HttpRequest next) {
    static Step done(ChatInfo info) {
      return new Step(info, null, null);
    }

    static Step fail(ChatInfoException failure) {
      return new Step(null, failure, null);
    }

    static Step send(HttpRequest next) {
      return new Step(null, null, next);
    }
  }

  private final Call call;
  private final Engine engine;
  private final long start;
  /** The URLs this attempt was redirected from; made at the first redirect. */
  private List<URI> visited;
  private URI uri;
  private String token;
  private boolean refreshed;
  private boolean sent;

  /**
   * Begins an attempt: the call may go on, there is time left, the breaker permits it, and there
   * is a token.
   *
   * @throws ChatInfoException {@link Kind#CANCELLED}, {@link Kind#TIMEOUT},
   *     {@link Kind#CIRCUIT_OPEN} or {@link Kind#UNAUTHORIZED}
   */
  Attempt(Call call) {
    this.call = call;
    this.engine = call.engine;
    this.uri = call.uri;
    if (call.isStopped()) {
      throw call.stoppedFailure();
    }
    if (call.remainingNanos() <= 0) {
      throw new ChatInfoException(Kind.TIMEOUT, "did not finish within the call timeout of " + Call.format(engine.callTimeout));
    }
    if (!engine.breaker.tryAcquire()) {
      Duration wait = engine.breaker.untilTrial();
      throw ChatInfoException.builder(Kind.CIRCUIT_OPEN, "was not sent: the circuit breaker " + engine.breaker.describe()
          + " after too many failures of the service; a trial call is let through in " + Call.format(round(wait)))
          .retryAfter(wait).build();
    }
    this.start = engine.ticker.getAsLong();
    try {
      this.token = engine.auth.token();
    } catch (ChatInfoException e) {
      engine.breaker.release();
      throw e;
    }
    call.secrets.add(token);
  }

  // ----- the two drivers ----------------------------------------------------------------------

  ChatInfo runSync() {
    HttpRequest request = request();
    while (true) {
      Step step;
      try {
        step = onResponse(open(request).execute());
      } catch (IOException e) {
        step = onFailure(e);
      } catch (RuntimeException e) {
        step = Step.fail(unexpected(e));
      }
      if (step.next() == null) {
        return end(step);
      }
      request = step.next();
    }
  }

  void runAsync() {
    send(request());
  }

  private void send(HttpRequest request) {
    CompletableFuture<HttpResponse> response;
    try {
      response = open(request).executeAsync();
    } catch (RuntimeException e) {
      response = CompletableFuture.failedFuture(e);
    }
    response.whenComplete((r, t) -> {
      Step step;
      try {
        step = t == null ? onResponse(r) : onFailure(t);
      } catch (RuntimeException e) {
        step = Step.fail(unexpected(e));
      }
      if (step.next() != null) {
        send(step.next());
        return;
      }
      ChatInfo info;
      try {
        info = end(step);
      } catch (ChatInfoException e) {
        call.afterFailure(e);
        return;
      }
      call.succeeded(info);
    });
  }

  // ----- one response path --------------------------------------------------------------------

  private HttpExchange open(HttpRequest request) {
    sent = true;
    return call.open(request);
  }

  private HttpRequest request() {
    Map<String, String> headers = new LinkedHashMap<>(4);
    headers.put("Authorization", "Bearer " + token);
    headers.put("Accept", engine.codecs.accept());
    headers.put("Content-Type", engine.codecs.contentType());
    long left = Math.max(TimeUnit.MILLISECONDS.toNanos(1), call.remainingNanos());
    return HttpRequest.get(uri, headers, Duration.ofNanos(left));
  }

  private Step onResponse(HttpResponse response) {
    try (response) {
      if (call.isStopped()) {
        return Step.fail(call.stoppedFailure());
      }
      int status = response.statusCode();
      if (Call.LOG.isLoggable(Level.DEBUG)) {
        Call.LOG.log(Level.DEBUG, "GET " + uri.getRawPath() + " answered " + status + " over " + response.protocol());
      }
      if (status == 401 && !refreshed) {
        refreshed = true;
        String next = engine.auth.refresh(token);
        call.secrets.add(next);
        if (!next.equals(token)) {
          token = next;
          return Step.send(request());
        }
      }
      if (status >= 300 && status < 400) {
        return redirect(response, status);
      }
      if (status >= 200 && status < 300) {
        return Step.done(decode(response, status));
      }
      LimitedBody body = new LimitedBody(response.body(), Engine.MAX_BODY_BYTES);
      String excerpt = Failures.excerpt(body, call.secrets);
      if (contentLength(response) > Engine.MAX_BODY_BYTES || Failures.drain(body)) {
        return Step.fail(ChatInfoException.builder(Kind.RESPONSE_TOO_LARGE, "answered " + status
            + " and was refused: the error body is larger than " + Engine.MAX_BODY_BYTES + " bytes")
            .httpStatus(status).build());
      }
      Duration retryAfter = RetryAfterHeader.parse(response.header("Retry-After").orElse(null), engine.clock.instant())
          .orElse(null);
      return Step.fail(Failures.forStatus(status, excerpt, retryAfter));
    } catch (ChatInfoException e) {
      return Step.fail(e);
    }
  }

  private Step onFailure(Throwable t) {
    Throwable cause = t;
    while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
      cause = cause.getCause();
    }
    if (cause instanceof IOException e) {
      return Step.fail(call.classify(e));
    }
    if (cause instanceof CancellationException) {
      return Step.fail(call.classify(new IOException("the exchange was cancelled", cause)));
    }
    if (cause instanceof ChatInfoException e) {
      return Step.fail(e);
    }
    return Step.fail(unexpected(cause));
  }

  private ChatInfo decode(HttpResponse response, int status) {
    long length = contentLength(response);
    if (length > Engine.MAX_BODY_BYTES) {
      throw ChatInfoException.builder(Kind.RESPONSE_TOO_LARGE, "answered " + status + " and was refused: the body is "
          + length + " bytes (Content-Length), more than " + Engine.MAX_BODY_BYTES).httpStatus(status).build();
    }
    String contentType = response.header("Content-Type").orElse(null);
    ChatInfoCodec codec;
    try {
      codec = engine.codecs.forResponse(contentType, call.secrets);
    } catch (ChatInfoException e) {
      throw ChatInfoException.builder(e.kind(), "answered " + status + " with a body that " + e.getMessage())
          .httpStatus(status).build();
    }
    LimitedBody body = new LimitedBody(response.body(), Engine.MAX_BODY_BYTES);
    try {
      return codec.decode(body);
    } catch (RuntimeException e) {
      ChatInfoException.Builder b;
      if (body.tooLarge()) {
        b = ChatInfoException.builder(Kind.RESPONSE_TOO_LARGE, "answered " + status + " and was refused: the body is"
            + " larger than " + Engine.MAX_BODY_BYTES + " bytes");
      } else if (body.readFailure() != null || call.isStopped()) {
        ChatInfoException f = call.classify(body.readFailure() != null ? body.readFailure() : new IOException("stopped"));
        b = f.toBuilder().retryable(f.isRetryable());
      } else if (e instanceof ChatInfoException c && c.kind() == Kind.CANCELLED) {
        b = ChatInfoException.builder(Kind.CANCELLED, "was interrupted while its body was read").cause(c);
      } else if (e instanceof ChatInfoException c) {
        b = ChatInfoException.builder(c.kind(), "answered " + status + " with a body that is not valid chat information: "
            + c.getMessage()).cause(c);
      } else {
        b = ChatInfoException.builder(Kind.MALFORMED_RESPONSE, "answered " + status + " with a body that could not be read: "
            + Failures.describe(e)).cause(e);
      }
      throw b.httpStatus(status).build();
    }
  }

  private Step redirect(HttpResponse response, int status) {
    String location = response.header("Location").orElse(null);
    if (location == null || location.isBlank()) {
      return Step.fail(ChatInfoException.builder(Kind.REDIRECT, "answered " + status + " without a Location")
          .httpStatus(status).build());
    }
    URI target;
    try {
      target = uri.resolve(new URI(location.strip()));
    } catch (URISyntaxException | IllegalArgumentException e) {
      return Step.fail(ChatInfoException.builder(Kind.REDIRECT, "answered " + status + " with an unusable Location")
          .httpStatus(status).build());
    }
    if (!engine.endpoint.sameOrigin(target)) {
      return Step.fail(ChatInfoException.builder(Kind.REDIRECT, "answered " + status + " with a redirect to another origin ("
          + target.getScheme() + "://" + target.getHost() + (target.getPort() < 0 ? "" : ":" + target.getPort())
          + "), which was refused: credentials are never sent elsewhere").httpStatus(status).build());
    }
    if (visited == null) {
      visited = new ArrayList<>(MAX_REDIRECTS + 1);
    }
    visited.add(uri);
    if (visited.contains(target) || visited.size() > MAX_REDIRECTS) {
      return Step.fail(ChatInfoException.builder(Kind.REDIRECT, "answered " + status + " in a redirect loop ("
          + visited.size() + (visited.size() == 1 ? " hop" : " hops") + ")").httpStatus(status).build());
    }
    uri = target;
    return Step.send(request());
  }

  /** The attempt's outcome for the circuit breaker, then its result. */
  private ChatInfo end(Step step) {
    if (step.info() != null) {
      engine.breaker.success(start);
      return step.info();
    }
    ChatInfoException failure = step.failure();
    if (failure.kind() == Kind.CANCELLED || !sent) {
      engine.breaker.release();
    } else {
      engine.breaker.failure(start, failure);
      call.sentAndFailed(failure);
    }
    throw failure;
  }

  private static long contentLength(HttpResponse response) {
    String value = response.header("Content-Length").orElse(null);
    if (value == null) {
      return -1;
    }
    String v = value.strip();
    if (v.isEmpty() || v.length() > 18) {
      return -1;
    }
    long length = 0;
    for (int i = 0; i < v.length(); i++) {
      char c = v.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      length = length * 10 + (c - '0');
    }
    return length;
  }

  private static ChatInfoException unexpected(Throwable t) {
    return new ChatInfoException(Kind.NETWORK, "failed unexpectedly: " + Failures.describe(t), t);
  }

  private static Duration round(Duration d) {
    return d.toMillis() < 1000 ? Duration.ofMillis(Math.max(1, d.toMillis())) : Duration.ofSeconds((d.toMillis() + 999) / 1000);
  }
}
