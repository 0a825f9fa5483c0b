package dev.chatinfo.benchmarks.contenders;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.chatinfo.api.ChatInfo;
import dev.chatinfo.api.Link;
import dev.chatinfo.api.TypingStatus;
import dev.chatinfo.benchmarks.Contender;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;

/**
 * A hand-written reader and writer over Jackson's streaming {@link JsonParser} and
 * {@link JsonGenerator}, straight to and from the model: the fastest JSON a Java user can write
 * by hand. Times with {@link OffsetDateTime#parse}. One {@link JsonFactory}, built once.
 */
public final class JacksonStreaming implements Contender {

  private final JsonFactory factory = new JsonFactory();

  @Override
  public String name() {
    return "jackson-streaming";
  }

  @Override
  public ChatInfo decode(InputStream body) throws IOException {
    try (JsonParser p = factory.createParser(body)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw new IOException("not an object");
      }
      ChatInfo info = null;
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        JsonToken value = p.nextToken();
        if (name.equals("info") && value == JsonToken.START_OBJECT) {
          info = readInfo(p);
        } else {
          p.skipChildren();
        }
      }
      if (info == null) {
        throw new IOException("no info");
      }
      return info;
    }
  }

  private static ChatInfo readInfo(JsonParser p) throws IOException {
    ChatInfo.Builder b = ChatInfo.builder();
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      JsonToken token = p.nextToken();
      switch (name) {
        case "link":
          if (token == JsonToken.START_ARRAY) {
            while (p.nextToken() == JsonToken.START_OBJECT) {
              b.link(readLink(p));
            }
          } else {
            b.link(readLink(p));
          }
          break;
        case "state":
          b.rawState(p.getText());
          break;
        case "chatSessionKey":
          b.chatSessionKey(p.getText());
          break;
        case "agentName":
          b.agentName(p.getText());
          break;
        case "agentId":
          b.agentId(p.getValueAsLong());
          break;
        case "startTime":
          b.startTime(OffsetDateTime.parse(p.getText()));
          break;
        case "lastUpdate":
          b.lastUpdate(OffsetDateTime.parse(p.getText()));
          break;
        case "chatTimeout":
          b.chatTimeout(Duration.ofSeconds(p.getValueAsLong()));
          break;
        case "visitorId":
          b.visitorId(p.getValueAsLong());
          break;
        case "agentTyping":
          b.agentTyping(TypingStatus.fromWire(p.getText()));
          break;
        case "visitorTyping":
          b.visitorTyping(TypingStatus.fromWire(p.getText()));
          break;
        case "visitorName":
          b.visitorName(p.getText());
          break;
        case "rtSessionId":
          b.rtSessionId(p.getValueAsLong());
          break;
        case "participantId":
          b.participantId(p.getText());
          break;
        default:
          if (token.isScalarValue()) {
            b.attribute(name, p.getText());
          } else {
            p.skipChildren();
          }
      }
    }
    return b.build();
  }

  private static Link readLink(JsonParser p) throws IOException {
    String href = null;
    String rel = null;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      p.nextToken();
      if (name.equals("@href") || name.equals("href")) {
        href = p.getText();
      } else if (name.equals("@rel") || name.equals("rel")) {
        rel = p.getText();
      } else {
        p.skipChildren();
      }
    }
    return new Link(rel, href);
  }

  @Override
  public void encode(ChatInfo info, OutputStream out) throws IOException {
    try (JsonGenerator g = factory.createGenerator(out, JsonEncoding.UTF8)) {
      g.writeStartObject();
      g.writeFieldName("info");
      g.writeStartObject();
      if (!info.links().isEmpty()) {
        g.writeArrayFieldStart("link");
        for (Link link : info.links()) {
          g.writeStartObject();
          g.writeStringField("@href", link.href());
          g.writeStringField("@rel", link.rel());
          g.writeEndObject();
        }
        g.writeEndArray();
      }
      g.writeStringField("state", info.rawState());
      g.writeStringField("chatSessionKey", info.chatSessionKey());
      if (info.agentName().isPresent()) {
        g.writeStringField("agentName", info.agentName().get());
      }
      if (info.agentId().isPresent()) {
        g.writeNumberField("agentId", info.agentId().getAsLong());
      }
      if (info.startTime().isPresent()) {
        g.writeStringField("startTime", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(info.startTime().get()));
      }
      if (info.lastUpdate().isPresent()) {
        g.writeStringField("lastUpdate", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(info.lastUpdate().get()));
      }
      if (info.chatTimeout().isPresent()) {
        g.writeNumberField("chatTimeout", info.chatTimeout().get().getSeconds());
      }
      if (info.visitorId().isPresent()) {
        g.writeNumberField("visitorId", info.visitorId().getAsLong());
      }
      if (info.agentTyping() != TypingStatus.UNKNOWN) {
        g.writeStringField("agentTyping", info.agentTyping().wireValue());
      }
      if (info.visitorTyping() != TypingStatus.UNKNOWN) {
        g.writeStringField("visitorTyping", info.visitorTyping().wireValue());
      }
      g.writeStringField("visitorName", info.visitorName());
      if (info.rtSessionId().isPresent()) {
        g.writeNumberField("rtSessionId", info.rtSessionId().getAsLong());
      }
      if (info.participantId().isPresent()) {
        g.writeStringField("participantId", info.participantId().get());
      }
      for (Map.Entry<String, String> a : info.attributes().entrySet()) {
        g.writeStringField(a.getKey(), a.getValue());
      }
      g.writeEndObject();
      g.writeEndObject();
    }
  }
}
