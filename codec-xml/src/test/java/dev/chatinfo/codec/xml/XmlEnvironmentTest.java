package dev.chatinfo.codec.xml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javax.xml.stream.XMLInputFactory;
import org.junit.jupiter.api.Test;

/**
 * Each of the two Maven test runs really has the StAX provider it says (system property
 * {@code chatinfo.test.stax}), so that the hardening tests cannot pass for want of Woodstox.
 */
class XmlEnvironmentTest {

  @Test
  void newInstanceFindsTheProviderThisRunIsMeantToHave() {
    String expected = System.getProperty("chatinfo.test.stax");
    assertNotNull(expected, "run through Maven: its two surefire executions set chatinfo.test.stax");
    String provider = XMLInputFactory.newInstance().getClass().getName();
    if (expected.equals("woodstox")) {
      assertTrue(provider.startsWith("com.ctc.wstx."), provider);
    } else {
      assertEquals("jdk", expected);
      assertTrue(provider.startsWith("com.sun.xml.internal."), provider);
    }
  }
}
