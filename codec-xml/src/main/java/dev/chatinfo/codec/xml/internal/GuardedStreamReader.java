package dev.chatinfo.codec.xml.internal;

import dev.chatinfo.api.codec.WireField;
import dev.chatinfo.api.codec.WireValues;
import javax.xml.stream.Location;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * A StAX cursor that refuses, as soon as the parser reports it, what this codec never accepts:
 * <ul>
 *   <li>a DOCTYPE (the {@code DTD} event), an entity or notation declaration, and any entity
 *       reference other than the five predefined ones and character references (which the parser
 *       replaces itself): no entity is ever resolved;</li>
 *   <li>nesting deeper than {@link WireValues#MAX_DEPTH} elements, the root counting as 1;</li>
 *   <li>the text of a known field (a field of {@code <info>}, or {@code href}/{@code rel} of one of
 *       its links) or an attribute value of a link longer than
 *       {@link WireValues#MAX_TEXT_LENGTH} characters, naming where the text starts. Names are
 *       bounded by the parser itself ({@code jdk.xml.maxXMLNameLimit}, set by
 *       {@link GuardedInputFactory}).</li>
 * </ul>
 * The text of any other element passes whatever its length: a tolerant reader never fails on a
 * field it does not know, and the body's limit decides. Such text is never kept whole:
 * {@link #isTextBeyondLimit()} tells the reader of events to stop handing it over.
 * Each refusal is a {@link RefusedXmlException} naming the line and column.
 *
 * <p>Not an {@link XMLStreamReader}: it offers only what {@link CursorEvents} reads, and the one
 * way to move the cursor, {@link #next()}, goes through the checks. Not thread-safe, like any
 * cursor.
 */
final class GuardedStreamReader {

  private XMLStreamReader parser;
  private final String[] path = new String[WireValues.MAX_DEPTH];
  private int depth;
  private long textRun;
  /** Whether the text of the current element is a known field's, and so limited. */
  private boolean limited;
  /** Where the current element's content starts, for a message. */
  private String contentStart = "";

  /**
   * Guards a cursor that has not moved yet.
   *
   * @param parser a cursor positioned at the start of the document
   */
  GuardedStreamReader(XMLStreamReader parser) {
    this.parser = parser;
  }

  /**
   * Guards the next document of a reused parser, which has not moved yet: as if new.
   *
   * @param parser a cursor positioned at the start of the document
   * @return this guard
   */
  GuardedStreamReader reset(XMLStreamReader parser) {
    this.parser = parser;
    depth = 0;
    textRun = 0;
    return this;
  }

  /**
   * The number of elements open at the cursor.
   *
   * @return the depth, 0 outside the root element
   */
  int depth() {
    return depth;
  }

  /**
   * Moves the cursor to the next event, refusing what the codec never accepts.
   *
   * @return the event, as {@link XMLStreamReader#next()}
   * @throws XMLStreamException if the parser fails, or a {@link RefusedXmlException}
   */
  int next() throws XMLStreamException {
    int event = parser.next();
    switch (event) {
      case XMLStreamConstants.START_ELEMENT:
        opened();
        break;
      case XMLStreamConstants.END_ELEMENT:
        depth--;
        textRun = 0;
        limited = false;
        break;
      case XMLStreamConstants.CHARACTERS:
      case XMLStreamConstants.CDATA:
      case XMLStreamConstants.SPACE:
        textRun += parser.getTextLength();
        if (textRun > WireValues.MAX_TEXT_LENGTH && limited) {
          throw new RefusedXmlException("text of " + MalformedXml.path(path, depth) + " starting at "
              + contentStart + ": longer than " + WireValues.MAX_TEXT_LENGTH + " characters, refused");
        }
        break;
      case XMLStreamConstants.DTD:
        throw refused("DOCTYPE", "refused: no DTD or entity is ever read");
      case XMLStreamConstants.ENTITY_REFERENCE:
        throw refused("entity reference &" + MalformedXml.name(getLocalName()) + ";",
            "refused: no entity is ever resolved");
      case XMLStreamConstants.ENTITY_DECLARATION:
      case XMLStreamConstants.NOTATION_DECLARATION:
        throw refused("declaration", "refused: no DTD or entity is ever read");
      default:
        break;
    }
    return event;
  }

  private void opened() throws XMLStreamException {
    if (depth == WireValues.MAX_DEPTH) {
      throw refused("element " + MalformedXml.path(path, depth) + "/"
          + MalformedXml.name(getLocalName()), "nesting deeper than " + WireValues.MAX_DEPTH
          + " elements refused");
    }
    String name = getLocalName();
    path[depth++] = name;
    textRun = 0;
    String link = WireField.LINK.wireName();
    limited = (depth >= 2 && isInfo(depth - 1) && WireField.byWireName(name).isPresent())
        || (depth >= 3 && isInfo(depth - 2) && path[depth - 2].equals(link)
            && (name.equals("href") || name.equals("rel")));
    contentStart = limited ? MalformedXml.at(getLocation()) : "";
    if (!(depth >= 2 && isInfo(depth - 1) && name.equals(link))) {
      return; // only a link's attributes are read
    }
    for (int i = 0, n = getAttributeCount(); i < n; i++) {
      if (getAttributeValue(i).length() > WireValues.MAX_TEXT_LENGTH) {
        throw refused("attribute " + MalformedXml.name(getAttributeLocalName(i)) + " of "
            + MalformedXml.path(path, depth), "a value longer than "
            + WireValues.MAX_TEXT_LENGTH + " characters refused");
      }
    }
  }

  /** Whether the element at {@code level} (1 for the root) is the info section. */
  private boolean isInfo(int level) {
    return path[level - 1].equals("info") && (level == 1 || (level == 2 && path[0].equals("chat")));
  }

  /**
   * Whether the text of the current element was already longer than
   * {@link WireValues#MAX_TEXT_LENGTH} characters before the current text event: an unknown
   * field's, since a known one's is refused. Its reader then keeps no more of it.
   *
   * @return whether the text is beyond the limit
   */
  boolean isTextBeyondLimit() {
    return textRun - parser.getTextLength() > WireValues.MAX_TEXT_LENGTH;
  }

  // What CursorEvents reads of the current event, as XMLStreamReader's methods of the same names.

  boolean hasNext() throws XMLStreamException {
    return parser.hasNext();
  }

  Location getLocation() {
    return parser.getLocation();
  }

  String getLocalName() {
    return parser.getLocalName();
  }

  String getPrefix() {
    return parser.getPrefix();
  }

  String getNamespaceURI() {
    return parser.getNamespaceURI();
  }

  int getAttributeCount() {
    return parser.getAttributeCount();
  }

  String getAttributeLocalName(int index) {
    return parser.getAttributeLocalName(index);
  }

  String getAttributeValue(int index) {
    return parser.getAttributeValue(index);
  }

  String getText() {
    return parser.getText();
  }

  private RefusedXmlException refused(String what, String problem) {
    return new RefusedXmlException(what + " at " + MalformedXml.at(getLocation()) + ": " + problem);
  }
}
