package dev.chatinfo.testkit;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.chatinfo.api.ChatInfo;
import dev.chatinfo.api.ChatRef;
import dev.chatinfo.api.codec.WireValues;
import dev.chatinfo.testkit.internal.WireWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * What {@link FakeChatServer} does with one HTTP exchange, as LivePerson's info resource does:
 * records the request, lets a queued {@link Fault} replace, delay or spoil the answer, checks the
 * method, path, {@code v=1}, bearer token, chat and agent session, negotiates JSON or XML from
 * {@code Accept}, and answers the chat as served now, or LivePerson's error body.
 */
final class InfoHandler implements HttpHandler {

  private static final System.Logger LOG = System.getLogger(FakeChatServer.class.getName());
  private static final String JSON = "application/json;charset=UTF-8";
  private static final String XML = "application/xml;charset=UTF-8";

  /** What the server would answer, before a fault changes it. */
  private record Response(int status, Map<String, String> headers, byte[] body) {}

  private final Clock clock;
  private final Supplier<String> token;
  private final ServedChats chats;
  private final FaultQueue faults;
  private final List<RecordedRequest> requests;

  InfoHandler(Clock clock, Supplier<String> token, ServedChats chats, FaultQueue faults, List<RecordedRequest> requests) {
    this.clock = clock;
    this.token = token;
    this.chats = chats;
    this.faults = faults;
    this.requests = requests;
  }

  @Override
  public void handle(HttpExchange exchange) {
    try (exchange) {
      Instant now = clock.instant();
      URI uri = exchange.getRequestURI();
      requests.add(new RecordedRequest(exchange.getRequestMethod(), uri.getRawPath(),
          uri.getRawQuery(), exchange.getRequestHeaders(), now));
      String[] parts = parsePath(uri.getRawPath());
      Fault fault = faults.next(parts == null ? null : ServedChats.key(parts[0], parts[2]));
      if (fault != null && replacesResponse(fault)) {
        send(exchange, faultResponse(fault, exchange, now), null);
        return;
      }
      if (fault != null && fault.type() == Fault.Type.DELAY) {
        Thread.sleep(fault.duration().orElseThrow().toMillis());
      }
      send(exchange, respond(exchange, parts, now), fault);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (IOException | RuntimeException e) {
      // The client went away, a fault dropped the connection, or the server is closing.
      LOG.log(System.Logger.Level.DEBUG, "fake chat server: exchange ended early: " + e);
    }
  }

  private static boolean replacesResponse(Fault fault) {
    return switch (fault.type()) {
      case STATUS, RETRY_AFTER, RESPONSE, REDIRECT -> true;
      default -> false;
    };
  }

  private Response faultResponse(Fault fault, HttpExchange exchange, Instant now) {
    switch (fault.type()) {
      case RESPONSE:
        return new Response(fault.status(), fault.headers(), fault.body());
      case REDIRECT: {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Location", fault.text().orElseThrow());
        headers.put("Content-Type", "text/plain;charset=UTF-8");
        return new Response(302, headers, "Moved".getBytes(StandardCharsets.UTF_8));
      }
      case RETRY_AFTER: {
        Response error = error(exchange, fault.status(), "Too many requests, retry later", now);
        Map<String, String> headers = new LinkedHashMap<>(error.headers());
        headers.put("Retry-After", fault.text().orElseThrow());
        return new Response(error.status(), headers, error.body());
      }
      default:
        return error(exchange, fault.status(), reason(fault.status()), now);
    }
  }

  private Response respond(HttpExchange exchange, String[] parts, Instant now) {
    String method = exchange.getRequestMethod();
    if (!method.equals("GET") && !method.equals("HEAD")) {
      Response r = error(exchange, 405, "Method " + method + " is not allowed", now);
      Map<String, String> headers = new LinkedHashMap<>(r.headers());
      headers.put("Allow", "GET, HEAD");
      return new Response(405, headers, r.body());
    }
    if (parts == null) {
      return error(exchange, 404, "No resource at " + exchange.getRequestURI().getRawPath(), now);
    }
    if (!query(exchange.getRequestURI().getRawQuery()).contains("v=1")) {
      return error(exchange, 400, "Missing or unsupported API version: add v=1", now);
    }
    String auth = exchange.getRequestHeaders().getFirst("Authorization");
    if (auth == null || !auth.regionMatches(true, 0, "Bearer ", 0, 7)
        || !auth.substring(7).strip().equals(token.get())) {
      Response r = error(exchange, 401, auth == null ? "Missing bearer token" : "Invalid or expired bearer token", now);
      Map<String, String> headers = new LinkedHashMap<>(r.headers());
      headers.put("WWW-Authenticate", "Bearer realm=\"liveperson\"");
      return new Response(401, headers, r.body());
    }
    ServedChats.Chat chat = chats.current(ServedChats.key(parts[0], parts[2]), now);
    if (chat == null) {
      return error(exchange, 404, "Chat " + parts[2] + " not found", now);
    }
    if (!chat.ref().agentSessionId().equals(parts[1])) {
      return error(exchange, 403, "Chat " + parts[2] + " belongs to another agent session", now);
    }
    String format = negotiate(exchange.getRequestHeaders());
    if (format == null) {
      Response r = error(exchange, 406, "Can produce application/json or application/xml only", now);
      return new Response(406, r.headers(), r.body());
    }
    ChatInfo info = ServedChats.served(chat, now);
    String body = format.equals("xml")
        ? WireWriter.xml(info, Set.of()) : WireWriter.json(info, Set.of());
    return new Response(200, Map.of("Content-Type", format.equals("xml") ? XML : JSON),
        body.getBytes(StandardCharsets.UTF_8));
  }

  private void send(HttpExchange exchange, Response response, Fault fault) throws IOException, InterruptedException {
    Headers headers = exchange.getResponseHeaders();
    response.headers().forEach(headers::set);
    if (fault != null && fault.type() == Fault.Type.CONTENT_TYPE) {
      headers.set("Content-Type", fault.text().orElseThrow());
    }
    byte[] body = response.body();
    boolean head = exchange.getRequestMethod().equals("HEAD");
    Fault.Type type = fault == null ? null : fault.type();
    if (type == Fault.Type.TRUNCATED_BODY) {
      body = java.util.Arrays.copyOf(body, body.length / 2);
    }
    if (head || body.length == 0) {
      exchange.sendResponseHeaders(response.status(), -1);
      return;
    }
    exchange.sendResponseHeaders(response.status(), body.length);
    OutputStream out = exchange.getResponseBody();
    if (type == Fault.Type.DISCONNECT_MID_BODY) {
      out.write(body, 0, body.length / 2);
      out.flush();
      // Closing the exchange (not the stream) with bytes missing makes the JDK server drop the
      // connection; closing the stream first would leave it open and the client waiting.
      exchange.close();
      return;
    }
    if (type == Fault.Type.TRICKLE) {
      long pause = fault.duration().orElseThrow().toMillis();
      for (int i = 0; i < body.length; i += fault.chunkSize()) {
        out.write(body, i, Math.min(fault.chunkSize(), body.length - i));
        out.flush();
        Thread.sleep(pause);
      }
      out.close();
      return;
    }
    out.write(body);
    out.close();
  }

  private Response error(HttpExchange exchange, int status, String message, Instant now) {
    String format = negotiate(exchange.getRequestHeaders());
    String time = WireValues.formatTime(now.atOffset(ZoneOffset.UTC));
    if ("xml".equals(format)) {
      String body = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<error><time>" + time + "</time><message>"
          + WireWriter.escapeXml(message, false) + "</message><internalCode>" + status
          + "</internalCode></error>\n";
      return new Response(status, Map.of("Content-Type", XML), body.getBytes(StandardCharsets.UTF_8));
    }
    String body = "{\"error\": {\"time\": \"" + time + "\", \"message\": " + WireWriter.quote(message)
        + ", \"internalCode\": " + status + "}}\n";
    return new Response(status, Map.of("Content-Type", JSON), body.getBytes(StandardCharsets.UTF_8));
  }

  /** "json", "xml", or null when the Accept header allows neither. JSON when there is none. */
  static String negotiate(Headers headers) {
    List<String> accepts = headers.get("Accept");
    if (accepts == null || accepts.isEmpty()) {
      return "json";
    }
    String best = null;
    double bestQ = 0;
    for (String header : accepts) {
      for (String range : header.split(",")) {
        String[] params = range.split(";");
        String type = WireValues.baseMediaType(params[0]);
        if (type.isEmpty()) {
          continue;
        }
        double q = 1;
        for (int i = 1; i < params.length; i++) {
          String p = params[i].strip();
          if (p.startsWith("q=") || p.startsWith("Q=")) {
            try {
              q = Double.parseDouble(p.substring(2));
            } catch (NumberFormatException e) {
              q = 0;
            }
          }
        }
        String format = type.equals("*/*") || type.equals("application/*") ? "json"
            : WireValues.isMediaTypeOf(type, "json") ? "json"
            : WireValues.isMediaTypeOf(type, "xml") ? "xml" : null;
        if (format != null && q > bestQ) {
          best = format;
          bestQ = q;
        }
      }
    }
    return best;
  }

  /** {accountId, agentSessionId, chatId} of an info path, or null. */
  private static String[] parsePath(String rawPath) {
    if (rawPath == null) {
      return null;
    }
    String[] s = rawPath.split("/", -1);
    if (s.length != 9 || !s[0].isEmpty() || !s[1].equals("api") || !s[2].equals("account")
        || !s[4].equals("agentSession") || !s[6].equals("chat") || !s[8].equals("info")) {
      return null;
    }
    try {
      ChatRef ref = ChatRef.of(s[3], s[5], s[7]);
      return new String[] {ref.accountId(), ref.agentSessionId(), ref.chatId()};
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static List<String> query(String rawQuery) {
    return rawQuery == null ? List.of() : List.of(rawQuery.split("&"));
  }

  private static String reason(int status) {
    return switch (status) {
      case 400 -> "Bad request";
      case 401 -> "Unauthorized";
      case 403 -> "Forbidden";
      case 404 -> "Not found";
      case 429 -> "Too many requests";
      case 500 -> "Internal server error";
      case 502 -> "Bad gateway";
      case 503 -> "Service unavailable";
      case 504 -> "Gateway timeout";
      default -> "Error " + status;
    };
  }
}
