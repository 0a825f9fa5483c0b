package dev.chatinfo.codec.xml.internal;

import dev.chatinfo.api.codec.WireValues;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;

/**
 * A response body as characters, for the XML parser: the encoding comes from a byte-order mark,
 * the first four bytes, or the XML declaration (UTF-8 when none says otherwise, as the XML
 * specification's appendix F describes), and decoding is strict.
 *
 * <p>Decoding is done here rather than by the JDK's parser because the parser prints
 * {@code [Fatal Error]} on {@code System.err} for every invalid byte sequence; a library must not.
 * An invalid sequence fails with {@link InvalidEncodingException}, naming its byte offset. UTF-8,
 * the service's encoding, is decoded by hand (strict: no overlong forms, no surrogates, nothing
 * above U+10FFFF); any other encoding by a reporting {@link CharsetDecoder}.
 *
 * <p>Reads the body in chunks and never closes it: {@link #close()} only stops this reader, which
 * {@link #reset(InputStream)} starts again on the next body. Not thread-safe: one body at a time.
 */
final class BodyReader extends Reader {

  /** Bytes looked at for an XML declaration's {@code encoding}. */
  private static final int MAX_DECLARATION = 1024;

  /** Dropped on close, so that a parser kept by the JDK's factory does not keep the body. */
  private InputStream body;
  private final byte[] bytes = new byte[8192];
  private int pos;
  private int limit;
  /** Bytes of the body before {@code bytes[0]}. */
  private long offsetOfBuffer;
  private boolean endOfBody;
  private boolean started;
  private boolean closed;
  /** Null while decoding UTF-8 by hand. */
  private CharsetDecoder decoder;
  private String encodingName = "UTF-8";
  /** The low surrogate of a supplementary character whose high half filled the last read. */
  private char pendingLow;

  /** A reader for the bodies given to {@link #reset(InputStream)}, one after the other. */
  BodyReader() {
    closed = true;
  }

  @Override
  public int read(char[] chars, int offset, int length) throws IOException {
    if (closed) {
      throw new IOException("reader closed");
    }
    if (offset < 0 || length < 0 || length > chars.length - offset) {
      throw new IndexOutOfBoundsException("offset " + offset + ", length " + length);
    }
    if (!started) {
      start();
    }
    if (length == 0) {
      return 0;
    }
    return decoder == null ? readUtf8(chars, offset, length) : readDecoded(chars, offset, length);
  }

  /**
   * Starts on a body, reusing the buffer: the encoding is found from the body's first bytes.
   *
   * @param next the body, not closed by this reader
   * @return this reader
   */
  BodyReader reset(InputStream next) {
    body = next;
    pos = 0;
    limit = 0;
    offsetOfBuffer = 0;
    endOfBody = false;
    started = false;
    closed = false;
    decoder = null;
    encodingName = "UTF-8";
    pendingLow = 0;
    return this;
  }

  /** Stops this reader; the body is left open (and no longer referenced). */
  @Override
  public void close() {
    closed = true;
    body = null;
  }

  private void start() throws IOException {
    started = true;
    ensure(4);
    int available = limit - pos;
    int b0 = available > 0 ? bytes[0] & 0xFF : -1;
    int b1 = available > 1 ? bytes[1] & 0xFF : -1;
    int b2 = available > 2 ? bytes[2] & 0xFF : -1;
    int b3 = available > 3 ? bytes[3] & 0xFF : -1;
    Charset charset;
    if (b0 == 0xEF && b1 == 0xBB && b2 == 0xBF) {
      pos = 3;
      charset = StandardCharsets.UTF_8;
    } else if (b0 == 0xFE && b1 == 0xFF) {
      pos = 2;
      charset = StandardCharsets.UTF_16BE;
    } else if (b0 == 0xFF && b1 == 0xFE) {
      pos = 2;
      charset = StandardCharsets.UTF_16LE;
    } else if (b0 == 0x00 && b1 == '<' && b2 == 0x00 && b3 == '?') {
      charset = StandardCharsets.UTF_16BE;
    } else if (b0 == '<' && b1 == 0x00 && b2 == '?' && b3 == 0x00) {
      charset = StandardCharsets.UTF_16LE;
    } else if (b0 == '<' && b1 == '?' && b2 == 'x' && b3 == 'm') {
      charset = declaredEncoding();
    } else {
      charset = StandardCharsets.UTF_8;
    }
    if (!charset.equals(StandardCharsets.UTF_8)) {
      encodingName = charset.name();
      decoder = charset.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT);
    }
  }

  /** The {@code encoding} of the XML declaration at the start of the buffer; UTF-8 if none. */
  private Charset declaredEncoding() throws IOException {
    int end = -1;
    while (end < 0) {
      for (int i = pos + 1; i < limit; i++) {
        if (bytes[i] == '>' && bytes[i - 1] == '?') {
          end = i;
          break;
        }
      }
      if (end < 0 && (limit - pos >= MAX_DECLARATION || !ensure(limit - pos + 1))) {
        return StandardCharsets.UTF_8; // no complete declaration: the parser will say so
      }
    }
    String declaration = new String(bytes, pos, end + 1 - pos, StandardCharsets.ISO_8859_1);
    int at = declaration.indexOf("encoding");
    if (at < 0) {
      return StandardCharsets.UTF_8;
    }
    int i = skipSpaces(declaration, at + "encoding".length());
    if (i >= declaration.length() || declaration.charAt(i) != '=') {
      return StandardCharsets.UTF_8;
    }
    i = skipSpaces(declaration, i + 1);
    if (i >= declaration.length()) {
      return StandardCharsets.UTF_8;
    }
    char quote = declaration.charAt(i);
    int close = quote == '"' || quote == '\'' ? declaration.indexOf(quote, i + 1) : -1;
    if (close < 0) {
      return StandardCharsets.UTF_8;
    }
    String name = declaration.substring(i + 1, close);
    try {
      return Charset.forName(name);
    } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
      throw new InvalidEncodingException("unsupported encoding " + WireValues.excerpt(name)
          + " in the XML declaration");
    }
  }

  private static int skipSpaces(String s, int i) {
    while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '\t' || s.charAt(i) == '\r'
        || s.charAt(i) == '\n')) {
      i++;
    }
    return i;
  }

  private int readUtf8(char[] chars, int offset, int length) throws IOException {
    int n = 0;
    if (pendingLow != 0) {
      chars[offset] = pendingLow;
      pendingLow = 0;
      n = 1;
    }
    byte[] b = bytes;
    while (n < length) {
      if (pos >= limit) {
        if (n > 0 || !fill()) {
          break;
        }
      }
      int p = pos;
      int stop = Math.min(limit, p + (length - n));
      while (p < stop && b[p] >= 0) {
        chars[offset + n++] = (char) b[p++];
      }
      pos = p;
      if (n == length || pos >= limit || b[pos] >= 0) {
        continue;
      }
      int lead = b[pos] & 0xFF;
      int extra;
      int min;
      int max;
      if (lead >= 0xC2 && lead <= 0xDF) {
        extra = 1;
        min = 0x80;
        max = 0xBF;
      } else if (lead >= 0xE0 && lead <= 0xEF) {
        extra = 2;
        min = lead == 0xE0 ? 0xA0 : 0x80;   // no overlong form
        max = lead == 0xED ? 0x9F : 0xBF;   // no surrogate
      } else if (lead >= 0xF0 && lead <= 0xF4) {
        extra = 3;
        min = lead == 0xF0 ? 0x90 : 0x80;   // no overlong form
        max = lead == 0xF4 ? 0x8F : 0xBF;   // nothing above U+10FFFF
      } else {
        throw invalid(pos, String.format("byte 0x%02X cannot start a character", lead));
      }
      boolean complete = limit - pos > extra || ensure(extra + 1);
      int available = Math.min(extra, limit - pos - 1);
      int cp = lead & (0x3F >> extra);
      for (int k = 1; k <= available; k++) {
        int next = b[pos + k] & 0xFF;
        if (k == 1 ? next < min || next > max : next < 0x80 || next > 0xBF) {
          throw invalid(pos + k, String.format("byte 0x%02X cannot follow 0x%02X", next,
              b[pos + k - 1] & 0xFF));
        }
        cp = (cp << 6) | (next & 0x3F);
      }
      if (!complete) {
        throw invalid(pos, "the body ends inside a character");
      }
      pos += extra + 1;
      if (cp < 0x10000) {
        chars[offset + n++] = (char) cp;
      } else {
        chars[offset + n++] = Character.highSurrogate(cp);
        if (n < length) {
          chars[offset + n++] = Character.lowSurrogate(cp);
        } else {
          pendingLow = Character.lowSurrogate(cp);
        }
      }
    }
    return n == 0 ? -1 : n;
  }

  private int readDecoded(char[] chars, int offset, int length) throws IOException {
    CharBuffer out = CharBuffer.wrap(chars, offset, length);
    while (true) {
      ByteBuffer in = ByteBuffer.wrap(bytes, pos, limit - pos);
      CoderResult result = decoder.decode(in, out, endOfBody);
      pos = in.position();
      if (result.isError()) {
        throw invalid(pos, describe(result));
      }
      if (endOfBody && pos >= limit) {
        result = decoder.flush(out);
        if (result.isError()) {
          throw invalid(pos, describe(result));
        }
      }
      int n = out.position() - offset;
      if (n > 0) {
        return n;
      }
      if (result.isOverflow()) {
        return 0; // cannot happen with room for one char and no pending output
      }
      if (endOfBody) {
        if (pos < limit) {
          throw invalid(pos, "the body ends inside a character");
        }
        return -1;
      }
      fill();
    }
  }

  private static String describe(CoderResult result) {
    return result.length() + " byte(s) of " + (result.isMalformed() ? "malformed" : "unmappable")
        + " input";
  }

  /** Reads more bytes after the unread ones; false at the end of the body. */
  private boolean fill() throws IOException {
    if (pos > 0) {
      System.arraycopy(bytes, pos, bytes, 0, limit - pos);
      offsetOfBuffer += pos;
      limit -= pos;
      pos = 0;
    }
    while (!endOfBody) {
      if (limit == bytes.length) {
        return true;
      }
      int read = body.read(bytes, limit, bytes.length - limit);
      if (read < 0) {
        endOfBody = true;
        return false;
      }
      if (read > 0) {
        limit += read;
        return true;
      }
    }
    return false;
  }

  /** Tries to have {@code count} (at most the buffer's size) unread bytes; false if the body ends first. */
  private boolean ensure(int count) throws IOException {
    while (limit - pos < count) {
      if (!fill()) {
        return false;
      }
    }
    return true;
  }

  private InvalidEncodingException invalid(int index, String problem) {
    return new InvalidEncodingException(
        "invalid " + encodingName + " at byte offset " + (offsetOfBuffer + index) + ": " + problem);
  }
}
