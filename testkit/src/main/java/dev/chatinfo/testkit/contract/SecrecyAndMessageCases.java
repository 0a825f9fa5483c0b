package dev.chatinfo.testkit.contract;

import static dev.chatinfo.testkit.ChatInfoAssertions.assertThatThrownBy;

import dev.chatinfo.api.BearerTokenProvider;
import dev.chatinfo.api.ChatInfoException;
import dev.chatinfo.api.ChatInfoException.Kind;
import dev.chatinfo.api.ChatInfoSource;
import dev.chatinfo.api.ChatRef;
import dev.chatinfo.testkit.Fault;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Tokens never show (no 8 consecutive characters of one, in any message, cause or
 * {@code toString()}), wherever the server echoes them; every message is one line.
 */
abstract class SecrecyAndMessageCases extends RetryAndDeadlineCases {

  private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  private final SecureRandom random = new SecureRandom();

  SecrecyAndMessageCases() {}

  /** Error bodies, pages and broken bodies that echo the token: no failure and no toString shows it. */
  @Test
  public void neverShowsTheTokenInAFailure() {
    ChatRef ref = chattingChat();
    String token = server.token();
    String type = askedMediaType(source(), ref);
    List<Fault> faults = List.of(Fault.status(500), Fault.status(400), Fault.status(503), Fault.htmlErrorPage(),
        Fault.truncatedBody(), Fault.disconnectMidBody(),
        Fault.body(type, type.endsWith("json") ? "{\"echo\": \"Bearer " + token + "\"}"
            : "<echo>Bearer " + token + "</echo>"),
        Fault.response(404, Map.of("Content-Type", "text/plain"), utf8("your token " + token + " is unknown")),
        Fault.response(500, Map.of("Content-Type", type), utf8("Authorization: Bearer " + token)));
    for (Fault fault : faults) {
      server.clearFaults();
      server.enqueue(fault, fault, fault, fault);
      ChatInfoSource source = source();
      ChatInfoException failure = assertThatThrownBy(() -> source.fetch(ref)).actual();
      assertShowsNoToken(List.of(token), failure);
      assertShowsNoToken(List.of(token), source.toString(), "the source's toString");
    }
    ChatInfoException notFound = assertThatThrownBy(() -> source().fetch(unknownChat())).actual();
    assertShowsNoToken(List.of(token), notFound);
  }

  /**
   * A provider that hands out a new token for every request: the token that was sent, echoed by the
   * server, never shows.
   */
  @Test
  public void aTokenRenewedByTheProviderIsNeverShown() {
    LoopbackServer echo = closeAfterTest(LoopbackServer.answering(head -> answer(400, "Bad Request",
        "text/plain", "request refused for " + LoopbackServer.header(head, "Authorization") + "\n")));
    List<String> issued = Collections.synchronizedList(new ArrayList<>());
    BearerTokenProvider renewing = () -> {
      String token = randomToken(40);
      issued.add(token);
      return token;
    };
    ChatInfoSource source = sourceAt(echo.baseUrl(), renewing, DEFAULT_CALL_TIMEOUT);
    for (int call = 0; call < 3; call++) {
      ChatInfoException failure = assertThatThrownBy(() -> source.fetch(unknownChat())).hasKind(Kind.CLIENT_ERROR)
          .actual();
      assertShowsNoToken(issued, failure);
    }
    assertShowsNoToken(issued, source.toString(), "the source's toString");
  }

  /** A token replaced after a 401: neither the rejected token nor the new one, both echoed, shows. */
  @Test
  public void aTokenReplacedAfterA401IsNeverShown() {
    LoopbackServer echo = closeAfterTest(LoopbackServer.answering(head -> answer(401, "Unauthorized",
        "text/plain", "token refused: " + LoopbackServer.header(head, "Authorization") + "\n")));
    List<String> issued = Collections.synchronizedList(new ArrayList<>());
    AtomicReference<String> current = new AtomicReference<>(randomToken(40));
    issued.add(current.get());
    BearerTokenProvider tokens = new BearerTokenProvider() {
      @Override
      public String currentToken() {
        return current.get();
      }

      @Override
      public void onRejected(String rejected) {
        String fresh = randomToken(40);
        issued.add(fresh);
        current.set(fresh);
      }
    };
    ChatInfoException failure = assertThatThrownBy(() -> sourceAt(echo.baseUrl(), tokens, DEFAULT_CALL_TIMEOUT)
        .fetch(unknownChat())).hasKind(Kind.UNAUTHORIZED).hasHttpStatus(401).hasAttempts(2).actual();
    assertShowsNoToken(issued, failure);
  }

  /**
   * A 320-character token echoed in an error body after padding of any length (so that any
   * excerpt or read window cuts through it somewhere): masked in the whole text before it is cut,
   * so not even its first characters show.
   */
  @Test
  public void aLongTokenIsMaskedBeforeTheExcerptIsCut() {
    ChatRef ref = chattingChat();
    String token = randomToken(320);
    ChatInfoSource source = source(BearerTokenProvider.of(token));
    for (int padding : new int[] {0, 150, 1000, 1700, 4000, 8100}) {
      server.enqueue(Fault.response(400, Map.of("Content-Type", "text/plain"),
          utf8(" \n".repeat(padding / 2) + "the token " + token + " is not valid")));
      ChatInfoException failure = assertThatThrownBy(() -> source.fetch(ref)).hasKind(Kind.CLIENT_ERROR).actual();
      assertShowsNoToken(List.of(token), failure);
    }
  }

  /** A 200 body with the token as the value of a numeric field: the MALFORMED_RESPONSE message hides it. */
  @Test
  public void aTokenEchoedInAFieldOfA200BodyIsNotShown() {
    ChatRef ref = chattingChat();
    ChatInfoSource source = source();
    String type = askedMediaType(source, ref);
    server.enqueue(Fault.body(type, bodyWithAgentId(type, server.token())));
    ChatInfoException failure = assertThatThrownBy(() -> source.fetch(ref)).hasKind(Kind.MALFORMED_RESPONSE).actual();
    assertShowsNoToken(List.of(server.token()), failure);
  }

  /** The token echoed in a status line, well-formed (in the reason phrase) or not, does not show. */
  @Test
  public void aTokenEchoedInTheStatusLineIsNotShown() {
    String token = randomToken(40);
    for (String status : List.of("400 Token %s refused", "4OO Token %s refused")) {
      LoopbackServer echo = closeAfterTest(LoopbackServer.answering(head -> "HTTP/1.1 " + status.formatted(
          LoopbackServer.header(head, "Authorization").replaceFirst("(?i)^bearer ", "")) + "\r\n"
          + "Content-Length: 0\r\n\r\n"));
      ChatInfoException failure = assertThatThrownBy(() -> sourceAt(echo.baseUrl(), BearerTokenProvider.of(token),
          DEFAULT_CALL_TIMEOUT).fetch(unknownChat())).actual();
      assertShowsNoToken(List.of(token), failure);
    }
  }

  /** The token echoed in a {@code Content-Type} (UNSUPPORTED_MEDIA_TYPE names the type) does not show. */
  @Test
  public void aTokenEchoedInTheContentTypeIsNotShown() {
    ChatRef ref = chattingChat();
    String token = server.token();
    server.enqueue(Fault.body("text/html; session=" + token, "<html><body>Signed in</body></html>"));
    ChatInfoException failure = assertThatThrownBy(() -> source().fetch(ref))
        .hasKind(Kind.UNSUPPORTED_MEDIA_TYPE).actual();
    assertShowsNoToken(List.of(token), failure);
  }

  /**
   * Every message is one line: an error body of several lines, a field value with line breaks,
   * status lines (good and bad) and a {@code Content-Type} with a bare CR, a status line of garbage
   * followed by more garbage.
   */
  @Test
  public void everyMessageIsOneLine() {
    ChatRef ref = chattingChat();
    String type = askedMediaType(source(), ref);
    server.enqueue(Fault.response(500, Map.of("Content-Type", "text/plain"),
        utf8("first line\r\nsecond line\nthird line\rfourth line")));
    assertOneLine(assertThatThrownBy(() -> source().fetch(ref)).hasKind(Kind.SERVER_ERROR).actual());

    server.enqueue(Fault.body(type, bodyWithAgentId(type, "12\n34\r\n56")));
    assertOneLine(assertThatThrownBy(() -> source().fetch(ref)).hasKind(Kind.MALFORMED_RESPONSE).actual());

    for (String answer : List.of("HTTP/1.1 500 Internal\rServer Error\r\nContent-Length: 0\r\n\r\n",
        "HTTP/1.1 5OO Internal\rServer Error\r\nContent-Length: 0\r\n\r\n",
        "HTTP/1.1 200 OK\r\nContent-Type: text/html\rX-Next: line\r\nContent-Length: 2\r\n\r\nhi",
        "NOT HTTP AT ALL\r\nREALLY NOT\r\nConnection: close\r\n\r\n")) {
      LoopbackServer raw = closeAfterTest(LoopbackServer.answering(head -> answer));
      assertOneLine(assertThatThrownBy(() -> sourceAt(raw.baseUrl(),
          BearerTokenProvider.of("t0ken-of-the-contract"), DEFAULT_CALL_TIMEOUT).fetch(ref)).actual());
    }
  }

  /** A random token of letters and digits. */
  String randomToken(int length) {
    StringBuilder s = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      s.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
    }
    return s.toString();
  }

  /** A chat body in the asked format whose {@code agentId} (a number on the wire) is {@code value}. */
  static String bodyWithAgentId(String mediaType, String value) {
    if (mediaType.endsWith("json")) {
      String escaped = value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n").replace("\r", "\\r");
      return "{\"info\": {\"state\": \"chatting\", \"chatSessionKey\": \"H7331K8457415\", \"agentId\": \""
          + escaped + "\"}}";
    }
    return "<info><state>chatting</state><chatSessionKey>H7331K8457415</chatSessionKey><agentId>"
        + value.replace("&", "&amp;").replace("<", "&lt;").replace("\r", "&#13;") + "</agentId></info>";
  }

  /** A whole HTTP/1.1 answer with a body. */
  static String answer(int status, String reason, String contentType, String body) {
    byte[] bytes = utf8(body);
    return "HTTP/1.1 " + status + " " + reason + "\r\nContent-Type: " + contentType + "\r\nContent-Length: "
        + bytes.length + "\r\n\r\n" + new String(bytes, StandardCharsets.ISO_8859_1);
  }

  static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
