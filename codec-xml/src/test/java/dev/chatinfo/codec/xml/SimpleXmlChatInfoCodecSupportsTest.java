package dev.chatinfo.codec.xml;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** The codec says which Content-Types it reads without looking at a body. */
class SimpleXmlChatInfoCodecSupportsTest {

  @ParameterizedTest
  @ValueSource(strings = {"application/xml", "text/xml", "application/atom+xml",
      "application/vnd.liveperson.chat+xml", "Application/XML", "TEXT/XML; charset=UTF-8",
      " application/xml ;charset=utf-16", "application/xml;q=0.9"})
  void supportsXmlMediaTypesWhateverTheCaseAndParameters(String contentType) {
    assertTrue(Payloads.CODEC.supports(contentType), contentType);
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"application/json", "text/html", "application/xhtml", "xml",
      "application/xmlx", "application/json; profile=xml", "text/plain", "+xml", "application/+xml",
      "application/x-xml-foo"})
  void doesNotSupportOtherMediaTypes(String contentType) {
    assertFalse(Payloads.CODEC.supports(contentType), contentType);
  }
}
