package dev.chatinfo.transport.jdk;

import dev.chatinfo.api.ChatInfo;
import dev.chatinfo.api.ChatInfoException;
import dev.chatinfo.api.ChatInfoException.Kind;
import dev.chatinfo.api.Link;
import dev.chatinfo.api.TypingStatus;
import dev.chatinfo.api.codec.ChatInfoCodec;
import dev.chatinfo.api.codec.WireValues;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small JSON codec for this module's tests only: chatinfo-codec-json brings Moshi and Kotlin,
 * which the Kotlin-free transport keeps off even its test class path. It reads the service's JSON
 * shape (root {@code info} or {@code chat.info}, links as an array or one object, numbers as
 * numbers or strings) well enough for the source contract, whose cases are about the call, not
 * the codec. Not a product: the codec contract proves the real codecs.
 */
final class MiniJsonCodec implements ChatInfoCodec {

  @Override
  public String mediaType() {
    return "application/json";
  }

  @Override
  public boolean supports(String contentType) {
    return WireValues.isMediaTypeOf(contentType, "json");
  }

  @Override
  public ChatInfo decode(InputStream body) {
    String text;
    try {
      text = new String(body.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Parser parser = new Parser(text);
    Object root = parser.value(0);
    parser.end();
    Map<?, ?> info = object(object(root, "document").get("info"), "info");
    if (info == null) {
      Map<?, ?> chat = object(object(root, "document").get("chat"), "chat");
      info = chat == null ? null : object(chat.get("info"), "info");
    }
    if (info == null) {
      throw malformed("no info object");
    }
    return toChatInfo(info);
  }

  private static ChatInfo toChatInfo(Map<?, ?> info) {
    ChatInfo.Builder b = ChatInfo.builder();
    if (!(info.get("state") instanceof String) || !(info.get("chatSessionKey") instanceof String)) {
      throw malformed("missing state or chatSessionKey");
    }
    try {
      for (Map.Entry<?, ?> field : info.entrySet()) {
        String name = (String) field.getKey();
        Object value = field.getValue();
        String scalar = value instanceof String ? (String) value : null;
        switch (name) {
          case "link" -> {
            List<?> links = value instanceof List ? (List<?>) value : List.of(value);
            for (Object link : links) {
              Map<?, ?> l = object(link, "link");
              Object href = l.containsKey("@href") ? l.get("@href") : l.get("href");
              Object rel = l.containsKey("@rel") ? l.get("@rel") : l.get("rel");
              if (!(href instanceof String) || !(rel instanceof String)) {
                throw malformed("link without href or rel");
              }
              b.link(new Link((String) rel, (String) href));
            }
          }
          case "state" -> b.rawState(scalar);
          case "chatSessionKey" -> b.chatSessionKey(scalar);
          case "agentName" -> b.agentName(scalar);
          case "agentId" -> b.agentId(WireValues.parseLong(name, scalar));
          case "startTime" -> b.startTime(WireValues.parseTime(name, scalar));
          case "lastUpdate" -> b.lastUpdate(WireValues.parseTime(name, scalar));
          case "chatTimeout" -> b.chatTimeout(WireValues.parseSeconds(name, scalar));
          case "visitorId" -> b.visitorId(WireValues.parseLong(name, scalar));
          case "agentTyping" -> b.agentTyping(TypingStatus.fromWire(scalar));
          case "visitorTyping" -> b.visitorTyping(TypingStatus.fromWire(scalar));
          case "visitorName" -> b.visitorName(scalar);
          case "rtSessionId" -> b.rtSessionId(WireValues.parseLong(name, scalar));
          case "participantId" -> b.participantId(scalar);
          default -> {
            if (scalar != null && ChatInfo.Builder.isAttributeName(name)) {
              b.attribute(name, scalar);
            }
          }
        }
      }
      return b.build();
    } catch (NullPointerException | IllegalArgumentException | IllegalStateException e) {
      throw new ChatInfoException(Kind.MALFORMED_RESPONSE, "malformed chat info JSON: " + e.getMessage(), e);
    }
  }

  private static Map<?, ?> object(Object value, String what) {
    if (value == null) {
      return null;
    }
    if (!(value instanceof Map)) {
      throw malformed(what + " is not an object");
    }
    return (Map<?, ?>) value;
  }

  private static ChatInfoException malformed(String problem) {
    return new ChatInfoException(Kind.MALFORMED_RESPONSE, "malformed chat info JSON: " + problem);
  }

  @Override
  public void encode(ChatInfo info, OutputStream out) {
    StringBuilder json = new StringBuilder("{\"info\": {");
    List<String> members = new ArrayList<>();
    if (!info.links().isEmpty()) {
      List<String> links = new ArrayList<>();
      for (Link link : info.links()) {
        links.add("{\"@href\": " + quote(link.href()) + ", \"@rel\": " + quote(link.rel()) + "}");
      }
      members.add("\"link\": [" + String.join(", ", links) + "]");
    }
    members.add("\"state\": " + quote(info.rawState()));
    members.add("\"chatSessionKey\": " + quote(info.chatSessionKey()));
    info.agentName().ifPresent(v -> members.add("\"agentName\": " + quote(v)));
    info.agentId().ifPresent(v -> members.add("\"agentId\": " + v));
    info.startTime().ifPresent(v -> members.add("\"startTime\": " + quote(WireValues.formatTime(v))));
    info.lastUpdate().ifPresent(v -> members.add("\"lastUpdate\": " + quote(WireValues.formatTime(v))));
    info.chatTimeout().ifPresent(v -> members.add("\"chatTimeout\": " + v.getSeconds()));
    info.visitorId().ifPresent(v -> members.add("\"visitorId\": " + v));
    members.add("\"agentTyping\": " + quote(info.agentTyping().wireValue()));
    members.add("\"visitorTyping\": " + quote(info.visitorTyping().wireValue()));
    members.add("\"visitorName\": " + quote(info.visitorName()));
    info.rtSessionId().ifPresent(v -> members.add("\"rtSessionId\": " + v));
    info.participantId().ifPresent(v -> members.add("\"participantId\": " + quote(v)));
    info.attributes().forEach((k, v) -> members.add(quote(k) + ": " + quote(v)));
    json.append(String.join(", ", members)).append("}}");
    try {
      out.write(json.toString().getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String quote(String s) {
    StringBuilder q = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      if (c == '"' || c == '\\') {
        q.append('\\').append(c);
      } else if (c < 0x20) {
        q.append(String.format("\\u%04x", (int) c));
      } else {
        q.append(c);
      }
    }
    return q.append('"').toString();
  }

  /** Objects become maps, arrays lists, numbers and strings their text, true/false/null Booleans and null. */
  private static final class Parser {
    private final String s;
    private int i;

    Parser(String s) {
      this.s = s;
    }

    Object value(int depth) {
      if (depth > WireValues.MAX_DEPTH) {
        throw malformed("nesting deeper than " + WireValues.MAX_DEPTH);
      }
      space();
      if (i >= s.length()) {
        throw malformed("unexpected end at " + i);
      }
      char c = s.charAt(i);
      if (c == '{') {
        i++;
        Map<String, Object> map = new LinkedHashMap<>();
        space();
        if (peek('}')) {
          return map;
        }
        do {
          space();
          String key = string();
          space();
          expect(':');
          map.put(key, value(depth + 1));
          space();
        } while (accept(','));
        expect('}');
        return map;
      }
      if (c == '[') {
        i++;
        List<Object> list = new ArrayList<>();
        space();
        if (peek(']')) {
          return list;
        }
        do {
          list.add(value(depth + 1));
          space();
        } while (accept(','));
        expect(']');
        return list;
      }
      if (c == '"') {
        return string();
      }
      if (s.startsWith("true", i) || s.startsWith("false", i)) {
        boolean v = s.startsWith("true", i);
        i += v ? 4 : 5;
        return v;
      }
      if (s.startsWith("null", i)) {
        i += 4;
        return null;
      }
      int start = i;
      while (i < s.length() && "+-0123456789.eE".indexOf(s.charAt(i)) >= 0) {
        i++;
      }
      if (start == i) {
        throw malformed("unexpected character at " + i);
      }
      return s.substring(start, i);
    }

    String string() {
      expect('"');
      StringBuilder out = new StringBuilder();
      while (true) {
        if (i >= s.length()) {
          throw malformed("unterminated string");
        }
        char c = s.charAt(i++);
        if (c == '"') {
          return out.toString();
        }
        if (c == '\\') {
          if (i >= s.length()) {
            throw malformed("unterminated string");
          }
          char e = s.charAt(i++);
          switch (e) {
            case 'n' -> out.append('\n');
            case 't' -> out.append('\t');
            case 'r' -> out.append('\r');
            case 'b' -> out.append('\b');
            case 'f' -> out.append('\f');
            case 'u' -> {
              if (i + 4 > s.length()) {
                throw malformed("bad escape");
              }
              out.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
              i += 4;
            }
            default -> out.append(e);
          }
        } else {
          out.append(c);
        }
      }
    }

    void end() {
      space();
      if (i != s.length()) {
        throw malformed("trailing data at " + i);
      }
    }

    private void space() {
      while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
        i++;
      }
    }

    private boolean peek(char c) {
      if (i < s.length() && s.charAt(i) == c) {
        i++;
        return true;
      }
      return false;
    }

    private boolean accept(char c) {
      return peek(c);
    }

    private void expect(char c) {
      if (!peek(c)) {
        throw malformed("expected '" + c + "' at " + i);
      }
    }
  }
}
