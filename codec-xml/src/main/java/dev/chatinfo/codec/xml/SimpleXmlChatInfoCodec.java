package dev.chatinfo.codec.xml;

import dev.chatinfo.api.ChatInfo;
import dev.chatinfo.api.ChatInfoException;
import dev.chatinfo.api.codec.ChatInfoCodec;
import dev.chatinfo.api.codec.WireValues;
import dev.chatinfo.codec.xml.internal.InfoXmlReader;
import dev.chatinfo.codec.xml.internal.InfoXmlWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Objects;

/**
 * The XML codec: reads and writes chat information as the service's XML, with Simple XML (the
 * hardened {@code simple-xml-safe} fork) over the JDK's own StAX parser.
 *
 * <pre>{@code
 * ChatInfoCodec xml = new SimpleXmlChatInfoCodec();
 * ChatInfo info = xml.decode(body);      // <info><state>chatting</state>...</info>
 * xml.encode(info, out);
 * }</pre>
 *
 * <p>Decoding accepts every variation of the wire shape the service is known to send: the
 * {@code <info>} root or the full {@code <chat>} resource, repeated {@code <link href rel/>},
 * times as ISO-8601 or epoch milliseconds, state and typing in any case, unknown scalar elements
 * as {@linkplain ChatInfo#attributes() attributes} in wire order, unknown nested elements skipped,
 * any order, any whitespace, with or without an XML declaration, UTF-8 or UTF-16 with a byte-order
 * mark. It refuses, with {@link ChatInfoException.Kind#MALFORMED_RESPONSE} and a message naming the
 * field or the line and column, anything else: missing {@code state} or {@code chatSessionKey},
 * fields that do not parse, broken or truncated XML, trailing data, invalid encoding, nesting deeper
 * than {@value WireValues#MAX_DEPTH}, texts longer than {@value WireValues#MAX_TEXT_LENGTH}
 * characters, and any DOCTYPE or entity reference.
 *
 * <p>Security: the parser is always the JDK's own ({@code XMLInputFactory.newDefaultFactory()}),
 * never one found on the class path such as Woodstox, with DTDs, external entities and external
 * access off and a resolver that refuses; the DOCTYPE itself is refused as soon as it is read. No
 * entity is ever resolved and nothing is read from disk or network, whatever the body says.
 *
 * <p>Decoding streams from the body (no {@code String} of the whole body), through Simple XML's
 * node reader over the guarded JDK parser; the parsers are kept and reused between decodes (a
 * parser whose document failed is never reused). Encoding writes UTF-8
 * directly, escaping so that every character of every valid {@code ChatInfo} reads back
 * unchanged: {@code decode(encode(x)).equals(x)}. Neither closes the stream.
 *
 * <p>Stateless and thread-safe; registered for {@link java.util.ServiceLoader}, so
 * {@link dev.chatinfo.api.codec.ChatInfoCodecs#installed()} finds it.
 */
public final class SimpleXmlChatInfoCodec implements ChatInfoCodec {

  private static final String MEDIA_TYPE = "application/xml";

  private final InfoXmlReader reader = new InfoXmlReader();
  private final InfoXmlWriter writer = new InfoXmlWriter();

  /** Creates the codec: its reader (with its pool of parsers) and its writer. */
  public SimpleXmlChatInfoCodec() {
    // the fields are the whole configuration
  }

  /**
   * Returns {@code "application/xml"}.
   *
   * @return the media type this codec writes and asks for
   */
  @Override
  public String mediaType() {
    return MEDIA_TYPE;
  }

  /**
   * True for {@code application/xml}, {@code text/xml} and any {@code <type>/<subtype>+xml},
   * whatever the case and parameters.
   *
   * @param contentType a {@code Content-Type} header value, may be null
   * @return whether this codec reads such a body
   */
  @Override
  public boolean supports(String contentType) {
    return WireValues.isMediaTypeOf(contentType, "xml");
  }

  /**
   * Reads chat information from an XML body, streaming. Does not close the stream; reads it to the
   * end of the document (to refuse trailing data).
   *
   * @param body the body
   * @return the chat information
   * @throws ChatInfoException of kind {@code MALFORMED_RESPONSE}, naming the field or the line and
   *     column, if the body is not valid chat information
   */
  @Override
  public ChatInfo decode(InputStream body) {
    Objects.requireNonNull(body, "body");
    return reader.decode(body);
  }

  /**
   * Writes chat information as the service's XML, in UTF-8. Flushes the stream and leaves it open.
   *
   * @param info the chat information
   * @param out where to write
   * @throws UncheckedIOException if writing fails
   */
  @Override
  public void encode(ChatInfo info, OutputStream out) {
    Objects.requireNonNull(info, "info");
    Objects.requireNonNull(out, "out");
    try {
      writer.write(info, out);
    } catch (IOException e) {
      throw new UncheckedIOException("writing chat information as XML failed", e);
    }
  }

  @Override
  public String toString() {
    return "SimpleXmlChatInfoCodec[" + MEDIA_TYPE + "]";
  }
}
