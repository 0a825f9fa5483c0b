package dev.chatinfo.testkit.reference;

import dev.chatinfo.api.ChatInfo;
import dev.chatinfo.api.ChatInfoException;
import dev.chatinfo.api.ChatInfoException.Kind;
import dev.chatinfo.api.Link;
import dev.chatinfo.api.TypingStatus;
import dev.chatinfo.api.codec.ChatInfoCodec;
import dev.chatinfo.api.codec.WireValues;
import dev.chatinfo.testkit.internal.WireWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * A tiny XML codec over the JDK's StAX parser: the reference that proves the codec contract can be
 * kept with the JDK alone, and the decoder of the reference source. Not a product.
 */
public final class StaxXmlCodec implements ChatInfoCodec {

  private static final XMLInputFactory FACTORY = factory();

  private static XMLInputFactory factory() {
    XMLInputFactory f = XMLInputFactory.newDefaultFactory();
    f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    f.setProperty(XMLInputFactory.IS_COALESCING, true);
    return f;
  }

  @Override
  public String mediaType() {
    return "application/xml";
  }

  @Override
  public boolean supports(String contentType) {
    return WireValues.isMediaTypeOf(contentType, "xml");
  }

  @Override
  public ChatInfo decode(InputStream body) {
    XMLStreamReader r = null;
    try {
      r = FACTORY.createXMLStreamReader(new java.io.FilterInputStream(body) {
        @Override
        public void close() {
          // the caller owns the body
        }
      });
      r.nextTag();
      ChatInfo result = null;
      if (r.getLocalName().equals("chat")) {
        while (r.nextTag() == XMLStreamConstants.START_ELEMENT) {
          if (r.getLocalName().equals("info") && result == null) {
            result = readInfo(r);
          } else {
            skip(r);
          }
        }
        if (result == null) {
          throw malformed("no info section in chat", null);
        }
      } else if (r.getLocalName().equals("info")) {
        result = readInfo(r);
      } else {
        throw malformed("root element " + r.getLocalName() + " is neither info nor chat", null);
      }
      while (r.hasNext()) {
        int event = r.next();
        if (event == XMLStreamConstants.DTD || event == XMLStreamConstants.START_ELEMENT
            || event == XMLStreamConstants.CHARACTERS && !r.isWhiteSpace()) {
          throw malformed("trailing data after the root element", null);
        }
      }
      return result;
    } catch (XMLStreamException e) {
      throw malformed(e.getMessage(), e);
    } catch (IllegalArgumentException | IllegalStateException e) {
      throw malformed(e.getMessage(), e);
    } finally {
      if (r != null) {
        try {
          r.close();
        } catch (XMLStreamException ignored) {
          // nothing to release
        }
      }
    }
  }

  private static ChatInfo readInfo(XMLStreamReader r) throws XMLStreamException {
    ChatInfo.Builder b = ChatInfo.builder();
    boolean state = false;
    boolean key = false;
    while (r.nextTag() == XMLStreamConstants.START_ELEMENT) {
      String name = r.getLocalName();
      switch (name) {
        case "link" -> {
          String href = r.getAttributeValue(null, "href");
          String rel = r.getAttributeValue(null, "rel");
          if (href == null || rel == null) {
            throw malformed("link without href or rel", null);
          }
          b.link(new Link(rel, href));
          skip(r);
        }
        case "state" -> {
          b.rawState(r.getElementText());
          state = true;
        }
        case "chatSessionKey" -> {
          b.chatSessionKey(r.getElementText());
          key = true;
        }
        case "agentName" -> b.agentName(r.getElementText());
        case "agentId" -> b.agentId(WireValues.parseLong(name, r.getElementText()));
        case "startTime" -> b.startTime(WireValues.parseTime(name, r.getElementText()));
        case "lastUpdate" -> b.lastUpdate(WireValues.parseTime(name, r.getElementText()));
        case "chatTimeout" -> b.chatTimeout(WireValues.parseSeconds(name, r.getElementText()));
        case "visitorId" -> b.visitorId(WireValues.parseLong(name, r.getElementText()));
        case "agentTyping" -> b.agentTyping(TypingStatus.fromWire(r.getElementText()));
        case "visitorTyping" -> b.visitorTyping(TypingStatus.fromWire(r.getElementText()));
        case "visitorName" -> b.visitorName(r.getElementText());
        case "rtSessionId" -> b.rtSessionId(WireValues.parseLong(name, r.getElementText()));
        case "participantId" -> b.participantId(r.getElementText());
        default -> readUnknown(r, b, name);
      }
    }
    if (!state) {
      throw malformed("missing state", null);
    }
    if (!key) {
      throw malformed("missing chatSessionKey", null);
    }
    return b.build();
  }

  /** A text-only element becomes an attribute; one with children is skipped. */
  private static void readUnknown(XMLStreamReader r, ChatInfo.Builder b, String name) throws XMLStreamException {
    StringBuilder text = new StringBuilder();
    boolean nested = false;
    int depth = 1;
    while (depth > 0) {
      int event = r.next();
      if (event == XMLStreamConstants.START_ELEMENT) {
        nested = true;
        depth++;
      } else if (event == XMLStreamConstants.END_ELEMENT) {
        depth--;
      } else if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA) {
        text.append(r.getText());
      }
    }
    if (!nested && ChatInfo.Builder.isAttributeName(name)) {
      b.attribute(name, text.toString());
    }
  }

  private static void skip(XMLStreamReader r) throws XMLStreamException {
    int depth = 1;
    while (depth > 0) {
      int event = r.next();
      if (event == XMLStreamConstants.START_ELEMENT) {
        depth++;
      } else if (event == XMLStreamConstants.END_ELEMENT) {
        depth--;
      }
    }
  }

  private static ChatInfoException malformed(String message, Throwable cause) {
    return new ChatInfoException(Kind.MALFORMED_RESPONSE, "malformed chat info XML: " + message, cause);
  }

  @Override
  public void encode(ChatInfo info, OutputStream out) {
    try {
      out.write(WireWriter.xml(info, Set.of()).getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
