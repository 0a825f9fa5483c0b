package dev.chatinfo.codec.xml.internal;

import dev.chatinfo.api.ChatInfo;
import dev.chatinfo.api.ChatInfoException;
import dev.chatinfo.api.Link;
import dev.chatinfo.api.codec.WireField;
import dev.chatinfo.api.codec.WireValues;
import java.io.InputStream;
import org.simpleframework.xml.stream.InputNode;
import org.simpleframework.xml.stream.NodeReader;

/**
 * Reads one XML body into a {@link ChatInfo}, streaming: a guarded JDK parser from the pool
 * ({@link ParserPool}) gives Simple XML's {@code NodeReader} its events ({@link CursorEvents}),
 * and the {@code <info>} section is read element by element, in wire order, through Simple XML's
 * {@link InputNode}s.
 *
 * <p>The root is {@code <info>}, or {@code <chat>} with one {@code <info>} among its children (the
 * others skipped). In {@code <info>}: the known fields ({@link WireField}, compared
 * exactly) are read as text, each at most once, {@code <link href=".." rel=".."/>} as often as
 * sent (with {@code <href>}/{@code <rel>} children accepted too); any other element with text only
 * becomes an attribute (if its name can be one), and any other element with child elements is
 * skipped. Text fields are kept exactly as sent; numbers, times, state and typing are read by
 * {@link WireField#setFromWire}, which ignores surrounding whitespace. Attributes of
 * {@code <info>} are ignored.
 *
 * <p>A tolerant reader: the text of an element it does not know never fails the decode for its
 * length; an attribute too long to keep is dropped with one DEBUG line that names the field, never
 * the value. Every refusal is a {@code MALFORMED_RESPONSE} naming the field and its line and
 * column. Thread-safe: each decode takes its own parser.
 */
public final class InfoXmlReader {

  /** One bit per required field, by ordinal. */
  private static final int REQUIRED = requiredBits();

  private static final System.Logger LOG = System.getLogger(InfoXmlReader.class.getName());

  private final ParserPool parsers = new ParserPool();

  /** Creates a reader with its own pool of parsers, empty until the first decode. */
  public InfoXmlReader() {
    // the pool is the whole state
  }

  /**
   * Reads a body to the end of its document (to refuse trailing data). Does not close it.
   *
   * @param body the body
   * @return the chat information
   * @throws ChatInfoException (MALFORMED_RESPONSE, naming the field or the line and column) if the
   *     body is not XML chat information; CANCELLED or TIMEOUT if reading it was interrupted
   */
  public ChatInfo decode(InputStream body) {
    ParserPool.Parser parser = parsers.acquire();
    boolean ended = false;
    try {
      ChatInfo info = read(new NodeReader(parser.open(body)).readRoot());
      parser.finish();
      ended = true;
      return info;
    } catch (ChatInfoException e) {
      throw e;
    } catch (Exception e) {
      throw MalformedXml.of(e);
    } finally {
      if (!ended) {
        parser.abandon();
      }
      parsers.release(parser);
    }
  }

  /** Reads a whole body from its root element, to the end of the root. */
  private static ChatInfo read(InputNode root) throws Exception {
    String name = root.getName();
    if ("info".equals(name)) {
      return readInfo(root);
    }
    if ("chat".equals(name)) {
      ChatInfo info = null;
      for (InputNode child = root.getNext(); child != null; child = root.getNext()) {
        if (!"info".equals(child.getName())) {
          child.skip();
        } else if (info != null) {
          throw MalformedXml.malformed("duplicate field info at " + MalformedXml.at(child), null);
        } else {
          info = readInfo(child);
        }
      }
      if (info == null) {
        throw MalformedXml.malformed(
            "no info section: <chat> at " + MalformedXml.at(root) + " has no <info>", null);
      }
      return info;
    }
    throw MalformedXml.malformed("no info section: the root element is <"
        + MalformedXml.name(name) + "> (at " + MalformedXml.at(root) + "), not <info> or <chat>",
        null);
  }

  private static ChatInfo readInfo(InputNode info) throws Exception {
    ChatInfo.Builder builder = ChatInfo.builder();
    int seen = 0;
    int links = 0;
    for (InputNode child = info.getNext(); child != null; child = info.getNext()) {
      String name = child.getName();
      WireField field = WireField.byWireName(name).orElse(null);
      if (field == null) {
        readOther(builder, child, name);
      } else if (field == WireField.LINK) {
        builder.link(readLink(child, ++links));
      } else {
        int bit = 1 << field.ordinal();
        if ((seen & bit) != 0) {
          throw MalformedXml.malformed(
              "duplicate field " + name + " at " + MalformedXml.at(child), null);
        }
        seen |= bit;
        set(builder, field, text(child, name), child);
      }
    }
    if ((seen & REQUIRED) != REQUIRED) {
      for (WireField field : WireField.values()) {
        if (field.isRequired() && (seen & (1 << field.ordinal())) == 0) {
          throw MalformedXml.malformed("missing " + field.wireName() + ": <info> at "
              + MalformedXml.at(info) + " has no <" + field.wireName() + ">", null);
        }
      }
    }
    return builder.build();
  }

  private static int requiredBits() {
    int bits = 0;
    for (WireField field : WireField.values()) {
      bits |= field.isRequired() ? 1 << field.ordinal() : 0;
    }
    return bits;
  }

  private static void set(ChatInfo.Builder builder, WireField field, String text, InputNode element) {
    try {
      field.setFromWire(builder, text);
    } catch (ChatInfoException e) {
      throw MalformedXml.at(e, element);
    } catch (IllegalArgumentException e) {
      throw MalformedXml.at(element, "field " + field.wireName(), e.getMessage());
    }
  }

  /** An element that is not a known field: an attribute if it has text only, else skipped. */
  private static void readOther(ChatInfo.Builder builder, InputNode element, String name)
      throws Exception {
    String value = element.getValue();
    InputNode inner = element.getNext();
    if (inner != null) {
      element.skip();
      return;
    }
    if (value != null && value.length() > WireValues.MAX_TEXT_LENGTH) {
      LOG.log(System.Logger.Level.DEBUG, () -> "chat info XML: dropped the unknown field <"
          + MalformedXml.name(name) + "> at " + MalformedXml.at(element) + ": its text is longer than "
          + WireValues.MAX_TEXT_LENGTH + " characters");
      return;
    }
    if (ChatInfo.Builder.isAttributeName(name)) {
      try {
        builder.attribute(name, value == null ? "" : value);
      } catch (IllegalArgumentException e) {
        throw MalformedXml.at(element, "field " + name, e.getMessage());
      }
    }
  }

  private static Link readLink(InputNode link, int index) throws Exception {
    String href = attribute(link, "href");
    String rel = attribute(link, "rel");
    for (InputNode child = link.getNext(); child != null; child = link.getNext()) {
      String name = child.getName();
      boolean isHref = "href".equals(name);
      if (isHref || "rel".equals(name)) {
        if (isHref ? href != null : rel != null) {
          throw MalformedXml.at(child, "field " + link(index), "duplicate " + name);
        }
        String value = text(child, link(index) + "." + name);
        if (isHref) {
          href = value;
        } else {
          rel = value;
        }
      } else {
        child.skip();
      }
    }
    if (href == null) {
      throw MalformedXml.at(link, "field " + link(index), "no href");
    }
    if (rel == null) {
      throw MalformedXml.at(link, "field " + link(index), "no rel");
    }
    try {
      return new Link(rel, href);
    } catch (IllegalArgumentException e) {
      throw MalformedXml.at(link, "field " + link(index), e.getMessage());
    }
  }

  /** The name of the index-th link (from 1, as in XPath) in messages. */
  private static String link(int index) {
    return "link[" + index + "]";
  }

  /**
   * An attribute of an element, read from its start tag ({@link CursorEvents.Start}, the
   * element's source): Simple XML itself is shown no attribute.
   */
  private static String attribute(InputNode element, String name) {
    return ((CursorEvents.Start) element.getSource()).attribute(name);
  }

  /** The text of an element that must have no child element; empty for an empty element. */
  private static String text(InputNode element, String field) throws Exception {
    String value = element.getValue();
    if (element.getNext() != null) {
      throw MalformedXml.at(element, "field " + field,
          "has child elements where only text is expected");
    }
    return value == null ? "" : value;
  }
}
