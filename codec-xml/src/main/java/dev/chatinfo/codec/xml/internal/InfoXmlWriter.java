package dev.chatinfo.codec.xml.internal;

import dev.chatinfo.api.ChatInfo;
import dev.chatinfo.api.Link;
import dev.chatinfo.api.codec.WireField;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;
import java.util.Optional;

/**
 * Writes a {@link ChatInfo} as the service's XML, in UTF-8:
 * {@code <?xml version="1.0" encoding="UTF-8"?><info><link href=".." rel=".."/>...<state>..</state>
 * <chatSessionKey>..</chatSessionKey>...</info>}: the fields of {@link WireField} in its order, each
 * as {@link WireField#wireText(ChatInfo)} gives it (what the wire leaves out left out), attributes
 * last as elements of text.
 *
 * <p>Escaping is such that every character reads back as written: {@code & < >} as entities, a
 * carriage return as {@code &#13;} (a parser turns a raw one into a line feed), and in attribute
 * values also {@code "}, tab and line feed as references (a parser turns raw ones into spaces).
 * Simple XML's own writer does neither, so this codec writes XML itself, straight to bytes.
 *
 * <p>Never closes the stream; flushes it at the end. Stateless and thread-safe.
 */
public final class InfoXmlWriter {

  /** The fields in the order they are written. */
  private static final WireField[] FIELDS = WireField.values();

  private static final byte[] PROLOG =
      ascii("<?xml version=\"1.0\" encoding=\"UTF-8\"?><info>");

  /** Creates the writer. */
  public InfoXmlWriter() {
    // nothing to configure
  }

  /**
   * Writes the chat information.
   *
   * @param info the chat information
   * @param out the stream, flushed and left open
   * @throws IOException if writing fails
   */
  public void write(ChatInfo info, OutputStream out) throws IOException {
    Utf8Out xml = new Utf8Out(out);
    xml.raw(PROLOG);
    for (WireField field : FIELDS) {
      if (field == WireField.LINK) {
        for (Link link : info.links()) {
          xml.ascii("<link href=\"").text(link.href(), true).ascii("\" rel=\"")
              .text(link.rel(), true).ascii("\"/>");
        }
      } else {
        Optional<String> text = field.wireText(info);
        if (text.isPresent()) {
          element(xml, field.wireName(), text.get());
        }
      }
    }
    for (Map.Entry<String, String> attribute : info.attributes().entrySet()) {
      element(xml, attribute.getKey(), attribute.getValue());
    }
    xml.ascii("</info>").flush();
  }

  private static void element(Utf8Out xml, String name, String text) throws IOException {
    xml.ascii("<").ascii(name).ascii(">").text(text, false).ascii("</").ascii(name).ascii(">");
  }

  private static byte[] ascii(String s) {
    byte[] bytes = new byte[s.length()];
    for (int i = 0; i < bytes.length; i++) {
      bytes[i] = (byte) s.charAt(i);
    }
    return bytes;
  }

  /** A buffer of UTF-8 bytes in front of the stream. */
  private static final class Utf8Out {
    private final OutputStream out;
    private final byte[] buffer = new byte[2048];
    private int size;

    Utf8Out(OutputStream out) {
      this.out = out;
    }

    Utf8Out raw(byte[] bytes) throws IOException {
      for (byte b : bytes) {
        put(b);
      }
      return this;
    }

    /** Text known to be ASCII (names, markup). */
    Utf8Out ascii(String s) throws IOException {
      for (int i = 0; i < s.length(); i++) {
        put((byte) s.charAt(i));
      }
      return this;
    }

    /** Any text of a {@link ChatInfo} (valid in XML: surrogates come in pairs), escaped. */
    Utf8Out text(String s, boolean attribute) throws IOException {
      for (int i = 0; i < s.length(); i++) {
        char c = s.charAt(i);
        if (c < 0x80) {
          switch (c) {
            case '&':
              ascii("&amp;");
              break;
            case '<':
              ascii("&lt;");
              break;
            case '>':
              ascii("&gt;");
              break;
            case '\r':
              ascii("&#13;");
              break;
            case '"':
              if (attribute) {
                ascii("&quot;");
              } else {
                put((byte) c);
              }
              break;
            case '\t':
              if (attribute) {
                ascii("&#9;");
              } else {
                put((byte) c);
              }
              break;
            case '\n':
              if (attribute) {
                ascii("&#10;");
              } else {
                put((byte) c);
              }
              break;
            default:
              put((byte) c);
          }
        } else if (c < 0x800) {
          put((byte) (0xC0 | (c >> 6)));
          put((byte) (0x80 | (c & 0x3F)));
        } else if (Character.isHighSurrogate(c) && i + 1 < s.length()
            && Character.isLowSurrogate(s.charAt(i + 1))) {
          int cp = Character.toCodePoint(c, s.charAt(++i));
          put((byte) (0xF0 | (cp >> 18)));
          put((byte) (0x80 | ((cp >> 12) & 0x3F)));
          put((byte) (0x80 | ((cp >> 6) & 0x3F)));
          put((byte) (0x80 | (cp & 0x3F)));
        } else if (Character.isSurrogate(c)) {
          throw new IllegalArgumentException(String.format(
              "an unpaired surrogate U+%04X at index %d cannot be written", (int) c, i));
        } else {
          put((byte) (0xE0 | (c >> 12)));
          put((byte) (0x80 | ((c >> 6) & 0x3F)));
          put((byte) (0x80 | (c & 0x3F)));
        }
      }
      return this;
    }

    private void put(byte b) throws IOException {
      if (size == buffer.length) {
        out.write(buffer, 0, size);
        size = 0;
      }
      buffer[size++] = b;
    }

    void flush() throws IOException {
      out.write(buffer, 0, size);
      size = 0;
      out.flush();
    }
  }
}
