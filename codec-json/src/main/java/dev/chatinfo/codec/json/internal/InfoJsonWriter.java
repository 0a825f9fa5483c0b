package dev.chatinfo.codec.json.internal;

import com.squareup.moshi.JsonWriter;
import dev.chatinfo.api.ChatInfo;
import dev.chatinfo.api.Link;
import dev.chatinfo.api.TypingStatus;
import dev.chatinfo.api.codec.WireField;
import dev.chatinfo.api.codec.WireValues;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import okio.BufferedSink;
import okio.Okio;

/**
 * Writes a {@link ChatInfo} as the service's {@code info} resource, in UTF-8 JSON, with Moshi's
 * {@link JsonWriter}:
 * {@code {"info":{"link":[{"@href":...,"@rel":...},...],"state":...,"chatSessionKey":...,...}}}.
 *
 * <p>The fields of {@link WireField}, in its order, each as {@link WireField#wireText(ChatInfo)}
 * gives it, then the attributes as strings. What the wire leaves out (absent values, typing
 * statuses that are {@link TypingStatus#UNKNOWN}) is left out, as is an empty {@code link};
 * whole numbers and seconds are JSON numbers, times are
 * {@link WireValues#formatTime(OffsetDateTime)}. Stateless.
 */
public final class InfoJsonWriter {

  /** The fields in the order they are written. */
  private static final WireField[] FIELDS = WireField.values();

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
      for (WireField field : FIELDS) {
        switch (field.kind()) {
          case LINK -> links(writer, info.links());
          case WHOLE_NUMBER, SECONDS -> {
            Optional<String> number = field.wireText(info);
            if (number.isPresent()) {
              // The wire text of a number is a long in decimal: written as a JSON number.
              writer.name(field.wireName()).value(Long.parseLong(number.get()));
            }
          }
          default -> {
            Optional<String> text = field.wireText(info);
            if (text.isPresent()) {
              writer.name(field.wireName()).value(text.get());
            }
          }
        }
      }
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

  private static void links(JsonWriter writer, List<Link> links) throws IOException {
    if (links.isEmpty()) {
      return;
    }
    writer.name(WireField.LINK.wireName()).beginArray();
    for (Link link : links) {
      writer.beginObject().name("@href").value(link.href()).name("@rel").value(link.rel()).endObject();
    }
    writer.endArray();
  }
}
