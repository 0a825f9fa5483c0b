package dev.chatinfo.api.codec;

import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

/**
 * Finds the installed {@link ChatInfoCodec}s with {@link ServiceLoader}, on the module path
 * ({@code provides}), on the class path ({@code META-INF/services}), and in OSGi through a
 * service-loader mediator such as Apache Aries SPI Fly.
 *
 * <pre>{@code
 * List<ChatInfoCodec> codecs = ChatInfoCodecs.installed();      // JSON first
 * ChatInfoCodec xml = ChatInfoCodecs.forContentType("text/xml; charset=UTF-8").orElseThrow();
 * }</pre>
 *
 * <p>Nothing is cached: each call asks the {@code ServiceLoader} again, so codecs installed later
 * (in OSGi, say) are found.
 */
public final class ChatInfoCodecs {

  private static final System.Logger LOG = System.getLogger(ChatInfoCodecs.class.getName());

  /** JSON first, then the others by media type, then by class name: a stable order. */
  private static final Comparator<ChatInfoCodec> ORDER =
      Comparator.comparing((ChatInfoCodec c) -> !"application/json".equals(c.mediaType()))
          .thenComparing(ChatInfoCodec::mediaType)
          .thenComparing(c -> c.getClass().getName());

  private static final int MAX_PROVIDER_ERRORS = 32;

  private ChatInfoCodecs() {}

  /**
   * Returns every installed codec, JSON first. A provider that fails to load is skipped and
   * logged at WARNING.
   *
   * @return an unmodifiable list, empty when neither {@code chatinfo-codec-json} nor
   *     {@code chatinfo-codec-xml} is installed
   */
  public static List<ChatInfoCodec> installed() {
    ServiceLoader<ChatInfoCodec> loader =
        ServiceLoader.load(ChatInfoCodec.class, ChatInfoCodec.class.getClassLoader());
    List<ChatInfoCodec> codecs = new ArrayList<>();
    var it = loader.iterator();
    // ServiceLoader moves on after a provider fails, "on a best effort basis": bound the errors.
    for (int errors = 0; errors < MAX_PROVIDER_ERRORS; ) {
      try {
        if (!it.hasNext()) {
          break;
        }
        codecs.add(it.next());
      } catch (ServiceConfigurationError e) {
        errors++;
        LOG.log(Level.WARNING, "skipping a ChatInfoCodec that failed to load", e);
      }
    }
    codecs.sort(ORDER);
    return List.copyOf(codecs);
  }

  /**
   * Returns the first installed codec (JSON first) that reads the given {@code Content-Type}.
   *
   * @param contentType a {@code Content-Type} header value, may be null
   * @return the codec, or empty when none reads it
   */
  public static Optional<ChatInfoCodec> forContentType(String contentType) {
    for (ChatInfoCodec codec : installed()) {
      if (codec.supports(contentType)) {
        return Optional.of(codec);
      }
    }
    return Optional.empty();
  }

  /**
   * The message to show when no codec is installed: which artifact to add.
   *
   * @return a sentence naming {@code chatinfo-codec-json} and {@code chatinfo-codec-xml}
   */
  public static String noCodecMessage() {
    return "No ChatInfoCodec is installed: add chatinfo-codec-json or chatinfo-codec-xml"
        + " (module dev.chatinfo.codec.json or dev.chatinfo.codec.xml) to the class path or module path";
  }
}
