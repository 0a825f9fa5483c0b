package dev.chatinfo.codec.xml.internal;

import java.io.IOException;
import java.io.Writer;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import javax.xml.XMLConstants;
import javax.xml.namespace.NamespaceContext;
import javax.xml.namespace.QName;
import javax.xml.stream.Location;
import javax.xml.stream.XMLEventReader;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.events.Attribute;
import javax.xml.stream.events.Characters;
import javax.xml.stream.events.EndElement;
import javax.xml.stream.events.Namespace;
import javax.xml.stream.events.StartElement;
import javax.xml.stream.events.XMLEvent;

/**
 * The events Simple XML reads (start tags, text, end tags, the end of the document), made straight
 * from a {@link GuardedStreamReader} with as little allocation as the event API allows: no event
 * for comments, processing instructions or the start of the document (Simple XML skips them by
 * recursion, so a body of many comments could otherwise overflow its stack), and a text event
 * reads its characters only when asked, while it is still the current event (Simple XML asks
 * then, or never, as for the whitespace between tags).
 *
 * <p>When the root element closes, this reader reads the rest of the document at once, so that
 * trailing data (anything but whitespace, comments and processing instructions) fails the read
 * that ends the root, before the caller gets a result.
 *
 * <p>Namespace declarations are not reported as {@link Namespace} events, and an element's
 * {@link NamespaceContext} knows its own prefix only: the wire has no namespaces, and elements are
 * matched by local name. Not thread-safe.
 */
final class LightEventReader implements XMLEventReader {

  private final GuardedStreamReader cursor;
  private XMLEvent peeked;
  private boolean documentEnded;
  private boolean endDelivered;
  /** The number of events read from the cursor: tells whether a text event is still current. */
  private long serial;

  /**
   * Makes events from a guarded cursor that has not moved yet.
   *
   * @param cursor the cursor
   */
  LightEventReader(GuardedStreamReader cursor) {
    this.cursor = cursor;
  }

  @Override
  public XMLEvent nextEvent() throws XMLStreamException {
    if (peeked != null) {
      XMLEvent event = peeked;
      peeked = null;
      return event;
    }
    return read();
  }

  @Override
  public boolean hasNext() {
    return peeked != null || !endDelivered;
  }

  @Override
  public XMLEvent peek() throws XMLStreamException {
    if (peeked == null && !endDelivered) {
      peeked = read();
    }
    return peeked;
  }

  @Override
  public Object next() {
    try {
      return nextEvent();
    } catch (XMLStreamException e) {
      NoSuchElementException failure = new NoSuchElementException(e.getMessage());
      failure.initCause(e);
      throw failure;
    }
  }

  @Override
  public String getElementText() throws XMLStreamException {
    StringBuilder text = new StringBuilder();
    for (XMLEvent event = nextEvent(); !event.isEndElement(); event = nextEvent()) {
      if (!event.isCharacters()) {
        throw new XMLStreamException("an element where only text is expected",
            event.getLocation());
      }
      text.append(event.asCharacters().getData());
    }
    return text.toString();
  }

  @Override
  public XMLEvent nextTag() throws XMLStreamException {
    XMLEvent event = nextEvent();
    while (event.isCharacters() && event.asCharacters().isWhiteSpace()) {
      event = nextEvent();
    }
    if (!event.isStartElement() && !event.isEndElement()) {
      throw new XMLStreamException("expected a start or end tag", event.getLocation());
    }
    return event;
  }

  @Override
  public Object getProperty(String name) {
    return cursor.getProperty(name);
  }

  @Override
  public void close() throws XMLStreamException {
    cursor.close();
  }

  private XMLEvent read() throws XMLStreamException {
    if (documentEnded) {
      if (endDelivered) {
        throw new NoSuchElementException("the document has ended");
      }
      endDelivered = true;
      return new EndOfDocument(cursor.getLocation());
    }
    while (true) {
      int type = cursor.next();
      serial++;
      switch (type) {
        case XMLStreamConstants.START_ELEMENT:
          return new Start(cursor);
        case XMLStreamConstants.END_ELEMENT:
          End end = new End(cursor);
          if (cursor.depth() == 0) {
            readToEndOfDocument();
          }
          return end;
        case XMLStreamConstants.CHARACTERS:
        case XMLStreamConstants.CDATA:
        case XMLStreamConstants.SPACE:
          return new Text(this, serial, type);
        case XMLStreamConstants.END_DOCUMENT:
          documentEnded = true;
          endDelivered = true;
          return new EndOfDocument(cursor.getLocation());
        default:
          break; // comments and processing instructions: nothing to bind
      }
    }
  }

  private void readToEndOfDocument() throws XMLStreamException {
    while (cursor.hasNext()) {
      if (cursor.next() == XMLStreamConstants.END_DOCUMENT) {
        break;
      }
    }
    serial++;
    documentEnded = true;
  }

  private String textOf(long textSerial) {
    if (textSerial != serial) {
      throw new IllegalStateException("the characters of a text event were asked for after the"
          + " reader moved on");
    }
    return cursor.getText();
  }

  private static boolean isWhiteSpace(CharSequence text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
        return false;
      }
    }
    return true;
  }

  private static void escape(Writer out, String text, boolean attribute) throws IOException {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&':
          out.write("&amp;");
          break;
        case '<':
          out.write("&lt;");
          break;
        case '>':
          out.write("&gt;");
          break;
        case '"':
          out.write(attribute ? "&quot;" : "\"");
          break;
        case '\r':
          out.write("&#13;");
          break;
        case '\t':
          out.write(attribute ? "&#9;" : "\t");
          break;
        case '\n':
          out.write(attribute ? "&#10;" : "\n");
          break;
        default:
          out.write(c);
      }
    }
  }

  private static String qualified(QName name) {
    String prefix = name.getPrefix();
    return prefix.isEmpty() ? name.getLocalPart() : prefix + ':' + name.getLocalPart();
  }

  /** An event with the location where the parser reported it; also that location. */
  private abstract static class Event implements XMLEvent, Location {
    private final int line;
    private final int column;
    private final int offset;

    Event(Location location) {
      this.line = location.getLineNumber();
      this.column = location.getColumnNumber();
      this.offset = location.getCharacterOffset();
    }

    @Override
    public Location getLocation() {
      return this;
    }

    @Override
    public int getLineNumber() {
      return line;
    }

    @Override
    public int getColumnNumber() {
      return column;
    }

    @Override
    public int getCharacterOffset() {
      return offset;
    }

    @Override
    public String getPublicId() {
      return null;
    }

    @Override
    public String getSystemId() {
      return null;
    }

    @Override
    public boolean isStartElement() {
      return false;
    }

    @Override
    public boolean isAttribute() {
      return false;
    }

    @Override
    public boolean isNamespace() {
      return false;
    }

    @Override
    public boolean isEndElement() {
      return false;
    }

    @Override
    public boolean isEntityReference() {
      return false;
    }

    @Override
    public boolean isProcessingInstruction() {
      return false;
    }

    @Override
    public boolean isCharacters() {
      return false;
    }

    @Override
    public boolean isStartDocument() {
      return false;
    }

    @Override
    public boolean isEndDocument() {
      return false;
    }

    @Override
    public StartElement asStartElement() {
      throw new ClassCastException("not a start element: event type " + getEventType());
    }

    @Override
    public EndElement asEndElement() {
      throw new ClassCastException("not an end element: event type " + getEventType());
    }

    @Override
    public Characters asCharacters() {
      throw new ClassCastException("not characters: event type " + getEventType());
    }

    @Override
    public QName getSchemaType() {
      return null;
    }

    @Override
    public void writeAsEncodedUnicode(Writer writer) throws XMLStreamException {
      try {
        write(writer);
      } catch (IOException e) {
        throw new XMLStreamException(e);
      }
    }

    abstract void write(Writer writer) throws IOException;
  }

  /**
   * A start tag: its name, attributes and location, copied from the cursor. Its location is how
   * the codec names the position of a field in an error message.
   */
  private static final class Start extends Event implements StartElement, NamespaceContext {
    private final QName name;
    private final List<Attribute> attributes;

    Start(GuardedStreamReader cursor) {
      super(cursor.getLocation());
      this.name = cursor.getName();
      int count = cursor.getAttributeCount();
      if (count == 0) {
        attributes = List.of();
      } else {
        Attribute[] all = new Attribute[count];
        for (int i = 0; i < count; i++) {
          all[i] = new Attr(cursor.getAttributeName(i), cursor.getAttributeValue(i),
              cursor.getAttributeType(i), cursor.isAttributeSpecified(i), this);
        }
        attributes = List.of(all);
      }
    }

    @Override
    public int getEventType() {
      return XMLStreamConstants.START_ELEMENT;
    }

    @Override
    public boolean isStartElement() {
      return true;
    }

    @Override
    public StartElement asStartElement() {
      return this;
    }

    @Override
    public QName getName() {
      return name;
    }

    @Override
    public Iterator<Attribute> getAttributes() {
      return attributes.iterator();
    }

    @Override
    public Iterator<Namespace> getNamespaces() {
      return Collections.emptyIterator();
    }

    @Override
    public Attribute getAttributeByName(QName attributeName) {
      for (Attribute attribute : attributes) {
        if (attribute.getName().equals(attributeName)) {
          return attribute;
        }
      }
      return null;
    }

    @Override
    public NamespaceContext getNamespaceContext() {
      return this;
    }

    @Override
    public String getNamespaceURI(String prefix) {
      if (prefix == null) {
        throw new IllegalArgumentException("prefix must not be null");
      }
      if (prefix.equals(name.getPrefix())) {
        return name.getNamespaceURI();
      }
      if (prefix.equals(XMLConstants.XML_NS_PREFIX)) {
        return XMLConstants.XML_NS_URI;
      }
      if (prefix.equals(XMLConstants.XMLNS_ATTRIBUTE)) {
        return XMLConstants.XMLNS_ATTRIBUTE_NS_URI;
      }
      return null;
    }

    @Override
    public String getPrefix(String namespaceUri) {
      if (namespaceUri == null) {
        throw new IllegalArgumentException("namespace URI must not be null");
      }
      if (namespaceUri.equals(name.getNamespaceURI())) {
        return name.getPrefix();
      }
      if (namespaceUri.equals(XMLConstants.XML_NS_URI)) {
        return XMLConstants.XML_NS_PREFIX;
      }
      if (namespaceUri.equals(XMLConstants.XMLNS_ATTRIBUTE_NS_URI)) {
        return XMLConstants.XMLNS_ATTRIBUTE;
      }
      return null;
    }

    @Override
    public Iterator<String> getPrefixes(String namespaceUri) {
      String prefix = getPrefix(namespaceUri);
      return prefix == null ? Collections.emptyIterator() : List.of(prefix).iterator();
    }

    @Override
    void write(Writer writer) throws IOException {
      writer.write('<');
      writer.write(qualified(name));
      for (Attribute attribute : attributes) {
        writer.write(' ');
        writer.write(qualified(attribute.getName()));
        writer.write("=\"");
        escape(writer, attribute.getValue(), true);
        writer.write('"');
      }
      writer.write('>');
    }
  }

  /** An attribute of a start tag. */
  private static final class Attr extends Event implements Attribute {
    private final QName name;
    private final String value;
    private final String type;
    private final boolean specified;

    Attr(QName name, String value, String type, boolean specified, Location location) {
      super(location);
      this.name = name;
      this.value = value;
      this.type = type;
      this.specified = specified;
    }

    @Override
    public int getEventType() {
      return XMLStreamConstants.ATTRIBUTE;
    }

    @Override
    public boolean isAttribute() {
      return true;
    }

    @Override
    public QName getName() {
      return name;
    }

    @Override
    public String getValue() {
      return value;
    }

    @Override
    public String getDTDType() {
      return type;
    }

    @Override
    public boolean isSpecified() {
      return specified;
    }

    @Override
    void write(Writer writer) throws IOException {
      writer.write(qualified(name));
      writer.write("=\"");
      escape(writer, value, true);
      writer.write('"');
    }
  }

  /** An end tag. */
  private static final class End extends Event implements EndElement {
    private final QName name;

    End(GuardedStreamReader cursor) {
      super(cursor.getLocation());
      this.name = cursor.getName();
    }

    @Override
    public int getEventType() {
      return XMLStreamConstants.END_ELEMENT;
    }

    @Override
    public boolean isEndElement() {
      return true;
    }

    @Override
    public EndElement asEndElement() {
      return this;
    }

    @Override
    public QName getName() {
      return name;
    }

    @Override
    public Iterator<Namespace> getNamespaces() {
      return Collections.emptyIterator();
    }

    @Override
    void write(Writer writer) throws IOException {
      writer.write("</");
      writer.write(qualified(name));
      writer.write('>');
    }
  }

  /** Characters, read from the cursor on first use, which must come while they are current. */
  private static final class Text extends Event implements Characters {
    private final LightEventReader reader;
    private final long serial;
    private final int type;
    private String data;

    Text(LightEventReader reader, long serial, int type) {
      super(reader.cursor.getLocation());
      this.reader = reader;
      this.serial = serial;
      this.type = type;
    }

    @Override
    public int getEventType() {
      return type;
    }

    @Override
    public boolean isCharacters() {
      return true;
    }

    @Override
    public Characters asCharacters() {
      return this;
    }

    @Override
    public String getData() {
      if (data == null) {
        data = reader.textOf(serial);
      }
      return data;
    }

    @Override
    public boolean isWhiteSpace() {
      return LightEventReader.isWhiteSpace(getData());
    }

    @Override
    public boolean isCData() {
      return type == XMLStreamConstants.CDATA;
    }

    @Override
    public boolean isIgnorableWhiteSpace() {
      return type == XMLStreamConstants.SPACE;
    }

    @Override
    void write(Writer writer) throws IOException {
      escape(writer, getData(), false);
    }
  }

  /** The end of the document. */
  private static final class EndOfDocument extends Event {
    EndOfDocument(Location location) {
      super(location);
    }

    @Override
    public int getEventType() {
      return XMLStreamConstants.END_DOCUMENT;
    }

    @Override
    public boolean isEndDocument() {
      return true;
    }

    @Override
    void write(Writer writer) {
      // the end of a document has no text
    }
  }
}
