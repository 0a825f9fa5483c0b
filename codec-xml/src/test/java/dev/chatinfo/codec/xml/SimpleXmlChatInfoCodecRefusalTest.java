package dev.chatinfo.codec.xml;

import static dev.chatinfo.codec.xml.Payloads.decode;
import static dev.chatinfo.codec.xml.Payloads.info;
import static dev.chatinfo.codec.xml.Payloads.refusal;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chatinfo.api.ChatInfo;
import dev.chatinfo.api.ChatInfoException;
import dev.chatinfo.api.ChatState;
import dev.chatinfo.api.codec.WireValues;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every input the wire rules refuse fails with MALFORMED_RESPONSE, and the message names the
 * field or the position (line and column, or byte offset for the encoding).
 */
class SimpleXmlChatInfoCodecRefusalTest {

  private static final Pattern POSITION = Pattern.compile("line \\d+, column \\d+");

  private static void assertNamesPosition(String message) {
    assertTrue(POSITION.matcher(message).find(), () -> "no line and column in: " + message);
  }

  private static void assertMentions(String message, String... parts) {
    for (String part : parts) {
      assertTrue(message.contains(part), () -> "no '" + part + "' in: " + message);
    }
  }

  @Test
  void refusesAMissingState() {
    String message = refusal("<info><chatSessionKey>K1</chatSessionKey></info>");
    assertMentions(message, "missing state");
    assertNamesPosition(message);
  }

  @Test
  void refusesAMissingChatSessionKey() {
    assertMentions(refusal("<info>\n  <state>chatting</state>\n</info>"), "missing chatSessionKey",
        "line 1, column 7");
  }

  @Test
  void refusesAnEmptyChatSessionKey() {
    String message = refusal("<info><state>chatting</state><chatSessionKey/></info>");
    assertMentions(message, "chatSessionKey", "empty");
    assertNamesPosition(message);
  }

  @Test
  void refusesAnIdThatIsNotAWholeNumber() {
    String message = refusal(info("\n<agentId>1.5</agentId>"));
    assertMentions(message, "field agentId", "\"1.5\"", "not a whole number", "line 2, column 10");
    assertMentions(refusal(info("<visitorId>1e3</visitorId>")), "visitorId", "\"1e3\"");
    assertMentions(refusal(info("<rtSessionId>+1</rtSessionId>")), "rtSessionId", "\"+1\"");
    assertMentions(refusal(info("<agentId></agentId>")), "agentId", "\"\"");
  }

  @Test
  void refusesANumberOutOfRange() {
    String message = refusal(info("<visitorId>9223372036854775808</visitorId>"));
    assertMentions(message, "visitorId", "out of range");
    assertNamesPosition(message);
    assertMentions(refusal(info("<chatTimeout>-1</chatTimeout>")), "chatTimeout", "negative");
  }

  @Test
  void refusesATimeThatDoesNotParse() {
    String message = refusal(info("<startTime>yesterday</startTime>"));
    assertMentions(message, "field startTime", "\"yesterday\"");
    assertNamesPosition(message);
    assertMentions(refusal(info("<lastUpdate>2018-13-29T08:19:43Z</lastUpdate>")), "lastUpdate");
    assertMentions(refusal(info("<lastUpdate>2018-01-29T08:19:43</lastUpdate>")), "lastUpdate");
  }

  @Test
  void refusesTruncatedInput() {
    String message = refusal(Payloads.PRETTY.substring(0, Payloads.PRETTY.indexOf("<agentId>")));
    assertMentions(message, "malformed XML");
    assertNamesPosition(message);
    assertNamesPosition(refusal("<info><state>chatting</state><chatSessionKey>K1</chatSess"));
  }

  @Test
  void refusesTrailingDataAfterTheRootElement() {
    assertNamesPosition(refusal(Payloads.COMPACT + "garbage"));
    assertNamesPosition(refusal(Payloads.COMPACT + "\n" + Payloads.COMPACT));
    assertNamesPosition(refusal(Payloads.COMPACT + "<"));
    assertNamesPosition(refusal(Payloads.COMPACT + "<!DOCTYPE info>"));
  }

  @Test
  void refusesInvalidUtf8NamingTheByteOffset() {
    byte[] xml = info("<agentName>Barber</agentName>").getBytes(StandardCharsets.US_ASCII);
    int at = new String(xml, StandardCharsets.US_ASCII).indexOf("Barber") + 2;
    xml[at] = (byte) 0xFF;
    assertMentions(refusal(xml), "invalid UTF-8", "byte offset " + at);
  }

  @Test
  void refusesNestingDeeperThan32Elements() {
    String tooDeep = "<a>".repeat(WireValues.MAX_DEPTH) + "</a>".repeat(WireValues.MAX_DEPTH);
    String message = refusal(info(tooDeep));
    assertMentions(message, "nesting deeper than 32", "/info/a/a");
    assertNamesPosition(message);
  }

  @Test
  void refusesAnyDoctype() {
    String message = refusal("<?xml version=\"1.0\"?>\n<!DOCTYPE info>\n" + info(""));
    assertMentions(message, "DOCTYPE", "line 2");
  }

  @Test
  void refusesAnEntityDeclaration() {
    String message = refusal("<!DOCTYPE info [\n<!ENTITY name \"Barber\">\n]>\n"
        + info("<agentName>&name;</agentName>"));
    assertMentions(message, "DOCTYPE", "refused");
    assertNamesPosition(message);
  }

  @Test
  void refusesAnEntityReference() {
    String message = refusal(info("<agentName>&name;</agentName>"));
    assertMentions(message, "entity reference &name;", "refused");
    assertNamesPosition(message);
  }

  @Test
  void refusesAKnownFieldSentTwice() {
    String message = refusal(info("<agentId>1</agentId><agentId>1</agentId>"));
    assertMentions(message, "duplicate field agentId");
    assertNamesPosition(message);
    assertMentions(refusal("<info><state>chatting</state><state>ended</state></info>"),
        "duplicate field state");
  }

  @Test
  void refusesAKnownScalarWithChildElements() {
    String message = refusal(info("<agentId><value>1</value></agentId>"));
    assertMentions(message, "field agentId", "child elements");
    assertNamesPosition(message);
    assertMentions(refusal(info("<agentName>Bar<b>ber</b></agentName>")), "field agentName");
  }

  @Test
  void refusesALinkWithoutHrefOrRel() {
    assertMentions(refusal(info("<link href=\"a\" rel=\"self\"/><link rel=\"x\"/>")),
        "field link[2]", "no href");
    assertMentions(refusal(info("<link href=\"a\"/>")), "field link[1]", "no rel");
    assertMentions(refusal(info("<link href=\"a\" rel=\"self\"><href>b</href></link>")),
        "field link[1]", "duplicate href");
  }

  @Test
  void refusesABodyWithoutAnInfoSection() {
    assertMentions(refusal("<html><body>Service unavailable</body></html>"), "no info section",
        "<html>");
    assertMentions(refusal("<chat><events/></chat>"), "no info section", "<chat>");
    assertMentions(refusal("<chat>" + info("") + info("") + "</chat>"), "duplicate field info");
  }

  @Test
  void refusesKnownFieldsLongerThanTheLimitNamingWhereTheTextStarts() {
    String tooLong = "x".repeat(WireValues.MAX_TEXT_LENGTH + 1);
    String xml = info("<agentName>" + tooLong + "</agentName>");
    int column = xml.indexOf("<agentName>") + "<agentName>".length() + 1;
    assertMentions(refusal(xml), "/info/agentName", "starting at line 1, column " + column, "longer than 65536");
    assertMentions(refusal(info("<link><href>" + tooLong + "</href><rel>self</rel></link>")), "/info/link/href");
    assertMentions(refusal(info("<link href=\"" + tooLong + "\" rel=\"self\"/>")),
        "attribute href of /info/link");
    assertNamesPosition(refusal(info("<" + tooLong + ">1</" + tooLong + ">")));
  }

  @Test
  void skipsUnknownFieldsWhateverTheLengthOfTheirText() {
    String huge = "x".repeat(800 * 1024);
    ChatInfo expected = ChatInfo.builder().state(ChatState.CHATTING).chatSessionKey("K1")
        .attribute("skillName", "Sales").attribute("language", "en-US").build();
    assertEquals(expected, decode(info("<skillName>Sales</skillName><blob>" + huge + "</blob><language>en-US</language>")));
    assertEquals(expected, decode(info("<skillName>Sales</skillName><x a=\"" + huge + "\"><y>" + huge
        + "</y></x><language>en-US</language>")));
    assertEquals(expected, decode("<chat><events>" + huge + "</events>"
        + info("<skillName>Sales</skillName><language>en-US</language>") + "</chat>"));
    assertEquals(ChatInfo.builder().state(ChatState.CHATTING).chatSessionKey("K1").build(),
        decode(info("<note>" + "y".repeat(WireValues.MAX_TEXT_LENGTH + 1) + "</note>")));
  }

  @Test
  void anInterruptWhileReadingIsCancelledNotMalformed() {
    byte[] xml = info("<skillName>Sales</skillName>").getBytes(StandardCharsets.UTF_8);
    InputStream interrupted = new ByteArrayInputStream(xml) {
      int reads;

      @Override
      public synchronized int read(byte[] b, int off, int len) {
        if (++reads > 1) {
          throw new UncheckedIOException(new InterruptedIOException("interrupted"));
        }
        return super.read(b, off, Math.min(len, 20));
      }
    };
    ChatInfoException e = assertThrows(ChatInfoException.class, () -> Payloads.CODEC.decode(interrupted));
    assertEquals(ChatInfoException.Kind.CANCELLED, e.kind(), e.getMessage());
    InputStream interruptedDirectly = new InputStream() {
      @Override
      public int read() throws IOException {
        throw new InterruptedIOException("interrupted");
      }

      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        throw new InterruptedIOException("interrupted");
      }
    };
    ChatInfoException e2 = assertThrows(ChatInfoException.class, () -> Payloads.CODEC.decode(interruptedDirectly));
    assertEquals(ChatInfoException.Kind.CANCELLED, e2.kind(), e2.getMessage());
  }

  @Test
  void refusesCharactersNoXml10DocumentCanCarryNamingTheField() {
    String xml11 = "<?xml version=\"1.1\"?>"
        + info("<agentName>Bar&#1;ber</agentName>");
    String message = refusal(xml11);
    assertMentions(message, "field agentName", "U+0001");
    assertNamesPosition(message);
    assertNamesPosition(refusal(info("<agentName>Bar&#1;ber</agentName>")));
  }

  @Test
  void refusesAnEncodingItCannotRead() {
    assertMentions(refusal("<?xml version=\"1.0\" encoding=\"X-NOT-A-CHARSET\"?>" + info("")),
        "unsupported encoding", "X-NOT-A-CHARSET");
  }

  @Test
  void refusesAnEmptyBodyNullJsonAndText() {
    assertNamesPosition(refusal(""));
    assertNamesPosition(refusal("   \n"));
    assertNamesPosition(refusal("null"));
    assertNamesPosition(refusal("{\"info\":{\"state\":\"chatting\",\"chatSessionKey\":\"K1\"}}"));
    assertNamesPosition(refusal("chatting"));
  }

  @Test
  void quotesAtMostAShortExcerptOfTheBody() {
    String name = "n".repeat(10_000);
    String value = "v".repeat(10_000);
    for (String xml : List.of(info("<" + name + ">x</" + name + "y>"),
        info("<agentId>" + value + "</agentId>"), info("<" + name + " a='1' a='2'/>"),
        info("<link href=\"" + value + "\" rel=\"" + value + "\" href=\"x\"/>"),
        "<" + name + "/>", info("<" + name + ">" + value), info("<a>&" + name + ";</a>"))) {
      String message = refusal(xml);
      assertTrue(message.length() < 400, message);
      assertTrue(!message.contains("n".repeat(65)) && !message.contains("v".repeat(65)), message);
    }
  }
}
