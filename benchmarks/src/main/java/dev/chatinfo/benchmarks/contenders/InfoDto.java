package dev.chatinfo.benchmarks.contenders;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlElementWrapper;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlRootElement;
import dev.chatinfo.api.ChatInfo;
import dev.chatinfo.api.Link;
import dev.chatinfo.api.TypingStatus;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code info} resource as a Jackson user would map it, for JSON (inside {@link Document})
 * and for XML (the root): public fields, times as text parsed with {@link OffsetDateTime#parse},
 * unknown scalars collected with {@link JsonAnySetter}.
 */
@JacksonXmlRootElement(localName = "info")
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"link", "state", "chatSessionKey", "agentName", "agentId", "startTime",
    "lastUpdate", "chatTimeout", "visitorId", "agentTyping", "visitorTyping", "visitorName",
    "rtSessionId", "participantId"})
public final class InfoDto {

  /** The JSON root: {@code {"info": {...}}}. */
  public static final class Document {
    /** The info section. */
    public InfoDto info;
  }

  /**
   * A link: {@code @href}/{@code @rel} in JSON ({@code href}/{@code rel} too, as the Server Chat
   * API documents them), attributes in XML.
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public static final class LinkDto {
    /** The target. */
    @JsonProperty("@href")
    @JsonAlias("href")
    @JacksonXmlProperty(isAttribute = true, localName = "href")
    public String href;
    /** The relationship. */
    @JsonProperty("@rel")
    @JsonAlias("rel")
    @JacksonXmlProperty(isAttribute = true, localName = "rel")
    public String rel;
  }

  /** The links: an array (or one object) in JSON, repeated elements in XML. */
  @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
  @JacksonXmlElementWrapper(useWrapping = false)
  public List<LinkDto> link;
  /** The state. */
  public String state;
  /** The chat session key. */
  public String chatSessionKey;
  /** The agent's name. */
  public String agentName;
  /** The agent's id. */
  public Long agentId;
  /** ISO-8601. */
  public String startTime;
  /** ISO-8601. */
  public String lastUpdate;
  /** Seconds. */
  public Long chatTimeout;
  /** The visitor's id. */
  public Long visitorId;
  /** typing / not-typing. */
  public String agentTyping;
  /** typing / not-typing. */
  public String visitorTyping;
  /** The visitor's name. */
  public String visitorName;
  /** The real-time session id. */
  public Long rtSessionId;
  /** The SSO participant. */
  public String participantId;

  private final Map<String, String> other = new LinkedHashMap<>();

  /**
   * Collects an unknown field; only scalars are kept.
   *
   * @param name the field
   * @param value its value
   */
  @JsonAnySetter
  public void other(String name, Object value) {
    if (value instanceof String || value instanceof Number || value instanceof Boolean) {
      other.put(name, value.toString());
    }
  }

  /**
   * The unknown fields, written after the known ones.
   *
   * @return the map
   */
  @JsonAnyGetter
  public Map<String, String> other() {
    return other;
  }

  /**
   * To the model.
   *
   * @return the chat information
   */
  public ChatInfo toChatInfo() {
    ChatInfo.Builder b = ChatInfo.builder().rawState(state).chatSessionKey(chatSessionKey)
        .agentName(agentName);
    if (link != null) {
      for (LinkDto l : link) {
        b.link(new Link(l.rel, l.href));
      }
    }
    if (agentId != null) {
      b.agentId(agentId);
    }
    if (startTime != null) {
      b.startTime(OffsetDateTime.parse(startTime));
    }
    if (lastUpdate != null) {
      b.lastUpdate(OffsetDateTime.parse(lastUpdate));
    }
    if (chatTimeout != null) {
      b.chatTimeout(java.time.Duration.ofSeconds(chatTimeout));
    }
    if (visitorId != null) {
      b.visitorId(visitorId);
    }
    b.agentTyping(TypingStatus.fromWire(agentTyping)).visitorTyping(TypingStatus.fromWire(visitorTyping));
    if (visitorName != null) {
      b.visitorName(visitorName);
    }
    if (rtSessionId != null) {
      b.rtSessionId(rtSessionId);
    }
    b.participantId(participantId);
    other.forEach(b::attribute);
    return b.build();
  }

  /**
   * From the model.
   *
   * @param info the chat information
   * @return the mapped value
   */
  public static InfoDto of(ChatInfo info) {
    InfoDto d = new InfoDto();
    if (!info.links().isEmpty()) {
      d.link = new ArrayList<>(info.links().size());
      for (Link l : info.links()) {
        LinkDto dto = new LinkDto();
        dto.href = l.href();
        dto.rel = l.rel();
        d.link.add(dto);
      }
    }
    d.state = info.rawState();
    d.chatSessionKey = info.chatSessionKey();
    d.agentName = info.agentName().orElse(null);
    d.agentId = info.agentId().isPresent() ? info.agentId().getAsLong() : null;
    d.startTime = info.startTime().map(DateTimeFormatter.ISO_OFFSET_DATE_TIME::format).orElse(null);
    d.lastUpdate = info.lastUpdate().map(DateTimeFormatter.ISO_OFFSET_DATE_TIME::format).orElse(null);
    d.chatTimeout = info.chatTimeout().map(java.time.Duration::getSeconds).orElse(null);
    d.visitorId = info.visitorId().isPresent() ? info.visitorId().getAsLong() : null;
    d.agentTyping = info.agentTyping() == TypingStatus.UNKNOWN ? null : info.agentTyping().wireValue();
    d.visitorTyping = info.visitorTyping() == TypingStatus.UNKNOWN ? null : info.visitorTyping().wireValue();
    d.visitorName = info.visitorName();
    d.rtSessionId = info.rtSessionId().isPresent() ? info.rtSessionId().getAsLong() : null;
    d.participantId = info.participantId().orElse(null);
    d.other.putAll(info.attributes());
    return d;
  }
}
