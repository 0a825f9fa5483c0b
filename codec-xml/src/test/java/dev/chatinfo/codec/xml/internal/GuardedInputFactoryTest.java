package dev.chatinfo.codec.xml.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import org.junit.jupiter.api.Test;

/** The factory gives only guarded JDK parsers, whatever else is installed. */
class GuardedInputFactoryTest {

  private final GuardedInputFactory factory = new GuardedInputFactory();

  private GuardedStreamReader reader(String xml) throws XMLStreamException {
    return factory.createXMLStreamReader(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void parsesWithTheJdksOwnParserWhateverProviderIsInstalled() throws XMLStreamException {
    String parser = GuardedInputFactory.configuredJdkFactory()
        .createXMLStreamReader(new StringReader("<info/>")).getClass().getName();
    assertTrue(parser.startsWith("com.sun.org.apache.xerces.internal."), parser);
  }

  @Test
  void hasDtdsAndExternalEntitiesOffAndARefusingResolver() {
    XMLInputFactory jdk = GuardedInputFactory.configuredJdkFactory();
    assertEquals(Boolean.FALSE, jdk.getProperty(XMLInputFactory.SUPPORT_DTD));
    assertEquals(Boolean.FALSE, jdk.getProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES));
    assertEquals(Boolean.FALSE, jdk.getProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES));
    // ACCESS_EXTERNAL_DTD and ACCESS_EXTERNAL_SCHEMA are set too, but the JDK's factory does not
    // report them back (getProperty answers null): XmlHardeningTest shows nothing is fetched.
    assertTrue(jdk.isPropertySupported(XMLConstants.ACCESS_EXTERNAL_DTD));
    assertThrows(RefusedXmlException.class,
        () -> jdk.getXMLResolver().resolveEntity(null, "file:///etc/hostname", null, null));
  }

  @Test
  void refusesADoctypeAndAnEntityReferenceAsSoonAsTheyAreRead() throws XMLStreamException {
    RefusedXmlException doctype = assertThrows(RefusedXmlException.class,
        () -> reader("<!DOCTYPE a [<!ENTITY x \"y\">]><a>&x;</a>").next());
    assertTrue(doctype.getMessage().contains("DOCTYPE"), doctype::getMessage);
    factory.abandon();
    GuardedStreamReader atA = reader("<a>t&x;</a>");
    assertEquals(XMLStreamConstants.START_ELEMENT, atA.next());
    assertThrows(RefusedXmlException.class, () -> {
      while (atA.hasNext()) {
        atA.next();
      }
    });
  }

  @Test
  void readsTagsAndTextLikeAnyStaxCursor() throws XMLStreamException {
    GuardedStreamReader reader = reader("<a> <!-- c --> <b k='v'>x<![CDATA[y]]></b></a>");
    assertEquals(XMLStreamConstants.START_ELEMENT, reader.next());
    assertEquals(1, reader.depth());
    int event = reader.next();
    while (event != XMLStreamConstants.START_ELEMENT) {
      event = reader.next();
    }
    assertEquals("b", reader.getLocalName());
    assertEquals(2, reader.depth());
    assertEquals("v", reader.getAttributeValue(0));
    assertEquals(XMLStreamConstants.CHARACTERS, reader.next());
    assertEquals("x", reader.getText());
    assertEquals(XMLStreamConstants.CHARACTERS, reader.next()); // the JDK reports CDATA so
    assertEquals("y", reader.getText());
    assertEquals(XMLStreamConstants.END_ELEMENT, reader.next());
    assertEquals(XMLStreamConstants.END_ELEMENT, reader.next());
    assertEquals(0, reader.depth());
  }

  @Test
  void guardsEveryDocumentOfItsReusedParserFromItsStart() throws XMLStreamException {
    GuardedStreamReader first = reader("<a><b/></a>");
    while (first.hasNext()) {
      first.next();
    }
    factory.finish();
    GuardedStreamReader second = reader("<!DOCTYPE a><a/>");
    assertSame(first, second);
    assertEquals(0, second.depth());
    assertThrows(RefusedXmlException.class, second::next);
  }
}
