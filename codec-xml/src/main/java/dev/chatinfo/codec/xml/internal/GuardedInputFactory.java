package dev.chatinfo.codec.xml.internal;

import dev.chatinfo.api.codec.WireValues;
import java.io.InputStream;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLResolver;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * The only source of XML parsers in this codec: the JDK's own StAX parser
 * ({@link XMLInputFactory#newDefaultFactory()}, whatever other provider is on the class path),
 * configured so that nothing outside the body is ever read, and every cursor it makes
 * {@linkplain GuardedStreamReader guarded}.
 *
 * <p>The parser is set up with DTD support, external entities and entity replacement off,
 * external DTD and schema access denied, and a resolver that refuses; on top of that, the guard
 * refuses the DOCTYPE itself and any entity reference as soon as they are reported. Names are
 * limited to {@link WireValues#MAX_TEXT_LENGTH} characters by the parser. Bytes are decoded by
 * {@link BodyReader}, strictly.
 *
 * <p>One factory is one slot of a {@link ParserPool}: it reuses the same JDK parser, guard and
 * {@link BodyReader} document after document, so it serves one document at a time. Not
 * thread-safe.
 */
final class GuardedInputFactory {

  private static final String NAME_LIMIT = "jdk.xml.maxXMLNameLimit";
  /** The JDK factory's property that makes it hand out its last parser again once closed. */
  private static final String REUSE_INSTANCE = "reuse-instance";

  private final XMLInputFactory jdk = configuredJdkFactory();
  /** The reader of every document. */
  private final BodyReader body = new BodyReader();
  /** The JDK parser of the current document. */
  private XMLStreamReader last;
  /** The guard of every document. */
  private GuardedStreamReader guarded;

  /**
   * The JDK's own factory, configured so that nothing outside the body is ever read. It hands
   * out the same parser again, {@code reset()}, once the previous one was closed (its
   * {@code reuse-instance} property): that saves most of what a new parser costs (its buffers,
   * scanners and symbol table), and is why a factory serves one document at a time.
   *
   * @return the configured factory
   */
  static XMLInputFactory configuredJdkFactory() {
    XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
    factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
    factory.setProperty(XMLInputFactory.IS_COALESCING, false);
    factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
    factory.setProperty(XMLInputFactory.IS_VALIDATING, false);
    setIfSupported(factory, XMLConstants.ACCESS_EXTERNAL_DTD, "");
    setIfSupported(factory, XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
    setIfSupported(factory, NAME_LIMIT, Integer.toString(WireValues.MAX_TEXT_LENGTH));
    setIfSupported(factory, REUSE_INSTANCE, true);
    factory.setXMLResolver(new RefusingResolver());
    return factory;
  }

  private static void setIfSupported(XMLInputFactory factory, String name, Object value) {
    if (factory.isPropertySupported(name)) {
      factory.setProperty(name, value);
    }
  }

  /**
   * Starts a document: the guarded cursor over the JDK parser, which has not moved yet.
   *
   * @param stream the body, not closed
   * @return the guarded cursor, the same object for every document of this factory
   * @throws XMLStreamException if the parser cannot start
   */
  GuardedStreamReader createXMLStreamReader(InputStream stream) throws XMLStreamException {
    last = jdk.createXMLStreamReader(body.reset(stream));
    guarded = guarded == null ? new GuardedStreamReader(last) : guarded.reset(last);
    return guarded;
  }

  /**
   * Ends a document: closes its JDK parser, which lets the JDK's factory reset and hand it out
   * again, and drops the body. Called only after a document was read to its end without
   * failure; a parser that failed is never closed, so never reused.
   *
   * @throws XMLStreamException if the parser cannot be closed
   */
  void finish() throws XMLStreamException {
    XMLStreamReader parser = last;
    last = null;
    body.close();
    if (parser != null) {
      parser.close();
    }
  }

  /** Forgets the document without ending its parser, which is not reused. */
  void abandon() {
    last = null;
    body.close();
  }

  /** Never called by a parser of this factory, and refuses if it ever is. */
  private static final class RefusingResolver implements XMLResolver {
    @Override
    public Object resolveEntity(String publicId, String systemId, String baseUri,
        String namespace) throws XMLStreamException {
      throw new RefusedXmlException("an external entity or DTD is refused: nothing is ever read"
          + " from outside the body");
    }
  }
}
