package dev.chatinfo.client.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import org.junit.jupiter.api.Test;

class SecretsTest {

  static final String TOKEN = "abcdefghijklmnopqrstuvwxyz0123456789";

  static Secrets secrets(String... tokens) {
    Secrets s = new Secrets();
    for (String t : tokens) {
      s.add(t);
    }
    return s;
  }

  @Test
  void masksTheWholeToken() {
    assertEquals("Bearer ****, again ****", secrets(TOKEN).mask("Bearer " + TOKEN + ", again " + TOKEN));
  }

  @Test
  void masksAnyRunOfEightOrMoreCharactersOfIt() {
    assertEquals("cut: ****", secrets(TOKEN).mask("cut: " + TOKEN.substring(0, 8)));
    assertEquals("mid ****!", secrets(TOKEN).mask("mid " + TOKEN.substring(5, 30) + "!"));
    assertEquals("seven: abcdefg", secrets(TOKEN).mask("seven: abcdefg"), "7 characters are not a leak");
  }

  @Test
  void masksEveryTokenTheCallSent() {
    assertEquals("**** and ****", secrets(TOKEN, "the-second-token-value").mask(TOKEN + " and the-second-token-value"));
  }

  @Test
  void masksShortTokensWhole() {
    assertEquals("x****y", secrets("abc").mask("xabcy"));
  }

  @Test
  void putsEveryTextOnOneLine() {
    assertEquals("a b c d e", Secrets.oneLine("a\r\nb\n\n c\td\u2028e\n"));
    assertEquals("plain", Secrets.oneLine("plain"));
  }

  @Test
  void scrubsACauseChainThatLeaksOrSpansLines() {
    Secrets s = secrets(TOKEN);
    IOException root = new IOException("bad status line:\nHTTP/1.1 200 " + TOKEN);
    RuntimeException top = new RuntimeException("wrapped", root);
    Throwable safe = s.scrub(top);
    for (Throwable c = safe; c != null; c = c.getCause()) {
      assertFalse(c.toString().contains(TOKEN.substring(3, 11)), c.toString());
      assertFalse(c.toString().contains("\n"), c.toString());
    }
    assertTrue(safe.getCause().getMessage().startsWith("java.io.IOException: bad status line: HTTP/1.1 200 ****"),
        safe.getCause().getMessage());
    IOException clean = new IOException("connection refused");
    assertSame(clean, s.scrub(clean));
  }
}
