package dev.chatinfo.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BearerTokenProviderTest {

  static final String TOKEN = "eyJhbGciOiJSUzI1NiJ9.c2VjcmV0LXBheWxvYWQ.sig_-~+/=";

  @Test
  void givesTheFixedToken() {
    BearerTokenProvider provider = BearerTokenProvider.of(TOKEN);
    assertEquals(TOKEN, provider.currentToken());
    provider.onRejected(TOKEN);
    assertEquals(TOKEN, provider.currentToken());
  }

  @Test
  void neverShowsTheTokenInToString() {
    assertFalse(BearerTokenProvider.of(TOKEN).toString().contains("eyJ"));
  }

  @Test
  void isAFunctionalInterfaceWithANoOpOnRejected() {
    BearerTokenProvider provider = () -> "t";
    provider.onRejected("t");
    assertEquals("t", provider.currentToken());
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "   ", "secret token", "secret\r\nX-Evil: 1", "secret\u0000", "s\u00e9cret"})
  void refusesTokensThatCannotBeSentAndNeverEchoesThem(String token) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> BearerTokenProvider.of(token));
    if (!token.isBlank()) {
      assertFalse(e.getMessage().contains("secret"), e.getMessage());
      assertFalse(e.getMessage().contains("cret"), e.getMessage());
    }
  }

  @Test
  void refusesNull() {
    assertThrows(IllegalArgumentException.class, () -> BearerTokenProvider.of(null));
  }
}
