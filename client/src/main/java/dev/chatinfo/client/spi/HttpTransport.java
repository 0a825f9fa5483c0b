package dev.chatinfo.client.spi;

/**
 * One HTTP library, adapted to chatinfo: it sends one GET at a time and answers what came back.
 * Everything else a call means (token, attempts, retries, circuit breaker, deadline, redirects,
 * body limit, codec, errors) is {@code ChatInfoClient}'s, never the transport's.
 *
 * <p>What an implementation must do, and what {@code ChatInfoSourceContract} checks:
 * <ul>
 *   <li>send exactly one request per {@link HttpExchange}: no retry of its own (OkHttp's silent
 *       retries off), no redirect followed (a 3xx is answered as it came);</li>
 *   <li>send the request's headers as given; it may add what its protocol needs ({@code Host},
 *       {@code Accept-Encoding: gzip}, {@code User-Agent}, {@code Connection});</li>
 *   <li>decode a gzip body and stream it: never buffer a body whole;</li>
 *   <li>abort the exchange promptly on {@link HttpExchange#cancel()}, from any thread, whether it
 *       waits for headers or for the body;</li>
 *   <li>never throw anything but {@link java.io.IOException} for a failure of the exchange, and
 *       never throw on its own library threads.</li>
 * </ul>
 *
 * <p>Thread-safe. {@link #close()} releases what the transport owns (threads, connections) and
 * leaves alone a library client that was given to it; it is idempotent.
 */
public interface HttpTransport extends AutoCloseable {

  /**
   * Prepares one exchange; nothing is sent until {@link HttpExchange#execute()} or
   * {@link HttpExchange#executeAsync()}.
   *
   * @param request the GET to send
   * @return the exchange, to run once
   */
  HttpExchange exchange(HttpRequest request);

  /** Releases the threads and connections this transport owns. Idempotent. */
  @Override
  void close();
}
