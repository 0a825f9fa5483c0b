package dev.chatinfo.codec.xml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.chatinfo.api.ChatInfo;
import dev.chatinfo.api.ChatInfoException;
import dev.chatinfo.api.ChatState;
import dev.chatinfo.api.Link;
import dev.chatinfo.testkit.ChatInfoFixtures;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Realistic XML bodies, as the service sends them, and the chat information they hold. */
final class Payloads {

  static final SimpleXmlChatInfoCodec CODEC = new SimpleXmlChatInfoCodec();

  static final String BASE =
      "https://va-a.agentvep.liveperson.net/api/account/56072331/agentSession/abcd1234/chat/"
          + "H3128476291385426589-c0a8/";

  /** The realistic payload, pretty-printed, with an XML declaration. */
  static final String PRETTY = String.join("\n",
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>",
      "<info>",
      "  <link href=\"" + BASE + "info\" rel=\"self\"/>",
      "  <link href=\"" + BASE + "visitorName\" rel=\"visitor-name\"/>",
      "  <link href=\"" + BASE + "visitorTyping\" rel=\"visitor-typing\"/>",
      "  <link href=\"" + BASE + "agentTyping\" rel=\"agent-typing\"/>",
      "  <state>chatting</state>",
      "  <chatSessionKey>H3128476291385426589-c0a8K8457415</chatSessionKey>",
      "  <agentName>Barber</agentName>",
      "  <agentId>311098910</agentId>",
      "  <startTime>2018-01-29T08:19:43.976-05:00</startTime>",
      "  <lastUpdate>2018-01-29T08:20:54.560-05:00</lastUpdate>",
      "  <chatTimeout>40</chatTimeout>",
      "  <visitorId>1215602164887992</visitorId>",
      "  <agentTyping>not-typing</agentTyping>",
      "  <visitorTyping>typing</visitorTyping>",
      "  <visitorName>visitor</visitorName>",
      "  <rtSessionId>4295036103</rtSessionId>",
      "  <skillName>Sales</skillName>",
      "  <language>en-US</language>",
      "</info>",
      "");

  /** The same payload on one line, without an XML declaration. */
  static final String COMPACT = "<info>"
      + "<link href=\"" + BASE + "info\" rel=\"self\"/>"
      + "<link href=\"" + BASE + "visitorName\" rel=\"visitor-name\"/>"
      + "<link href=\"" + BASE + "visitorTyping\" rel=\"visitor-typing\"/>"
      + "<link href=\"" + BASE + "agentTyping\" rel=\"agent-typing\"/>"
      + "<state>chatting</state><chatSessionKey>H3128476291385426589-c0a8K8457415</chatSessionKey>"
      + "<agentName>Barber</agentName><agentId>311098910</agentId>"
      + "<startTime>2018-01-29T08:19:43.976-05:00</startTime>"
      + "<lastUpdate>2018-01-29T08:20:54.560-05:00</lastUpdate><chatTimeout>40</chatTimeout>"
      + "<visitorId>1215602164887992</visitorId><agentTyping>not-typing</agentTyping>"
      + "<visitorTyping>typing</visitorTyping><visitorName>visitor</visitorName>"
      + "<rtSessionId>4295036103</rtSessionId><skillName>Sales</skillName>"
      + "<language>en-US</language></info>";

  /** What both hold: the testkit's chatting fixture (the documentation's example) and its links. */
  static final ChatInfo REALISTIC = ChatInfoFixtures.chattingBuilder().links(List.of(
      new Link(Link.SELF, BASE + "info"),
      new Link(Link.VISITOR_NAME, BASE + "visitorName"),
      new Link(Link.VISITOR_TYPING, BASE + "visitorTyping"),
      new Link(Link.AGENT_TYPING, BASE + "agentTyping"))).build();

  /** The smallest valid chat information: state and key. */
  static final ChatInfo MINIMAL = ChatInfo.builder()
      .state(ChatState.CHATTING).chatSessionKey("K1").build();

  private Payloads() {}

  /** An {@code <info>} with the given elements after the required state and key. */
  static String info(String extra) {
    return "<info><state>chatting</state><chatSessionKey>K1</chatSessionKey>" + extra + "</info>";
  }

  static ChatInfo decode(String xml) {
    return decode(xml.getBytes(StandardCharsets.UTF_8));
  }

  static ChatInfo decode(String xml, Charset charset) {
    return decode(xml.getBytes(charset));
  }

  static ChatInfo decode(byte[] xml) {
    return CODEC.decode(new ByteArrayInputStream(xml));
  }

  static byte[] encode(ChatInfo info) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    CODEC.encode(info, out);
    return out.toByteArray();
  }

  /** Decodes and expects a MALFORMED_RESPONSE; returns its message. */
  static String refusal(String xml) {
    return refusal(xml.getBytes(StandardCharsets.UTF_8));
  }

  /** Decodes and expects a MALFORMED_RESPONSE; returns its message. */
  static String refusal(byte[] xml) {
    ChatInfoException e = assertThrows(ChatInfoException.class, () -> decode(xml));
    assertEquals(ChatInfoException.Kind.MALFORMED_RESPONSE, e.kind(), e::toString);
    return e.getMessage();
  }
}
