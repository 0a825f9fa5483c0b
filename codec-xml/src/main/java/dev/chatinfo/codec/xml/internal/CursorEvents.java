package dev.chatinfo.codec.xml.internal;

import java.util.Collections;
import java.util.Iterator;
import javax.xml.stream.Location;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import org.simpleframework.xml.stream.EventNode;
import org.simpleframework.xml.stream.EventReader;

/**
 * Simple XML's events ({@link EventReader}, the provider side of its {@code NodeReader}) read
 * straight from a {@link GuardedStreamReader}: one small node per start tag and per text (whose
 * characters are read only if asked for), one
 * shared node for every end tag. This replaces two layers of event objects (StAX's
 * {@code XMLEvent}s and Simple XML's wrappers of them) by one.
 *
 * <p>A start tag's node is its own {@linkplain #getSource() source} and {@link Location} (where
 * the parser reported the tag: how the codec names the position of a field), and holds the tag's
 * attributes itself ({@link Start#attribute(String)}); it reports none to Simple XML, which
 * binds no attribute in this codec (so no attribute, {@code class} included, can steer it).
 * Comments and processing instructions are not reported. When the root element ends, the rest
 * of the document is read at once, so that trailing data (anything but whitespace, comments and
 * processing instructions) fails the read that ends the root, before the caller has a result.
 *
 * <p>Not thread-safe: one per document.
 */
final class CursorEvents implements EventReader {

  /** Every end tag: Simple XML needs no more of it than what it is. */
  private static final EventNode END = new End();

  private final GuardedStreamReader cursor;
  private EventNode peeked;
  private boolean ended;
  /** The number of events read from the cursor: tells whether a text node is still current. */
  private long serial;

  /**
   * Reads events from a guarded cursor that has not moved yet.
   *
   * @param cursor the cursor
   */
  CursorEvents(GuardedStreamReader cursor) {
    this.cursor = cursor;
  }

  /**
   * Starts again on the next document of the same cursor, which has been
   * {@linkplain GuardedStreamReader#reset reset} to its start. The count of events goes on, so a
   * text node of an earlier document can never read a text of this one.
   *
   * @return this reader
   */
  CursorEvents reset() {
    peeked = null;
    ended = false;
    serial++;
    return this;
  }

  /** The cursor read. */
  GuardedStreamReader cursor() {
    return cursor;
  }

  @Override
  public EventNode next() throws XMLStreamException {
    EventNode node = peeked;
    if (node != null) {
      peeked = null;
      return node;
    }
    return read();
  }

  @Override
  public EventNode peek() throws XMLStreamException {
    if (peeked == null) {
      peeked = read();
    }
    return peeked;
  }

  /** The next node, or null at the end of the document. */
  private EventNode read() throws XMLStreamException {
    while (!ended) {
      int event = cursor.next();
      serial++;
      switch (event) {
        case XMLStreamConstants.START_ELEMENT:
          return new Start(cursor);
        case XMLStreamConstants.END_ELEMENT:
          if (cursor.depth() == 0) {
            readToEndOfDocument();
          }
          return END;
        case XMLStreamConstants.CHARACTERS:
        case XMLStreamConstants.CDATA:
        case XMLStreamConstants.SPACE:
          return new Text(this, serial);
        case XMLStreamConstants.END_DOCUMENT:
          ended = true;
          break;
        default:
          break; // comments and processing instructions: nothing to bind
      }
    }
    return null;
  }

  private void readToEndOfDocument() throws XMLStreamException {
    while (cursor.hasNext()) {
      if (cursor.next() == XMLStreamConstants.END_DOCUMENT) {
        break;
      }
    }
    serial++;
    ended = true;
  }

  private String textOf(long textSerial) {
    if (textSerial != serial) {
      throw new IllegalStateException("the characters of a text node were asked for after the"
          + " reader moved on");
    }
    // An unknown field's text beyond the limit is not kept: its reader drops it anyway.
    return cursor.isTextBeyondLimit() ? "" : cursor.getText();
  }

  /** What every node answers unless it says otherwise. */
  @SuppressWarnings("unchecked") // iterator(): see Node
  private abstract static class Node implements EventNode {
    @Override
    public int getLine() {
      return -1;
    }

    @Override
    public String getName() {
      return null;
    }

    @Override
    public String getValue() {
      return null;
    }

    @Override
    public String getReference() {
      return null;
    }

    @Override
    public String getPrefix() {
      return null;
    }

    @Override
    public Object getSource() {
      return null;
    }

    @Override
    public boolean isEnd() {
      return false;
    }

    @Override
    public boolean isStart() {
      return false;
    }

    @Override
    public boolean isText() {
      return false;
    }

    /**
     * No attribute is reported to Simple XML (its attribute type is not public); a start tag
     * keeps its own, see {@link Start#attribute(String)}.
     */
    @Override
    @SuppressWarnings("rawtypes")
    public Iterator iterator() {
      return Collections.emptyIterator();
    }
  }

  /**
   * A start tag: its name, its attributes and where the parser reported it, copied from the
   * cursor. Also its own location, for messages.
   */
  @SuppressWarnings("unchecked") // iterator(): see Node
  static final class Start extends Node implements Location {
    private final String name;
    private final String prefix;
    private final String reference;
    private final int line;
    private final int column;
    private final int offset;
    /** Local name, value, local name, value, ...; null for none. */
    private final String[] attributes;

    Start(GuardedStreamReader cursor) {
      Location location = cursor.getLocation();
      this.line = location.getLineNumber();
      this.column = location.getColumnNumber();
      this.offset = location.getCharacterOffset();
      this.name = cursor.getLocalName();
      this.prefix = orEmpty(cursor.getPrefix());
      this.reference = orEmpty(cursor.getNamespaceURI());
      int count = cursor.getAttributeCount();
      if (count == 0) {
        attributes = null;
      } else {
        attributes = new String[2 * count];
        for (int i = 0; i < count; i++) {
          attributes[2 * i] = cursor.getAttributeLocalName(i);
          attributes[2 * i + 1] = cursor.getAttributeValue(i);
        }
      }
    }

    private static String orEmpty(String s) {
      return s == null ? "" : s;
    }

    /**
     * The value of an attribute of this tag, by local name (the last one, if several prefixes
     * give the same local name).
     *
     * @param localName the attribute's local name
     * @return its value, or null if the tag has no such attribute
     */
    String attribute(String localName) {
      String value = null;
      if (attributes != null) {
        for (int i = 0; i < attributes.length; i += 2) {
          if (attributes[i].equals(localName)) {
            value = attributes[i + 1];
          }
        }
      }
      return value;
    }

    @Override
    public boolean isStart() {
      return true;
    }

    @Override
    public String getName() {
      return name;
    }

    @Override
    public String getPrefix() {
      return prefix;
    }

    @Override
    public String getReference() {
      return reference;
    }

    @Override
    public int getLine() {
      return line;
    }

    /** This tag, which is also its location. */
    @Override
    public Object getSource() {
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
  }

  /**
   * Characters between tags, read from the cursor on first use, which must come while they are
   * current: Simple XML asks then, or never (as for the whitespace between tags).
   */
  @SuppressWarnings("unchecked") // iterator(): see Node
  private static final class Text extends Node {
    private final CursorEvents events;
    private final long serial;
    private String value;

    Text(CursorEvents events, long serial) {
      this.events = events;
      this.serial = serial;
    }

    @Override
    public boolean isText() {
      return true;
    }

    @Override
    public String getValue() {
      if (value == null) {
        value = events.textOf(serial);
      }
      return value;
    }
  }

  /** An end tag. */
  @SuppressWarnings("unchecked") // iterator(): see Node
  private static final class End extends Node {
    @Override
    public boolean isEnd() {
      return true;
    }
  }
}
