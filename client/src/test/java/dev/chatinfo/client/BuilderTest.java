package dev.chatinfo.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chatinfo.api.BearerTokenProvider;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BuilderTest {

  static final BearerTokenProvider TOKEN = BearerTokenProvider.of("secret-token-value");

  static ChatInfoClient.Builder builder() {
    return ChatInfoClient.builder().bearerToken(TOKEN).transport(new ScriptedTransport()).codec(new TestCodec());
  }

  @Test
  void buildsForADomainOverHttps() {
    try (ChatInfoClient client = builder().domain("va-a.agentvep.liveperson.net").build()) {
      assertTrue(client.toString().startsWith("ChatInfoClient[https://va-a.agentvep.liveperson.net/"), client.toString());
      assertFalse(client.toString().contains("secret-token-value"));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "https://x.com", "x.com/path", "x.com?a=b", "x .com", "-x.com", "x.com:99999999", "user@x.com"})
  void refusesDomainsThatAreNotHostNames(String domain) {
    assertThrows(IllegalArgumentException.class, () -> builder().domain(domain).build());
  }

  @ParameterizedTest
  @ValueSource(strings = {"http://example.com/", "http://10.0.0.1:8080/", "http://127.example.com/"})
  void refusesPlainHttpToAnythingButLoopback(String url) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> builder().baseUrl(URI.create(url)).build());
    assertTrue(e.getMessage().contains("loopback"), e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"http://127.0.0.1:8080/", "http://localhost:1/", "http://[::1]:8080/", "http://127.1.2.3/prefix",
      "https://example.com/proxy/"})
  void acceptsLoopbackHttpAndAnyHttps(String url) {
    try (ChatInfoClient client = builder().baseUrl(URI.create(url)).build()) {
      assertTrue(client.toString().contains("/"), client.toString());
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"ftp://127.0.0.1/", "https://x.com/?a=b", "https://x.com/#f", "/relative/"})
  void refusesOtherSchemesQueriesAndFragments(String url) {
    assertThrows(IllegalArgumentException.class, () -> builder().baseUrl(URI.create(url)).build());
  }

  @ParameterizedTest
  @ValueSource(strings = {"http://:pw-secret@127.0.0.1:1/", "https://u:pw-secret@x.com/", "http://user@127.0.0.1/"})
  void refusesUserInfoWithoutShowingIt(String url) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> builder().baseUrl(URI.create(url)).build());
    assertTrue(e.getMessage().contains("user info"), e.getMessage());
    assertFalse(e.getMessage().contains("pw-secret"), e.getMessage());
  }

  @Test
  void needsATokenProviderAndAPlaceToCall() {
    assertThrows(IllegalStateException.class, () -> ChatInfoClient.builder().domain("x.com").build());
    assertThrows(IllegalStateException.class, () -> builder().build());
  }

  @Test
  void refusesANonPositiveTimeout() {
    assertThrows(IllegalArgumentException.class, () -> builder().domain("x.com").callTimeout(Duration.ZERO).build());
    assertThrows(IllegalArgumentException.class, () -> builder().domain("x.com").callTimeout(Duration.ofSeconds(-1)).build());
  }

  @Test
  void namesTheArtifactsToAddWhenNoTransportIsInstalled() {
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> ChatInfoClient.builder().domain("x.com").bearerToken(TOKEN).codec(new TestCodec()).build());
    assertTrue(e.getMessage().contains("chatinfo-transport-jdk") && e.getMessage().contains("chatinfo-transport-retrofit"),
        e.getMessage());
    IllegalStateException named = assertThrows(IllegalStateException.class,
        () -> ChatInfoClient.builder().domain("x.com").bearerToken(TOKEN).codec(new TestCodec()).transport("jdk").build());
    assertTrue(named.getMessage().contains("No HttpTransport named \"jdk\""), named.getMessage());
  }

  @Test
  void namesTheCodecsToAddWhenNoneIsInstalled() {
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> ChatInfoClient.builder().domain("x.com").bearerToken(TOKEN).transport(new ScriptedTransport()).build());
    assertTrue(e.getMessage().contains("chatinfo-codec-json"), e.getMessage());
  }

  @Test
  void theDefaultsAreTheDocumentedOnes() {
    assertEquals(3, ChatInfoClient.defaultRetryConfig().getMaxAttempts());
    assertEquals(Duration.ofSeconds(10), ChatInfoClient.DEFAULT_CALL_TIMEOUT);
    assertEquals(1 << 20, ChatInfoClient.MAX_BODY_BYTES);
  }
}
