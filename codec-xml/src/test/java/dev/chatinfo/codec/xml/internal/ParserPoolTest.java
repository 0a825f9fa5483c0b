package dev.chatinfo.codec.xml.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chatinfo.api.ChatInfo;
import dev.chatinfo.api.ChatInfoException;
import dev.chatinfo.api.ChatState;
import dev.chatinfo.codec.xml.SimpleXmlChatInfoCodec;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Parsers are reused only after a document that ended well, and a reused parser is as guarded. */
class ParserPoolTest {

  private static final String GOOD =
      "<info><state>chatting</state><chatSessionKey>K1</chatSessionKey></info>";
  private static final String DOCTYPE = "<?xml version=\"1.0\"?><!DOCTYPE info [<!ENTITY x"
      + " \"boom\">]><info><state>&x;</state><chatSessionKey>K1</chatSessionKey></info>";

  private static ByteArrayInputStream body(String xml) {
    return new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8));
  }

  private static ChatInfo decode(SimpleXmlChatInfoCodec codec, String xml) {
    return codec.decode(body(xml));
  }

  @Test
  void reusesAParserWhoseDocumentEndedWell() throws Exception {
    ParserPool pool = new ParserPool();
    ParserPool.Parser first = pool.acquire();
    first.open(body(GOOD));
    first.finish();
    pool.release(first);
    assertSame(first, pool.acquire());
  }

  @Test
  void neverReusesAParserWhoseDocumentFailed() throws Exception {
    ParserPool pool = new ParserPool();
    ParserPool.Parser failed = pool.acquire();
    failed.open(body(DOCTYPE));
    failed.abandon();
    pool.release(failed);
    assertNotSame(failed, pool.acquire());
  }

  @Test
  void keepsAtMostSizeIdleParsers() throws Exception {
    ParserPool pool = new ParserPool();
    List<ParserPool.Parser> taken = new ArrayList<>();
    for (int i = 0; i < ParserPool.SIZE + 3; i++) {
      ParserPool.Parser parser = pool.acquire();
      parser.open(body(GOOD));
      parser.finish();
      taken.add(parser);
    }
    taken.forEach(pool::release);
    int kept = 0;
    for (int i = 0; i < ParserPool.SIZE + 3; i++) {
      if (taken.contains(pool.acquire())) {
        kept++;
      }
    }
    assertEquals(ParserPool.SIZE, kept);
  }

  @Test
  void aReusedParserStillRefusesEveryAttackAndReadsWellAfterwards() {
    SimpleXmlChatInfoCodec codec = new SimpleXmlChatInfoCodec();
    for (int i = 0; i < 5; i++) {
      assertEquals(ChatState.CHATTING, decode(codec, GOOD).state());
      ChatInfoException e = assertThrows(ChatInfoException.class, () -> decode(codec, DOCTYPE));
      assertTrue(e.getMessage().contains("DOCTYPE"), e::getMessage);
      assertThrows(ChatInfoException.class, () -> decode(codec, "<info><state>chatting</sta"));
      assertThrows(ChatInfoException.class, () -> decode(codec, GOOD + "<trailing/>"));
      assertEquals("K1", decode(codec, GOOD).chatSessionKey());
    }
  }

  @Test
  void aReusedParserStartsEachDocumentAfresh() {
    SimpleXmlChatInfoCodec codec = new SimpleXmlChatInfoCodec();
    decode(codec, "<info><state>ended</state><chatSessionKey>K1</chatSessionKey>"
        + "<agentName>First</agentName></info>");
    ChatInfo second = decode(codec, "\ufeff<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        + "<info><state>waiting</state><chatSessionKey>K2</chatSessionKey></info>");
    assertEquals(ChatState.WAITING, second.state());
    assertEquals("K2", second.chatSessionKey());
    assertTrue(second.agentName().isEmpty());
    ChatInfoException e = assertThrows(ChatInfoException.class,
        () -> decode(codec, "<info>\n<state>chatting</state>\n<agentId>x</agentId></info>"));
    assertTrue(e.getMessage().contains("line 3"), e::getMessage);
  }

  @Test
  void servesManyThreadsAtOnce() throws Exception {
    SimpleXmlChatInfoCodec codec = new SimpleXmlChatInfoCodec();
    ExecutorService threads = Executors.newFixedThreadPool(8);
    try {
      List<Future<Boolean>> results = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        String key = "K" + t;
        Callable<Boolean> work = () -> {
          for (int i = 0; i < 200; i++) {
            ChatInfo info = decode(codec, "<info><state>chatting</state><chatSessionKey>" + key
                + "</chatSessionKey></info>");
            if (!info.chatSessionKey().equals(key)) {
              return false;
            }
            if (i % 10 == 0) {
              assertThrows(ChatInfoException.class, () -> decode(codec, DOCTYPE));
            }
          }
          return true;
        };
        results.add(threads.submit(work));
      }
      for (Future<Boolean> result : results) {
        assertTrue(result.get());
      }
    } finally {
      threads.shutdownNow();
    }
  }
}
