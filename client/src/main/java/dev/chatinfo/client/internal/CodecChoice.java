package dev.chatinfo.client.internal;

import dev.chatinfo.api.ChatInfoException;
import dev.chatinfo.api.ChatInfoException.Kind;
import dev.chatinfo.api.codec.ChatInfoCodec;
import dev.chatinfo.api.codec.WireValues;
import java.util.List;

/**
 * The codecs of a client: what the request asks for ({@code Accept}, {@code Content-Type}) and
 * which codec reads a response, chosen by its {@code Content-Type}, never by reading the body.
 */
public final class CodecChoice {

  private final List<ChatInfoCodec> codecs;
  private final String accept;

  /**
   * @param codecs at least one codec, the first preferred
   */
  public CodecChoice(List<ChatInfoCodec> codecs) {
    this.codecs = List.copyOf(codecs);
    StringBuilder accept = new StringBuilder();
    for (int i = 0; i < this.codecs.size(); i++) {
      accept.append(i == 0 ? "" : ", ").append(this.codecs.get(i).mediaType());
      if (i > 0) {
        accept.append(";q=0.").append(Math.max(1, 10 - i));
      }
    }
    this.accept = accept.toString();
  }

  /**
   * The {@code Accept} header: every codec's media type, in order of preference
   * ({@code application/json, application/xml;q=0.9}).
   *
   * @return the header value
   */
  public String accept() {
    return accept;
  }

  /**
   * The request's {@code Content-Type}, as LivePerson documents the request: the preferred format.
   *
   * @return the first codec's media type
   */
  public String contentType() {
    return codecs.get(0).mediaType();
  }

  /**
   * The codec that reads a response of this content type.
   *
   * @param contentType the response's {@code Content-Type}, may be null
   * @param secrets to mask what the header may echo
   * @return the codec
   * @throws ChatInfoException {@link Kind#UNSUPPORTED_MEDIA_TYPE} when none reads it
   */
  public ChatInfoCodec forResponse(String contentType, Secrets secrets) {
    for (ChatInfoCodec codec : codecs) {
      if (codec.supports(contentType)) {
        return codec;
      }
    }
    throw new ChatInfoException(Kind.UNSUPPORTED_MEDIA_TYPE, "cannot be read: the body is "
        + (contentType == null ? "without Content-Type" : WireValues.excerpt(secrets.mask(contentType)))
        + ", which no installed codec reads (accepted: " + accept + ")");
  }

  @Override
  public String toString() {
    return accept;
  }
}
