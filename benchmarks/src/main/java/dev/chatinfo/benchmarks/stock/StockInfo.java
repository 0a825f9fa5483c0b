package dev.chatinfo.benchmarks.stock;

import java.util.List;
import org.simpleframework.xml.Attribute;
import org.simpleframework.xml.Element;
import org.simpleframework.xml.ElementList;
import org.simpleframework.xml.Root;

/**
 * The {@code info} resource as a Simple XML user maps it. Simple XML has no "any other element"
 * mapping, so the payload's two extra fields are mapped by name. Loaded only by
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
  /** An extra field of the payload. */
  @Element(required = false)
  public String skillName;
  /** An extra field of the payload. */
  @Element(required = false)
  public String language;
}
