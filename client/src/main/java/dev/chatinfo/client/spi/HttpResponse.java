package dev.chatinfo.client.spi;

import java.io.Closeable;
import java.io.InputStream;
import java.util.Optional;

/**
 * What came back for one {@link HttpRequest}: status, headers and a body to stream. Not
 * thread-safe; {@link #close()} releases the connection (idempotent) and must be called on every
 * path.
 */
public interface HttpResponse extends Closeable {

  /**
   * The HTTP status code.
   *
   * @return the status, such as 200 or 503
   */
  int statusCode();

  /**
   * The protocol the response came over, for logs and tests.
   *
   * @return {@code "HTTP/1.1"}, {@code "HTTP/2"}, ...
   */
  String protocol();

  /**
   * The first value of a response header.
   *
   * @param name the header's name, in any case
   * @return its first value, or empty when the response has none
   */
  Optional<String> header(String name);

  /**
   * The body, gzip already decoded, as a stream read once: never buffered whole by the transport.
   * An empty stream when the response has no body.
   *
   * @return the body
   */
  InputStream body();

  /** Releases the body and its connection. Idempotent. */
  @Override
  void close();
}
