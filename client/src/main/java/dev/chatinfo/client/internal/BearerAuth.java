package dev.chatinfo.client.internal;

import dev.chatinfo.api.BearerTokenProvider;
import dev.chatinfo.api.ChatInfoException;
import dev.chatinfo.api.ChatInfoException.Kind;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The bearer token of every request: asked of the provider before each request, checked once
 * here to be sendable in a header, and renewed single-flight after a 401:
 * {@link BearerTokenProvider#onRejected(String)} is called once per rejected token however many
 * calls were refused with it at the same time; the others wait for that refresh and then read the
 * provider's new token. Thread-safe.
 */
public final class BearerAuth {

  private static final int REMEMBERED = 16;

  private final BearerTokenProvider tokens;
  private final Object lock = new Object();
  private final Deque<String> rejected = new ArrayDeque<>();

  /**
   * @param tokens the provider
   */
  public BearerAuth(BearerTokenProvider tokens) {
    this.tokens = tokens;
  }

  /**
   * The token to send now.
   *
   * @return a non-blank token of visible ASCII characters
   * @throws ChatInfoException {@link Kind#UNAUTHORIZED} when the provider fails or gives nothing
   *     sendable; the message never shows the token
   */
  public String token() {
    String token;
    try {
      token = tokens.currentToken();
    } catch (RuntimeException e) {
      throw new ChatInfoException(Kind.UNAUTHORIZED, "was not sent: the BearerTokenProvider failed ("
          + e.getClass().getName() + ")");
    }
    return checked(token, "was not sent");
  }

  /**
   * Reports a rejected token (once per token) and returns the token to try next.
   *
   * @param rejectedToken the token the service refused with 401
   * @return the provider's token now; equal to {@code rejectedToken} when it has no other
   * @throws ChatInfoException {@link Kind#UNAUTHORIZED} when the provider fails
   */
  public String refresh(String rejectedToken) {
    try {
      synchronized (lock) {
        if (!rejected.contains(rejectedToken)) {
          rejected.addLast(rejectedToken);
          if (rejected.size() > REMEMBERED) {
            rejected.removeFirst();
          }
          tokens.onRejected(rejectedToken);
        }
      }
      String next = tokens.currentToken();
      return next == null ? rejectedToken : checked(next, "answered 401 and the refreshed token was not sent");
    } catch (ChatInfoException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new ChatInfoException(Kind.UNAUTHORIZED, "answered 401 and the BearerTokenProvider failed to refresh ("
          + e.getClass().getName() + ")");
    }
  }

  private static String checked(String token, String what) {
    if (token == null || token.isBlank()) {
      throw new ChatInfoException(Kind.UNAUTHORIZED, what + ": the BearerTokenProvider gave no token");
    }
    for (int i = 0; i < token.length(); i++) {
      char c = token.charAt(i);
      if (c <= 0x20 || c >= 0x7f) {
        throw new ChatInfoException(Kind.UNAUTHORIZED, what + ": the bearer token has a character that"
            + " cannot be sent in a header at index " + i);
      }
    }
    return token;
  }

  @Override
  public String toString() {
    return "BearerAuth[****]";
  }
}
