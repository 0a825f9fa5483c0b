package dev.chatinfo.benchmarks.stock;

import java.util.List;
import org.simpleframework.xml.Attribute;
import org.simpleframework.xml.Element;
import org.simpleframework.xml.ElementList;
import org.simpleframework.xml.Root;

/**
 * The {@code info} resource as a Simple XML user maps it. Simple XML has no "any other element"
 * mapping, so the extra fields the payloads carry (the fixture's two, and those of the Server Chat
 * API's documented example) are mapped by name, in the order that example sends them. Loaded only by
 * {@code StockSimpleXmlLoader}, against the stock Simple XML 2.7.1.
 */
@Root(name = "info", strict = false)
public class StockInfo {

  /** A {@code <link href rel/>}. */
  @Root(name = "link")
  public static class StockLink {
    /** The target. */
    @Attribute(name = "href")
    public String href;
    /** The relationship. */
    @Attribute(name = "rel")
    public String rel;
  }

  /** The links. */
  @ElementList(inline = true, entry = "link", required = false)
  public List<StockLink> link;
  /** The state. */
  @Element(required = false)
  public String state;
  /** The key. */
  @Element(required = false)
  public String chatSessionKey;
  /** The agent. */
  @Element(required = false)
  public String agentName;
  /** The agent's id. */
  @Element(required = false)
  public Long agentId;
  /** ISO-8601. */
  @Element(required = false)
  public String startTime;
  /** ISO-8601. */
  @Element(required = false)
  public String lastUpdate;
  /** Seconds. */
  @Element(required = false)
  public Long chatTimeout;
  /** The visitor's id. */
  @Element(required = false)
  public Long visitorId;
  /** typing / not-typing. */
  @Element(required = false)
  public String agentTyping;
  /** typing / not-typing. */
  @Element(required = false)
  public String visitorTyping;
  /** The visitor's name. */
  @Element(required = false)
  public String visitorName;
  /** The real-time session. */
  @Element(required = false)
  public Long rtSessionId;
  /** The SSO participant. */
  @Element(required = false)
  public String participantId;
  /** An extra field: the skill's name. */
  @Element(required = false)
  public String skillName;
  /** An extra field: the skill's id. */
  @Element(required = false)
  public String skillId;
  /** An extra field: the chat's duration. */
  @Element(required = false)
  public String duration;
  /** An extra field: the visitor's monitoring id. */
  @Element(required = false)
  public String sharkVisitorId;
  /** An extra field: the visitor's monitoring session. */
  @Element(required = false)
  public String sharkSessionId;
  /** An extra field: the visitor's monitoring context. */
  @Element(required = false)
  public String sharkContextId;
  /** An extra field: the engagement. */
  @Element(required = false)
  public String engagementId;
  /** An extra field: the campaign. */
  @Element(required = false)
  public String campaignId;
  /** An extra field: the language. */
  @Element(required = false)
  public String language;
}
