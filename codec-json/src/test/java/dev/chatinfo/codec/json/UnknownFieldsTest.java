package dev.chatinfo.codec.json;

import static dev.chatinfo.codec.json.Payloads.decode;
import static dev.chatinfo.codec.json.Payloads.info;
import static dev.chatinfo.codec.json.Payloads.minimal;
import static dev.chatinfo.codec.json.Payloads.refused;
import static dev.chatinfo.codec.json.Payloads.utf8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chatinfo.api.ChatInfoException;
import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/**
 * A tolerant reader: a field the codec does not know never fails a decode for its size, within
 * the body's limit; known fields keep theirs.
 */
class UnknownFieldsTest {

  static final String LONG = "x".repeat(800 * 1024);

  @Test
  void skipsAnUnknownFieldHoldingOneLongString() {
    String json = info("\"skillName\":\"Sales\",\"blob\":\"" + LONG + "\",\"language\":\"en-US\"")
        + " ".repeat(100 * 1024);
    assertTrue(json.length() > 900 * 1024);
    assertEquals(minimal().attribute("skillName", "Sales").attribute("language", "en-US").build(), decode(json));
  }

  @Test
  void skipsLongUnknownValuesWhereverTheyAre() {
    String escaped = "\\u0041".repeat(150_000);
    assertEquals(minimal().build(), decode(info("\"blob\":\"" + escaped + "\"")));
    assertEquals(minimal().build(), decode(info("\"blob\":" + "7".repeat(800 * 1024))));
    assertEquals(minimal().build(), decode(info("\"meta\":{\"a\":[\"" + LONG + "\"],\"" + LONG + "\":1}")));
    assertEquals(minimal().build(), decode("{\"trace\":\"" + LONG + "\"," + info("").substring(1)));
    assertEquals(minimal().build(), decode("{\"chat\":{\"events\":\"" + LONG + "\",\"info\":"
        + info("").substring("{\"info\":".length(), info("").length() - 1) + "}}"));
    assertEquals(minimal().link(new dev.chatinfo.api.Link("self", "h")).build(),
        decode(info("\"link\":{\"@href\":\"h\",\"@rel\":\"self\",\"title\":\"" + LONG + "\"}")));
  }

  @Test
  void dropsAnAttributeTooLongToKeepAndKeepsOneAtTheLimit() {
    String atLimit = "y".repeat(65_536);
    assertEquals(Map.of("note", atLimit), decode(info("\"note\":\"" + atLimit + "\"")).attributes());
    assertEquals(Map.of(), decode(info("\"note\":\"" + atLimit + "y\"")).attributes());
    assertEquals(Map.of(), decode(info("\"note\":\"" + "\\u00e9".repeat(65_537) + "\"")).attributes());
  }

  @Test
  void logsOneDebugLineNamingADroppedAttributeNeverItsValue() {
    // System.Logger goes to java.util.logging here (java.logging is in the test's boot layer).
    Logger logger = Logger.getLogger(dev.chatinfo.codec.json.internal.InfoJsonReader.class.getName());
    List<LogRecord> records = new ArrayList<>();
    Handler handler = new Handler() {
      @Override
      public void publish(LogRecord record) {
        records.add(record);
      }

      @Override
      public void flush() {}

      @Override
      public void close() {}
    };
    Level level = logger.getLevel();
    logger.setLevel(Level.FINE);
    logger.addHandler(handler);
    try {
      String value = "secret-" + "v".repeat(65_536);
      decode(info("\"note\":\"" + value + "\",\"language\":\"en-US\""));
      assertEquals(1, records.size(), records.toString());
      LogRecord line = records.get(0);
      assertEquals(Level.FINE, line.getLevel());
      assertTrue(line.getMessage().contains("note"), line.getMessage());
      assertTrue(!line.getMessage().contains("secret-") && !line.getMessage().contains("vvvv"), line.getMessage());
      assertTrue(line.getMessage().indexOf('\n') < 0, line.getMessage());
    } finally {
      logger.removeHandler(handler);
      logger.setLevel(level);
    }
  }

  @Test
  void refusesALongKnownFieldNamingTheByteWhereItsValueStarts() {
    String json = info("\"agentName\":\"" + LONG + "\"");
    int start = json.indexOf("\"agentName\":\"") + "\"agentName\":".length();
    ChatInfoException e = refused(json);
    assertTrue(e.getMessage().contains("longer than 65536 characters, starting at byte " + start), e.getMessage());
  }

  @Test
  void leavesTheBodyLimitToDecideForALongUnknownField() {
    byte[] json = utf8(info("\"blob\":\"" + "z".repeat(2 * 1024 * 1024) + "\""));
    IOException overLimit = new IOException("the body is larger than 1048576 bytes");
    InputStream limited = new FilterInputStream(new ByteArrayInputStream(json)) {
      long read;

      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, len);
        read += Math.max(n, 0);
        if (read > 1024 * 1024) {
          throw overLimit;
        }
        return n;
      }
    };
    ChatInfoException e = assertThrows(ChatInfoException.class, () -> Payloads.CODEC.decode(limited));
    assertSame(overLimit, e.getCause(), e.getMessage());
  }
}
