package dev.chatinfo.api;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Every failure of the library, with a {@link Kind} that says what went wrong.
 *
 * <p>The message says what was asked and what happened (method, path, status, attempts, a short
 * sanitized excerpt of a response body); it never contains a bearer token or a whole response
 * body.
 *
 * <pre>{@code
 * try {
 *   info = source.fetch(chat);
 * } catch (ChatInfoException e) {
 *   switch (e.kind()) {
 *     case NOT_FOUND -> forget(chat);
 *     case UNAUTHORIZED -> relogin();
 *     default -> { if (e.isRetryable()) later(chat, e.retryAfter()); else throw e; }
 *   }
 * }
 * }</pre>
 */
public class ChatInfoException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** What went wrong. */
  public enum Kind {
    /** 401: the bearer token was refused (also after one refresh). */
    UNAUTHORIZED,
    /** 403: the chat belongs to another agent session, or the token may not read it. */
    FORBIDDEN,
    /** 404: no such chat (or account, or agent session). */
    NOT_FOUND,
    /** 429: too many requests. */
    RATE_LIMITED,
    /** 5xx: the service failed. */
    SERVER_ERROR,
    /** Another 4xx: the request was refused. */
    CLIENT_ERROR,
    /** 3xx to another host or port: refused, credentials are never sent elsewhere. */
    REDIRECT,
    /** The call did not finish within its time-out. */
    TIMEOUT,
    /** The connection failed or broke. */
    NETWORK,
    /** The response body could not be read as chat information. */
    MALFORMED_RESPONSE,
    /** The response's content type is one no installed codec reads (an HTML error page, say). */
    UNSUPPORTED_MEDIA_TYPE,
    /** The response body is larger than the limit. */
    RESPONSE_TOO_LARGE,
    /** The circuit breaker is open: the service failed too often, no request was sent. */
    CIRCUIT_OPEN,
    /** The call was cancelled, or the source was closed. */
    CANCELLED
  }

  private final Kind kind;
  private final int httpStatus;
  private final int attempts;
  private final Duration retryAfter;
  private final Boolean retryable;

  /**
   * A failure with no HTTP status and no attempt.
   *
   * @param kind what went wrong
   * @param message what was asked and what happened; never a token
   */
  public ChatInfoException(Kind kind, String message) {
    this(kind, message, null);
  }

  /**
   * A failure with a cause, no HTTP status and no attempt.
   *
   * @param kind what went wrong
   * @param message what was asked and what happened; never a token
   * @param cause the underlying failure, or null
   */
  public ChatInfoException(Kind kind, String message, Throwable cause) {
    this(kind, message, cause, 0, 0, null, null);
  }

  private ChatInfoException(Kind kind, String message, Throwable cause, int httpStatus,
      int attempts, Duration retryAfter, Boolean retryable) {
    super(message, cause);
    if (kind == null) {
      throw new IllegalArgumentException("kind must not be null");
    }
    if (httpStatus != 0 && (httpStatus < 100 || httpStatus > 999)) {
      throw new IllegalArgumentException("httpStatus must be 100 to 999, was " + httpStatus);
    }
    if (attempts < 0) {
      throw new IllegalArgumentException("attempts must not be negative, was " + attempts);
    }
    if (retryAfter != null && retryAfter.isNegative()) {
      throw new IllegalArgumentException("retryAfter must not be negative, was " + retryAfter);
    }
    this.kind = kind;
    this.httpStatus = httpStatus;
    this.attempts = attempts;
    this.retryAfter = retryAfter;
    this.retryable = retryable;
  }

  /**
   * Starts a failure with every detail.
   *
   * <pre>{@code
   * throw ChatInfoException.builder(Kind.RATE_LIMITED, "GET /api/... answered 429 after 3 attempts")
   *     .httpStatus(429).attempts(3).retryAfter(Duration.ofSeconds(2)).build();
   * }</pre>
   *
   * @param kind what went wrong
   * @param message what was asked and what happened; never a token
   * @return a builder
   */
  public static Builder builder(Kind kind, String message) {
    return new Builder(kind, message);
  }

  /**
   * Returns a builder holding every detail of this failure, this one's cause included.
   *
   * @return a builder
   */
  public Builder toBuilder() {
    Builder b = new Builder(kind, getMessage()).attempts(attempts).cause(getCause());
    b.httpStatus = httpStatus;
    b.retryAfter = retryAfter;
    b.retryable = retryable;
    return b;
  }

  /**
   * What went wrong.
   *
   * @return the kind
   */
  public Kind kind() {
    return kind;
  }

  /**
   * The HTTP status of the response that failed, when there was one.
   *
   * @return the status
   */
  public OptionalInt httpStatus() {
    return httpStatus == 0 ? OptionalInt.empty() : OptionalInt.of(httpStatus);
  }

  /**
   * How many HTTP attempts were made; 0 when no request was sent (circuit open, say).
   *
   * @return the number of attempts
   */
  public int attempts() {
    return attempts;
  }

  /**
   * How long the service asked to wait, from a {@code Retry-After} header (seconds or HTTP-date).
   *
   * @return the wait
   */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }

  /**
   * True for failures that may pass if tried again later: {@link Kind#RATE_LIMITED},
   * {@link Kind#SERVER_ERROR} with status 502, 503 or 504, {@link Kind#TIMEOUT} and
   * {@link Kind#NETWORK}, unless the failure is known to be permanent (a TLS certificate the
   * client refused is a {@link Kind#NETWORK} failure that is not retryable; see
   * {@link Builder#retryable(boolean)}).
   *
   * @return whether trying again may help
   */
  public boolean isRetryable() {
    if (retryable != null) {
      return retryable;
    }
    switch (kind) {
      case RATE_LIMITED:
      case TIMEOUT:
      case NETWORK:
        return true;
      case SERVER_ERROR:
        return httpStatus == 502 || httpStatus == 503 || httpStatus == 504;
      default:
        return false;
    }
  }

  /** Builds a {@link ChatInfoException}. */
  public static final class Builder {
    private final Kind kind;
    private final String message;
    private Throwable cause;
    private int httpStatus;
    private int attempts;
    private Duration retryAfter;
    private Boolean retryable;

    private Builder(Kind kind, String message) {
      this.kind = kind;
      this.message = message;
    }

    /**
     * Sets the HTTP status.
     *
     * @param httpStatus the status, 100 to 999
     * @return this builder
     */
    public Builder httpStatus(int httpStatus) {
      if (httpStatus < 100 || httpStatus > 999) {
        throw new IllegalArgumentException("httpStatus must be 100 to 999, was " + httpStatus);
      }
      this.httpStatus = httpStatus;
      return this;
    }

    /**
     * Sets the number of HTTP attempts made.
     *
     * @param attempts the count, not negative
     * @return this builder
     */
    public Builder attempts(int attempts) {
      this.attempts = attempts;
      return this;
    }

    /**
     * Sets the wait the service asked for.
     *
     * @param retryAfter the wait, or null for none
     * @return this builder
     */
    public Builder retryAfter(Duration retryAfter) {
      this.retryAfter = retryAfter;
      return this;
    }

    /**
     * Says whether trying again may help, instead of what the kind and status say by default: a
     * connection failure that is permanent (a refused TLS certificate) is {@link Kind#NETWORK}
     * but not retryable.
     *
     * @param retryable whether trying again may help
     * @return this builder
     */
    public Builder retryable(boolean retryable) {
      this.retryable = retryable;
      return this;
    }

    /**
     * Sets the underlying failure.
     *
     * @param cause the cause, or null
     * @return this builder
     */
    public Builder cause(Throwable cause) {
      this.cause = cause;
      return this;
    }

    /**
     * Builds the exception.
     *
     * @return the exception
     */
    public ChatInfoException build() {
      return new ChatInfoException(kind, message, cause, httpStatus, attempts, retryAfter, retryable);
    }
  }
}
