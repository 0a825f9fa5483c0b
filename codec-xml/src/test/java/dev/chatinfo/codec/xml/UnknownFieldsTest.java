package dev.chatinfo.codec.xml;

import static dev.chatinfo.codec.xml.Payloads.decode;
import static dev.chatinfo.codec.xml.Payloads.info;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chatinfo.api.ChatInfoException;
import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/**
 * A tolerant reader: an element the codec does not know never fails a decode for its size, within
 * the body's limit. (The skipping itself is shown in {@link SimpleXmlChatInfoCodecRefusalTest}.)
 */
class UnknownFieldsTest {

  @Test
  void logsOneDebugLineNamingADroppedAttributeNeverItsValue() {
    // System.Logger goes to java.util.logging here (java.logging is in the test's boot layer).
    Logger logger = Logger.getLogger(dev.chatinfo.codec.xml.internal.InfoXmlReader.class.getName());
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
      assertEquals(Map.of("language", "en-US"),
          decode(info("<note>" + value + "</note><language>en-US</language>")).attributes());
      assertEquals(1, records.size(), records.toString());
      LogRecord line = records.get(0);
      assertEquals(Level.FINE, line.getLevel());
      assertTrue(line.getMessage().contains("note"), line.getMessage());
      assertFalse(line.getMessage().contains("secret-") || line.getMessage().contains("vvvv"), line.getMessage());
      assertTrue(line.getMessage().indexOf('\n') < 0, line.getMessage());
    } finally {
      logger.removeHandler(handler);
      logger.setLevel(level);
    }
  }

  @Test
  void leavesTheBodyLimitToDecideForALongUnknownElement() {
    // A transport's limited body fails its read past 1 MiB: the codec must get that far.
    byte[] xml = info("<blob>" + "z".repeat(2 * 1024 * 1024) + "</blob>").getBytes(StandardCharsets.UTF_8);
    IOException overLimit = new IOException("the body is larger than 1048576 bytes");
    boolean[] reachedTheLimit = new boolean[1];
    InputStream limited = new FilterInputStream(new ByteArrayInputStream(xml)) {
      long read;

      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, len);
        read += Math.max(n, 0);
        if (read > 1024 * 1024) {
          reachedTheLimit[0] = true;
          throw overLimit;
        }
        return n;
      }
    };
    ChatInfoException e = assertThrows(ChatInfoException.class, () -> Payloads.CODEC.decode(limited));
    assertTrue(reachedTheLimit[0], "refused before the body's limit: " + e.getMessage());
  }
}
