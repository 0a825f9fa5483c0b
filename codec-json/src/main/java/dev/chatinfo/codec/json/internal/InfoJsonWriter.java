package dev.chatinfo.codec.json.internal;

import com.squareup.moshi.JsonWriter;
import dev.chatinfo.api.ChatInfo;
import dev.chatinfo.api.Link;
import dev.chatinfo.api.TypingStatus;
import dev.chatinfo.api.codec.WireValues;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import okio.BufferedSink;
import okio.Okio;

/**
 * Writes a {@link ChatInfo} as the service's {@code info} resource, in UTF-8 JSON, with Moshi's
 * {@link JsonWriter}:
 * {@code {"info":{"link":[{"@href":...,"@rel":...},...],"state":...,"chatSessionKey":...,...}}}.
 *
 * <p>Field order: {@code link}, {@code state} (the raw text), {@code chatSessionKey},
 * {@code agentName}, {@code agentId}, {@code startTime}, {@code lastUpdate}, {@code chatTimeout}
 * (seconds), {@code visitorId}, {@code agentTyping}, {@code visitorTyping}, {@code visitorName},
 * {@code rtSessionId}, {@code participantId}, then the attributes as strings. Absent values are
 * left out, as are typing statuses that are {@link TypingStatus#UNKNOWN} and an empty
 * {@code link}; ids and the time-out are JSON numbers, times are
 * {@link WireValues#formatTime(OffsetDateTime)}. Stateless.
 */
public final class InfoJsonWriter {

  private InfoJsonWriter() {}

  /**
   * Writes chat information. Flushes, but does not close, the stream.
   *
   * @param info the chat information
   * @param out where to write
   * @throws UncheckedIOException if writing fails
   */
  public static void encode(ChatInfo info, OutputStream out) {
    BufferedSink sink = Okio.buffer(Okio.sink(out));
    try {
      JsonWriter writer = JsonWriter.of(sink);
      writer.beginObject().name("info").beginObject();
      if (!info.links().isEmpty()) {
        writer.name("link").beginArray();
        for (Link link : info.links()) {
          writer.beginObject().name("@href").value(link.href()).name("@rel").value(link.rel())
              .endObject();
        }
        writer.endArray();
      }
      writer.name("state").value(info.rawState());
      writer.name("chatSessionKey").value(info.chatSessionKey());
      text(writer, "agentName", info.agentName());
      number(writer, "agentId", info.agentId());
      time(writer, "startTime", info.startTime());
      time(writer, "lastUpdate", info.lastUpdate());
      Optional<Duration> timeout = info.chatTimeout();
      if (timeout.isPresent()) {
        writer.name("chatTimeout").value(timeout.get().getSeconds());
      }
      number(writer, "visitorId", info.visitorId());
      typing(writer, "agentTyping", info.agentTyping());
      typing(writer, "visitorTyping", info.visitorTyping());
      writer.name("visitorName").value(info.visitorName());
      number(writer, "rtSessionId", info.rtSessionId());
      text(writer, "participantId", info.participantId());
      for (Map.Entry<String, String> attribute : info.attributes().entrySet()) {
        writer.name(attribute.getKey()).value(attribute.getValue());
      }
      writer.endObject().endObject();
      writer.flush();
    } catch (IOException e) {
      throw new UncheckedIOException("could not write the JSON body: " + e.getMessage(), e);
    } finally {
      // Gives Okio's segments back to its pool when writing failed half-way; the stream stays open.
      sink.getBuffer().clear();
    }
  }

  private static void text(JsonWriter writer, String name, Optional<String> value)
      throws IOException {
    if (value.isPresent()) {
      writer.name(name).value(value.get());
    }
  }

  private static void number(JsonWriter writer, String name, OptionalLong value)
      throws IOException {
    if (value.isPresent()) {
      writer.name(name).value(value.getAsLong());
    }
  }

  private static void time(JsonWriter writer, String name, Optional<OffsetDateTime> value)
      throws IOException {
    if (value.isPresent()) {
      writer.name(name).value(WireValues.formatTime(value.get()));
    }
  }

  private static void typing(JsonWriter writer, String name, TypingStatus value)
      throws IOException {
    if (value != TypingStatus.UNKNOWN) {
      writer.name(name).value(value.wireValue());
    }
  }
}
