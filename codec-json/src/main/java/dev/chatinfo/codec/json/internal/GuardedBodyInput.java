package dev.chatinfo.codec.json.internal;

import dev.chatinfo.api.codec.WireValues;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * The body as Moshi reads it, checked on the way in: every byte must be well-formed UTF-8, and no
 * string or bare literal may run long enough to be over {@link WireValues#MAX_TEXT_LENGTH}.
 *
 * <p>Both checks have to happen below Moshi. Okio decodes invalid UTF-8 to U+FFFD without a word,
 * and Moshi buffers a whole string (or number) in memory before handing it over, so a body made
 * of one endless string would be read to its end before any length check could run. The bytes
 * are checked in place, in the array Okio reads into: nothing is copied.
 *
 * <p>JSON strings are tracked with a three-state scanner (outside a string, inside, after a
 * backslash), which is exact for any valid JSON text (runs of ASCII inside a string are skipped
 * in one tight loop: most of a body is such runs); for an invalid one it may stop early or
 * late, and Moshi refuses the text anyway. A string of more than six bytes per allowed character
 * (the length of a JSON unicode escape: backslash, u, four hex digits) is certainly too long, so it is refused as soon
 * as it gets there, naming the byte where it starts; the exact character count is checked by the
 * reader once the string is read.
 *
 * <p>While the reader skips a value it does not know ({@link #tolerateLongValues}), long strings
 * and literals pass: the reader skips them without keeping them, so the body's own limit, not the
 * text limit, decides how long they may be. The reader turns this on only after it has read the
 * member's name, and Moshi reads at most a few segments ahead, far less than the limit: a long
 * value of a known field is never read while tolerated.
 *
 * <p>Not thread-safe: one per decode. Never closes the stream it wraps.
 */
public final class GuardedBodyInput extends InputStream {

  /** The most bytes a string can take and still decode to at most MAX_TEXT_LENGTH characters. */
  static final long MAX_STRING_BYTES = 6L * WireValues.MAX_TEXT_LENGTH;

  /** The most bytes of one literal outside strings (a number, {@code true}, ...). */
  static final long MAX_LITERAL_BYTES = WireValues.MAX_TEXT_LENGTH;

  /** Reads eight bytes of an array as one {@code long}, for the scan of string runs. */
  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final long ONES = 0x0101010101010101L;
  private static final long HIGH_BITS = 0x8080808080808080L;
  private static final long QUOTES = ONES * '"';
  private static final long BACKSLASHES = ONES * '\\';

  private static final int OUTSIDE = 0;
  private static final int IN_STRING = 1;
  private static final int AFTER_BACKSLASH = 2;

  private final InputStream in;

  /** Bytes read so far (the offset of the next byte). */
  private long offset;
  /** OUTSIDE, IN_STRING or AFTER_BACKSLASH. */
  private int lexical = OUTSIDE;
  /** Bytes of the current string, or of the current literal outside strings. */
  private long run;
  /** Offset of the current string's opening quote, or of the current literal's first byte. */
  private long runStart;
  /** Whether long strings and literals pass (the reader is skipping an unknown value). */
  private boolean tolerant;
  /** Continuation bytes still expected by the current UTF-8 sequence. */
  private int pending;
  /** The first byte of the current UTF-8 sequence, for the message. */
  private int lead;
  /** Offset of the first byte of the current UTF-8 sequence. */
  private long leadOffset;
  /** The range allowed for the next continuation byte. */
  private int low = 0x80;
  private int high = 0xBF;

  /**
   * Wraps a body.
   *
   * @param in the body; not closed by this stream
   */
  public GuardedBodyInput(InputStream in) {
    this.in = in;
  }

  /**
   * The number of bytes read from the body so far.
   *
   * @return the byte count, which is also the offset of the next byte
   */
  public long bytesRead() {
    return offset;
  }

  /**
   * Lets long strings and literals pass (or not) from now on: the reader is skipping a value it
   * does not know.
   *
   * @param tolerate whether to let them pass
   * @return whether they passed before, to restore when the skip ends
   */
  public boolean tolerateLongValues(boolean tolerate) {
    boolean was = tolerant;
    tolerant = tolerate;
    return was;
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    int n = read(one, 0, 1);
    return n < 0 ? -1 : one[0] & 0xFF;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    if (len == 0) {
      return 0;
    }
    int n;
    try {
      n = in.read(b, off, len);
    } catch (UncheckedIOException e) {
      throw e.getCause();
    } catch (RuntimeException e) {
      // A stream that fails unchecked still fails as I/O, reported as such by the reader.
      throw new IOException(e.getClass().getSimpleName() + ": " + e.getMessage(), e);
    }
    if (n < 0) {
      if (pending > 0) {
        throw new BodyRejectedException(leadOffset,
            "invalid UTF-8 at byte " + leadOffset + ": the body ends inside a "
                + sequenceLength(lead) + "-byte sequence");
      }
      return -1;
    }
    if (n > len || n == 0) {
      throw new IOException("the body's stream read " + n + " bytes when asked for " + len);
    }
    scan(b, off, n);
    return n;
  }

  @Override
  public int available() throws IOException {
    return in.available();
  }

  /** Does not close the body: the caller owns it. */
  @Override
  public void close() {}

  private void scan(byte[] b, int off, int n) throws BodyRejectedException {
    int lexical = this.lexical;
    long run = this.run;
    int pending = this.pending;
    int low = this.low;
    int high = this.high;
    long base = offset - off;
    int end = off + n;
    for (int i = off; i < end; i++) {
      int c = b[i];
      if (lexical == IN_STRING && pending == 0 && c >= 0 && c != '"' && c != '\\') {
        // The common case, inside a string: a run of ASCII bytes, none of which ends the string
        // or starts an escape, only counts towards the string's length.
        int j = i + 1;
        // Eight bytes at a time while none is non-ASCII, a quote or a backslash (the test may
        // flag a harmless byte too: the byte loop below then decides exactly).
        while (j <= end - 8 && isPlainStringRun((long) LONGS.get(b, j))) {
          j += 8;
        }
        while (j < end) {
          int d = b[j];
          if (d < 0 || d == '"' || d == '\\') {
            break;
          }
          j++;
        }
        long longer = run + (j - i);
        if (longer > MAX_STRING_BYTES && !tolerant) {
          throw tooLong(runStart, "a string");
        }
        run = longer;
        i = j - 1;
        continue;
      }
      if (pending > 0) {
        int u = c & 0xFF;
        if (u < low || u > high) {
          this.offset = base + i;
          throw badContinuation(u, base + i);
        }
        low = 0x80;
        high = 0xBF;
        pending--;
        // Counted in run below like any other byte of a string or literal.
      } else if (c < 0) {
        int u = c & 0xFF;
        lead = u;
        leadOffset = base + i;
        if (u < 0xC2) {
          throw new BodyRejectedException(base + i, "invalid UTF-8 at byte " + (base + i) + ": "
              + (u < 0xC0 ? "a continuation byte " + hex(u) + " without a lead byte"
                  : "an overlong encoding (lead byte " + hex(u) + ")"));
        } else if (u < 0xE0) {
          pending = 1;
        } else if (u < 0xF0) {
          pending = 2;
          if (u == 0xE0) {
            low = 0xA0;
          } else if (u == 0xED) {
            high = 0x9F;
          }
        } else if (u < 0xF5) {
          pending = 3;
          if (u == 0xF0) {
            low = 0x90;
          } else if (u == 0xF4) {
            high = 0x8F;
          }
        } else {
          throw new BodyRejectedException(base + i, "invalid UTF-8 at byte " + (base + i)
              + ": " + hex(u) + " never appears in UTF-8");
        }
      }
      // JSON lexical state: strings, and the literals between them.
      if (lexical == IN_STRING) {
        if (c == '"') {
          lexical = OUTSIDE;
          run = 0;
        } else {
          if (c == '\\') {
            lexical = AFTER_BACKSLASH;
          }
          if (++run > MAX_STRING_BYTES && !tolerant) {
            throw tooLong(runStart, "a string");
          }
        }
      } else if (lexical == AFTER_BACKSLASH) {
        lexical = IN_STRING;
        if (++run > MAX_STRING_BYTES && !tolerant) {
          throw tooLong(runStart, "a string");
        }
      } else if (c == '"') {
        lexical = IN_STRING;
        run = 0;
        runStart = base + i;
      } else if (c == '{' || c == '}' || c == '[' || c == ']' || c == ':' || c == ','
          || c == ' ' || c == '\n' || c == '\r' || c == '\t') {
        run = 0;
      } else {
        if (run == 0) {
          runStart = base + i;
        }
        if (++run > MAX_LITERAL_BYTES && !tolerant) {
          throw tooLong(runStart, "a literal");
        }
      }
    }
    this.offset = base + end;
    this.lexical = lexical;
    this.run = run;
    this.pending = pending;
    this.low = low;
    this.high = high;
  }

  /**
   * Whether eight bytes (read as one little-endian {@code long}) are certainly all ASCII and none
   * a quote or a backslash: the classic "has a zero byte" test applied to the bytes XOR each
   * character, which never misses one (and may flag a byte next to one).
   */
  private static boolean isPlainStringRun(long w) {
    long quote = w ^ QUOTES;
    long backslash = w ^ BACKSLASHES;
    long flags = w
        | ((quote - ONES) & ~quote)
        | ((backslash - ONES) & ~backslash);
    return (flags & HIGH_BITS) == 0;
  }

  private BodyRejectedException badContinuation(int u, long at) {
    String problem;
    if (u >= 0x80 && u <= 0xBF) {
      if (lead == 0xE0 || lead == 0xF0) {
        problem = "an overlong encoding";
      } else if (lead == 0xED) {
        problem = "a UTF-16 surrogate encoded in UTF-8";
      } else {
        problem = "a code point above U+10FFFF";
      }
    } else {
      problem = "a " + sequenceLength(lead) + "-byte sequence cut short by " + hex(u);
    }
    return new BodyRejectedException(leadOffset,
        "invalid UTF-8 at byte " + leadOffset + ": " + problem + " (byte " + at + ")");
  }

  private static BodyRejectedException tooLong(long at, String what) {
    return new BodyRejectedException(at, what + " longer than " + WireValues.MAX_TEXT_LENGTH
        + " characters, starting at byte " + at);
  }

  private static int sequenceLength(int lead) {
    return lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2;
  }

  private static String hex(int u) {
    return String.format("0x%02X", u);
  }
}
