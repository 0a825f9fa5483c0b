package dev.chatinfo.testkit.internal;

import dev.chatinfo.api.ChatInfo;
import dev.chatinfo.api.Link;
import dev.chatinfo.api.TypingStatus;
import dev.chatinfo.api.codec.WireValues;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes chat information in the service's wire shape with the JDK alone, in JSON or XML, in any
 * of the variations the real service is known to send. Used by the fake server and by the codec
 * contract. Not part of the testkit's API.
 */
public final class WireWriter {

  /** The variations of the wire shape. */
  public enum Style {
    /** JSON link keys {@code href}/{@code rel} instead of {@code @href}/{@code @rel}. */
    PLAIN_LINK_KEYS,
    /** JSON {@code link} as one object (the first link) instead of an array. */
    SINGLE_LINK_OBJECT,
    /** JSON numbers sent as strings ({@code "agentId": "311098910"}). */
    NUMBERS_AS_STRINGS,
    /** Times as epoch milliseconds. */
    EPOCH_MILLIS,
    /** The info section inside the full chat resource. */
    EMBEDDED_IN_CHAT,
    /** Indented, one field per line. */
    PRETTY,
    /** Fields in reverse order (links last). */
    REVERSED,
    /** No {@code state} field. */
    WITHOUT_STATE,
    /** No {@code chatSessionKey} field. */
    WITHOUT_CHAT_SESSION_KEY,
    /** An object and an array of unknown fields (JSON) or nested unknown elements (XML). */
    UNKNOWN_STRUCTURES
  }

  private WireWriter() {}

  /**
   * Writes JSON.
   *
   * @param info the chat information
   * @param styles the variations
   * @return the document
   */
  public static String json(ChatInfo info, Set<Style> styles) {
    List<String[]> fields = fields(info, styles);
    boolean pretty = styles.contains(Style.PRETTY);
    String nl = pretty ? "\n" : "";
    String in1 = pretty ? "    " : "";
    StringBuilder out = new StringBuilder(1024);
    boolean chat = styles.contains(Style.EMBEDDED_IN_CHAT);
    if (chat) {
      out.append('{').append(nl).append(pretty ? "  " : "").append("\"chat\": {").append(nl)
          .append(in1).append("\"startTime\": ").append(quote(info.startTime().map(WireValues::formatTime).orElse("")))
          .append(',').append(nl)
          .append(in1).append("\"events\": {\"event\": [{\"@id\": \"1\", \"text\": \"hello\"}]},").append(nl)
          .append(in1).append("\"info\": ");
    } else {
      out.append("{\"info\": ");
    }
    String indent = pretty ? (chat ? "      " : "    ") : "";
    out.append('{').append(nl);
    List<String> members = new ArrayList<>();
    List<Link> links = info.links();
    if (!links.isEmpty()) {
      String href = styles.contains(Style.PLAIN_LINK_KEYS) ? "href" : "@href";
      String rel = styles.contains(Style.PLAIN_LINK_KEYS) ? "rel" : "@rel";
      StringBuilder l = new StringBuilder("\"link\": ");
      if (styles.contains(Style.SINGLE_LINK_OBJECT)) {
        Link first = links.get(0);
        l.append("{\"").append(href).append("\": ").append(quote(first.href())).append(", \"").append(rel)
            .append("\": ").append(quote(first.rel())).append('}');
      } else {
        l.append('[');
        for (int i = 0; i < links.size(); i++) {
          Link link = links.get(i);
          l.append(i == 0 ? "" : ", ").append("{\"").append(href).append("\": ").append(quote(link.href()))
              .append(", \"").append(rel).append("\": ").append(quote(link.rel())).append('}');
        }
        l.append(']');
      }
      members.add(l.toString());
    }
    for (String[] f : fields) {
      members.add(quote(f[0]) + ": " + ("n".equals(f[2]) && !styles.contains(Style.NUMBERS_AS_STRINGS)
          ? f[1] : quote(f[1])));
    }
    if (styles.contains(Style.UNKNOWN_STRUCTURES)) {
      members.add(1, "\"skill\": {\"id\": 7, \"names\": [\"Sales\", {\"deep\": [[1, 2], {\"x\": null}]}]}");
      members.add("\"tags\": [\"vip\", 3, true, null]");
      members.add("\"nothing\": null");
    }
    if (styles.contains(Style.REVERSED)) {
      reverseKeepingLinksInOrder(members, links.isEmpty() ? 0 : 1);
    }
    for (int i = 0; i < members.size(); i++) {
      out.append(indent).append(members.get(i)).append(i == members.size() - 1 ? "" : ",").append(nl);
    }
    out.append(pretty ? (chat ? "    " : "  ") : "").append('}');
    if (chat) {
      out.append(nl).append(pretty ? "  " : "").append('}');
    }
    return out.append(nl).append('}').append(nl).toString();
  }

  /**
   * Writes XML, UTF-8, with an XML declaration.
   *
   * @param info the chat information
   * @param styles the variations (JSON-only ones are ignored)
   * @return the document
   */
  public static String xml(ChatInfo info, Set<Style> styles) {
    boolean pretty = styles.contains(Style.PRETTY);
    boolean chat = styles.contains(Style.EMBEDDED_IN_CHAT);
    String nl = pretty ? "\n" : "";
    String indent = pretty ? (chat ? "    " : "  ") : "";
    List<String> members = new ArrayList<>();
    for (Link link : info.links()) {
      members.add("<link href=\"" + escapeXml(link.href(), true) + "\" rel=\"" + escapeXml(link.rel(), true) + "\"/>");
    }
    for (String[] f : fields(info, styles)) {
      members.add("<" + f[0] + ">" + escapeXml(f[1], false) + "</" + f[0] + ">");
    }
    if (styles.contains(Style.UNKNOWN_STRUCTURES)) {
      members.add(1, "<skill id=\"7\"><name>Sales</name><names><deep><x/></deep></names></skill>");
      members.add("<tags><tag>vip</tag><tag>3</tag></tags>");
    }
    if (styles.contains(Style.REVERSED)) {
      reverseKeepingLinksInOrder(members, info.links().size());
    }
    StringBuilder out = new StringBuilder(1024).append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>").append(nl);
    if (chat) {
      out.append("<chat>").append(nl)
          .append(pretty ? "  " : "").append("<startTime>")
          .append(info.startTime().map(WireValues::formatTime).orElse("")).append("</startTime>").append(nl)
          .append(pretty ? "  " : "").append("<events><event id=\"1\"><text>hello</text></event></events>").append(nl)
          .append(pretty ? "  " : "");
    }
    out.append("<info>").append(nl);
    for (String m : members) {
      out.append(indent).append(m).append(nl);
    }
    out.append(chat && pretty ? "  " : "").append("</info>");
    if (chat) {
      out.append(nl).append("</chat>");
    }
    return out.append(nl).toString();
  }

  /**
   * A {@code Set<Style>} from an array, for brevity.
   *
   * @param styles the styles
   * @return the set
   */
  public static Set<Style> styles(Style... styles) {
    EnumSet<Style> set = EnumSet.noneOf(Style.class);
    set.addAll(List.of(styles));
    return set;
  }

  /** Reverses the fields and moves the first {@code links} members (the links) last, in their order. */
  private static void reverseKeepingLinksInOrder(List<String> members, int links) {
    List<String> linkMembers = new ArrayList<>(members.subList(0, links));
    List<String> rest = new ArrayList<>(members.subList(links, members.size()));
    java.util.Collections.reverse(rest);
    members.clear();
    members.addAll(rest);
    members.addAll(linkMembers);
  }

  /** Name, value, and "n" for numbers or "s" for strings, in the service's order. */
  private static List<String[]> fields(ChatInfo info, Set<Style> styles) {
    List<String[]> f = new ArrayList<>();
    if (!styles.contains(Style.WITHOUT_STATE)) {
      f.add(new String[] {"state", info.rawState(), "s"});
    }
    if (!styles.contains(Style.WITHOUT_CHAT_SESSION_KEY)) {
      f.add(new String[] {"chatSessionKey", info.chatSessionKey(), "s"});
    }
    info.agentName().ifPresent(v -> f.add(new String[] {"agentName", v, "s"}));
    info.agentId().ifPresent(v -> f.add(new String[] {"agentId", Long.toString(v), "n"}));
    info.startTime().ifPresent(v -> f.add(time("startTime", v, styles)));
    info.lastUpdate().ifPresent(v -> f.add(time("lastUpdate", v, styles)));
    info.chatTimeout().ifPresent(v -> f.add(new String[] {"chatTimeout", Long.toString(v.toSeconds()), "n"}));
    info.visitorId().ifPresent(v -> f.add(new String[] {"visitorId", Long.toString(v), "n"}));
    if (info.agentTyping() != TypingStatus.UNKNOWN) {
      f.add(new String[] {"agentTyping", info.agentTyping().wireValue(), "s"});
    }
    if (info.visitorTyping() != TypingStatus.UNKNOWN) {
      f.add(new String[] {"visitorTyping", info.visitorTyping().wireValue(), "s"});
    }
    f.add(new String[] {"visitorName", info.visitorName(), "s"});
    info.rtSessionId().ifPresent(v -> f.add(new String[] {"rtSessionId", Long.toString(v), "n"}));
    info.participantId().ifPresent(v -> f.add(new String[] {"participantId", v, "s"}));
    for (Map.Entry<String, String> a : info.attributes().entrySet()) {
      f.add(new String[] {a.getKey(), a.getValue(), "s"});
    }
    return f;
  }

  private static String[] time(String name, OffsetDateTime time, Set<Style> styles) {
    return styles.contains(Style.EPOCH_MILLIS)
        ? new String[] {name, Long.toString(time.toInstant().toEpochMilli()), "n"}
        : new String[] {name, WireValues.formatTime(time), "s"};
  }

  /**
   * A JSON string literal.
   *
   * @param s the text
   * @return the quoted, escaped text
   */
  public static String quote(String s) {
    StringBuilder out = new StringBuilder(s.length() + 2).append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }

  /**
   * Escapes text for XML content or an attribute value so that every character reads back as is.
   *
   * @param s the text
   * @param attribute whether it goes in a (double-quoted) attribute value
   * @return the escaped text
   */
  public static String escapeXml(String s, boolean attribute) {
    StringBuilder out = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '\r' -> out.append("&#13;");
        case '"' -> out.append(attribute ? "&quot;" : "\"");
        case '\t' -> out.append(attribute ? "&#9;" : "\t");
        case '\n' -> out.append(attribute ? "&#10;" : "\n");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
