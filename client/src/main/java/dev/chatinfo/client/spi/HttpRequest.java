package dev.chatinfo.client.spi;

import java.net.URI;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * One GET to send: the URL, the headers in the order to send them, and the time the exchange has
 * left. Immutable; {@link #toString()} never shows the {@code Authorization} value.
 */
public final class HttpRequest {

  private final URI uri;
  private final Map<String, String> headers;
  private final Duration timeout;

  private HttpRequest(URI uri, Map<String, String> headers, Duration timeout) {
    this.uri = uri;
    this.headers = headers;
    this.timeout = timeout;
  }

  /**
   * A GET of an absolute http(s) URL.
   *
   * @param uri the URL, already percent-encoded
   * @param headers the headers to send, in order (copied)
   * @param timeout how long the exchange may take at most, body included: what is left of the
   *     call. The client cancels the exchange when it passes, so a transport need not time it;
   *     it may bound its own waits by it where that costs nothing per request
   * @return the request
   * @throws IllegalArgumentException if the URL is not absolute http(s), a header name or value has
   *     a character that cannot be sent, or the timeout is not positive
   */
  public static HttpRequest get(URI uri, Map<String, String> headers, Duration timeout) {
    Objects.requireNonNull(uri, "uri");
    Objects.requireNonNull(headers, "headers");
    Objects.requireNonNull(timeout, "timeout");
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!uri.isAbsolute() || !(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
      throw new IllegalArgumentException("an absolute http(s) URL is required");
    }
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout must be positive, was " + timeout);
    }
    Map<String, String> copy = new LinkedHashMap<>(8);
    headers.forEach((name, value) -> {
      if (!isToken(name)) {
        throw new IllegalArgumentException("a header name must be an HTTP token");
      }
      if (!isSendable(value)) {
        throw new IllegalArgumentException("the value of header " + name + " has a character that cannot be sent");
      }
      copy.put(name, value);
    });
    return new HttpRequest(uri, Collections.unmodifiableMap(copy), timeout);
  }

  /**
   * The URL to GET.
   *
   * @return the URL
   */
  public URI uri() {
    return uri;
  }

  /**
   * The headers to send, in order ({@code Authorization}, {@code Accept}, {@code Content-Type}).
   *
   * @return the headers, unmodifiable
   */
  public Map<String, String> headers() {
    return headers;
  }

  /**
   * How long the exchange may take at most, body included.
   *
   * @return a positive duration
   */
  public Duration timeout() {
    return timeout;
  }

  @Override
  public String toString() {
    StringBuilder s = new StringBuilder("GET ").append(uri.getRawPath());
    headers.forEach((name, value) -> s.append(", ").append(name).append(": ")
        .append(name.equalsIgnoreCase("Authorization") ? "****" : value));
    return s.append(", timeout ").append(timeout).toString();
  }

  private static boolean isToken(String name) {
    if (name == null || name.isEmpty()) {
      return false;
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c <= 0x20 || c >= 0x7f || "\"(),/:;<=>?@[\\]{}".indexOf(c) >= 0) {
        return false;
      }
    }
    return true;
  }

  /** Visible ASCII, space and tab: what a header value may carry (no control character, no line break). */
  private static boolean isSendable(String value) {
    if (value == null) {
      return false;
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c != '\t' && (c < 0x20 || c >= 0x7f)) {
        return false;
      }
    }
    return true;
  }
}
