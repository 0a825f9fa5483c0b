package dev.chatinfo.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LinkTest {

  @Test
  void givesTheUriOfAnAbsoluteHref() {
    Link link = new Link(Link.SELF,
        "https://dev.liveperson.net/api/account/1/agentSession/s/chat/c/info");
    assertEquals(Optional.of(URI.create(link.href())), link.uri());
    assertTrue(link.is("self"));
    assertFalse(link.is("other"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "/api/account/1/chat/c/info", "relative/path",
      "https://dev.liveperson.net/api/account/{accountId}/chat info",
      "https://[broken/info", "ht tp://x"})
  void keepsMalformedOrRelativeHrefsButGivesNoUri(String href) {
    Link link = new Link("visitor-name", href);
    assertEquals(href, link.href());
    assertEquals(Optional.empty(), link.uri());
  }

  @Test
  void refusesNullParts() {
    assertThrows(IllegalArgumentException.class, () -> new Link(null, "x"));
    assertThrows(IllegalArgumentException.class, () -> new Link("self", null));
  }

  @Test
  void refusesCharactersXmlCannotCarry() {
    assertThrows(IllegalArgumentException.class, () -> new Link("self", "https://x/\u0000"));
    assertThrows(IllegalArgumentException.class, () -> new Link("se\ud800lf", "https://x/"));
  }

  @Test
  void hasTheDocumentedRelations() {
    assertEquals("self", Link.SELF);
    assertEquals("visitor-name", Link.VISITOR_NAME);
    assertEquals("visitor-typing", Link.VISITOR_TYPING);
    assertEquals("agent-typing", Link.AGENT_TYPING);
  }
}
