package dev.chatinfo.api;

/**
 * Supplies the bearer token obtained at agent login. Called before each HTTP attempt, so a
 * provider may refresh the token at any time. Implementations must be thread-safe.
 *
 * <pre>{@code
 * BearerTokenProvider fixed = BearerTokenProvider.of(System.getenv("LP_BEARER"));
 * BearerTokenProvider refreshing = new BearerTokenProvider() {
 *   public String currentToken() { return session.token(); }
 *   public void onRejected(String rejected) { session.relogin(rejected); }
 * };
 * }</pre>
 */
@FunctionalInterface
public interface BearerTokenProvider {

  /**
   * Returns the token to send now, without the {@code Bearer } prefix.
   *
   * @return the token, not blank
   */
  String currentToken();

  /**
   * Called when the service answered 401 to a request made with {@code rejectedToken}, before one
   * more attempt is made if {@link #currentToken()} then returns another token. Called once per
   * rejected token, however many calls were waiting on it. The default does nothing.
   *
   * @param rejectedToken the token the service refused
   */
  default void onRejected(String rejectedToken) {}

  /**
   * Returns a provider of one fixed token. Its {@code toString()} does not show the token.
   *
   * @param token the bearer token
   * @return the provider
   * @throws IllegalArgumentException if the token is null, blank, or contains a character that
   *     cannot be sent in an HTTP header (control characters, non-ASCII); the message never shows it
   */
  static BearerTokenProvider of(String token) {
    return new FixedBearerToken(token);
  }
}
