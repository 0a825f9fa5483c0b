package dev.chatinfo.codec.xml.internal;

import dev.chatinfo.api.codec.WireValues;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import javax.xml.XMLConstants;
import javax.xml.stream.EventFilter;
import javax.xml.stream.StreamFilter;
import javax.xml.stream.XMLEventReader;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLReporter;
import javax.xml.stream.XMLResolver;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.util.XMLEventAllocator;
import javax.xml.transform.Source;
import javax.xml.transform.stream.StreamSource;

/**
 * The only source of XML parsers in this codec: the JDK's own StAX parser
 * ({@link XMLInputFactory#newDefaultFactory()}, whatever other provider is on the class path),
 * configured so that nothing outside the body is ever read, and every reader it makes
 * {@linkplain GuardedStreamReader guarded}.
 *
 * <p>The parser is set up with DTD support, external entities and entity replacement off,
 * external DTD and schema access denied, and a resolver that refuses; on top of that, the guard
 * refuses the DOCTYPE itself and any entity reference as soon as they are reported. Names are
 * limited to {@link WireValues#MAX_TEXT_LENGTH} characters by the parser. Bytes are decoded by
 * {@link BodyReader}, strictly; a reader's encoding is the caller's.
 *
 * <p>The configuration is fixed: every setter throws {@link IllegalStateException}. Readers made
 * elsewhere are not accepted ({@link #createXMLEventReader(XMLStreamReader)},
 * {@code createFilteredReader}), since they would not be guarded; sources are accepted only as a
 * {@link StreamSource} holding a stream or reader, never as a system id to fetch. Thread-safe:
 * the JDK's factory makes a new parser per call once configured; except a factory made to reuse
 * its parser (for a {@link ParserPool}), which serves one document at a time.
 */
public final class GuardedInputFactory extends XMLInputFactory {

  private static final String NAME_LIMIT = "jdk.xml.maxXMLNameLimit";
  /** The JDK factory's property that makes it hand out its last parser again once closed. */
  private static final String REUSE_INSTANCE = "reuse-instance";

  private final XMLInputFactory jdk;
  /** The reader of every document, when reusing; null otherwise. */
  private final BodyReader body;
  /** The JDK parser of the current document, when reusing. */
  private XMLStreamReader last;
  /** The guard of every document, when reusing. */
  private GuardedStreamReader guarded;

  /** Configures the JDK's parser. */
  public GuardedInputFactory() {
    this(false);
  }

  /**
   * Configures the JDK's parser, to make one new parser per call, or, for one slot of a
   * {@link ParserPool}, to reuse the same JDK parser and {@link BodyReader} document after
   * document ({@link #createXMLStreamReader(InputStream)} only). A reusing factory serves one
   * document at a time.
   *
   * @param reuse whether to reuse the parser of the last document, once {@link #finish()} ended it
   */
  GuardedInputFactory(boolean reuse) {
    this.jdk = configuredJdkFactory(reuse);
    this.body = reuse ? new BodyReader(null) : null;
  }

  /**
   * The JDK's own factory, configured so that nothing outside the body is ever read. With
   * {@code reuse}, the JDK's factory hands out the same parser again, {@code reset()}, once the
   * previous one was closed (its {@code reuse-instance} property): that saves most of what a new
   * parser costs (its buffers, scanners and symbol table), and is why such a factory serves one
   * document at a time.
   */
  private static XMLInputFactory configuredJdkFactory(boolean reuse) {
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
    if (reuse && factory.isPropertySupported(REUSE_INSTANCE)) {
      factory.setProperty(REUSE_INSTANCE, true);
    }
    factory.setXMLResolver(new RefusingResolver());
    return factory;
  }

  /**
   * Ends the document of a reusing factory: closes its JDK parser, which lets the JDK's factory
   * reset and hand it out again, and drops the body. Called only after a document was read to
   * its end without failure; a parser that failed is never closed, so never reused.
   */
  void finish() throws XMLStreamException {
    XMLStreamReader parser = last;
    last = null;
    if (body != null) {
      body.close();
    }
    if (parser != null) {
      parser.close();
    }
  }

  /** Forgets the document of a reusing factory without ending its parser, which is not reused. */
  void abandon() {
    last = null;
    if (body != null) {
      body.close();
    }
  }

  private static void setIfSupported(XMLInputFactory factory, String name, Object value) {
    if (factory.isPropertySupported(name)) {
      factory.setProperty(name, value);
    }
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

  @Override
  public XMLStreamReader createXMLStreamReader(InputStream stream) throws XMLStreamException {
    if (body == null) {
      return guard(jdk.createXMLStreamReader(new BodyReader(stream)));
    }
    last = jdk.createXMLStreamReader(body.reset(stream));
    guarded = guarded == null ? guard(last) : guarded.reset(last);
    return guarded;
  }

  @Override
  public XMLStreamReader createXMLStreamReader(InputStream stream, String encoding)
      throws XMLStreamException {
    return guard(jdk.createXMLStreamReader(new BodyReader(stream, charset(encoding))));
  }

  @Override
  public XMLStreamReader createXMLStreamReader(String systemId, InputStream stream)
      throws XMLStreamException {
    return guard(jdk.createXMLStreamReader(systemId, new BodyReader(stream)));
  }

  @Override
  public XMLStreamReader createXMLStreamReader(Reader reader) throws XMLStreamException {
    return guard(jdk.createXMLStreamReader(reader));
  }

  @Override
  public XMLStreamReader createXMLStreamReader(String systemId, Reader reader)
      throws XMLStreamException {
    return guard(jdk.createXMLStreamReader(systemId, reader));
  }

  @Override
  public XMLStreamReader createXMLStreamReader(Source source) throws XMLStreamException {
    if (source instanceof StreamSource) {
      StreamSource stream = (StreamSource) source;
      if (stream.getInputStream() != null) {
        return createXMLStreamReader(stream.getSystemId(), stream.getInputStream());
      }
      if (stream.getReader() != null) {
        return createXMLStreamReader(stream.getSystemId(), stream.getReader());
      }
    }
    throw new UnsupportedOperationException("only a StreamSource with a stream or a reader is"
        + " read: nothing is fetched by system id");
  }

  @Override
  public XMLEventReader createXMLEventReader(InputStream stream) throws XMLStreamException {
    return events(createXMLStreamReader(stream));
  }

  @Override
  public XMLEventReader createXMLEventReader(InputStream stream, String encoding)
      throws XMLStreamException {
    return events(createXMLStreamReader(stream, encoding));
  }

  @Override
  public XMLEventReader createXMLEventReader(String systemId, InputStream stream)
      throws XMLStreamException {
    return events(createXMLStreamReader(systemId, stream));
  }

  @Override
  public XMLEventReader createXMLEventReader(Reader reader) throws XMLStreamException {
    return events(createXMLStreamReader(reader));
  }

  @Override
  public XMLEventReader createXMLEventReader(String systemId, Reader reader)
      throws XMLStreamException {
    return events(createXMLStreamReader(systemId, reader));
  }

  @Override
  public XMLEventReader createXMLEventReader(Source source) throws XMLStreamException {
    return events(createXMLStreamReader(source));
  }

  /**
   * Makes events from a reader of this factory.
   *
   * @throws IllegalArgumentException if the reader was not made by this factory
   */
  @Override
  public XMLEventReader createXMLEventReader(XMLStreamReader reader) {
    return events(requireGuarded(reader));
  }

  /**
   * Filters a reader of this factory.
   *
   * @throws IllegalArgumentException if the reader was not made by this factory
   */
  @Override
  public XMLStreamReader createFilteredReader(XMLStreamReader reader, StreamFilter filter)
      throws XMLStreamException {
    return jdk.createFilteredReader(requireGuarded(reader), filter);
  }

  /**
   * Filters an event reader of this factory.
   *
   * @throws IllegalArgumentException if the reader was not made by this factory
   */
  @Override
  public XMLEventReader createFilteredReader(XMLEventReader reader, EventFilter filter)
      throws XMLStreamException {
    if (!(reader instanceof LightEventReader)) {
      throw new IllegalArgumentException("only event readers made by this factory are guarded");
    }
    return jdk.createFilteredReader(reader, filter);
  }

  @Override
  public XMLResolver getXMLResolver() {
    return jdk.getXMLResolver();
  }

  /** Refused: the configuration is fixed. */
  @Override
  public void setXMLResolver(XMLResolver resolver) {
    throw fixed();
  }

  @Override
  public XMLReporter getXMLReporter() {
    return jdk.getXMLReporter();
  }

  /** Refused: the configuration is fixed. */
  @Override
  public void setXMLReporter(XMLReporter reporter) {
    throw fixed();
  }

  /** Refused: the configuration is fixed. */
  @Override
  public void setProperty(String name, Object value) {
    throw fixed();
  }

  @Override
  public Object getProperty(String name) {
    return jdk.getProperty(name);
  }

  @Override
  public boolean isPropertySupported(String name) {
    return jdk.isPropertySupported(name);
  }

  /** Refused: the configuration is fixed (events are made by this factory's readers). */
  @Override
  public void setEventAllocator(XMLEventAllocator allocator) {
    throw fixed();
  }

  /**
   * None: the events are made by this factory's readers.
   *
   * @return null
   */
  @Override
  public XMLEventAllocator getEventAllocator() {
    return null;
  }

  private static GuardedStreamReader guard(XMLStreamReader parser) {
    return new GuardedStreamReader(parser);
  }

  private static LightEventReader events(XMLStreamReader reader) {
    return new LightEventReader((GuardedStreamReader) reader);
  }

  private static GuardedStreamReader requireGuarded(XMLStreamReader reader) {
    if (!(reader instanceof GuardedStreamReader)) {
      throw new IllegalArgumentException("only readers made by this factory are guarded");
    }
    return (GuardedStreamReader) reader;
  }

  private static Charset charset(String encoding) throws XMLStreamException {
    try {
      return Charset.forName(encoding);
    } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
      throw new XMLStreamException("unsupported encoding " + MalformedXml.quote(encoding), e);
    }
  }

  private static IllegalStateException fixed() {
    return new IllegalStateException("the configuration of this factory is fixed");
  }
}
