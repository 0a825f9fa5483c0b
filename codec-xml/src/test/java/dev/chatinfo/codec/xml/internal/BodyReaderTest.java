package dev.chatinfo.codec.xml.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** The body decoder finds the encoding as XML says, decodes strictly, and never closes the body. */
class BodyReaderTest {

  /** Hands out at most {@code chunk} bytes per read, as a network stream may. */
  private static InputStream chunked(byte[] bytes, int chunk) {
    return new ByteArrayInputStream(bytes) {
      @Override
      public synchronized int read(byte[] b, int off, int len) {
        return super.read(b, off, Math.min(len, chunk));
      }
    };
  }

  private static String readAll(Reader reader, int charsPerRead) throws IOException {
    StringBuilder out = new StringBuilder();
    char[] buffer = new char[charsPerRead];
    for (int n = reader.read(buffer, 0, charsPerRead); n >= 0;
        n = reader.read(buffer, 0, charsPerRead)) {
      out.append(buffer, 0, n);
    }
    return out.toString();
  }

  private static String read(byte[] bytes) throws IOException {
    return readAll(new BodyReader().reset(new ByteArrayInputStream(bytes)), 8192);
  }

  @Provide
  Arbitrary<String> unicode() {
    return Arbitraries.strings().all().ofMaxLength(40_000)
        .filter(s -> StandardCharsets.UTF_8.newEncoder().canEncode(s))
        .map(s -> "<" + s);
  }

  @Property(tries = 300)
  void decodesAnyUtf8TextWhateverTheChunksOfBytesAndChars(@ForAll("unicode") String text,
      @ForAll @IntRange(min = 1, max = 9000) int bytesPerRead,
      @ForAll @IntRange(min = 1, max = 9000) int charsPerRead) throws IOException {
    byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
    assertEquals(text, readAll(new BodyReader().reset(chunked(utf8, bytesPerRead)), charsPerRead));
  }

  @Property(tries = 2000)
  void agreesWithTheJdksStrictUtf8DecoderOnAnyBytes(@ForAll byte[] random) throws IOException {
    byte[] bytes = new byte[random.length + 1];
    bytes[0] = '<'; // not a byte-order mark nor a declaration: read as UTF-8
    System.arraycopy(random, 0, bytes, 1, random.length);
    String expected;
    try {
      expected = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      expected = null;
    }
    if (expected == null) {
      assertThrows(InvalidEncodingException.class, () -> readAll(
          new BodyReader().reset(chunked(bytes, 3)), 5), () -> Arrays.toString(bytes));
    } else {
      assertEquals(expected, readAll(new BodyReader().reset(chunked(bytes, 3)), 5));
    }
  }

  @Test
  void namesTheOffsetOfAnInvalidByte() {
    byte[] bytes = "<info>x".getBytes(StandardCharsets.US_ASCII);
    byte[] bad = Arrays.copyOf(bytes, bytes.length + 2);
    bad[bytes.length] = (byte) 0xE2;
    bad[bytes.length + 1] = (byte) 0x28;
    InvalidEncodingException e = assertThrows(InvalidEncodingException.class, () -> read(bad));
    assertTrue(e.getMessage().contains("invalid UTF-8 at byte offset " + (bytes.length + 1)), e.getMessage());
  }

  @Test
  void findsTheEncodingFromAByteOrderMark() throws IOException {
    String text = "<info>é😀</info>";
    assertEquals(text, read(withPrefix(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
        text.getBytes(StandardCharsets.UTF_8))));
    assertEquals(text, read(withPrefix(new byte[] {(byte) 0xFE, (byte) 0xFF},
        text.getBytes(StandardCharsets.UTF_16BE))));
    assertEquals(text, read(withPrefix(new byte[] {(byte) 0xFF, (byte) 0xFE},
        text.getBytes(StandardCharsets.UTF_16LE))));
  }

  @Test
  void findsUtf16WithoutAByteOrderMarkFromTheFirstCharacters() throws IOException {
    String text = "<?xml version=\"1.0\" encoding=\"UTF-16\"?><info>é</info>";
    assertEquals(text, read(text.getBytes(StandardCharsets.UTF_16BE)));
    assertEquals(text, read(text.getBytes(StandardCharsets.UTF_16LE)));
  }

  @Test
  void findsTheEncodingInTheXmlDeclaration() throws IOException {
    String latin1 = "<?xml version='1.0' encoding = \"ISO-8859-1\"?><info>é</info>";
    assertEquals(latin1, read(latin1.getBytes(StandardCharsets.ISO_8859_1)));
    String utf8 = "<?xml version='1.0'?><info>é</info>";
    assertEquals(utf8, read(utf8.getBytes(StandardCharsets.UTF_8)));
    String cut = "<?xml version='1.0' encoding='ISO-8859-1'";
    assertEquals(cut, read(cut.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void refusesAnEncodingItCannotRead() {
    String xml = "<?xml version='1.0' encoding='NO-SUCH-ENCODING'?><info/>";
    InvalidEncodingException e = assertThrows(InvalidEncodingException.class,
        () -> read(xml.getBytes(StandardCharsets.US_ASCII)));
    assertTrue(e.getMessage().contains("unsupported encoding \"NO-SUCH-ENCODING\""), e::getMessage);
  }

  @Test
  void refusesInvalidBytesInOtherEncodings() {
    byte[] loneSurrogate = {(byte) 0xFE, (byte) 0xFF, 0, '<', (byte) 0xD8, 0, 0, 'a'};
    InvalidEncodingException e = assertThrows(InvalidEncodingException.class,
        () -> read(loneSurrogate));
    assertTrue(e.getMessage().startsWith("invalid UTF-16BE at byte offset 4"), e::getMessage);
    byte[] oddLength = {(byte) 0xFE, (byte) 0xFF, 0, '<', 0};
    assertThrows(InvalidEncodingException.class, () -> read(oddLength));
  }

  @Test
  void neverClosesTheBody() throws IOException {
    boolean[] closed = {false};
    InputStream body = new ByteArrayInputStream("<info/>".getBytes(StandardCharsets.UTF_8)) {
      @Override
      public void close() {
        closed[0] = true;
      }
    };
    Reader reader = new BodyReader().reset(body);
    assertEquals("<info/>", readAll(reader, 100));
    reader.close();
    assertFalse(closed[0]);
    assertThrows(IOException.class, () -> reader.read(new char[1], 0, 1));
  }

  private static byte[] withPrefix(byte[] prefix, byte[] rest) {
    byte[] all = Arrays.copyOf(prefix, prefix.length + rest.length);
    System.arraycopy(rest, 0, all, prefix.length, rest.length);
    return all;
  }
}
