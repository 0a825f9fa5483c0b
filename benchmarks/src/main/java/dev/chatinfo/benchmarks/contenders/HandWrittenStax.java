package dev.chatinfo.benchmarks.contenders;

import com.ctc.wstx.stax.WstxInputFactory;
import com.ctc.wstx.stax.WstxOutputFactory;
import dev.chatinfo.api.ChatInfo;
import dev.chatinfo.api.Link;
import dev.chatinfo.api.TypingStatus;
import dev.chatinfo.benchmarks.Contender;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.XMLStreamWriter;

/**
 * A hand-written StAX cursor reader and writer, straight to and from the model, on the JDK's
 * built-in parser ({@link XMLInputFactory#newDefaultFactory()}) or on Woodstox. Both factories are
 * set up as a careful user would (no DTD, no external entities) and built once. Times with
 * {@link OffsetDateTime#parse}.
 */
public final class HandWrittenStax implements Contender {

  private final String name;
  private final XMLInputFactory input;
  private final XMLOutputFactory output;

  private HandWrittenStax(String name, XMLInputFactory input, XMLOutputFactory output) {
    this.name = name;
    input.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    input.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    this.input = input;
    this.output = output;
  }

  /**
   * On the JDK's own StAX.
   *
   * @return the contender
   */
  public static HandWrittenStax jdk() {
    return new HandWrittenStax("stax-jdk", XMLInputFactory.newDefaultFactory(),
        XMLOutputFactory.newDefaultFactory());
  }

  /**
   * On Woodstox.
   *
   * @return the contender
   */
  public static HandWrittenStax woodstox() {
    return new HandWrittenStax("stax-woodstox", new WstxInputFactory(), new WstxOutputFactory());
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public ChatInfo decode(InputStream body) throws XMLStreamException {
    XMLStreamReader r = input.createXMLStreamReader(body);
    try {
      r.nextTag();
      if (!r.getLocalName().equals("info")) {
        throw new XMLStreamException("not info: " + r.getLocalName());
      }
      ChatInfo.Builder b = ChatInfo.builder();
      while (r.nextTag() == XMLStreamConstants.START_ELEMENT) {
        String field = r.getLocalName();
        if (field.equals("link")) {
          b.link(new Link(r.getAttributeValue(null, "rel"), r.getAttributeValue(null, "href")));
          skip(r);
          continue;
        }
        String text = r.getElementText();
        switch (field) {
          case "state":
            b.rawState(text);
            break;
          case "chatSessionKey":
            b.chatSessionKey(text);
            break;
          case "agentName":
            b.agentName(text);
            break;
          case "agentId":
            b.agentId(Long.parseLong(text));
            break;
          case "startTime":
            b.startTime(OffsetDateTime.parse(text));
            break;
          case "lastUpdate":
            b.lastUpdate(OffsetDateTime.parse(text));
            break;
          case "chatTimeout":
            b.chatTimeout(Duration.ofSeconds(Long.parseLong(text)));
            break;
          case "visitorId":
            b.visitorId(Long.parseLong(text));
            break;
          case "agentTyping":
            b.agentTyping(TypingStatus.fromWire(text));
            break;
          case "visitorTyping":
            b.visitorTyping(TypingStatus.fromWire(text));
            break;
          case "visitorName":
            b.visitorName(text);
            break;
          case "rtSessionId":
            b.rtSessionId(Long.parseLong(text));
            break;
          case "participantId":
            b.participantId(text);
            break;
          default:
            b.attribute(field, text);
        }
      }
      return b.build();
    } finally {
      r.close();
    }
  }

  /** From a start tag to its end tag. */
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

  @Override
  public void encode(ChatInfo info, OutputStream out) throws XMLStreamException {
    XMLStreamWriter w = output.createXMLStreamWriter(out, "UTF-8");
    w.writeStartDocument("UTF-8", "1.0");
    w.writeStartElement("info");
    for (Link link : info.links()) {
      w.writeEmptyElement("link");
      w.writeAttribute("href", link.href());
      w.writeAttribute("rel", link.rel());
    }
    element(w, "state", info.rawState());
    element(w, "chatSessionKey", info.chatSessionKey());
    element(w, "agentName", info.agentName().orElse(null));
    if (info.agentId().isPresent()) {
      element(w, "agentId", Long.toString(info.agentId().getAsLong()));
    }
    element(w, "startTime", info.startTime().map(DateTimeFormatter.ISO_OFFSET_DATE_TIME::format).orElse(null));
    element(w, "lastUpdate", info.lastUpdate().map(DateTimeFormatter.ISO_OFFSET_DATE_TIME::format).orElse(null));
    if (info.chatTimeout().isPresent()) {
      element(w, "chatTimeout", Long.toString(info.chatTimeout().get().getSeconds()));
    }
    if (info.visitorId().isPresent()) {
      element(w, "visitorId", Long.toString(info.visitorId().getAsLong()));
    }
    if (info.agentTyping() != TypingStatus.UNKNOWN) {
      element(w, "agentTyping", info.agentTyping().wireValue());
    }
    if (info.visitorTyping() != TypingStatus.UNKNOWN) {
      element(w, "visitorTyping", info.visitorTyping().wireValue());
    }
    element(w, "visitorName", info.visitorName());
    if (info.rtSessionId().isPresent()) {
      element(w, "rtSessionId", Long.toString(info.rtSessionId().getAsLong()));
    }
    element(w, "participantId", info.participantId().orElse(null));
    for (Map.Entry<String, String> a : info.attributes().entrySet()) {
      element(w, a.getKey(), a.getValue());
    }
    w.writeEndElement();
    w.writeEndDocument();
    w.flush();
    w.close();
  }

  private static void element(XMLStreamWriter w, String name, String text) throws XMLStreamException {
    if (text != null) {
      w.writeStartElement(name);
      w.writeCharacters(text);
      w.writeEndElement();
    }
  }
}
