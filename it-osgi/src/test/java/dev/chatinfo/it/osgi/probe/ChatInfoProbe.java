package dev.chatinfo.it.osgi.probe;

import dev.chatinfo.api.BearerTokenProvider;
import dev.chatinfo.api.ChatInfo;
import dev.chatinfo.api.ChatInfoException;
import dev.chatinfo.api.ChatRef;
import dev.chatinfo.api.codec.ChatInfoCodec;
import dev.chatinfo.api.codec.ChatInfoCodecs;
import dev.chatinfo.client.ChatInfoClient;
import dev.chatinfo.client.spi.HttpTransportProvider;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;

/**
 * Runs inside the framework and answers the test in plain strings: which codecs the service
 * registry holds, which {@link ChatInfoCodecs#installed()} finds, and what a
 * {@link ChatInfoClient} built here fetches.
 *
 * <p>A request is a map with {@code op} set to {@code codec-services}, {@code transports} (the
 * transport services: name and bundle), {@code installed} or {@code fetch}; {@code fetch} also
 * takes {@code baseUrl}, {@code token}, {@code accountId}, {@code agentSessionId}, {@code chatId}
 * and, optionally, {@code mediaType}: the codec service to use (without it, the source's default,
 * every installed codec).
 */
public final class ChatInfoProbe implements Function<Map<String, String>, Map<String, String>> {

  private final BundleContext context;

  /**
   * Creates the probe.
   *
   * @param context the probe bundle's context, to look codec services up
   */
  public ChatInfoProbe(BundleContext context) {
    this.context = context;
  }

  @Override
  public Map<String, String> apply(Map<String, String> request) {
    String op = request.get("op");
    switch (op) {
      case "codec-services":
        return codecServices();
      case "installed":
        return installedCodecs();
      case "transports":
        return transportServices();
      case "fetch":
        return fetch(request);
      default:
        throw new IllegalArgumentException("unknown probe operation: " + op);
    }
  }

  private Map<String, String> codecServices() {
    Map<String, String> result = new LinkedHashMap<>();
    List<ServiceReference<ChatInfoCodec>> refs = codecReferences();
    result.put("count", Integer.toString(refs.size()));
    for (ServiceReference<ChatInfoCodec> ref : refs) {
      ChatInfoCodec codec = context.getService(ref);
      try {
        result.put(
            "service." + codec.mediaType(),
            codec.getClass().getName() + " registered for " + ref.getBundle().getSymbolicName());
      } finally {
        context.ungetService(ref);
      }
    }
    return result;
  }

  private Map<String, String> transportServices() {
    Map<String, String> result = new LinkedHashMap<>();
    List<ServiceReference<HttpTransportProvider>> refs = references(HttpTransportProvider.class);
    result.put("count", Integer.toString(refs.size()));
    for (ServiceReference<HttpTransportProvider> ref : refs) {
      HttpTransportProvider provider = context.getService(ref);
      try {
        result.put("transport." + provider.name(), "registered for " + ref.getBundle().getSymbolicName());
      } finally {
        context.ungetService(ref);
      }
    }
    return result;
  }

  private Map<String, String> installedCodecs() {
    Map<String, String> result = new LinkedHashMap<>();
    List<ChatInfoCodec> codecs = ChatInfoCodecs.installed();
    result.put("count", Integer.toString(codecs.size()));
    for (int i = 0; i < codecs.size(); i++) {
      ChatInfoCodec codec = codecs.get(i);
      result.put(
          "codec." + i,
          codec.mediaType() + " " + codec.getClass().getName() + " from " + bundleOf(codec.getClass()));
    }
    return result;
  }

  private Map<String, String> fetch(Map<String, String> request) {
    String mediaType = request.get("mediaType");
    ServiceReference<ChatInfoCodec> codecRef = null;
    Map<String, String> result = new LinkedHashMap<>();
    try {
      ChatInfoClient.Builder builder =
          ChatInfoClient.builder()
              .baseUrl(URI.create(request.get("baseUrl")))
              .bearerToken(BearerTokenProvider.of(request.get("token")))
              .callTimeout(Duration.ofSeconds(10));
      if (mediaType != null) {
        codecRef = codecReference(mediaType);
        ChatInfoCodec codec = context.getService(codecRef);
        builder.codec(codec);
        result.put("codec", codec.getClass().getName());
      }
      ChatRef chat =
          ChatRef.of(request.get("accountId"), request.get("agentSessionId"), request.get("chatId"));
      try (ChatInfoClient source = builder.build()) {
        ChatInfo info = source.fetch(chat);
        result.put("state", info.state().wireValue());
        result.put("rawState", info.rawState());
        result.put("chatSessionKey", info.chatSessionKey());
        result.put("agentName", info.agentName().orElse("(none)"));
        result.put("visitorName", info.visitorName());
        result.put("visitorTyping", info.visitorTyping().wireValue());
        result.put(
            "chatTimeoutSeconds", info.chatTimeout().map(d -> Long.toString(d.toSeconds())).orElse("(none)"));
        result.put("links", Integer.toString(info.links().size()));
        result.put("toString", info.toString());
        result.put("chatInfoBundle", bundleOf(ChatInfo.class));
        result.put("sourceBundle", bundleOf(ChatInfoClient.class));
        result.put("client", source.toString());
      }
    } catch (ChatInfoException e) {
      result.put("error", e.kind() + ": " + e.getMessage());
    } finally {
      if (codecRef != null) {
        context.ungetService(codecRef);
      }
    }
    return result;
  }

  private ServiceReference<ChatInfoCodec> codecReference(String mediaType) {
    for (ServiceReference<ChatInfoCodec> ref : codecReferences()) {
      ChatInfoCodec codec = context.getService(ref);
      try {
        if (codec.mediaType().equals(mediaType)) {
          return ref;
        }
      } finally {
        context.ungetService(ref);
      }
    }
    throw new IllegalStateException("no ChatInfoCodec service for " + mediaType);
  }

  private List<ServiceReference<ChatInfoCodec>> codecReferences() {
    return references(ChatInfoCodec.class);
  }

  private <S> List<ServiceReference<S>> references(Class<S> service) {
    try {
      return new ArrayList<>(context.getServiceReferences(service, null));
    } catch (InvalidSyntaxException e) {
      throw new IllegalStateException("a null filter cannot be invalid", e);
    }
  }

  private static String bundleOf(Class<?> type) {
    Bundle bundle = FrameworkUtil.getBundle(type);
    return bundle == null ? "(not a bundle: " + type.getClassLoader() + ")" : bundle.getSymbolicName();
  }
}
