package dev.chatinfo.codec.xml;

import static dev.chatinfo.codec.xml.Payloads.MINIMAL;
import static dev.chatinfo.codec.xml.Payloads.decode;
import static dev.chatinfo.codec.xml.Payloads.info;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.chatinfo.api.ChatInfo;
import dev.chatinfo.api.ChatState;
import dev.chatinfo.api.Link;
import dev.chatinfo.api.TypingStatus;
import dev.chatinfo.api.codec.WireValues;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** Every variation of the wire the service is known to send decodes to the right ChatInfo. */
class SimpleXmlChatInfoCodecDecodingTest {

  @Test
  void decodesTheRealisticPayloadPrettyPrintedWithAnXmlDeclaration() {
    assertEquals(Payloads.REALISTIC, decode(Payloads.PRETTY));
  }

  @Test
  void decodesTheRealisticPayloadCompactWithoutAnXmlDeclaration() {
    assertEquals(Payloads.REALISTIC, decode(Payloads.COMPACT));
  }

  @Test
  void decodesTheInfoSectionInsideTheFullChatResource() {
    String chat = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<chat>\n"
        + "  <link href=\"" + Payloads.BASE + "\" rel=\"self\"/>\n"
        + "  <events><event id=\"1\"><text>Hello</text></event></events>\n"
        + "  <state>ended</state>\n"
        + Payloads.COMPACT + "\n"
        + "  <transcript/>\n</chat>\n";
    assertEquals(Payloads.REALISTIC, decode(chat));
  }

  @Test
  void decodesTheInfoSectionFirstOrLastAmongTheChatMembers() {
    assertEquals(MINIMAL, decode("<chat>" + info("") + "<events><e/></events></chat>"));
    assertEquals(MINIMAL, decode("<chat><events><e/></events><x>1</x>" + info("") + "</chat>"));
  }

  @Test
  void decodesASingleLink() {
    ChatInfo expected = MINIMAL.toBuilder().link(new Link("self", "https://h/info")).build();
    assertEquals(expected, decode(info("<link href=\"https://h/info\" rel=\"self\"/>")));
  }

  @Test
  void decodesManyLinksInWireOrderWhereverTheyAre() {
    ChatInfo expected = MINIMAL.toBuilder()
        .link(new Link("b", "https://h/2"))
        .link(new Link("a", "https://h/1"))
        .link(new Link("b", "https://h/3"))
        .agentName("Barber")
        .build();
    assertEquals(expected, decode("<info><link rel=\"b\" href=\"https://h/2\"/><state>chatting</state>"
        + "<link href=\"https://h/1\" rel=\"a\"></link><chatSessionKey>K1</chatSessionKey>"
        + "<agentName>Barber</agentName><link href=\"https://h/3\" rel=\"b\"/></info>"));
  }

  @Test
  void decodesLinkHrefAndRelSentAsChildElements() {
    ChatInfo expected = MINIMAL.toBuilder()
        .link(new Link("self", "https://h/info"))
        .link(new Link("visitor-name", "https://h/vn"))
        .build();
    assertEquals(expected, decode(info(
        "<link><href>https://h/info</href><rel>self</rel></link>"
            + "<link rel=\"visitor-name\"><href>https://h/vn</href></link>")));
  }

  @Test
  void ignoresOtherAttributesAndChildrenOfALinkAndKeepsItsHrefAsSent() {
    ChatInfo expected = MINIMAL.toBuilder().link(new Link("self", " not a URI ")).build();
    assertEquals(expected, decode(info("<link type=\"x\" href=\" not a URI \" rel=\"self\">"
        + "<title>Info</title><meta><m/></meta>text</link>")));
  }

  @Test
  void decodesNumbersWithSurroundingWhitespaceAndAtTheEdgesOfLong() {
    ChatInfo expected = MINIMAL.toBuilder()
        .agentId(Long.MAX_VALUE).visitorId(Long.MIN_VALUE).rtSessionId(0L)
        .chatTimeout(java.time.Duration.ofSeconds(Long.MAX_VALUE)).build();
    assertEquals(expected, decode(info("<agentId> 9223372036854775807 </agentId>"
        + "<visitorId>\n\t-9223372036854775808\n</visitorId><rtSessionId>0</rtSessionId>"
        + "<chatTimeout>9223372036854775807</chatTimeout>")));
  }

  @Test
  void decodesTimesSentAsEpochMillisecondsAtUtc() {
    ChatInfo expected = MINIMAL.toBuilder()
        .startTime(OffsetDateTime.parse("2018-01-29T13:19:43.976Z"))
        .lastUpdate(OffsetDateTime.parse("1969-12-31T23:59:59.999Z"))
        .build();
    ChatInfo decoded = decode(info(
        "<startTime>1517231983976</startTime><lastUpdate> -1 </lastUpdate>"));
    assertEquals(expected, decoded);
    assertEquals(ZoneOffset.UTC, decoded.startTime().orElseThrow().getOffset());
  }

  @Test
  void decodesTimesWithEveryOffsetFormKeepingTheOffsetAsSent() {
    ChatInfo expected = MINIMAL.toBuilder()
        .startTime(OffsetDateTime.parse("2018-01-29T08:19:43Z"))
        .lastUpdate(OffsetDateTime.parse("2018-01-29T08:19:43.123456789+05:30"))
        .build();
    assertEquals(expected, decode(info("<startTime>2018-01-29T08:19:43Z</startTime>"
        + "<lastUpdate>2018-01-29T08:19:43.123456789+0530</lastUpdate>")));
  }

  @Test
  void decodesStateAndTypingInAnyCase() {
    ChatInfo decoded = decode("<info><state>WAITING</state><chatSessionKey>K1</chatSessionKey>"
        + "<agentTyping>Typing</agentTyping><visitorTyping> NOT-TYPING </visitorTyping></info>");
    ChatInfo expected = ChatInfo.builder().rawState("WAITING").chatSessionKey("K1")
        .agentTyping(TypingStatus.TYPING).visitorTyping(TypingStatus.NOT_TYPING).build();
    assertEquals(expected, decoded);
    assertEquals(ChatState.WAITING, decoded.state());
    assertEquals("WAITING", decoded.rawState());
  }

  @Test
  void mapsUnknownValuesToUnknownAndKeepsTheRawState() {
    ChatInfo decoded = decode("<info><state>Transferring</state><chatSessionKey>K1</chatSessionKey>"
        + "<agentTyping>unknown</agentTyping><visitorTyping>pausing</visitorTyping></info>");
    assertEquals(ChatState.UNKNOWN, decoded.state());
    assertEquals("Transferring", decoded.rawState());
    assertEquals(TypingStatus.UNKNOWN, decoded.agentTyping());
    assertEquals(TypingStatus.UNKNOWN, decoded.visitorTyping());
    assertEquals(ChatInfo.builder().rawState("Transferring").chatSessionKey("K1").build(), decoded);
  }

  @Test
  void keepsUnknownScalarElementsAsAttributesInWireOrder() {
    ChatInfo decoded = decode("<info><skillName>Sales</skillName><state>chatting</state>"
        + "<engagementId>42</engagementId><chatSessionKey>K1</chatSessionKey>"
        + "<language> en-US </language><empty/><State>not the state</State></info>");
    ChatInfo expected = MINIMAL.toBuilder().attribute("skillName", "Sales")
        .attribute("engagementId", "42").attribute("language", " en-US ")
        .attribute("empty", "").attribute("State", "not the state").build();
    assertEquals(expected, decoded);
    assertEquals(java.util.List.of("skillName", "engagementId", "language", "empty", "State"),
        java.util.List.copyOf(decoded.attributes().keySet()));
  }

  @Test
  void skipsUnknownNestedElementsUpToTheDeepestNestingAllowed() {
    String deep = "<a>".repeat(WireValues.MAX_DEPTH - 1) + "x" + "</a>".repeat(WireValues.MAX_DEPTH - 1);
    ChatInfo decoded = decode(info("<visitor><name>Bob</name><agent>1</agent></visitor>"
        + "<mixed>text<b/>more</mixed>" + deep + "<skillName>Sales</skillName>"));
    assertEquals(MINIMAL.toBuilder().attribute("skillName", "Sales").build(), decoded);
  }

  @Test
  void skipsUnknownElementsWhoseNamesCannotBeAttributes() {
    String longName = "n".repeat(257);
    ChatInfo decoded = decode(info("<" + longName + ">x</" + longName + "><é>y</é><_ok>z</_ok>"));
    assertEquals(MINIMAL.toBuilder().attribute("_ok", "z").build(), decoded);
  }

  @Test
  void matchesElementsByTheirLocalNameWhateverTheirNamespace() {
    ChatInfo decoded = decode("<lp:info xmlns:lp=\"urn:liveperson\"><lp:state>chatting</lp:state>"
        + "<chatSessionKey xmlns=\"urn:x\">K1</chatSessionKey><x:skillName xmlns:x=\"urn:y\">"
        + "Sales</x:skillName></lp:info>");
    assertEquals(MINIMAL.toBuilder().attribute("skillName", "Sales").build(), decoded);
  }

  @Test
  void acceptsTheFieldsInAnyOrder() {
    String reversed = "<info><language>en-US</language><skillName>Sales</skillName>"
        + "<rtSessionId>4295036103</rtSessionId><visitorName>visitor</visitorName>"
        + "<visitorTyping>typing</visitorTyping><agentTyping>not-typing</agentTyping>"
        + "<visitorId>1215602164887992</visitorId><chatTimeout>40</chatTimeout>"
        + "<lastUpdate>2018-01-29T08:20:54.560-05:00</lastUpdate>"
        + "<startTime>2018-01-29T08:19:43.976-05:00</startTime><agentId>311098910</agentId>"
        + "<agentName>Barber</agentName>"
        + "<link href=\"" + Payloads.BASE + "info\" rel=\"self\"/>"
        + "<chatSessionKey>H3128476291385426589-c0a8K8457415</chatSessionKey>"
        + "<link href=\"" + Payloads.BASE + "visitorName\" rel=\"visitor-name\"/>"
        + "<link href=\"" + Payloads.BASE + "visitorTyping\" rel=\"visitor-typing\"/>"
        + "<state>chatting</state>"
        + "<link href=\"" + Payloads.BASE + "agentTyping\" rel=\"agent-typing\"/></info>";
    ChatInfo expected = Payloads.REALISTIC.toBuilder()
        .attributes(java.util.Map.of()).attribute("language", "en-US")
        .attribute("skillName", "Sales").build();
    assertEquals(expected, decode(reversed));
  }

  @Test
  void decodesUtf16WithAByteOrderMarkInBothByteOrders() {
    String utf16 = Payloads.PRETTY.replace("encoding=\"UTF-8\"", "encoding=\"UTF-16\"");
    assertEquals(Payloads.REALISTIC, decode(utf16, StandardCharsets.UTF_16)); // big-endian, BOM
    byte[] le = utf16.getBytes(StandardCharsets.UTF_16LE);
    byte[] withBom = new byte[le.length + 2];
    withBom[0] = (byte) 0xFF;
    withBom[1] = (byte) 0xFE;
    System.arraycopy(le, 0, withBom, 2, le.length);
    assertEquals(Payloads.REALISTIC, decode(withBom));
  }

  @Test
  void decodesUtf16WithoutAByteOrderMarkWhenTheDeclarationSaysSo() {
    String utf16 = Payloads.PRETTY.replace("encoding=\"UTF-8\"", "encoding=\"UTF-16\"");
    assertEquals(Payloads.REALISTIC, decode(utf16, StandardCharsets.UTF_16LE));
  }

  @Test
  void decodesUtf8WithAByteOrderMarkAndOtherDeclaredEncodings() {
    byte[] utf8 = Payloads.PRETTY.getBytes(StandardCharsets.UTF_8);
    byte[] withBom = new byte[utf8.length + 3];
    withBom[0] = (byte) 0xEF;
    withBom[1] = (byte) 0xBB;
    withBom[2] = (byte) 0xBF;
    System.arraycopy(utf8, 0, withBom, 3, utf8.length);
    assertEquals(Payloads.REALISTIC, decode(withBom));

    String latin1 = "<?xml version='1.0' encoding='ISO-8859-1' standalone='yes'?>"
        + info("<agentName>Barbé</agentName>");
    assertEquals(MINIMAL.toBuilder().agentName("Barbé").build(),
        decode(latin1, StandardCharsets.ISO_8859_1));
  }

  @Test
  void keepsTextFieldsExactlyAsSent() {
    ChatInfo decoded = decode("<info><state> chatting\t</state>"
        + "<chatSessionKey>\n K1 \n</chatSessionKey>"
        + "<agentName> Barber&#13;\n</agentName>"
        + "<visitorName>&lt;b&gt; &amp; &quot;'&#x1F600;]]&gt;</visitorName>"
        + "<participantId><![CDATA[<not markup> & ]]]]><![CDATA[>]]></participantId>"
        + "<skillName>\tSales\t</skillName></info>");
    ChatInfo expected = ChatInfo.builder().rawState(" chatting\t").chatSessionKey("\n K1 \n")
        .agentName(" Barber\r\n").visitorName("<b> & \"'\uD83D\uDE00]]>")
        .participantId("<not markup> & ]]>").attribute("skillName", "\tSales\t").build();
    assertEquals(expected, decoded);
    assertEquals(ChatState.CHATTING, decoded.state());
  }

  @Test
  void readsAnEmptyTextFieldAsEmptyAndAnAbsentVisitorNameAsTheDefault() {
    ChatInfo decoded = decode(info("<agentName/><participantId></participantId>"));
    assertEquals(MINIMAL.toBuilder().agentName("").participantId("").build(), decoded);
    assertEquals(ChatInfo.DEFAULT_VISITOR_NAME, decoded.visitorName());
  }

  @Test
  void ignoresCommentsProcessingInstructionsAndWhitespaceAroundTheRoot() {
    String xml = "\n<?xml-stylesheet href=\"x.xsl\"?>\n<!-- before -->\n<info><!-- c -->"
        + "<state>chat<!-- inside -->ting</state><?pi data?><chatSessionKey>K1</chatSessionKey>"
        + "</info>\n<!-- after -->\n<?after?>\n  ";
    assertEquals(MINIMAL, decode(xml));
  }

  @Test
  void ignoresAttributesOfInfoEvenOneNamedClass() {
    // Simple XML's own strategies would load the class named by a "class" attribute.
    assertEquals(MINIMAL, decode("<info class=\"java.lang.Thread\" version=\"1\" "
        + "xmlns=\"urn:liveperson\" xmlns:x=\"urn:x\" x:y=\"z\">"
        + "<state>chatting</state><chatSessionKey>K1</chatSessionKey></info>"));
  }

  @Test
  void acceptsATextOfTheLongestLengthAllowed() {
    String longest = "x".repeat(WireValues.MAX_TEXT_LENGTH);
    ChatInfo decoded = decode(info("<agentName>" + longest + "</agentName><skillName>" + longest
        + "</skillName><link href=\"" + longest + "\" rel=\"self\"/>"));
    assertEquals(MINIMAL.toBuilder().agentName(longest).attribute("skillName", longest)
        .link(new Link("self", longest)).build(), decoded);
    String longestName = "n".repeat(WireValues.MAX_TEXT_LENGTH);
    assertEquals(MINIMAL, decode(info("<" + longestName + ">x</" + longestName + ">")));
  }
}
