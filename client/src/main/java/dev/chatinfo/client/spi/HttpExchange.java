package dev.chatinfo.client.spi;

import java.io.IOException;
import java.util.concurrent.CompletableFuture;

/**
 * One request and its response, run once, synchronously or asynchronously, and cancellable from
 * any thread. Made by {@link HttpTransport#exchange(HttpRequest)}.
 */
public interface HttpExchange {

  /**
   * Sends the request on the calling thread (where the library allows it) and returns once the
   * status and headers arrived; the body is read later from {@link HttpResponse#body()}.
   *
   * @return the response, to close
   * @throws IOException when the exchange failed or was {@linkplain #cancel() cancelled}
   */
  HttpResponse execute() throws IOException;

  /**
   * Sends the request without blocking the caller and without parking a thread per exchange.
   * The future completes with the response once its status and headers arrived, or exceptionally
   * with an {@link IOException} (possibly wrapped in a
   * {@link java.util.concurrent.CompletionException}). Cancelling the future cancels the exchange.
   *
   * @return the response to come
   */
  CompletableFuture<HttpResponse> executeAsync();

  /**
   * Aborts the exchange, whatever it is doing: connecting, waiting for headers, or streaming the
   * body (a read in progress then fails with an {@link IOException}). Idempotent; callable from any
   * thread, before, during or after the exchange.
   */
  void cancel();
}
