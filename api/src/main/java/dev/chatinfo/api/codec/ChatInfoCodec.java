package dev.chatinfo.api.codec;

import dev.chatinfo.api.ChatInfo;
import dev.chatinfo.api.ChatInfoException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Turns a response body into a {@link ChatInfo} and back, in one wire format.
 *
 * <p>Implementations are stateless, thread-safe, have a public no-arg constructor, and are
 * registered for {@link java.util.ServiceLoader} ({@code provides} in module-info and
 * {@code META-INF/services}) so that {@link ChatInfoCodecs} finds them. They accept every
 * variation of the wire shape the service is known to send, and refuse anything else with
 * {@link ChatInfoException.Kind#MALFORMED_RESPONSE}. For every valid {@code ChatInfo x},
 * {@code decode(encode(x)).equals(x)}.
 *
 * <pre>{@code
 * ChatInfoCodec codec = ChatInfoCodecs.forContentType("application/json").orElseThrow();
 * ChatInfo info = codec.decode(body);
 * }</pre>
 */
public interface ChatInfoCodec {

  /**
   * The media type this codec writes and asks for: {@code "application/json"} or
   * {@code "application/xml"}.
   *
   * @return the media type, without parameters
   */
  String mediaType();

  /**
   * Tells whether this codec reads bodies of the given {@code Content-Type}. Parameters
   * ({@code ;charset=...}) and case are ignored; structured suffixes ({@code +json},
   * {@code +xml}) and {@code text/xml} are accepted by the codec of that format. Never reads a
   * body to decide.
   *
   * @param contentType a {@code Content-Type} header value, may be null
   * @return whether {@link #decode(InputStream)} can read such a body
   */
  boolean supports(String contentType);

  /**
   * Reads chat information from a response body, streaming. Does not close the stream.
   *
   * @param body the body
   * @return the chat information
   * @throws ChatInfoException of kind {@link ChatInfoException.Kind#MALFORMED_RESPONSE}, with a
   *     message naming the field or position, when the body is not valid chat information
   */
  ChatInfo decode(InputStream body);

  /**
   * Writes chat information in the wire shape the service uses. Does not close the stream.
   *
   * @param info the chat information
   * @param out where to write, UTF-8
   * @throws java.io.UncheckedIOException if writing fails
   */
  void encode(ChatInfo info, OutputStream out);
}
