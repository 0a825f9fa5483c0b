package dev.chatinfo.benchmarks.contenders;

import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
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
import okio.Okio;

/**
 * Hand-written Moshi streaming: a {@link JsonReader} over {@code Okio.buffer(Okio.source(in))}
 * straight to the model, and a {@link JsonWriter} back, the way a careful Moshi user writes a
 * reader by hand (and the way Moshi's generated adapters read): field names matched with
 * {@link JsonReader.Options} built once, unknown fields kept as text when scalar and skipped
 * otherwise, the document checked to end after the root object (as {@code JsonAdapter.fromJson}
 * does). Times with {@link OffsetDateTime#parse}. No Moshi instance and no reflection: nothing
 * is built per call but the reader.
 */
public final class MoshiStreaming implements Contender {

  private static final JsonReader.Options ROOT = JsonReader.Options.of("info");
  private static final JsonReader.Options FIELDS = JsonReader.Options.of("link", "state",
      "chatSessionKey", "agentName", "agentId", "startTime", "lastUpdate", "chatTimeout",
      "visitorId", "agentTyping", "visitorTyping", "visitorName", "rtSessionId", "participantId");
  private static final JsonReader.Options LINK = JsonReader.Options.of("@href", "href", "@rel", "rel");

  @Override
  public String name() {
    return "moshi-streaming";
  }

  @Override
  public ChatInfo decode(InputStream body) throws IOException {
    try (JsonReader r = JsonReader.of(Okio.buffer(Okio.source(body)))) {
      ChatInfo info = null;
      r.beginObject();
      while (r.hasNext()) {
        if (r.selectName(ROOT) == -1) {
          r.skipName();
          r.skipValue();
        } else if (r.peek() == JsonReader.Token.BEGIN_OBJECT) {
          info = readInfo(r);
        } else {
          r.skipValue();
        }
      }
      r.endObject();
      if (r.peek() != JsonReader.Token.END_DOCUMENT) {
        throw new IOException("data after the root object at " + r.getPath());
      }
      if (info == null) {
        throw new IOException("no info");
      }
      return info;
    }
  }

  private static ChatInfo readInfo(JsonReader r) throws IOException {
    ChatInfo.Builder b = ChatInfo.builder();
    r.beginObject();
    while (r.hasNext()) {
      switch (r.selectName(FIELDS)) {
        case 0:
          if (r.peek() == JsonReader.Token.BEGIN_ARRAY) {
            r.beginArray();
            while (r.hasNext()) {
              b.link(readLink(r));
            }
            r.endArray();
          } else {
            b.link(readLink(r));
          }
          break;
        case 1:
          b.rawState(r.nextString());
          break;
        case 2:
          b.chatSessionKey(r.nextString());
          break;
        case 3:
          b.agentName(r.nextString());
          break;
        case 4:
          b.agentId(r.nextLong());
          break;
        case 5:
          b.startTime(OffsetDateTime.parse(r.nextString()));
          break;
        case 6:
          b.lastUpdate(OffsetDateTime.parse(r.nextString()));
          break;
        case 7:
          b.chatTimeout(Duration.ofSeconds(r.nextLong()));
          break;
        case 8:
          b.visitorId(r.nextLong());
          break;
        case 9:
          b.agentTyping(TypingStatus.fromWire(r.nextString()));
          break;
        case 10:
          b.visitorTyping(TypingStatus.fromWire(r.nextString()));
          break;
        case 11:
          b.visitorName(r.nextString());
          break;
        case 12:
          b.rtSessionId(r.nextLong());
          break;
        case 13:
          b.participantId(r.nextString());
          break;
        default:
          other(r, b);
      }
    }
    r.endObject();
    return b.build();
  }

  /** A field the model does not name: scalars become attributes, the rest is skipped. */
  private static void other(JsonReader r, ChatInfo.Builder b) throws IOException {
    String name = r.nextName();
    switch (r.peek()) {
      case STRING:
      case NUMBER:
        b.attribute(name, r.nextString());
        break;
      case BOOLEAN:
        b.attribute(name, Boolean.toString(r.nextBoolean()));
        break;
      default:
        r.skipValue();
    }
  }

  private static Link readLink(JsonReader r) throws IOException {
    String href = null;
    String rel = null;
    r.beginObject();
    while (r.hasNext()) {
      switch (r.selectName(LINK)) {
        case 0:
        case 1:
          href = r.nextString();
          break;
        case 2:
        case 3:
          rel = r.nextString();
          break;
        default:
          r.skipName();
          r.skipValue();
      }
    }
    r.endObject();
    return new Link(rel, href);
  }

  @Override
  public void encode(ChatInfo info, OutputStream out) throws IOException {
    try (JsonWriter w = JsonWriter.of(Okio.buffer(Okio.sink(out)))) {
      w.beginObject().name("info").beginObject();
      if (!info.links().isEmpty()) {
        w.name("link").beginArray();
        for (Link link : info.links()) {
          w.beginObject().name("@href").value(link.href()).name("@rel").value(link.rel()).endObject();
        }
        w.endArray();
      }
      w.name("state").value(info.rawState());
      w.name("chatSessionKey").value(info.chatSessionKey());
      if (info.agentName().isPresent()) {
        w.name("agentName").value(info.agentName().get());
      }
      if (info.agentId().isPresent()) {
        w.name("agentId").value(info.agentId().getAsLong());
      }
      if (info.startTime().isPresent()) {
        w.name("startTime").value(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(info.startTime().get()));
      }
      if (info.lastUpdate().isPresent()) {
        w.name("lastUpdate").value(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(info.lastUpdate().get()));
      }
      if (info.chatTimeout().isPresent()) {
        w.name("chatTimeout").value(info.chatTimeout().get().getSeconds());
      }
      if (info.visitorId().isPresent()) {
        w.name("visitorId").value(info.visitorId().getAsLong());
      }
      if (info.agentTyping() != TypingStatus.UNKNOWN) {
        w.name("agentTyping").value(info.agentTyping().wireValue());
      }
      if (info.visitorTyping() != TypingStatus.UNKNOWN) {
        w.name("visitorTyping").value(info.visitorTyping().wireValue());
      }
      w.name("visitorName").value(info.visitorName());
      if (info.rtSessionId().isPresent()) {
        w.name("rtSessionId").value(info.rtSessionId().getAsLong());
      }
      if (info.participantId().isPresent()) {
        w.name("participantId").value(info.participantId().get());
      }
      for (Map.Entry<String, String> a : info.attributes().entrySet()) {
        w.name(a.getKey()).value(a.getValue());
      }
      w.endObject().endObject();
    }
  }
}
