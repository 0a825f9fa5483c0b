package dev.chatinfo.codec.json.internal;

import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonEncodingException;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonReader.Options;
import com.squareup.moshi.JsonReader.Token;
import dev.chatinfo.api.ChatInfo;
import dev.chatinfo.api.ChatInfoException;
import dev.chatinfo.api.Link;
import dev.chatinfo.api.TypingStatus;
import dev.chatinfo.api.codec.WireField;
import dev.chatinfo.api.codec.WireValues;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import okio.Buffer;
import okio.BufferedSource;
import okio.Okio;

/**
 * Reads one JSON body into a {@link ChatInfo}, streaming, with Moshi's {@link JsonReader}.
 *
 * <p>The root is {@code {"info":{...}}} or the full chat resource {@code {"chat":{...,"info":{...}}}}.
 * Known field names are matched with one {@link Options} (no {@code String} made for them), as
 * are the usual states, typing values and link relationships; numbers, times and the time-out
 * are read as text and parsed by {@link WireValues}. Every other scalar of {@code info} becomes
 * an attribute; objects and arrays are skipped here, not by Moshi, so that their depth is checked
 * too.
 *
 * <p>A tolerant reader: a value it does not know never fails the decode for its length. Such a
 * value is skipped without being kept (Moshi skips strings in place), and an attribute too long
 * to keep is dropped with one DEBUG line that names the field, never the value: the body's limit,
 * not the text limit, decides how long an unknown value may be. Known fields keep their limits.
 *
 * <p>Every failure, whatever its source (Moshi, Okio, the body's stream, the model's builder),
 * leaves as a {@link ChatInfoException} of kind {@code MALFORMED_RESPONSE} whose message names the
 * field or the JSON path and byte offset. One instance per decode; not thread-safe.
 */
public final class InfoJsonReader {

  private static final System.Logger LOG = System.getLogger(InfoJsonReader.class.getName());

  private static final Options ROOT_MEMBERS = Options.of("info", "chat");
  private static final Options CHAT_MEMBERS = Options.of("info");

  /** The known fields of {@code info}, by ordinal: {@link #FIELDS} answers their index. */
  private static final WireField[] FIELD_TABLE = WireField.values();
  private static final Options FIELDS = Options.of(wireNames());
  /** One bit per required field, by ordinal. */
  private static final int REQUIRED = requiredBits();

  private static final Options LINK_KEYS = Options.of("@href", "@rel", "href", "rel");

  private static final String[] STATE_TEXTS = {"chatting", "waiting", "ended"};
  private static final Options STATES = Options.of(STATE_TEXTS);

  private static final String[] TYPING_TEXTS =
      {TypingStatus.TYPING.wireValue(), TypingStatus.NOT_TYPING.wireValue()};
  private static final Options TYPINGS = Options.of(TYPING_TEXTS);

  private static final String[] RELS_TEXTS =
      {Link.SELF, Link.VISITOR_NAME, Link.VISITOR_TYPING, Link.AGENT_TYPING};
  private static final Options RELS = Options.of(RELS_TEXTS);

  /** The longest JSON path quoted in a message. */
  private static final int MAX_PATH = 160;

  private final GuardedBodyInput input;
  private final BufferedSource source;
  private final JsonReader reader;
  private final ChatInfo.Builder builder = ChatInfo.builder();
  /** One bit per known field seen, by ordinal; {@code link} repeats and is not tracked. */
  private int seen;
  /** One bit per known field set (seen with a value other than JSON null), by ordinal. */
  private int set;
  private boolean infoFound;
  private boolean infoInChat;

  private InfoJsonReader(GuardedBodyInput input, BufferedSource source, JsonReader reader) {
    this.input = input;
    this.source = source;
    this.reader = reader;
  }

  /**
   * Reads a body. Does not close it.
   *
   * @param body the body, UTF-8 JSON
   * @return the chat information
   * @throws ChatInfoException (MALFORMED_RESPONSE) when the body is not JSON chat information
   */
  public static ChatInfo decode(InputStream body) {
    GuardedBodyInput input = new GuardedBodyInput(body);
    BufferedSource source = Okio.buffer(Okio.source(input));
    JsonReader reader = JsonReader.of(source);
    reader.setLenient(false); // the default, said out loud: comments, single quotes etc. are refused
    InfoJsonReader info = new InfoJsonReader(input, source, reader);
    try {
      return info.readDocument();
    } catch (BodyRejectedException e) {
      throw malformed("malformed JSON body: " + e.getMessage(), e);
    } catch (InterruptedIOException e) {
      throw interrupted(e, info.position());
    } catch (JsonEncodingException | JsonDataException e) {
      throw malformed("malformed JSON " + info.position() + ": " + moshiProblem(e), e);
    } catch (EOFException e) {
      throw malformed("malformed JSON " + info.position() + ": the body ends early", e);
    } catch (IOException e) {
      if (Thread.currentThread().isInterrupted()) {
        throw interrupted(e, info.position());
      }
      throw malformed("could not read the body " + info.position() + ": "
          + WireValues.excerpt(String.valueOf(e.getMessage())), e);
    } finally {
      // Gives Okio's segments back to its pool; the body itself stays open.
      source.getBuffer().clear();
    }
  }

  /**
   * An interrupt while the body was read: the caller gave up (CANCELLED), or, for a socket's
   * read time-out, the body was too slow (TIMEOUT); the body was not malformed either way.
   */
  private static ChatInfoException interrupted(IOException e, String position) {
    if (e instanceof SocketTimeoutException) {
      return new ChatInfoException(ChatInfoException.Kind.TIMEOUT,
          "reading the body timed out " + position, e);
    }
    return new ChatInfoException(ChatInfoException.Kind.CANCELLED,
        "reading the body was interrupted " + position, e);
  }

  private ChatInfo readDocument() throws IOException {
    Token root;
    try {
      root = reader.peek();
    } catch (EOFException e) {
      throw malformed("malformed JSON at $: the body is empty or only whitespace", e);
    }
    if (root != Token.BEGIN_OBJECT) {
      throw malformed("no info section: the root is " + describe(root) + ", not an object, at $");
    }
    reader.beginObject();
    while (reader.hasNext()) {
      switch (reader.selectName(ROOT_MEMBERS)) {
        case 0:
          readInfo(2, false);
          break;
        case 1:
          readChat(2);
          break;
        default:
          skipMember(2);
      }
    }
    reader.endObject();
    if (!infoFound) {
      throw malformed("no info section at $: expected {\"info\":{...}} or {\"chat\":{\"info\":{...}}}");
    }
    requireEndOfDocument();
    return builder.build();
  }

  private void requireEndOfDocument() throws IOException {
    try {
      if (reader.peek() == Token.END_DOCUMENT) {
        return;
      }
    } catch (JsonEncodingException e) {
      // Strict mode refuses anything after the root but whitespace: that is the case here.
    }
    throw malformed("malformed JSON: trailing data after the root object " + position());
  }

  private void readChat(int depth) throws IOException {
    Token token = reader.peek();
    if (token == Token.NULL) {
      reader.nextNull();
      return;
    }
    if (token != Token.BEGIN_OBJECT) {
      throw malformed("no info section: chat is " + describe(token) + ", not an object, at "
          + path());
    }
    checkDepth(depth);
    reader.beginObject();
    while (reader.hasNext()) {
      if (reader.selectName(CHAT_MEMBERS) == 0) {
        readInfo(depth + 1, true);
      } else {
        skipMember(depth + 1);
      }
    }
    reader.endObject();
  }

  private void readInfo(int depth, boolean inChat) throws IOException {
    Token token = reader.peek();
    if (token == Token.NULL) {
      reader.nextNull();
      return;
    }
    if (token != Token.BEGIN_OBJECT) {
      throw malformed("no info section: info is " + describe(token) + ", not an object, at "
          + path());
    }
    if (infoFound) {
      throw malformed("a second info section at " + path());
    }
    infoFound = true;
    infoInChat = inChat;
    checkDepth(depth);
    reader.beginObject();
    while (reader.hasNext()) {
      int index = reader.selectName(FIELDS);
      if (index < 0) {
        readUnknownMember(depth + 1);
        continue;
      }
      WireField field = FIELD_TABLE[index];
      if (field == WireField.LINK) {
        readLinks(depth + 1);
        continue;
      }
      int bit = 1 << index;
      if ((seen & bit) != 0) {
        throw malformed("duplicate field " + field.wireName() + " at " + path());
      }
      seen |= bit;
      String text = valueOf(field);
      if (text == null) {
        continue; // JSON null: as if absent
      }
      try {
        field.setFromWire(builder, text);
      } catch (ChatInfoException e) {
        throw located(e); // names the field and quotes the value
      } catch (IllegalArgumentException e) {
        // The builder refused the value (a character no XML document can carry, say).
        throw malformed("field " + field.wireName() + ": " + e.getMessage() + " at " + path(), e);
      }
      set |= bit;
    }
    reader.endObject();
    String where = infoInChat ? "$.chat.info" : "$.info";
    if ((set & REQUIRED) != REQUIRED) {
      for (WireField field : FIELD_TABLE) {
        if (field.isRequired() && (set & (1 << field.ordinal())) == 0) {
          throw malformed("missing " + field.wireName() + " in " + where);
        }
      }
    }
  }

  /**
   * The text of a known field, or null for JSON null. The usual states and typing values are
   * matched without making a {@code String} for them.
   */
  private String valueOf(WireField field) throws IOException {
    if (reader.peek() == Token.STRING) {
      if (field.kind() == WireField.Kind.STATE) {
        int known = reader.selectString(STATES);
        if (known >= 0) {
          return STATE_TEXTS[known];
        }
      } else if (field.kind() == WireField.Kind.TYPING) {
        int known = reader.selectString(TYPINGS);
        if (known >= 0) {
          return TYPING_TEXTS[known];
        }
      }
    }
    return text(field.wireName());
  }

  private static int requiredBits() {
    int bits = 0;
    for (WireField field : FIELD_TABLE) {
      bits |= field.isRequired() ? 1 << field.ordinal() : 0;
    }
    return bits;
  }

  private static String[] wireNames() {
    String[] names = new String[FIELD_TABLE.length];
    for (int i = 0; i < names.length; i++) {
      names[i] = FIELD_TABLE[i].wireName();
    }
    return names;
  }

  /** A WireValues failure (which names the field and quotes the value), told where it is. */
  private ChatInfoException located(ChatInfoException e) {
    return malformed(e.getMessage() + " at " + path(), e.getCause());
  }

  /** A string, or a number as its literal text; null for JSON null; anything else refused. */
  private String text(String what) throws IOException {
    Token token = reader.peek();
    if (token == Token.STRING || token == Token.NUMBER) {
      return checkLength(reader.nextString());
    }
    if (token == Token.NULL) {
      return reader.nextNull();
    }
    throw malformed("field " + what + ": expected a string or a number but was "
        + describe(token) + " at " + path());
  }

  private void readLinks(int depth) throws IOException {
    Token token = reader.peek();
    if (token == Token.BEGIN_ARRAY) {
      checkDepth(depth);
      reader.beginArray();
      for (int index = 0; reader.hasNext(); index++) {
        readLink(depth + 1, index);
      }
      reader.endArray();
    } else if (token == Token.BEGIN_OBJECT) {
      readLink(depth, -1);
    } else if (token == Token.NULL) {
      reader.nextNull();
    } else {
      throw malformed("field link: expected a link object or an array of them but was "
          + describe(token) + " at " + path());
    }
  }

  private void readLink(int depth, int index) throws IOException {
    Token token = reader.peek();
    if (token != Token.BEGIN_OBJECT) {
      throw malformed(linkName(index) + ": expected a link object but was " + describe(token)
          + " at " + path());
    }
    checkDepth(depth);
    reader.beginObject();
    String href = null;
    String rel = null;
    boolean hasHref = false;
    boolean hasRel = false;
    while (reader.hasNext()) {
      switch (reader.selectName(LINK_KEYS)) {
        case 0:
        case 2:
          if (hasHref) {
            throw malformed(linkName(index) + ": duplicate href at " + path());
          }
          hasHref = true;
          href = text("link href");
          break;
        case 1:
        case 3:
          if (hasRel) {
            throw malformed(linkName(index) + ": duplicate rel at " + path());
          }
          hasRel = true;
          rel = rel();
          break;
        default:
          skipMember(depth + 1);
      }
    }
    if (href == null) {
      throw malformed(linkName(index) + ": no href");
    }
    if (rel == null) {
      throw malformed(linkName(index) + ": no rel");
    }
    reader.endObject();
    try {
      builder.link(new Link(rel, href));
    } catch (IllegalArgumentException e) {
      throw malformed(linkName(index) + ": " + e.getMessage(), e);
    }
  }

  private String rel() throws IOException {
    if (reader.peek() == Token.STRING) {
      int known = reader.selectString(RELS);
      if (known >= 0) {
        return RELS_TEXTS[known];
      }
    }
    return text("link rel");
  }

  private String linkName(int index) {
    String info = infoInChat ? "$.chat.info" : "$.info";
    return index < 0 ? info + ".link" : info + ".link[" + index + "]";
  }

  /**
   * An unknown member of info: a scalar becomes an attribute (unless too long to keep), the rest
   * is skipped.
   */
  private void readUnknownMember(int depth) throws IOException {
    String name = checkLength(reader.nextName());
    boolean was = input.tolerateLongValues(true);
    String value;
    try {
      Token token = reader.peek();
      if (token == Token.STRING) {
        value = unknownString(name);
      } else if (token == Token.NUMBER) {
        value = kept(name, reader.nextString());
      } else if (token == Token.BOOLEAN) {
        value = reader.nextBoolean() ? "true" : "false";
      } else {
        skipValue(depth);
        return;
      }
    } finally {
      input.tolerateLongValues(was);
    }
    if (value != null && ChatInfo.Builder.isAttributeName(name)) {
      try {
        builder.attribute(name, value);
      } catch (IllegalArgumentException e) {
        throw malformed("field " + name + ": " + e.getMessage() + " at " + path(), e);
      }
    }
  }

  /**
   * The string value of an unknown member, or null when it is too long to keep. A string that is
   * already buffered whole, without escapes (the usual attribute), is read as is; any other is
   * read as raw JSON up to the longest a kept string can take, and beyond that drained unkept.
   */
  private String unknownString(String name) throws IOException {
    // After peek(), Moshi has consumed the opening quote: the string's bytes come next.
    if (isBufferedWhole()) {
      return kept(name, reader.nextString());
    }
    try (BufferedSource raw = reader.nextSource()) {
      Buffer value = new Buffer();
      long most = GuardedBodyInput.MAX_STRING_BYTES + 2;
      while (value.size() <= most && raw.read(value, 8192) != -1) {
        // reads the raw string, quotes and escapes included
      }
      if (value.size() > most) {
        value.clear();
        while (raw.read(value, 8192) != -1) {
          value.clear();
        }
        return kept(name, null);
      }
      return kept(name, JsonReader.of(value).nextString());
    }
  }

  /**
   * Whether the peeked string or name (whose opening quote Moshi has consumed) is in Okio's
   * buffer whole, without escapes: then reading it costs no more than skipping it.
   */
  private boolean isBufferedWhole() {
    Buffer buffered = source.getBuffer();
    long end = buffered.indexOf((byte) '"');
    return end >= 0 && buffered.indexOf((byte) '\\', 0, end) < 0;
  }

  /** The value of an unknown member if short enough to keep as an attribute, else null. */
  private String kept(String name, String value) {
    if (value != null && value.length() <= WireValues.MAX_TEXT_LENGTH) {
      return value;
    }
    LOG.log(System.Logger.Level.DEBUG, () -> "chat info JSON: dropped the unknown field "
        + WireValues.excerpt(name) + " at " + path() + ": its value is longer than "
        + WireValues.MAX_TEXT_LENGTH + " characters");
    return null;
  }

  /**
   * A member to ignore, after {@code selectName} found no match (Moshi then holds its name
   * already): its value is skipped without being kept, whatever its length; its depth is still
   * checked.
   */
  private void skipMember(int depth) throws IOException {
    reader.nextName();
    skipTolerated(depth);
  }

  private void skipTolerated(int depth) throws IOException {
    boolean was = input.tolerateLongValues(true);
    try {
      skipValue(depth);
    } finally {
      input.tolerateLongValues(was);
    }
  }

  private void skipValue(int depth) throws IOException {
    Token token = reader.peek();
    switch (token) {
      case BEGIN_OBJECT:
        checkDepth(depth);
        reader.beginObject();
        while (reader.hasNext()) {
          if (isBufferedWhole()) {
            reader.nextName(); // short: read, so that the path in a message names it
          } else {
            reader.skipName();
          }
          skipValue(depth + 1);
        }
        reader.endObject();
        break;
      case BEGIN_ARRAY:
        checkDepth(depth);
        reader.beginArray();
        while (reader.hasNext()) {
          skipValue(depth + 1);
        }
        reader.endArray();
        break;
      case STRING:
      case NUMBER:
        reader.skipValue();
        break;
      case BOOLEAN:
        reader.nextBoolean();
        break;
      case NULL:
        reader.nextNull();
        break;
      default:
        // Strict Moshi never peeks an end where a value belongs; refuse rather than loop.
        throw malformed("malformed JSON: expected a value but was " + describe(token) + " "
            + position());
    }
  }

  private void checkDepth(int depth) {
    if (depth > WireValues.MAX_DEPTH) {
      throw malformed("malformed JSON: nesting deeper than " + WireValues.MAX_DEPTH + " at "
          + path());
    }
  }

  private String checkLength(String text) {
    if (text.length() > WireValues.MAX_TEXT_LENGTH) {
      throw malformed("malformed JSON: a text of " + text.length() + " characters (more than "
          + WireValues.MAX_TEXT_LENGTH + ") at " + path());
    }
    return text;
  }

  /** Where the reader is: its JSON path and about which byte. */
  private String position() {
    long consumed = input.bytesRead() - source.getBuffer().size();
    return "at " + path() + " (near byte " + consumed + ")";
  }

  /** The reader's JSON path, printable ASCII only and at most {@value #MAX_PATH} characters. */
  private String path() {
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
  private static String moshiProblem(Exception e) {
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

  private static String describe(Token token) {
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

  private static ChatInfoException malformed(String message) {
    return new ChatInfoException(ChatInfoException.Kind.MALFORMED_RESPONSE, message);
  }

  private static ChatInfoException malformed(String message, Throwable cause) {
    return new ChatInfoException(ChatInfoException.Kind.MALFORMED_RESPONSE, message, cause);
  }
}
