package dev.chatinfo.codec.json;

import dev.chatinfo.api.ChatInfo;
import dev.chatinfo.api.ChatInfoException;
import dev.chatinfo.api.codec.ChatInfoCodec;
import dev.chatinfo.api.codec.WireValues;
import dev.chatinfo.codec.json.internal.InfoJsonReader;
import dev.chatinfo.codec.json.internal.InfoJsonWriter;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Objects;

/**
 * Reads and writes chat information as JSON ({@code application/json}), streaming, with Moshi.
 *
 * <p>Decoding accepts every variation of the wire shape the service is known to send: the
 * {@code info} resource or the full {@code chat} resource around it; {@code link} as an array or
 * one object, with {@code @href}/{@code @rel} or {@code href}/{@code rel}; numbers as JSON
 * numbers or strings; times as ISO-8601 with an offset or epoch milliseconds; states and typing
 * in any case; other scalars kept as {@link ChatInfo#attributes()}. It refuses, with a
 * {@link ChatInfoException} of kind {@link ChatInfoException.Kind#MALFORMED_RESPONSE} naming the
 * field or the JSON path and byte offset: a missing {@code state} or {@code chatSessionKey}, a
 * value that does not parse, a field sent twice, invalid UTF-8, anything but strict JSON
 * (trailing data included), nesting deeper than {@value WireValues#MAX_DEPTH} and any text longer
 * than {@value WireValues#MAX_TEXT_LENGTH} characters.
 *
 * <pre>{@code
 * ChatInfoCodec json = new MoshiChatInfoCodec();
 * ChatInfo info = json.decode(response.body());      // does not close the body
 * json.encode(info, out);                            // {"info":{"link":[...],"state":...}}
 * }</pre>
 *
 * <p>Stateless and thread-safe: one instance can serve every thread. Found by
 * {@link dev.chatinfo.api.codec.ChatInfoCodecs#installed()}.
 */
public final class MoshiChatInfoCodec implements ChatInfoCodec {

  private static final String MEDIA_TYPE = "application/json";

  /** Creates the codec; cheap, everything it needs is built once per class. */
  public MoshiChatInfoCodec() {}

  /**
   * Returns {@code "application/json"}.
   *
   * @return the media type this codec writes
   */
  @Override
  public String mediaType() {
    return MEDIA_TYPE;
  }

  /**
   * Tells whether a {@code Content-Type} is JSON: {@code application/json}, {@code text/json} or
   * any {@code +json} type, case and parameters ignored.
   *
   * @param contentType a {@code Content-Type} header value, may be null
   * @return whether this codec reads such a body
   */
  @Override
  public boolean supports(String contentType) {
    return WireValues.isMediaTypeOf(contentType, "json");
  }

  /**
   * Reads chat information from a UTF-8 JSON body, streaming. Does not close the stream.
   *
   * @param body the body, not null
   * @return the chat information
   * @throws ChatInfoException of kind {@link ChatInfoException.Kind#MALFORMED_RESPONSE}, naming
   *     the field or the position, when the body is not valid chat information or cannot be read
   * @throws NullPointerException if {@code body} is null
   */
  @Override
  public ChatInfo decode(InputStream body) {
    return InfoJsonReader.decode(Objects.requireNonNull(body, "body"));
  }

  /**
   * Writes chat information as UTF-8 JSON, in the service's shape and field order, {@code link}
   * with {@code @href}/{@code @rel}. Flushes, but does not close, the stream.
   *
   * @param info the chat information, not null
   * @param out where to write, not null
   * @throws java.io.UncheckedIOException if writing fails
   * @throws NullPointerException if an argument is null
   */
  @Override
  public void encode(ChatInfo info, OutputStream out) {
    InfoJsonWriter.encode(Objects.requireNonNull(info, "info"), Objects.requireNonNull(out, "out"));
  }

  @Override
  public String toString() {
    return "MoshiChatInfoCodec[" + MEDIA_TYPE + "]";
  }
}
