package dev.chatinfo.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chatinfo.api.ChatInfoException.Kind;
import java.io.IOException;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class ChatInfoExceptionTest {

  @Test
  void isUnchecked() {
    assertInstanceOf(RuntimeException.class, new ChatInfoException(Kind.NETWORK, "m"));
  }

  @Test
  void simpleConstructorsHaveNoStatusAttemptsOrWait() {
    IOException cause = new IOException("reset");
    ChatInfoException e = new ChatInfoException(Kind.NETWORK, "GET /x failed", cause);
    assertEquals(Kind.NETWORK, e.kind());
    assertEquals("GET /x failed", e.getMessage());
    assertSame(cause, e.getCause());
    assertEquals(OptionalInt.empty(), e.httpStatus());
    assertEquals(0, e.attempts());
    assertEquals(Optional.empty(), e.retryAfter());
    assertNull(new ChatInfoException(Kind.CANCELLED, "m").getCause());
  }

  @Test
  void builderSetsEveryDetail() {
    ChatInfoException e = ChatInfoException.builder(Kind.RATE_LIMITED, "429 after 3 attempts")
        .httpStatus(429).attempts(3).retryAfter(Duration.ofSeconds(2)).build();
    assertEquals(Kind.RATE_LIMITED, e.kind());
    assertEquals(OptionalInt.of(429), e.httpStatus());
    assertEquals(3, e.attempts());
    assertEquals(Optional.of(Duration.ofSeconds(2)), e.retryAfter());
  }

  @Test
  void toBuilderCopiesEveryDetail() {
    ChatInfoException e = ChatInfoException.builder(Kind.SERVER_ERROR, "503")
        .httpStatus(503).attempts(1).retryAfter(Duration.ofSeconds(1)).cause(new IOException()).build();
    ChatInfoException copy = e.toBuilder().attempts(3).build();
    assertEquals(Kind.SERVER_ERROR, copy.kind());
    assertEquals("503", copy.getMessage());
    assertEquals(OptionalInt.of(503), copy.httpStatus());
    assertEquals(3, copy.attempts());
    assertEquals(Optional.of(Duration.ofSeconds(1)), copy.retryAfter());
    assertSame(e.getCause(), copy.getCause());
  }

  @Test
  void refusesImpossibleDetails() {
    assertThrows(IllegalArgumentException.class, () -> new ChatInfoException(null, "m"));
    assertThrows(IllegalArgumentException.class,
        () -> ChatInfoException.builder(Kind.CLIENT_ERROR, "m").httpStatus(42));
    assertThrows(IllegalArgumentException.class,
        () -> ChatInfoException.builder(Kind.CLIENT_ERROR, "m").attempts(-1).build());
    assertThrows(IllegalArgumentException.class,
        () -> ChatInfoException.builder(Kind.RATE_LIMITED, "m").retryAfter(Duration.ofSeconds(-1)).build());
  }

  @ParameterizedTest
  @EnumSource(value = Kind.class, names = {"RATE_LIMITED", "TIMEOUT", "NETWORK"})
  void isRetryableForTransientKinds(Kind kind) {
    assertTrue(new ChatInfoException(kind, "m").isRetryable());
  }

  @ParameterizedTest
  @EnumSource(value = Kind.class, names = {"UNAUTHORIZED", "FORBIDDEN", "NOT_FOUND", "CLIENT_ERROR",
      "REDIRECT", "MALFORMED_RESPONSE", "UNSUPPORTED_MEDIA_TYPE", "RESPONSE_TOO_LARGE",
      "CIRCUIT_OPEN", "CANCELLED"})
  void isNotRetryableForPermanentKinds(Kind kind) {
    assertFalse(new ChatInfoException(kind, "m").isRetryable());
  }

  @ParameterizedTest
  @ValueSource(ints = {502, 503, 504})
  void isRetryableForGatewayAndUnavailableStatuses(int status) {
    assertTrue(ChatInfoException.builder(Kind.SERVER_ERROR, "m").httpStatus(status).build().isRetryable());
  }

  @ParameterizedTest
  @ValueSource(ints = {500, 501, 505, 599})
  void isNotRetryableForOtherServerErrors(int status) {
    assertFalse(ChatInfoException.builder(Kind.SERVER_ERROR, "m").httpStatus(status).build().isRetryable());
    assertFalse(new ChatInfoException(Kind.SERVER_ERROR, "no status").isRetryable());
  }

  @Test
  void hasTheDocumentedKinds() {
    assertEquals(EnumSet.of(Kind.UNAUTHORIZED, Kind.FORBIDDEN, Kind.NOT_FOUND, Kind.RATE_LIMITED,
        Kind.SERVER_ERROR, Kind.CLIENT_ERROR, Kind.REDIRECT, Kind.TIMEOUT, Kind.NETWORK,
        Kind.MALFORMED_RESPONSE, Kind.UNSUPPORTED_MEDIA_TYPE, Kind.RESPONSE_TOO_LARGE,
        Kind.CIRCUIT_OPEN, Kind.CANCELLED), EnumSet.allOf(Kind.class));
  }
}
