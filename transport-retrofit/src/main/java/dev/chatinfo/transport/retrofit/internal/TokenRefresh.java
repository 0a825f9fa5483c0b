package dev.chatinfo.transport.retrofit.internal;

import dev.chatinfo.api.BearerTokenProvider;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Single-flight handling of 401s: {@link BearerTokenProvider#onRejected(String)} is called once per
 * rejected token, however many calls were refused with it at the same time; the others wait for
 * that refresh and then read the provider's new token. Thread-safe.
 */
public final class TokenRefresh {

  private static final int REMEMBERED = 16;

  private final BearerTokenProvider tokens;
  private final Object lock = new Object();
  private final Deque<String> rejected = new ArrayDeque<>();

  /**
   * @param tokens the provider
   */
  public TokenRefresh(BearerTokenProvider tokens) {
    this.tokens = tokens;
  }

  /**
   * Reports a rejected token (once) and returns the provider's current token.
   *
   * @param rejectedToken the token the service refused
   * @return the token to try next; equal to {@code rejectedToken} when the provider has no other
   */
  public String refresh(String rejectedToken) {
    synchronized (lock) {
      if (!rejected.contains(rejectedToken)) {
        rejected.addLast(rejectedToken);
        if (rejected.size() > REMEMBERED) {
          rejected.removeFirst();
        }
        tokens.onRejected(rejectedToken);
      }
    }
    return tokens.currentToken();
  }
}
