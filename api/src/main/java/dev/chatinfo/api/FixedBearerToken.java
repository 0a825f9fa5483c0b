package dev.chatinfo.api;

/** A fixed bearer token. Never shows the token in {@code toString()} or in an exception message. */
final class FixedBearerToken implements BearerTokenProvider {

  private final String token;

  FixedBearerToken(String token) {
    if (token == null) {
      throw new IllegalArgumentException("bearer token must not be null");
    }
    if (token.isBlank()) {
      throw new IllegalArgumentException("bearer token must not be blank");
    }
    for (int i = 0; i < token.length(); i++) {
      char c = token.charAt(i);
      if (c <= 0x20 || c >= 0x7f) {
        throw new IllegalArgumentException("bearer token contains a character that cannot be sent in"
            + " an HTTP header (" + (c == ' ' ? "space" : String.format("U+%04X", (int) c))
            + ") at index " + i);
      }
    }
    this.token = token;
  }

  @Override
  public String currentToken() {
    return token;
  }

  @Override
  public String toString() {
    return "BearerTokenProvider.of(****)";
  }
}
