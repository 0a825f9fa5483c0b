package dev.chatinfo.codec.xml;

import static dev.chatinfo.codec.xml.Payloads.MINIMAL;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.chatinfo.api.ChatInfo;
import dev.chatinfo.api.Link;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Encoding writes the service's shape, and the codec behaves as a ChatInfoCodec must. */
class SimpleXmlChatInfoCodecEncodingTest {

  private static String encoded(ChatInfo info) {
    return new String(Payloads.encode(info), StandardCharsets.UTF_8);
  }

  @Test
  void writesTheWireShapeInTheServiceOrder() {
    assertEquals("<?xml version=\"1.0\" encoding=\"UTF-8\"?>" + Payloads.COMPACT,
        encoded(Payloads.REALISTIC));
  }

  @Test
  void leavesOutAbsentFieldsUnknownTypingAndEmptyLinks() {
    assertEquals("<?xml version=\"1.0\" encoding=\"UTF-8\"?><info><state>chatting</state>"
        + "<chatSessionKey>K1</chatSessionKey><visitorName>visitor</visitorName></info>",
        encoded(MINIMAL));
  }

  @Test
  void writesTheRawStateTimesInUtcAndTimeOutInSeconds() {
    ChatInfo info = ChatInfo.builder().rawState("Transferring").chatSessionKey("K1")
        .lastUpdate(java.time.OffsetDateTime.parse("2018-01-29T13:19:43Z"))
        .chatTimeout(java.time.Duration.ofMinutes(2)).build();
    assertEquals("<?xml version=\"1.0\" encoding=\"UTF-8\"?><info><state>Transferring</state>"
        + "<chatSessionKey>K1</chatSessionKey><lastUpdate>2018-01-29T13:19:43.000Z</lastUpdate>"
        + "<chatTimeout>120</chatTimeout><visitorName>visitor</visitorName></info>",
        encoded(info));
  }

  @Test
  void escapesSoThatEveryCharacterReadsBack() {
    ChatInfo info = MINIMAL.toBuilder().agentName(" Barber\r\n")
        .visitorName("<b>&\"x\"]]>\t")
        .link(new Link("a\tb", "h\r\n\"<&>'"))
        .attribute("note", "😀 é \u2028")
        .build();
    String xml = encoded(info);
    assertEquals("<?xml version=\"1.0\" encoding=\"UTF-8\"?><info>"
        + "<link href=\"h&#13;&#10;&quot;&lt;&amp;&gt;'\" rel=\"a&#9;b\"/>"
        + "<state>chatting</state><chatSessionKey>K1</chatSessionKey>"
        + "<agentName> Barber&#13;\n</agentName>"
        + "<visitorName>&lt;b&gt;&amp;\"x\"]]&gt;\t</visitorName>"
        + "<note>😀 é \u2028</note></info>", xml);
    assertEquals(info, Payloads.decode(xml));
  }

  @Test
  void neitherDecodingNorEncodingClosesTheStream() {
    boolean[] closed = new boolean[2];
    ByteArrayOutputStream out = new ByteArrayOutputStream() {
      @Override
      public void close() {
        closed[0] = true;
      }
    };
    Payloads.CODEC.encode(Payloads.REALISTIC, out);
    ByteArrayInputStream in = new ByteArrayInputStream(out.toByteArray()) {
      @Override
      public void close() {
        closed[1] = true;
      }
    };
    assertEquals(Payloads.REALISTIC, Payloads.CODEC.decode(in));
    assertFalse(closed[0], "encode closed the stream");
    assertFalse(closed[1], "decode closed the stream");
  }

  @Test
  void reportsAFailedWriteAsUncheckedIoException() {
    OutputStream broken = new OutputStream() {
      @Override
      public void write(int b) throws IOException {
        throw new IOException("disk full");
      }
    };
    UncheckedIOException e = assertThrows(UncheckedIOException.class,
        () -> Payloads.CODEC.encode(Payloads.REALISTIC, broken));
    assertEquals("disk full", e.getCause().getMessage());
  }

  @Test
  void writesLargeValuesThroughItsBuffer() {
    ChatInfo info = MINIMAL.toBuilder().agentName("é".repeat(5000) + "😀".repeat(3000)).build();
    assertEquals(info, Payloads.decode(Payloads.encode(info)));
  }

  @Test
  void decodesAndEncodesFromManyThreadsAtOnce() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<ChatInfo>> results = new ArrayList<>();
      for (int i = 0; i < 200; i++) {
        ChatInfo info = Payloads.REALISTIC.toBuilder().agentId(i).build();
        results.add(pool.submit(() -> Payloads.decode(Payloads.encode(info))));
      }
      for (int i = 0; i < results.size(); i++) {
        assertEquals(Payloads.REALISTIC.toBuilder().agentId(i).build(), results.get(i).get());
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void asksForAndWritesApplicationXml() {
    assertEquals("application/xml", Payloads.CODEC.mediaType());
  }
}
