package dev.chatinfo.transport.retrofit;

import dev.chatinfo.api.ChatInfo;
import dev.chatinfo.api.ChatInfoException;
import dev.chatinfo.api.ChatInfoException.Kind;
import dev.chatinfo.api.codec.ChatInfoCodec;
import dev.chatinfo.api.codec.WireValues;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import okhttp3.MediaType;
import okhttp3.ResponseBody;
import retrofit2.Converter;
import retrofit2.Retrofit;

/**
 * A Retrofit {@link Converter.Factory} that reads {@link ChatInfo} bodies with any
 * {@link ChatInfoCodec}, chosen by the response's {@code Content-Type} (never by reading the
 * body). A body no codec reads fails with {@link Kind#UNSUPPORTED_MEDIA_TYPE}.
 *
 * <pre>{@code
 * Retrofit retrofit = new Retrofit.Builder().baseUrl(url)
 *     .addConverterFactory(ChatInfoConverterFactory.create(ChatInfoCodecs.installed()))
 *     .build();
 * }</pre>
 */
public final class ChatInfoConverterFactory extends Converter.Factory {

  private final List<ChatInfoCodec> codecs;
  private final String accept;

  private ChatInfoConverterFactory(List<ChatInfoCodec> codecs) {
    this.codecs = codecs;
    StringBuilder accept = new StringBuilder();
    for (int i = 0; i < codecs.size(); i++) {
      accept.append(i == 0 ? "" : ", ").append(codecs.get(i).mediaType());
      if (i > 0) {
        accept.append(";q=0.").append(Math.max(1, 10 - i));
      }
    }
    this.accept = accept.toString();
  }

  /**
   * A factory reading with these codecs, the first preferred.
   *
   * @param codecs at least one codec
   * @return the factory
   * @throws IllegalArgumentException if there is none
   */
  public static ChatInfoConverterFactory create(List<ChatInfoCodec> codecs) {
    List<ChatInfoCodec> copy = new ArrayList<>();
    for (ChatInfoCodec codec : codecs) {
      if (codec == null) {
        throw new IllegalArgumentException("codecs must not contain null");
      }
      copy.add(codec);
    }
    if (copy.isEmpty()) {
      throw new IllegalArgumentException(dev.chatinfo.api.codec.ChatInfoCodecs.noCodecMessage());
    }
    return new ChatInfoConverterFactory(List.copyOf(copy));
  }

  /**
   * The {@code Accept} header that asks for the codecs' media types, in order of preference
   * ({@code application/json, application/xml;q=0.9}).
   *
   * @return the header value
   */
  public String acceptHeader() {
    return accept;
  }

  /**
   * The codecs, in order of preference.
   *
   * @return an unmodifiable list
   */
  public List<ChatInfoCodec> codecs() {
    return codecs;
  }

  @Override
  public Converter<ResponseBody, ?> responseBodyConverter(Type type, Annotation[] annotations, Retrofit retrofit) {
    return type == ChatInfo.class ? this::convert : null;
  }

  /** Reads the body and closes it on every path, which releases the connection (Retrofit leaves that to converters). */
  private ChatInfo convert(ResponseBody body) {
    try (body) {
      MediaType type = body.contentType();
      String contentType = type == null ? null : type.toString();
      for (ChatInfoCodec codec : codecs) {
        if (codec.supports(contentType)) {
          return codec.decode(body.byteStream());
        }
      }
      throw new ChatInfoException(Kind.UNSUPPORTED_MEDIA_TYPE, "the body is "
          + (contentType == null ? "without Content-Type" : WireValues.excerpt(contentType))
          + ", which no installed codec reads (accepted: " + accept + ")");
    }
  }

  @Override
  public String toString() {
    return "ChatInfoConverterFactory[" + accept + "]";
  }
}
