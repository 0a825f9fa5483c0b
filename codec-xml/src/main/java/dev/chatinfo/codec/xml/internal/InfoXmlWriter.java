package dev.chatinfo.codec.xml.internal;

import dev.chatinfo.api.ChatInfo;
import dev.chatinfo.api.Link;
import dev.chatinfo.api.TypingStatus;
import dev.chatinfo.api.codec.WireValues;
import java.io.IOException;
import java.io.OutputStream;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Writes a {@link ChatInfo} as the service's XML, in UTF-8:
 * {@code <?xml version="1.0" encoding="UTF-8"?><info><link href=".." rel=".."/>...<state>..</state>
 * <chatSessionKey>..</chatSessionKey>...</info>}, fields in the order the service uses, absent
 * optional fields and unknown typing left out, attributes last as elements of text.
 *
 * <p>Escaping is such that every character reads back as written: {@code & < >} as entities, a
 * carriage return as {@code &#13;} (a parser turns a raw one into a line feed), and in attribute
 * values also {@code "}, tab and line feed as references (a parser turns raw ones into spaces).
 * Simple XML's own writer does neither, so this codec writes XML itself, straight to bytes.
 *
 * <p>Never closes the stream; flushes it at the end. Stateless and thread-safe.
 */
public final class InfoXmlWriter {

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
    for (Link link : info.links()) {
      xml.ascii("<link href=\"").text(link.href(), true).ascii("\" rel=\"")
          .text(link.rel(), true).ascii("\"/>");
    }
    element(xml, "state", info.rawState());
    element(xml, "chatSessionKey", info.chatSessionKey());
    element(xml, "agentName", info.agentName());
    element(xml, "agentId", info.agentId());
    time(xml, "startTime", info.startTime());
    time(xml, "lastUpdate", info.lastUpdate());
    if (info.chatTimeout().isPresent()) {
      element(xml, "chatTimeout", Long.toString(info.chatTimeout().get().getSeconds()));
    }
    element(xml, "visitorId", info.visitorId());
    typing(xml, "agentTyping", info.agentTyping());
    typing(xml, "visitorTyping", info.visitorTyping());
    element(xml, "visitorName", info.visitorName());
    element(xml, "rtSessionId", info.rtSessionId());
    element(xml, "participantId", info.participantId());
    for (Map.Entry<String, String> attribute : info.attributes().entrySet()) {
      element(xml, attribute.getKey(), attribute.getValue());
    }
    xml.ascii("</info>").flush();
  }

  private static void element(Utf8Out xml, String name, String text) throws IOException {
    xml.ascii("<").ascii(name).ascii(">").text(text, false).ascii("</").ascii(name).ascii(">");
  }

  private static void element(Utf8Out xml, String name, Optional<String> text)
      throws IOException {
    if (text.isPresent()) {
      element(xml, name, text.get());
    }
  }

  private static void element(Utf8Out xml, String name, OptionalLong number) throws IOException {
    if (number.isPresent()) {
      element(xml, name, Long.toString(number.getAsLong()));
    }
  }

  private static void time(Utf8Out xml, String name, Optional<OffsetDateTime> time)
      throws IOException {
    if (time.isPresent()) {
      element(xml, name, WireValues.formatTime(time.get()));
    }
  }

  private static void typing(Utf8Out xml, String name, TypingStatus typing) throws IOException {
    if (typing != TypingStatus.UNKNOWN) {
      element(xml, name, typing.wireValue());
    }
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
