package dev.chatinfo.codec.json.internal;

import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonReader.Token;
import dev.chatinfo.api.ChatInfoException;
import dev.chatinfo.api.codec.WireValues;
import okio.BufferedSource;

/**
 * Where a JSON read stands, and how its problems are told: the reader's JSON path (printable
 * ASCII, cut at {@value #MAX_PATH} characters), the byte near which it stands, Moshi's own message
 * without its advice, and the {@code MALFORMED_RESPONSE} failures of the reader. The reader of a
 * decode is its own place ({@link InfoJsonReader} extends it), so that a decode allocates no
 * helper objects; {@link UnknownMembers} reads through it.
 */
class JsonPlace {

  /** The longest JSON path quoted in a message. */
  private static final int MAX_PATH = 160;

  final JsonReader reader;
  final GuardedBodyInput input;
  final BufferedSource source;

  JsonPlace(JsonReader reader, GuardedBodyInput input, BufferedSource source) {
    this.reader = reader;
    this.input = input;
    this.source = source;
  }

  /** Where the reader is: its JSON path and about which byte. */
  String position() {
    long consumed = input.bytesRead() - source.getBuffer().size();
    return "at " + path() + " (near byte " + consumed + ")";
  }

  /** The reader's JSON path, printable ASCII only and at most {@value #MAX_PATH} characters. */
  String path() {
    String path = reader.getPath();
    int n = Math.min(path.length(), MAX_PATH);
    StringBuilder out = new StringBuilder(n + 8);
    for (int i = 0; i < n; i++) {
      char c = path.charAt(i);
      if (c >= 0x20 && c < 0x7f) {
        out.append(c);
      } else {
        out.append(String.format("\\u%04x", (int) c));
      }
    }
    if (path.length() > MAX_PATH) {
      out.append("...");
    }
    return out.toString();
  }

  /** Moshi's message without its " at path ..." suffix (the caller says where) and its advice. */
  static String moshiProblem(Exception e) {
    String message = String.valueOf(e.getMessage());
    int at = message.lastIndexOf(" at path ");
    if (at >= 0) {
      message = message.substring(0, at);
    }
    if (message.startsWith("Use JsonReader.setLenient")) {
      return "not strict JSON (comments, single quotes, unquoted text or a stray character)";
    }
    return WireValues.excerpt(message);
  }

  static String describe(Token token) {
    switch (token) {
      case BEGIN_OBJECT:
        return "an object";
      case BEGIN_ARRAY:
        return "an array";
      case STRING:
        return "a string";
      case NUMBER:
        return "a number";
      case BOOLEAN:
        return "a boolean";
      case NULL:
        return "null";
      case END_DOCUMENT:
        return "the end of the body";
      default:
        return token.name();
    }
  }

  static ChatInfoException malformed(String message) {
    return new ChatInfoException(ChatInfoException.Kind.MALFORMED_RESPONSE, message);
  }

  static ChatInfoException malformed(String message, Throwable cause) {
    return new ChatInfoException(ChatInfoException.Kind.MALFORMED_RESPONSE, message, cause);
  }

  void checkDepth(int depth) {
    if (depth > WireValues.MAX_DEPTH) {
      throw malformed("malformed JSON: nesting deeper than " + WireValues.MAX_DEPTH + " at "
          + path());
    }
  }

  String checkLength(String text) {
    if (text.length() > WireValues.MAX_TEXT_LENGTH) {
      throw malformed("malformed JSON: a text of " + text.length() + " characters (more than "
          + WireValues.MAX_TEXT_LENGTH + ") at " + path());
    }
    return text;
  }
}
