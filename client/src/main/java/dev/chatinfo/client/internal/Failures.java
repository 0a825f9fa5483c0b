package dev.chatinfo.client.internal;

import dev.chatinfo.api.ChatInfoException;
import dev.chatinfo.api.ChatInfoException.Kind;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateException;
import java.time.Duration;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;

/**
 * What a status or a failed exchange means: the {@link Kind}, and the part of the message that
 * says what happened. The call adds the method, path and attempts, and masks the whole.
 */
public final class Failures {

  /** The most characters of an error body shown in a message. */
  public static final int MAX_EXCERPT = 200;

  private static final int EXCERPT_BYTES = 4 * MAX_EXCERPT + 1024;

  private Failures() {}

  /**
   * The failure a non-2xx status means (3xx included: redirects the call did not follow).
   *
   * @param status the status
   * @param excerpt at most 200 characters of the body, already masked, may be empty
   * @param retryAfter the {@code Retry-After} wait, or null
   * @return the failure
   */
  public static ChatInfoException forStatus(int status, String excerpt, Duration retryAfter) {
    Kind kind;
    if (status == 401) {
      kind = Kind.UNAUTHORIZED;
    } else if (status == 403) {
      kind = Kind.FORBIDDEN;
    } else if (status == 404) {
      kind = Kind.NOT_FOUND;
    } else if (status == 429) {
      kind = Kind.RATE_LIMITED;
    } else if (status >= 500) {
      kind = Kind.SERVER_ERROR;
    } else if (status >= 300 && status < 400) {
      kind = Kind.REDIRECT;
    } else {
      kind = Kind.CLIENT_ERROR;
    }
    return ChatInfoException.builder(kind, "answered " + status + (excerpt.isEmpty() ? "" : ": \"" + excerpt + "\""))
        .httpStatus(status).retryAfter(retryAfter).build();
  }

  /**
   * The failure of an exchange that broke (no response, or a body that could not be read), when
   * the call itself was neither cancelled nor out of time.
   *
   * @param e what the transport threw
   * @param callTimeout the call's time-out, for the message
   * @return the failure
   */
  public static ChatInfoException forException(IOException e, Duration callTimeout) {
    if (e instanceof LimitedBody.TooLargeException) {
      return new ChatInfoException(Kind.RESPONSE_TOO_LARGE, "was refused: " + e.getMessage());
    }
    if (isCertificateFailure(e)) {
      return ChatInfoException.builder(Kind.NETWORK, "failed: the server's TLS certificate was refused ("
          + describe(e) + ")").retryable(false).cause(e).build();
    }
    if (isTimeout(e)) {
      return new ChatInfoException(Kind.TIMEOUT, "timed out (" + describe(e) + "); call timeout " + callTimeout, e);
    }
    return new ChatInfoException(Kind.NETWORK, "failed: " + describe(e), e);
  }

  /**
   * Whether a failure is a refused TLS certificate or handshake: permanent, never retried.
   *
   * @param t the failure
   * @return whether its chain holds a handshake, peer verification or certificate failure
   */
  public static boolean isCertificateFailure(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
      if (c instanceof SSLHandshakeException || c instanceof SSLPeerUnverifiedException
          || c instanceof CertificateException) {
        return true;
      }
    }
    return false;
  }

  private static boolean isTimeout(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
      // java.net.http's HttpTimeoutException and HttpConnectTimeoutException are named so too.
      // InterruptedIOException: OkHttp's "timeout"; the call has already told an interrupt or its
      // own deadline apart before asking here.
      if (c instanceof InterruptedIOException || c.getClass().getSimpleName().endsWith("TimeoutException")) {
        return true;
      }
    }
    return false;
  }

  /**
   * A throwable as a message part: its simple class name and message.
   *
   * @param t the throwable
   * @return such as {@code ConnectException: Connection refused}
   */
  public static String describe(Throwable t) {
    String name = t.getClass().getSimpleName().isEmpty() ? t.getClass().getName() : t.getClass().getSimpleName();
    return t.getMessage() == null ? name : name + ": " + t.getMessage();
  }

  /**
   * At most {@value #MAX_EXCERPT} characters of the start of an error body, on one line, masked
   * before it is cut; empty when the body cannot be read.
   *
   * @param body the body
   * @param secrets the tokens to mask
   * @return the excerpt
   */
  public static String excerpt(InputStream body, Secrets secrets) {
    try {
      byte[] bytes = body.readNBytes(EXCERPT_BYTES);
      String text = secrets.mask(new String(bytes, StandardCharsets.UTF_8));
      StringBuilder out = new StringBuilder(MAX_EXCERPT + 3);
      for (int i = 0; i < text.length() && out.length() < MAX_EXCERPT; i++) {
        char c = text.charAt(i);
        out.append(c == '"' ? '\'' : c == '\ufffd' ? '?' : c);
      }
      return out.length() >= MAX_EXCERPT && text.length() > MAX_EXCERPT ? out.append("...").toString() : out.toString();
    } catch (IOException | RuntimeException e) {
      return "";
    }
  }
}
