package dev.chatinfo.transport.retrofit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chatinfo.api.BearerTokenProvider;
import dev.chatinfo.api.codec.ChatInfoCodecs;
import dev.chatinfo.codec.json.MoshiChatInfoCodec;
import dev.chatinfo.codec.xml.SimpleXmlChatInfoCodec;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BuilderTest {

  static final BearerTokenProvider TOKEN = BearerTokenProvider.of("secret-token-value");

  @Test
  void buildsForADomainOverHttps() {
    try (RetrofitChatInfoSource source = RetrofitChatInfoSource.builder().domain("va-a.agentvep.liveperson.net")
        .bearerToken(TOKEN).build()) {
      assertTrue(source.toString().startsWith("RetrofitChatInfoSource[https://va-a.agentvep.liveperson.net/"), source.toString());
      assertFalse(source.toString().contains("secret-token-value"));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "https://x.com", "x.com/path", "x.com?a=b", "x .com", "-x.com", "x.com:99999999", "user@x.com"})
  void refusesDomainsThatAreNotHostNames(String domain) {
    assertThrows(IllegalArgumentException.class,
        () -> RetrofitChatInfoSource.builder().domain(domain).bearerToken(TOKEN).build());
  }

  @ParameterizedTest
  @ValueSource(strings = {"http://example.com/", "http://10.0.0.1:8080/", "http://127.example.com/"})
  void refusesPlainHttpToAnythingButLoopback(String url) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> RetrofitChatInfoSource.builder().baseUrl(URI.create(url)).bearerToken(TOKEN).build());
    assertTrue(e.getMessage().contains("loopback"), e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"http://127.0.0.1:8080/", "http://localhost:1/", "http://[::1]:8080/", "http://127.1.2.3/prefix",
      "https://example.com/proxy/"})
  void acceptsLoopbackHttpAndAnyHttps(String url) {
    try (RetrofitChatInfoSource source = RetrofitChatInfoSource.builder().baseUrl(URI.create(url)).bearerToken(TOKEN).build()) {
      assertTrue(source.toString().contains("/"), source.toString());
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"ftp://127.0.0.1/", "https://x.com/?a=b", "https://u:p@x.com/", "https://x.com/#f"})
  void refusesOtherSchemesQueriesUserInfoAndFragments(String url) {
    assertThrows(IllegalArgumentException.class,
        () -> RetrofitChatInfoSource.builder().baseUrl(URI.create(url)).bearerToken(TOKEN).build());
  }

  @Test
  void needsATokenProviderAndAPlaceToCall() {
    assertThrows(IllegalStateException.class, () -> RetrofitChatInfoSource.builder().domain("x.com").build());
    assertThrows(IllegalStateException.class, () -> RetrofitChatInfoSource.builder().bearerToken(TOKEN).build());
  }

  @Test
  void refusesANonPositiveTimeout() {
    assertThrows(IllegalArgumentException.class, () -> RetrofitChatInfoSource.builder().domain("x.com")
        .bearerToken(TOKEN).callTimeout(Duration.ZERO).build());
  }

  @Test
  void usesTheInstalledCodecsJsonFirstByDefault() {
    assertEquals(List.of("application/json", "application/xml"),
        ChatInfoCodecs.installed().stream().map(c -> c.mediaType()).toList());
    assertEquals("application/json, application/xml;q=0.9",
        ChatInfoConverterFactory.create(ChatInfoCodecs.installed()).acceptHeader());
    assertEquals("application/xml, application/json;q=0.9",
        ChatInfoConverterFactory.create(List.of(new SimpleXmlChatInfoCodec(), new MoshiChatInfoCodec())).acceptHeader());
  }

  @Test
  void theConverterFactoryNeedsACodec() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ChatInfoConverterFactory.create(List.of()));
    assertTrue(e.getMessage().contains("chatinfo-codec-json"), e.getMessage());
  }
}
