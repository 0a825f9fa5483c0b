package dev.chatinfo.client.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HttpRequestTest {

  static final URI URL = URI.create("https://example.com/api/account/1/agentSession/2/chat/3/info?v=1&NC=true");
  static final Duration TEN_SECONDS = Duration.ofSeconds(10);

  @Test
  void keepsTheHeadersInOrderAndIsNotChangedByItsSource() {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Authorization", "Bearer abc.DEF-123_~+/=");
    headers.put("Accept", "application/json");
    headers.put("Content-Type", "application/json");
    HttpRequest request = HttpRequest.get(URL, headers, TEN_SECONDS);
    headers.put("X-Later", "1");
    assertEquals(List.of("Authorization", "Accept", "Content-Type"), List.copyOf(request.headers().keySet()));
    assertThrows(UnsupportedOperationException.class, () -> request.headers().put("X", "y"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "Bad Name", "Bad:Name", "Bad\tName", "Bad\nName", "Bad(", "Bad\"", "Bad{", "Bad\u007f",
      "B\u00e4d", "Bad\u0000"})
  void refusesAHeaderNameThatIsNotAToken(String name) {
    Map<String, String> headers = Map.of(name, "v");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> HttpRequest.get(URL, headers, TEN_SECONDS));
    assertEquals("a header name must be an HTTP token", e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"a\nb", "a\rb", "a\u0000b", "a\u007fb", "caf\u00e9", "\u2028", "emoji \ud83d\ude00", "\u001f"})
  void refusesAValueWithACharacterThatCannotBeSent(String value) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> HttpRequest.get(URL, Map.of("X-Test", value), TEN_SECONDS));
    assertEquals("the value of header X-Test has a character that cannot be sent", e.getMessage());
    assertFalse(e.getMessage().contains(value));
  }

  @Test
  void acceptsTabsSpacesAndEveryVisibleAsciiCharacterInAValue() {
    StringBuilder all = new StringBuilder("\t ");
    for (char c = 0x21; c < 0x7f; c++) {
      all.append(c);
    }
    HttpRequest request = HttpRequest.get(URL, Map.of("X-All", all.toString(), "X-Empty", ""), TEN_SECONDS);
    assertEquals(all.toString(), request.headers().get("X-All"));
    assertEquals("", request.headers().get("X-Empty"));
  }

  @Test
  void refusesNullNamesAndValues() {
    Map<String, String> nullName = new HashMap<>();
    nullName.put(null, "v");
    Map<String, String> nullValue = new HashMap<>();
    nullValue.put("X-Test", null);
    assertThrows(IllegalArgumentException.class, () -> HttpRequest.get(URL, nullName, TEN_SECONDS));
    assertThrows(IllegalArgumentException.class, () -> HttpRequest.get(URL, nullValue, TEN_SECONDS));
  }

  @Test
  void toStringNeverShowsTheAuthorizationValue() {
    String text = HttpRequest.get(URL, Map.of("Authorization", "Bearer s3cr3t-t0ken-value"), TEN_SECONDS).toString();
    assertFalse(text.contains("s3cr3t"), text);
    assertTrue(text.contains("Authorization: ****"), text);
  }
}
