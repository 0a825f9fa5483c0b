package dev.chatinfo.benchmarks.stock;

import dev.chatinfo.api.ChatInfo;
import dev.chatinfo.api.Link;
import dev.chatinfo.api.TypingStatus;
import dev.chatinfo.benchmarks.Contender;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Map;
import org.simpleframework.xml.core.Persister;

/**
 * Stock Simple XML 2.7.1 with one {@link Persister}, as its users wrote it: {@code read} of an
 * annotated class from the stream, with the StAX parser {@code XMLInputFactory.newInstance()}
 * finds. Loaded by {@code StockSimpleXmlLoader} in a class loader of its own.
 */
public final class StockSimpleXml implements Contender {

  private final Persister persister = new Persister();

  /** Creates the contender and its Persister. */
  public StockSimpleXml() {
    // the field is the whole configuration
  }

  @Override
  public String name() {
    return "simple-xml-2.7.1";
  }

  @Override
  public ChatInfo decode(InputStream body) throws Exception {
    StockInfo i = persister.read(StockInfo.class, body, false);
    ChatInfo.Builder b = ChatInfo.builder().rawState(i.state).chatSessionKey(i.chatSessionKey)
        .agentName(i.agentName);
    if (i.link != null) {
      for (StockInfo.StockLink l : i.link) {
        b.link(new Link(l.rel, l.href));
      }
    }
    if (i.agentId != null) {
      b.agentId(i.agentId);
    }
    if (i.startTime != null) {
      b.startTime(OffsetDateTime.parse(i.startTime));
    }
    if (i.lastUpdate != null) {
      b.lastUpdate(OffsetDateTime.parse(i.lastUpdate));
    }
    if (i.chatTimeout != null) {
      b.chatTimeout(Duration.ofSeconds(i.chatTimeout));
    }
    if (i.visitorId != null) {
      b.visitorId(i.visitorId);
    }
    b.agentTyping(TypingStatus.fromWire(i.agentTyping)).visitorTyping(TypingStatus.fromWire(i.visitorTyping));
    if (i.visitorName != null) {
      b.visitorName(i.visitorName);
    }
    if (i.rtSessionId != null) {
      b.rtSessionId(i.rtSessionId);
    }
    b.participantId(i.participantId);
    extra(b, "skillName", i.skillName);
    extra(b, "skillId", i.skillId);
    extra(b, "duration", i.duration);
    extra(b, "sharkVisitorId", i.sharkVisitorId);
    extra(b, "sharkSessionId", i.sharkSessionId);
    extra(b, "sharkContextId", i.sharkContextId);
    extra(b, "engagementId", i.engagementId);
    extra(b, "campaignId", i.campaignId);
    extra(b, "language", i.language);
    return b.build();
  }

  private static void extra(ChatInfo.Builder b, String name, String value) {
    if (value != null) {
      b.attribute(name, value);
    }
  }

  @Override
  public void encode(ChatInfo info, OutputStream out) throws Exception {
    StockInfo i = new StockInfo();
    if (!info.links().isEmpty()) {
      i.link = new ArrayList<>(info.links().size());
      for (Link l : info.links()) {
        StockInfo.StockLink s = new StockInfo.StockLink();
        s.href = l.href();
        s.rel = l.rel();
        i.link.add(s);
      }
    }
    i.state = info.rawState();
    i.chatSessionKey = info.chatSessionKey();
    i.agentName = info.agentName().orElse(null);
    i.agentId = info.agentId().isPresent() ? info.agentId().getAsLong() : null;
    i.startTime = info.startTime().map(DateTimeFormatter.ISO_OFFSET_DATE_TIME::format).orElse(null);
    i.lastUpdate = info.lastUpdate().map(DateTimeFormatter.ISO_OFFSET_DATE_TIME::format).orElse(null);
    i.chatTimeout = info.chatTimeout().map(Duration::getSeconds).orElse(null);
    i.visitorId = info.visitorId().isPresent() ? info.visitorId().getAsLong() : null;
    i.agentTyping = info.agentTyping() == TypingStatus.UNKNOWN ? null : info.agentTyping().wireValue();
    i.visitorTyping = info.visitorTyping() == TypingStatus.UNKNOWN ? null : info.visitorTyping().wireValue();
    i.visitorName = info.visitorName();
    i.rtSessionId = info.rtSessionId().isPresent() ? info.rtSessionId().getAsLong() : null;
    i.participantId = info.participantId().orElse(null);
    Map<String, String> extra = info.attributes();
    i.skillName = extra.get("skillName");
    i.skillId = extra.get("skillId");
    i.duration = extra.get("duration");
    i.sharkVisitorId = extra.get("sharkVisitorId");
    i.sharkSessionId = extra.get("sharkSessionId");
    i.sharkContextId = extra.get("sharkContextId");
    i.engagementId = extra.get("engagementId");
    i.campaignId = extra.get("campaignId");
    i.language = extra.get("language");
    persister.write(i, out, "UTF-8");
  }
}
