package dev.chatinfo.codec.json.internal;

import static dev.chatinfo.codec.json.internal.JsonPlace.describe;
import static dev.chatinfo.codec.json.internal.JsonPlace.malformed;
import static dev.chatinfo.codec.json.internal.JsonPlace.moshiProblem;

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
import okio.BufferedSource;
import okio.Okio;

/**
 * Reads one JSON body into a {@link ChatInfo}, streaming, with Moshi's {@link JsonReader}.
 *
 * <p>The root is {@code {"info":{...}}} or the full chat resource {@code {"chat":{...,"info":{...}}}}.
 * Known field names are matched with one {@link Options} (no {@code String} made for them), as
 * are the usual states, typing values and link relationships; numbers, times and the time-out
 * are read as text and parsed by {@link WireValues}. What it does not know goes to
 * {@link UnknownMembers} (the tolerant half: short scalars become attributes, everything else is
 * skipped unkept, whatever its length, depth checked); where it stands and what went wrong is told
 * by {@link JsonPlace}, which it extends (a decode allocates no helper object). Known fields keep
 * their limits.
 *
 * <p>Every failure, whatever its source (Moshi, Okio, the body's stream, the model's builder),
 * leaves as a {@link ChatInfoException} of kind {@code MALFORMED_RESPONSE} whose message names the
 * field or the JSON path and byte offset. One instance per decode; not thread-safe.
 */
public final class InfoJsonReader extends JsonPlace {

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

  private final ChatInfo.Builder builder = ChatInfo.builder();
  /** One bit per known field seen, by ordinal; {@code link} repeats and is not tracked. */
  private int seen;
  /** One bit per known field set (seen with a value other than JSON null), by ordinal. */
  private int set;
  private boolean infoFound;
  private boolean infoInChat;

  private InfoJsonReader(GuardedBodyInput input, BufferedSource source, JsonReader reader) {
    super(reader, input, source);
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
          UnknownMembers.skipMember(this, 2);
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
        UnknownMembers.skipMember(this, depth + 1);
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
        UnknownMembers.read(this, depth + 1, builder);
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
          UnknownMembers.skipMember(this, depth + 1);
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
}
