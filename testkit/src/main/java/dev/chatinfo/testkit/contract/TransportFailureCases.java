package dev.chatinfo.testkit.contract;

import static dev.chatinfo.testkit.ChatInfoAssertions.assertThat;
import static dev.chatinfo.testkit.ChatInfoAssertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chatinfo.api.BearerTokenProvider;
import dev.chatinfo.api.ChatInfoException;
import dev.chatinfo.api.ChatInfoException.Kind;
import dev.chatinfo.api.ChatInfoSource;
import dev.chatinfo.api.ChatRef;
import dev.chatinfo.testkit.FakeChatServer;
import dev.chatinfo.testkit.Fault;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/** The rows of the error table that the network or the body decides: redirects, connections, TLS, bodies. */
abstract class TransportFailureCases extends StatusCases {

  TransportFailureCases() {}

  /** A redirect to another origin: REDIRECT, and nothing at all reaches the other origin. */
  @Test
  public void aRedirectToAnotherOriginIsRefusedAndNothingReachesIt() {
    ChatRef ref = chattingChat();
    try (FakeChatServer other = FakeChatServer.start()) {
      server.enqueue(Fault.redirect(other.infoUrl(ref)));
      assertThatThrownBy(() -> source().fetch(ref)).hasKind(Kind.REDIRECT).hasHttpStatus(302).hasAttempts(1)
          .isNotRetryable().hasMessageContaining(other.baseUrl().getHost());
      assertEquals(List.of(), other.requests());
      assertEquals(1, server.requests().size());
    }
  }

  /**
   * Same-origin redirects that never end, back to the same URL or on to ever new ones: REDIRECT, not
   * retryable, after a few hops (at most 6 requests), not a retried network failure after dozens.
   */
  @Test
  public void aSameOriginRedirectLoopIsARedirectFailure() {
    ChatRef ref = chattingChat();
    server.failEveryRequest(Fault.redirect(server.infoUrl(ref)));
    assertThatThrownBy(() -> source().fetch(ref)).hasKind(Kind.REDIRECT).isNotRetryable();
    int requests = server.requests().size();
    assertTrue(requests >= 1 && requests <= 6, "requests for one redirect loop: " + requests);

    server.clearFaults();
    server.clearRequests();
    for (int hop = 1; hop <= 30; hop++) {
      server.enqueue(Fault.redirect(URI.create(server.infoUrl(ref) + "&hop=" + hop)));
    }
    assertThatThrownBy(() -> source().fetch(ref)).hasKind(Kind.REDIRECT).isNotRetryable();
    requests = server.requests().size();
    assertTrue(requests >= 2 && requests <= 6, "requests for one endless chain of redirects: " + requests);
  }

  /** Nobody listening: NETWORK, no status, retryable, after 3 or 4 attempts. */
  @Test
  public void aConnectionRefusedIsANetworkFailure() throws IOException {
    int port;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }
    ChatRef ref = ChatRef.of(FakeChatServer.DEFAULT_ACCOUNT_ID, FakeChatServer.DEFAULT_AGENT_SESSION_ID, "c1");
    ChatInfoException failure = assertThatThrownBy(() -> sourceAt(URI.create("http://127.0.0.1:" + port + "/"),
        BearerTokenProvider.of("t0ken-of-the-contract"), DEFAULT_CALL_TIMEOUT).fetch(ref))
        .hasKind(Kind.NETWORK).hasNoHttpStatus().isRetryable().actual();
    assertTrue(failure.attempts() >= 3 && failure.attempts() <= 4, "attempts: " + failure.attempts());
  }

  /**
   * A connection that closes without an answer: NETWORK, retryable, one request per attempt (or
   * as many as {@link #requestsPerUnansweredAttempt()} says the HTTP library sends by itself).
   */
  @Test
  public void aConnectionClosedWithoutAnAnswerIsANetworkFailure() {
    LoopbackServer hangsUp = closeAfterTest(LoopbackServer.answering(head -> null));
    ChatInfoException failure = assertThatThrownBy(() -> sourceAt(hangsUp.baseUrl(),
        BearerTokenProvider.of("t0ken-of-the-contract"), DEFAULT_CALL_TIMEOUT).fetch(unknownChat()))
        .hasKind(Kind.NETWORK).hasNoHttpStatus().isRetryable().actual();
    assertEquals(hangsUp.requests().size(), failure.attempts() * requestsPerUnansweredAttempt(),
        "requests vs attempts (" + requestsPerUnansweredAttempt() + " request(s) per attempt)");
    assertTrue(failure.attempts() >= 3 && failure.attempts() <= 4, "attempts: " + failure.attempts());
  }

  /** A body cut by a dropped connection is retried; to the end, NETWORK after 3 or 4 attempts. */
  @Test
  public void disconnectsMidBodyAreRetriedThenReportedAsNetwork() {
    ChatRef ref = chattingChat();
    server.enqueue(Fault.disconnectMidBody());
    assertThat(source().fetch(ref)).isChatting();
    assertEquals(2, server.requests().size());

    server.clearRequests();
    server.failEveryRequest(Fault.disconnectMidBody());
    ChatInfoException failure = assertThatThrownBy(() -> source().fetch(ref)).hasKind(Kind.NETWORK).isRetryable()
        .actual();
    assertEquals(server.requests().size(), failure.attempts(), "requests vs attempts");
    assertTrue(failure.attempts() >= 3 && failure.attempts() <= 4, "attempts: " + failure.attempts());
  }

  /**
   * An https server whose certificate nobody trusts (self-signed): NETWORK, not retryable, after
   * exactly one connection; a one-line message that says the certificate was refused.
   */
  @Test
  public void anUntrustedCertificateIsRefusedOnceAndNotRetried() {
    LoopbackServer tls = closeAfterTest(LoopbackServer.tls(SelfSignedCertificate.serverContext()));
    ChatInfoException failure = assertThatThrownBy(() -> sourceAt(tls.baseUrl(),
        BearerTokenProvider.of("t0ken-of-the-contract"), DEFAULT_CALL_TIMEOUT).fetch(unknownChat()))
        .hasKind(Kind.NETWORK).hasNoHttpStatus().isNotRetryable().actual();
    assertEquals(1, tls.accepted(), "TLS connections for a refused certificate: " + failure.getMessage());
    assertEquals(1, failure.attempts(), failure.getMessage());
    assertTrue(failure.getMessage().toLowerCase(Locale.ROOT).contains("certificate"),
        "the message must say the certificate was refused: " + failure.getMessage());
    assertOneLine(failure);
  }

  /** A 200 whose body is cut short: MALFORMED_RESPONSE, not retried; the message names the call. */
  @Test
  public void aTruncatedBodyIsMalformed() {
    ChatRef ref = chattingChat();
    server.enqueue(Fault.truncatedBody());
    assertThatThrownBy(() -> source().fetch(ref)).hasKind(Kind.MALFORMED_RESPONSE).hasHttpStatus(200)
        .hasAttempts(1).isNotRetryable().hasMessageContaining("GET " + infoPath(ref));
    assertEquals(1, server.requests().size());
  }

  /** A proxy's HTML page with 200: UNSUPPORTED_MEDIA_TYPE, naming the content type. */
  @Test
  public void anHtmlPageWith200IsAnUnsupportedMediaType() {
    ChatRef ref = chattingChat();
    server.enqueue(Fault.htmlErrorPage());
    assertThatThrownBy(() -> source().fetch(ref)).hasKind(Kind.UNSUPPORTED_MEDIA_TYPE).hasHttpStatus(200)
        .hasAttempts(1).isNotRetryable().hasMessageContaining("text/html");
  }

  /** A 2 MiB success body: RESPONSE_TOO_LARGE, not retried. */
  @Test
  public void a2MiBBodyIsTooLarge() {
    ChatRef ref = chattingChat();
    ChatInfoSource source = source();
    String type = askedMediaType(source, ref);
    ByteArrayOutputStream big = new ByteArrayOutputStream();
    big.writeBytes(openingOf(type));
    byte[] filler = fillerOf(type);
    while (big.size() < 2 << 20) {
      big.writeBytes(filler);
    }
    server.enqueue(Fault.response(200, Map.of("Content-Type", type), big.toByteArray()));
    assertThatThrownBy(() -> source.fetch(ref)).hasKind(Kind.RESPONSE_TOO_LARGE).hasAttempts(1).isNotRetryable();
  }

  /** A 2 MiB error body: RESPONSE_TOO_LARGE too. */
  @Test
  public void a2MiBErrorBodyIsTooLarge() {
    ChatRef ref = chattingChat();
    byte[] big = "x".repeat(2 << 20).getBytes(StandardCharsets.US_ASCII);
    server.enqueue(Fault.response(500, Map.of("Content-Type", "text/plain"), big));
    assertThatThrownBy(() -> source().fetch(ref)).hasKind(Kind.RESPONSE_TOO_LARGE).hasAttempts(1);
  }

  /** A gzip body that inflates to 128 MiB: RESPONSE_TOO_LARGE (the limit holds after decompression). */
  @Test
  public void aGzipBombIsTooLarge() throws IOException {
    ChatRef ref = chattingChat();
    ChatInfoSource source = source();
    String type = askedMediaType(source, ref);
    byte[] bomb = gzipped(type, 128L << 20);
    server.enqueue(Fault.response(200, Map.of("Content-Type", type, "Content-Encoding", "gzip"), bomb));
    assertThatThrownBy(() -> source.fetch(ref)).hasKind(Kind.RESPONSE_TOO_LARGE).hasAttempts(1);
  }

  /** The opening of a body in the asked format: an open JSON object or XML root. */
  static byte[] openingOf(String mediaType) {
    return (mediaType.endsWith("json") ? "{" : "<info>").getBytes(StandardCharsets.US_ASCII);
  }

  /**
   * What may follow {@link #openingOf} any number of times and keep the body valid so far, without
   * growing any one token: spaces in JSON, comments in XML.
   */
  static byte[] fillerOf(String mediaType) {
    String unit = mediaType.endsWith("json") ? " " : "<!-- -->";
    return unit.repeat(1024).getBytes(StandardCharsets.US_ASCII);
  }

  /** The opening and then {@code size} bytes of filler, gzipped: only a size limit stops it. */
  static byte[] gzipped(String mediaType, long size) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gzip = new GZIPOutputStream(out, 1 << 16) {
      {
        def.setLevel(Deflater.BEST_COMPRESSION);
      }
    }) {
      gzip.write(openingOf(mediaType));
      byte[] filler = fillerOf(mediaType);
      byte[] chunk = new byte[1 << 20];
      for (int i = 0; i < chunk.length; i += filler.length) {
        System.arraycopy(filler, 0, chunk, i, filler.length);
      }
      for (long written = 0; written < size; written += chunk.length) {
        gzip.write(chunk);
      }
    }
    return out.toByteArray();
  }
}
