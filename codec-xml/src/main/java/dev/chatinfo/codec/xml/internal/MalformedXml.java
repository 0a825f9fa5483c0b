package dev.chatinfo.codec.xml.internal;

import dev.chatinfo.api.ChatInfoException;
import dev.chatinfo.api.ChatInfoException.Kind;
import dev.chatinfo.api.codec.WireValues;
import javax.xml.stream.Location;
import javax.xml.stream.XMLStreamException;
import org.simpleframework.xml.stream.InputNode;

/**
 * The {@link Kind#MALFORMED_RESPONSE} failures of the XML codec, and the pieces of their
 * messages: a position as {@code line L, column C}, an element path, a field. Messages quote at
 * most {@value WireValues#MAX_EXCERPT} characters of any value or name from the body, and at most
 * {@value #MAX_PARSER_MESSAGE} characters of a parser's own message.
 */
final class MalformedXml {

  /** The longest part of a parser's message kept in ours. */
  static final int MAX_PARSER_MESSAGE = 160;

  private static final int MAX_PATH = 200;

  private MalformedXml() {}

  /**
   * Turns any failure of a decode into the codec's failure: kept if it already is one; CANCELLED
   * for an interrupt while the body was read (TIMEOUT for a socket's read time-out); otherwise
   * a message with the position and what the parser said, and the failure as the cause.
   *
   * @param failure what the parser, the guard or Simple XML threw
   * @return the failure to throw
   */
  static ChatInfoException of(Throwable failure) {
    for (Throwable t = failure; t != null; t = next(t)) {
      if (t instanceof ChatInfoException) {
        return (ChatInfoException) t;
      }
      if (t instanceof java.net.SocketTimeoutException) {
        return new ChatInfoException(Kind.TIMEOUT, "reading the body timed out", failure);
      }
      if (t instanceof java.io.InterruptedIOException || t instanceof java.nio.channels.ClosedByInterruptException
          || (t instanceof java.io.IOException && Thread.currentThread().isInterrupted())) {
        // The caller gave up: the body was not malformed.
        return new ChatInfoException(Kind.CANCELLED, "reading the body was interrupted", failure);
      }
      if (t instanceof InvalidEncodingException || t instanceof RefusedXmlException) {
        return malformed(t.getMessage(), failure);
      }
    }
    if (failure instanceof XMLStreamException) {
      XMLStreamException parse = (XMLStreamException) failure;
      String where = parse.getLocation() == null ? "" : " at " + at(parse.getLocation());
      return malformed("malformed XML" + where + ": " + parserMessage(parse), failure);
    }
    return malformed("malformed XML: " + failure.getClass().getSimpleName()
        + (failure.getMessage() == null ? "" : " " + clean(failure.getMessage())), failure);
  }

  private static Throwable next(Throwable t) {
    if (t instanceof XMLStreamException && ((XMLStreamException) t).getNestedException() != null
        && ((XMLStreamException) t).getNestedException() != t.getCause()) {
      return ((XMLStreamException) t).getNestedException();
    }
    return t.getCause() == t ? null : t.getCause();
  }

  /** The parser's message without the location it prefixes in {@link XMLStreamException}. */
  private static String parserMessage(XMLStreamException e) {
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    int at = message.indexOf("Message: ");
    return clean(at < 0 ? message : message.substring(at + "Message: ".length()));
  }

  /**
   * A failure about one element of the body.
   *
   * @param element the element
   * @param what what is wrong, starting with what it is about ({@code "field agentId"})
   * @param problem the problem
   * @return the failure to throw
   */
  static ChatInfoException at(InputNode element, String what, String problem) {
    return malformed(what + " at " + at(element) + ": " + problem, null);
  }

  /**
   * Adds the position of an element to a failure about it that has none.
   *
   * @param failure a failure from {@link WireValues}, naming the field
   * @param element the element it is about
   * @return the failure to throw
   */
  static ChatInfoException at(ChatInfoException failure, InputNode element) {
    return new ChatInfoException(Kind.MALFORMED_RESPONSE,
        failure.getMessage() + " (at " + at(element) + ")", failure.getCause());
  }

  /**
   * A failure with a message and a cause.
   *
   * @param message the message
   * @param cause the cause, or null
   * @return the failure to throw
   */
  static ChatInfoException malformed(String message, Throwable cause) {
    return new ChatInfoException(Kind.MALFORMED_RESPONSE, message, cause);
  }

  /**
   * The position of an element, as {@code line L, column C} (of its start tag).
   *
   * @param element an element read through {@link CursorEvents}, whose source is its location
   * @return the position
   */
  static String at(InputNode element) {
    return at((Location) element.getSource());
  }

  /**
   * A location as {@code line L, column C}.
   *
   * @param location the location
   * @return the text
   */
  static String at(Location location) {
    return "line " + location.getLineNumber() + ", column " + location.getColumnNumber();
  }

  /**
   * A name from the body, for a message: at most {@value WireValues#MAX_EXCERPT} characters,
   * anything but printable ASCII escaped.
   *
   * @param name the name
   * @return the text
   */
  static String name(String name) {
    String excerpt = WireValues.excerpt(name);
    return excerpt.endsWith("...")
        ? excerpt.substring(1, excerpt.length() - 4) + "..."
        : excerpt.substring(1, excerpt.length() - 1);
  }

  /**
   * The path of the open elements, such as {@code /info/agentName}, cut after about
   * {@value #MAX_PATH} characters.
   *
   * @param path the names of the open elements, root first
   * @param depth how many are open
   * @return the path
   */
  static String path(String[] path, int depth) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < depth; i++) {
      if (out.length() > MAX_PATH) {
        return out.append("/...").toString();
      }
      out.append('/').append(name(path[i]));
    }
    return out.length() == 0 ? "/" : out.toString();
  }

  /**
   * A parser's message made safe for ours: printable ASCII only, at most
   * {@value #MAX_PARSER_MESSAGE} characters, and any quoted part or word (a name or value from the
   * body) cut after {@value WireValues#MAX_EXCERPT} characters.
   */
  private static String clean(String message) {
    StringBuilder out = new StringBuilder(Math.min(message.length(), MAX_PARSER_MESSAGE) + 8);
    boolean inQuotes = false;
    int quoted = 0;
    int word = 0;
    for (int i = 0; i < message.length() && out.length() < MAX_PARSER_MESSAGE; i++) {
      char c = message.charAt(i);
      boolean space = c == ' ' || c == '\n' || c == '\r' || c == '\t';
      word = space ? 0 : word + 1;
      if (c == '"') {
        inQuotes = !inQuotes;
        quoted = 0;
      } else if (inQuotes) {
        quoted++;
      }
      if (word > WireValues.MAX_EXCERPT || quoted > WireValues.MAX_EXCERPT) {
        if (word == WireValues.MAX_EXCERPT + 1 || quoted == WireValues.MAX_EXCERPT + 1) {
          out.append("...");
        }
        continue;
      }
      if (space) {
        out.append(' ');
      } else if (c >= 0x20 && c < 0x7f) {
        out.append(c);
      } else {
        out.append(String.format("\\u%04x", (int) c));
      }
    }
    return out.length() >= MAX_PARSER_MESSAGE ? out.append("...").toString() : out.toString();
  }
}
