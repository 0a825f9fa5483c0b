package dev.chatinfo.testkit;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One scripted misbehaviour of the {@link FakeChatServer}, for one request. Queue faults with
 * {@link FakeChatServer#enqueue(Fault...)} (the next requests, whatever chat they ask for),
 * {@link FakeChatServer#enqueue(dev.chatinfo.api.ChatRef, Fault...)} (the next requests for one
 * chat) or {@link FakeChatServer#failEveryRequest(Fault)}.
 *
 * <pre>{@code
 * server.enqueue(Fault.status(503), Fault.retryAfter(429, Duration.ofSeconds(1)),
 *     Fault.delay(Duration.ofSeconds(2)), Fault.disconnectMidBody(), Fault.htmlErrorPage());
 * }</pre>
 *
 * <p>Some faults replace the response (status, body, redirect, bytes); others change the response
 * the server would have given (delay, trickle, disconnect, truncate, content type). Immutable.
 */
public final class Fault {

  /** What a fault does. */
  public enum Type {
    /** Answers with a status and a LivePerson-like error body. */
    STATUS,
    /** Answers with a status and a {@code Retry-After} header (seconds or HTTP-date). */
    RETRY_AFTER,
    /** Waits before sending the headers of the normal response. */
    DELAY,
    /** Sends the normal body a few bytes at a time, waiting between chunks. */
    TRICKLE,
    /** Announces the normal body's length, sends half of it, then drops the connection. */
    DISCONNECT_MID_BODY,
    /** Sends the first half of the normal body as if it were all of it (a consistent Content-Length). */
    TRUNCATED_BODY,
    /** Sends the normal body under another {@code Content-Type}. */
    CONTENT_TYPE,
    /** Answers with exactly the given status, headers and body bytes. */
    RESPONSE,
    /** Answers 302 with a {@code Location} (to another host, say). */
    REDIRECT
  }

  private final Type type;
  private final int status;
  private final Duration duration;
  private final int chunkSize;
  private final String text;
  private final Map<String, String> headers;
  private final byte[] body;

  private Fault(Type type, int status, Duration duration, int chunkSize, String text,
      Map<String, String> headers, byte[] body) {
    this.type = type;
    this.status = status;
    this.duration = duration;
    this.chunkSize = chunkSize;
    this.text = text;
    this.headers = headers;
    this.body = body;
  }

  /**
   * Answers with an HTTP status and a small error body in the requested format.
   *
   * @param status 100 to 599 (not 1xx in practice)
   * @return the fault
   */
  public static Fault status(int status) {
    return new Fault(Type.STATUS, checkStatus(status), null, 0, null, Map.of(), null);
  }

  /**
   * Answers with a status and {@code Retry-After: <seconds>}.
   *
   * @param status usually 429 or 503
   * @param wait the wait, sent in whole seconds
   * @return the fault
   */
  public static Fault retryAfter(int status, Duration wait) {
    Objects.requireNonNull(wait, "wait");
    return new Fault(Type.RETRY_AFTER, checkStatus(status), null, 0,
        Long.toString(Math.max(0, wait.toSeconds())), Map.of(), null);
  }

  /**
   * Answers with a status and {@code Retry-After: <HTTP-date>} (RFC 1123, GMT).
   *
   * @param status usually 429 or 503
   * @param at when to retry
   * @return the fault
   */
  public static Fault retryAfter(int status, Instant at) {
    Objects.requireNonNull(at, "at");
    return new Fault(Type.RETRY_AFTER, checkStatus(status), null, 0,
        java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME.format(at.atZone(java.time.ZoneOffset.UTC)),
        Map.of(), null);
  }

  /**
   * Answers with a status and {@code Retry-After} set to exactly the given text (a garbage or
   * past date, say).
   *
   * @param status usually 429 or 503
   * @param headerValue the header's value, as is
   * @return the fault
   */
  public static Fault retryAfter(int status, String headerValue) {
    return new Fault(Type.RETRY_AFTER, checkStatus(status), null, 0,
        Objects.requireNonNull(headerValue, "headerValue"), Map.of(), null);
  }

  /**
   * Waits before sending the headers of the normal response.
   *
   * @param delay the wait
   * @return the fault
   */
  public static Fault delay(Duration delay) {
    return new Fault(Type.DELAY, 0, nonNegative(delay), 0, null, Map.of(), null);
  }

  /**
   * Sends the normal response's headers at once, then its body {@code chunkSize} bytes at a time,
   * waiting {@code interval} between chunks: a body that never stops arriving slowly.
   *
   * @param chunkSize bytes per chunk, at least 1
   * @param interval the wait between chunks
   * @return the fault
   */
  public static Fault trickle(int chunkSize, Duration interval) {
    if (chunkSize < 1) {
      throw new IllegalArgumentException("chunkSize must be at least 1, was " + chunkSize);
    }
    return new Fault(Type.TRICKLE, 0, nonNegative(interval), chunkSize, null, Map.of(), null);
  }

  /**
   * Announces the normal body's full length, sends half of it, then drops the connection.
   *
   * @return the fault
   */
  public static Fault disconnectMidBody() {
    return new Fault(Type.DISCONNECT_MID_BODY, 0, null, 0, null, Map.of(), null);
  }

  /**
   * Sends only the first half of the normal body, with a {@code Content-Length} that matches: a
   * complete HTTP response whose payload is cut.
   *
   * @return the fault
   */
  public static Fault truncatedBody() {
    return new Fault(Type.TRUNCATED_BODY, 0, null, 0, null, Map.of(), null);
  }

  /**
   * Sends the normal body under another {@code Content-Type}.
   *
   * @param contentType the header to send, such as {@code text/plain}
   * @return the fault
   */
  public static Fault contentType(String contentType) {
    return new Fault(Type.CONTENT_TYPE, 0, null, 0, Objects.requireNonNull(contentType, "contentType"),
        Map.of(), null);
  }

  /**
   * Answers 200 with the given body and content type.
   *
   * @param contentType the {@code Content-Type}
   * @param body the body, sent in UTF-8
   * @return the fault
   */
  public static Fault body(String contentType, String body) {
    return response(200, Map.of("Content-Type", Objects.requireNonNull(contentType, "contentType")),
        Objects.requireNonNull(body, "body").getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Answers 200 with an HTML error page, as a proxy in front of the service does.
   *
   * @return the fault
   */
  public static Fault htmlErrorPage() {
    return body("text/html; charset=UTF-8", "<!DOCTYPE html>\n<html><head><title>502 Bad Gateway</title>"
        + "</head><body><h1>Bad Gateway</h1><p>The proxy server received an invalid response from an"
        + " upstream server.</p></body></html>\n");
  }

  /**
   * Answers with exactly this status, these headers and these body bytes: anything at all, such as
   * invalid UTF-8, a 2 MiB body or a gzip bomb with {@code Content-Encoding: gzip}.
   *
   * @param status the status
   * @param headers the headers, in order
   * @param body the body bytes
   * @return the fault
   */
  public static Fault response(int status, Map<String, String> headers, byte[] body) {
    return new Fault(Type.RESPONSE, checkStatus(status), null, 0, null,
        java.util.Collections.unmodifiableMap(new LinkedHashMap<>(headers)), body.clone());
  }

  /**
   * Answers 302 with {@code Location: target}.
   *
   * @param target where to send the client, another host for instance
   * @return the fault
   */
  public static Fault redirect(URI target) {
    return new Fault(Type.REDIRECT, 302, null, 0, Objects.requireNonNull(target, "target").toString(),
        Map.of(), null);
  }

  /**
   * What this fault does.
   *
   * @return the type
   */
  public Type type() {
    return type;
  }

  /**
   * The status it answers with, 0 when it changes the normal response instead.
   *
   * @return the status
   */
  public int status() {
    return status;
  }

  /**
   * The wait of a delay or trickle; empty for others.
   *
   * @return the wait
   */
  public java.util.Optional<Duration> duration() {
    return java.util.Optional.ofNullable(duration);
  }

  /**
   * The bytes per chunk of a trickle, 0 for others.
   *
   * @return the chunk size
   */
  public int chunkSize() {
    return chunkSize;
  }

  /**
   * The text of the fault: the {@code Retry-After} value, the content type, or the redirect target.
   *
   * @return the text, or empty
   */
  public java.util.Optional<String> text() {
    return java.util.Optional.ofNullable(text);
  }

  /**
   * The headers of a {@link Type#RESPONSE} fault.
   *
   * @return the headers, in order
   */
  public Map<String, String> headers() {
    return headers;
  }

  /**
   * The body of a {@link Type#RESPONSE} fault.
   *
   * @return a copy of the bytes, empty for others
   */
  public byte[] body() {
    return body == null ? new byte[0] : body.clone();
  }

  @Override
  public String toString() {
    StringBuilder s = new StringBuilder("Fault.").append(type);
    if (status != 0) {
      s.append(' ').append(status);
    }
    if (duration != null) {
      s.append(' ').append(duration);
    }
    if (text != null) {
      s.append(' ').append(text);
    }
    if (body != null) {
      s.append(" (").append(body.length).append(" bytes)");
    }
    return s.toString();
  }

  private static int checkStatus(int status) {
    if (status < 100 || status > 599) {
      throw new IllegalArgumentException("status must be 100 to 599, was " + status);
    }
    return status;
  }

  private static Duration nonNegative(Duration d) {
    Objects.requireNonNull(d, "duration");
    if (d.isNegative()) {
      throw new IllegalArgumentException("duration must not be negative, was " + d);
    }
    return d;
  }
}
