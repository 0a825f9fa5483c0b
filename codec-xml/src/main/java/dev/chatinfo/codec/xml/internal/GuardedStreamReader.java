package dev.chatinfo.codec.xml.internal;

import dev.chatinfo.api.codec.WireField;
import dev.chatinfo.api.codec.WireValues;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.util.StreamReaderDelegate;

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
 * Each refusal is a {@link RefusedXmlException} naming the line and column. Every way to move the
 * cursor ({@link #next()}, {@link #nextTag()}, {@link #getElementText()}) goes through the checks.
 *
 * <p>Not thread-safe, like any cursor.
 */
final class GuardedStreamReader extends StreamReaderDelegate {

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
    super(parser);
  }

  /**
   * Guards the next document of a reused parser, which has not moved yet: as if new.
   *
   * @param parser a cursor positioned at the start of the document
   * @return this guard
   */
  GuardedStreamReader reset(XMLStreamReader parser) {
    setParent(parser);
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

  @Override
  public int next() throws XMLStreamException {
    int event = super.next();
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
        textRun += getTextLength();
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
    return textRun - getTextLength() > WireValues.MAX_TEXT_LENGTH;
  }

  /** As {@link XMLStreamReader#nextTag()} specifies, through the checks of {@link #next()}. */
  @Override
  public int nextTag() throws XMLStreamException {
    int event = next();
    while ((event == XMLStreamConstants.CHARACTERS && isWhiteSpace())
        || (event == XMLStreamConstants.CDATA && isWhiteSpace())
        || event == XMLStreamConstants.SPACE
        || event == XMLStreamConstants.PROCESSING_INSTRUCTION
        || event == XMLStreamConstants.COMMENT) {
      event = next();
    }
    if (event != XMLStreamConstants.START_ELEMENT && event != XMLStreamConstants.END_ELEMENT) {
      throw new XMLStreamException("expected a start or end tag", getLocation());
    }
    return event;
  }

  /** As {@link XMLStreamReader#getElementText()} specifies, through the checks of {@link #next()}. */
  @Override
  public String getElementText() throws XMLStreamException {
    if (getEventType() != XMLStreamConstants.START_ELEMENT) {
      throw new XMLStreamException("not at a start tag", getLocation());
    }
    StringBuilder text = new StringBuilder();
    int event = next();
    while (event != XMLStreamConstants.END_ELEMENT) {
      if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA
          || event == XMLStreamConstants.SPACE) {
        text.append(getTextCharacters(), getTextStart(), getTextLength());
      } else if (event != XMLStreamConstants.PROCESSING_INSTRUCTION
          && event != XMLStreamConstants.COMMENT) {
        throw new XMLStreamException("an element where only text is expected", getLocation());
      }
      event = next();
    }
    return text.toString();
  }

  private RefusedXmlException refused(String what, String problem) {
    return new RefusedXmlException(what + " at " + MalformedXml.at(getLocation()) + ": " + problem);
  }
}
