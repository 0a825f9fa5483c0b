package dev.chatinfo.codec.json.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The guard sees every quote, backslash and non-ASCII byte of a string wherever it stands, also
 * where runs of plain ASCII are skipped eight bytes at a time, and however the body is chunked.
 */
class GuardedBodyInputTest {

  private static final int[] CHUNKS = {1, 3, 7, 8, 9, 64, 8192};

  private static byte[] ascii(int n) {
    byte[] a = new byte[n];
    Arrays.fill(a, (byte) 'a');
    return a;
  }

  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      out.writeBytes(p);
    }
    return out.toByteArray();
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  /** Reads a body through the guard in chunks of a size; returns the bytes read. */
  private static long readAll(byte[] body, int chunk) throws IOException {
    InputStream in = new GuardedBodyInput(new ByteArrayInputStream(body));
    byte[] buffer = new byte[chunk];
    long total = 0;
    for (int n = in.read(buffer, 0, chunk); n >= 0; n = in.read(buffer, 0, chunk)) {
      total += n;
    }
    return total;
  }

  @Test
  void readsAValidBodyWhole() throws IOException {
    byte[] body = bytes("{\"info\": {\"visitorName\": \"Zo\u00eb M\u00fcller \\\"Z\\\" \\\\ x\","
        + " \"link\": [{\"@href\": \"https://example.com/a/b/c/d/e/f/g/h\"}]}}");
    for (int chunk : CHUNKS) {
      assertEquals(body.length, readAll(body, chunk));
    }
  }

  @Test
  void refusesAStringOneByteTooLongNamingWhereItStarts() throws IOException {
    long max = GuardedBodyInput.MAX_STRING_BYTES;
    byte[] fits = concat(bytes("[\""), ascii((int) max), bytes("\"]"));
    byte[] over = concat(bytes("[\""), ascii((int) max + 1), bytes("\"]"));
    for (int chunk : CHUNKS) {
      assertEquals(fits.length, readAll(fits, chunk));
      BodyRejectedException e = assertThrows(BodyRejectedException.class, () -> readAll(over, chunk));
      assertTrue(e.getMessage().contains("starting at byte 1"), e::getMessage);
    }
  }

  @Test
  void seesAnEscapedQuoteAtEveryAlignment() {
    long max = GuardedBodyInput.MAX_STRING_BYTES;
    for (int at = 0; at < 17; at++) {
      // The escaped quote does not end the string: the whole run is one string, too long.
      byte[] body = concat(bytes("[\""), ascii(at), bytes("\\\""), ascii((int) max), bytes("\"]"));
      for (int chunk : CHUNKS) {
        BodyRejectedException e = assertThrows(BodyRejectedException.class, () -> readAll(body, chunk));
        assertTrue(e.getMessage().contains("starting at byte 1"), e::getMessage);
      }
    }
  }

  @Test
  void seesAClosingQuoteAtEveryAlignment() throws IOException {
    long max = GuardedBodyInput.MAX_STRING_BYTES;
    for (int at = 0; at < 17; at++) {
      // Two strings, each short enough.
      byte[] body = concat(bytes("[\""), ascii(at), bytes("\",\""), ascii((int) max), bytes("\"]"));
      for (int chunk : CHUNKS) {
        assertEquals(body.length, readAll(body, chunk));
      }
    }
  }

  @Test
  void seesInvalidUtf8AtEveryAlignment() {
    for (int at = 0; at < 17; at++) {
      byte[] body = concat(bytes("[\""), ascii(at), new byte[] {(byte) 0xC3, (byte) 'x'},
          ascii(40), bytes("\"]"));
      for (int chunk : CHUNKS) {
        BodyRejectedException e = assertThrows(BodyRejectedException.class, () -> readAll(body, chunk));
        assertTrue(e.getMessage().contains("invalid UTF-8 at byte " + (2 + at)), e::getMessage);
      }
    }
  }
}
