package dev.chatinfo.codec.json.internal;

import static dev.chatinfo.codec.json.internal.JsonPlace.describe;
import static dev.chatinfo.codec.json.internal.JsonPlace.malformed;

import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonReader.Token;
import dev.chatinfo.api.ChatInfo;
import dev.chatinfo.api.codec.WireValues;
import java.io.IOException;
import okio.Buffer;
import okio.BufferedSource;

/**
 * What the JSON reader does with what it does not know, the tolerant half of {@link InfoJsonReader}:
 * an unknown scalar of {@code info} becomes an attribute when it is short enough to keep (else it
 * is dropped with one DEBUG line on the reader's logger naming the field, never the value); every
 * other unknown value is skipped without being kept, whatever its length within the body's limit,
 * its nesting depth still checked. One per decode.
 */
final class UnknownMembers {

  /** The reader's logger: users configure one name for the JSON reader. */
  private static final System.Logger LOG = System.getLogger(InfoJsonReader.class.getName());

  private UnknownMembers() {}

  /**
   * An unknown member of info: a scalar becomes an attribute (unless too long to keep), the rest
   * is skipped.
   */
  static void read(JsonPlace place, int depth, ChatInfo.Builder builder) throws IOException {
    JsonReader reader = place.reader;
    GuardedBodyInput input = place.input;
    String name = place.checkLength(reader.nextName());
    boolean was = input.tolerateLongValues(true);
    String value;
    try {
      Token token = reader.peek();
      if (token == Token.STRING) {
        value = unknownString(place, name);
      } else if (token == Token.NUMBER) {
        value = kept(place, name, reader.nextString());
      } else if (token == Token.BOOLEAN) {
        value = reader.nextBoolean() ? "true" : "false";
      } else {
        skipValue(place, depth);
        return;
      }
    } finally {
      input.tolerateLongValues(was);
    }
    if (value != null && ChatInfo.Builder.isAttributeName(name)) {
      try {
        builder.attribute(name, value);
      } catch (IllegalArgumentException e) {
        throw malformed("field " + name + ": " + e.getMessage() + " at " + place.path(), e);
      }
    }
  }

  /**
   * The string value of an unknown member, or null when it is too long to keep. A string that is
   * already buffered whole, without escapes (the usual attribute), is read as is; any other is
   * read as raw JSON up to the longest a kept string can take, and beyond that drained unkept.
   */
  private static String unknownString(JsonPlace place, String name) throws IOException {
    JsonReader reader = place.reader;
    // After peek(), Moshi has consumed the opening quote: the string's bytes come next.
    if (isBufferedWhole(place)) {
      return kept(place, name, reader.nextString());
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
        return kept(place, name, null);
      }
      return kept(place, name, JsonReader.of(value).nextString());
    }
  }

  /**
   * Whether the peeked string or name (whose opening quote Moshi has consumed) is in Okio's
   * buffer whole, without escapes: then reading it costs no more than skipping it.
   */
  private static boolean isBufferedWhole(JsonPlace place) {
    Buffer buffered = place.source.getBuffer();
    long end = buffered.indexOf((byte) '"');
    return end >= 0 && buffered.indexOf((byte) '\\', 0, end) < 0;
  }

  /** The value of an unknown member if short enough to keep as an attribute, else null. */
  private static String kept(JsonPlace place, String name, String value) {
    if (value != null && value.length() <= WireValues.MAX_TEXT_LENGTH) {
      return value;
    }
    LOG.log(System.Logger.Level.DEBUG, () -> "chat info JSON: dropped the unknown field "
        + WireValues.excerpt(name) + " at " + place.path() + ": its value is longer than "
        + WireValues.MAX_TEXT_LENGTH + " characters");
    return null;
  }

  /**
   * A member to ignore, after {@code selectName} found no match (Moshi then holds its name
   * already): its value is skipped without being kept, whatever its length; its depth is still
   * checked.
   */
  static void skipMember(JsonPlace place, int depth) throws IOException {
    place.reader.nextName();
    skipTolerated(place, depth);
  }

  private static void skipTolerated(JsonPlace place, int depth) throws IOException {
    boolean was = place.input.tolerateLongValues(true);
    try {
      skipValue(place, depth);
    } finally {
      place.input.tolerateLongValues(was);
    }
  }

  private static void skipValue(JsonPlace place, int depth) throws IOException {
    JsonReader reader = place.reader;
    Token token = reader.peek();
    switch (token) {
      case BEGIN_OBJECT:
        place.checkDepth(depth);
        reader.beginObject();
        while (reader.hasNext()) {
          if (isBufferedWhole(place)) {
            reader.nextName(); // short: read, so that the path in a message names it
          } else {
            reader.skipName();
          }
          skipValue(place, depth + 1);
        }
        reader.endObject();
        break;
      case BEGIN_ARRAY:
        place.checkDepth(depth);
        reader.beginArray();
        while (reader.hasNext()) {
          skipValue(place, depth + 1);
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
            + place.position());
    }
  }
}
