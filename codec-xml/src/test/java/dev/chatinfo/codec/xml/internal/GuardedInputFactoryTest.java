package dev.chatinfo.codec.xml.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLEventReader;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.events.StartElement;
import javax.xml.stream.events.XMLEvent;
import javax.xml.stream.util.StreamReaderDelegate;
import javax.xml.transform.stream.StreamSource;
import org.junit.jupiter.api.Test;

/** The factory gives only guarded JDK parsers, whatever else is installed, and cannot be changed. */
class GuardedInputFactoryTest {

  private final GuardedInputFactory factory = new GuardedInputFactory();

  private XMLStreamReader reader(String xml) throws XMLStreamException {
    return factory.createXMLStreamReader(
        new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void parsesWithTheJdksOwnParserWhateverProviderIsInstalled() throws XMLStreamException {
    XMLStreamReader reader = reader("<info/>");
    assertTrue(reader instanceof GuardedStreamReader);
    String parser = ((StreamReaderDelegate) reader).getParent().getClass().getName();
    assertTrue(parser.startsWith("com.sun.org.apache.xerces.internal."), parser);
  }

  @Test
  void hasDtdsAndExternalEntitiesOffAndARefusingResolver() {
    assertEquals(Boolean.FALSE, factory.getProperty(XMLInputFactory.SUPPORT_DTD));
    assertEquals(Boolean.FALSE, factory.getProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES));
    assertEquals(Boolean.FALSE, factory.getProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES));
    // ACCESS_EXTERNAL_DTD and ACCESS_EXTERNAL_SCHEMA are set too, but the JDK's factory does not
    // report them back (getProperty answers null): XmlHardeningTest shows nothing is fetched.
    assertTrue(factory.isPropertySupported(XMLConstants.ACCESS_EXTERNAL_DTD));
    assertThrows(RefusedXmlException.class,
        () -> factory.getXMLResolver().resolveEntity(null, "file:///etc/hostname", null, null));
  }

  @Test
  void cannotBeReconfigured() {
    assertThrows(IllegalStateException.class,
        () -> factory.setProperty(XMLInputFactory.SUPPORT_DTD, true));
    assertThrows(IllegalStateException.class, () -> factory.setXMLResolver((p, s, b, n) -> null));
    assertThrows(IllegalStateException.class, () -> factory.setXMLReporter((m, t, i, l) -> { }));
    assertThrows(IllegalStateException.class, () -> factory.setEventAllocator(null));
  }

  @Test
  void guardsOnlyWhatItMakes() throws XMLStreamException {
    XMLStreamReader foreign = XMLInputFactory.newDefaultFactory()
        .createXMLStreamReader(new StringReader("<info/>"));
    assertThrows(IllegalArgumentException.class, () -> factory.createXMLEventReader(foreign));
    assertThrows(IllegalArgumentException.class, () -> factory.createFilteredReader(foreign,
        r -> true));
    assertThrows(UnsupportedOperationException.class,
        () -> factory.createXMLStreamReader(new StreamSource("file:///etc/hostname")));
    XMLStreamReader filtered = factory.createFilteredReader(reader("<a><b/></a>"),
        r -> r.getEventType() == XMLStreamConstants.START_ELEMENT);
    assertEquals("a", filtered.getLocalName());
  }

  @Test
  void refusesADoctypeHoweverTheCursorMoves() throws XMLStreamException {
    String doctype = "<!DOCTYPE a [<!ENTITY x \"y\">]><a>&x;</a>";
    assertThrows(RefusedXmlException.class, () -> reader(doctype).next());
    assertThrows(RefusedXmlException.class, () -> reader(doctype).nextTag());
    XMLStreamReader atA = reader("<a>t&x;</a>");
    atA.next();
    assertThrows(RefusedXmlException.class, atA::getElementText);
    XMLStreamReader fromReader = factory.createXMLStreamReader(new StringReader(doctype));
    assertThrows(RefusedXmlException.class, fromReader::next);
  }

  @Test
  void readsTextAndTagsLikeAnyStaxCursor() throws XMLStreamException {
    XMLStreamReader reader = reader("<a> <!-- c --> <b>x<![CDATA[y]]>z</b></a>");
    assertEquals(XMLStreamConstants.START_ELEMENT, reader.nextTag());
    assertEquals(XMLStreamConstants.START_ELEMENT, reader.nextTag());
    assertEquals("xyz", reader.getElementText());
    assertEquals(XMLStreamConstants.END_ELEMENT, reader.nextTag());
    assertEquals("a", reader.getLocalName());
  }

  @Test
  void makesEventsLikeAnyStaxEventReader() throws XMLStreamException {
    XMLEventReader events = factory.createXMLEventReader(new StringReader(
        "<?xml version='1.0'?><!-- c --><p:a xmlns:p='urn:p' k='v&amp;'> <b>x&lt;<?pi?>y</b></p:a>"));
    XMLEvent first = events.peek();
    assertTrue(first.isStartElement());
    StartElement a = events.nextEvent().asStartElement();
    assertEquals("a", a.getName().getLocalPart());
    assertEquals("urn:p", a.getNamespaceURI("p"));
    assertEquals("v&", a.getAttributeByName(new javax.xml.namespace.QName("k")).getValue());
    assertEquals(1, a.getLocation().getLineNumber());
    StringWriter written = new StringWriter();
    a.writeAsEncodedUnicode(written);
    assertEquals("<p:a k=\"v&amp;\">", written.toString());
    assertTrue(events.nextTag().isStartElement());
    assertEquals("x<y", events.getElementText());
    assertTrue(events.nextTag().isEndElement());
    assertTrue(events.nextEvent().isEndDocument());
    assertFalse(events.hasNext());
  }

  @Test
  void readsToTheEndOfTheDocumentWhenTheRootCloses() throws XMLStreamException {
    XMLEventReader events = factory.createXMLEventReader(new StringReader("<a/> <!-- ok --> x"));
    assertTrue(events.nextEvent().isStartElement());
    XMLStreamException e = assertThrows(XMLStreamException.class, events::nextEvent);
    assertTrue(e.getMessage().contains("trailing"), e::getMessage);
  }

  @Test
  void refusesToHandOutTextAfterMovingOn() throws XMLStreamException {
    XMLEventReader events = factory.createXMLEventReader(new StringReader("<a>x<b/></a>"));
    events.nextEvent();
    XMLEvent text = events.nextEvent();
    events.nextEvent();
    assertThrows(IllegalStateException.class, () -> text.asCharacters().getData());
  }
}
