package dev.chatinfo.codec.xml.internal;

import dev.chatinfo.api.ChatInfo;
import dev.chatinfo.api.ChatInfoException;
import dev.chatinfo.api.Link;
import dev.chatinfo.api.TypingStatus;
import dev.chatinfo.api.codec.WireValues;
import org.simpleframework.xml.stream.InputNode;

/**
 * Reads the {@code <info>} section, element by element in wire order, through Simple XML's
 * {@link InputNode}s, into a {@link ChatInfo}.
 *
 * <p>The root is {@code <info>}, or {@code <chat>} with one {@code <info>} among its children (the
 * others skipped). In {@code <info>}: the known fields ({@link ChatInfo#FIELD_NAMES}, compared
 * exactly) are read as text, each at most once, {@code <link href=".." rel=".."/>} as often as
 * sent (with {@code <href>}/{@code <rel>} children accepted too); any other element with text only
 * becomes an attribute (if its name can be one), and any other element with child elements is
 * skipped. Text fields are kept exactly as sent; numbers, times, state and typing are read by
 * {@link WireValues}, {@link TypingStatus#fromWire} and {@link ChatInfo.Builder#rawState}, which
 * ignore surrounding whitespace. Attributes of {@code <info>} are ignored.
 *
 * <p>Every refusal is a {@code MALFORMED_RESPONSE} naming the field and its line and column.
 * Stateless and thread-safe.
 */
final class InfoSectionReader {

  private static final int STATE = 0;
  private static final int CHAT_SESSION_KEY = 1;
  private static final int AGENT_NAME = 2;
  private static final int AGENT_ID = 3;
  private static final int START_TIME = 4;
  private static final int LAST_UPDATE = 5;
  private static final int CHAT_TIMEOUT = 6;
  private static final int VISITOR_ID = 7;
  private static final int AGENT_TYPING = 8;
  private static final int VISITOR_TYPING = 9;
  private static final int VISITOR_NAME = 10;
  private static final int RT_SESSION_ID = 11;
  private static final int PARTICIPANT_ID = 12;
  private static final int LINK = 13;
  private static final int UNKNOWN = -1;

  private static final System.Logger LOG = System.getLogger(InfoSectionReader.class.getName());

  /**
   * Reads a whole body from its root element, to the end of the root.
   *
   * @param root the root element
   * @return the document
   * @throws ChatInfoException (MALFORMED_RESPONSE) if it is not chat information
   * @throws Exception if the parser fails
   */
  WireDocument read(InputNode root) throws Exception {
    String name = root.getName();
    if ("info".equals(name)) {
      return new WireDocument(readInfo(root));
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
      return new WireDocument(info);
    }
    throw MalformedXml.malformed("no info section: the root element is <"
        + MalformedXml.name(name) + "> (at " + MalformedXml.at(root) + "), not <info> or <chat>",
        null);
  }

  private ChatInfo readInfo(InputNode info) throws Exception {
    ChatInfo.Builder builder = ChatInfo.builder();
    int seen = 0;
    int links = 0;
    for (InputNode child = info.getNext(); child != null; child = info.getNext()) {
      String name = child.getName();
      int field = field(name);
      if (field == LINK) {
        builder.link(readLink(child, ++links));
      } else if (field == UNKNOWN) {
        readOther(builder, child, name);
      } else {
        if ((seen & (1 << field)) != 0) {
          throw MalformedXml.malformed(
              "duplicate field " + name + " at " + MalformedXml.at(child), null);
        }
        seen |= 1 << field;
        set(builder, field, name, text(child, name), child);
      }
    }
    if ((seen & (1 << STATE)) == 0) {
      throw missing("state", info);
    }
    if ((seen & (1 << CHAT_SESSION_KEY)) == 0) {
      throw missing("chatSessionKey", info);
    }
    return builder.build();
  }

  private static ChatInfoException missing(String field, InputNode info) {
    return MalformedXml.malformed("missing " + field + ": <info> at " + MalformedXml.at(info)
        + " has no <" + field + ">", null);
  }

  private static int field(String name) {
    switch (name) {
      case "state":
        return STATE;
      case "chatSessionKey":
        return CHAT_SESSION_KEY;
      case "agentName":
        return AGENT_NAME;
      case "agentId":
        return AGENT_ID;
      case "startTime":
        return START_TIME;
      case "lastUpdate":
        return LAST_UPDATE;
      case "chatTimeout":
        return CHAT_TIMEOUT;
      case "visitorId":
        return VISITOR_ID;
      case "agentTyping":
        return AGENT_TYPING;
      case "visitorTyping":
        return VISITOR_TYPING;
      case "visitorName":
        return VISITOR_NAME;
      case "rtSessionId":
        return RT_SESSION_ID;
      case "participantId":
        return PARTICIPANT_ID;
      case "link":
        return LINK;
      default:
        return UNKNOWN;
    }
  }

  private static void set(ChatInfo.Builder builder, int field, String name, String text,
      InputNode element) {
    if (field == CHAT_SESSION_KEY && text.isEmpty()) {
      throw MalformedXml.at(element, "field chatSessionKey", "is empty");
    }
    try {
      switch (field) {
        case STATE:
          builder.rawState(text);
          break;
        case CHAT_SESSION_KEY:
          builder.chatSessionKey(text);
          break;
        case AGENT_NAME:
          builder.agentName(text);
          break;
        case AGENT_ID:
          builder.agentId(WireValues.parseLong(name, text));
          break;
        case START_TIME:
          builder.startTime(WireValues.parseTime(name, text));
          break;
        case LAST_UPDATE:
          builder.lastUpdate(WireValues.parseTime(name, text));
          break;
        case CHAT_TIMEOUT:
          builder.chatTimeout(WireValues.parseSeconds(name, text));
          break;
        case VISITOR_ID:
          builder.visitorId(WireValues.parseLong(name, text));
          break;
        case AGENT_TYPING:
          builder.agentTyping(TypingStatus.fromWire(text));
          break;
        case VISITOR_TYPING:
          builder.visitorTyping(TypingStatus.fromWire(text));
          break;
        case VISITOR_NAME:
          builder.visitorName(text);
          break;
        case RT_SESSION_ID:
          builder.rtSessionId(WireValues.parseLong(name, text));
          break;
        case PARTICIPANT_ID:
          builder.participantId(text);
          break;
        default:
          throw new IllegalStateException("not a text field: " + name);
      }
    } catch (ChatInfoException e) {
      throw MalformedXml.at(e, element);
    } catch (IllegalArgumentException e) {
      throw MalformedXml.at(element, "field " + name, e.getMessage());
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
