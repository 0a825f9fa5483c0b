package dev.chatinfo.client.internal;

import dev.chatinfo.api.ChatRef;
import dev.chatinfo.api.codec.WireValues;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Where the service is: {@code https://{domain}/} or a base URL (plain http for loopback hosts
 * only), and the info URL of a chat below it. The path parts come from a validated
 * {@link ChatRef} (unreserved characters only), so nothing a caller passes can change the path.
 */
public final class Endpoint {

  private static final Pattern DOMAIN = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9.-]{0,251}[A-Za-z0-9])?(:[0-9]{1,5})?");
  private static final Pattern LOOPBACK_V4 = Pattern.compile("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");
  /** Chats whose info URL is kept: a poller's chats, or a busy client's recent ones. */
  static final int TARGETS_KEPT = 1024;

  /**
   * A chat's info URL and, for messages, its path.
   *
   * @param url the URL to GET
   * @param path the URL's path
   */
  public record Target(URI url, String path) {
  }

  private final URI base;
  private final String scheme;
  private final String host;
  private final int port;
  /** Made once per chat: parsing a URL costs more than the rest of what a call adds to an exchange. */
  private final Map<ChatRef, Target> targets = new ConcurrentHashMap<>();

  private Endpoint(URI base) {
    this.base = base;
    this.scheme = base.getScheme().toLowerCase(Locale.ROOT);
    this.host = base.getHost().toLowerCase(Locale.ROOT);
    this.port = effectivePort(base);
  }

  /**
   * The service of a LivePerson domain, over https.
   *
   * @param domain a host name, optionally with {@code :port}
   * @return the endpoint
   * @throws IllegalArgumentException if it is not a host name
   */
  public static Endpoint ofDomain(String domain) {
    if (domain == null || !DOMAIN.matcher(domain).matches()) {
      throw new IllegalArgumentException("domain must be a host name with an optional :port, was "
          + (domain == null ? "null" : WireValues.excerpt(domain)));
    }
    try {
      URI uri = new URI("https://" + domain + "/");
      if (uri.getHost() == null) {
        throw new IllegalArgumentException("domain is not a valid host: " + WireValues.excerpt(domain));
      }
      return new Endpoint(uri);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("domain is not a valid host: " + WireValues.excerpt(domain));
    }
  }

  /**
   * The service at a base URL; a path prefix is kept.
   *
   * @param baseUrl an absolute https URL, or http for a loopback host; no user info, query or fragment
   * @return the endpoint
   * @throws IllegalArgumentException if the URL is not acceptable; the message never shows user info
   */
  public static Endpoint ofBaseUrl(URI baseUrl) {
    if (baseUrl == null) {
      throw new IllegalArgumentException("baseUrl must not be null");
    }
    if (baseUrl.getRawUserInfo() != null || (baseUrl.getRawAuthority() != null && baseUrl.getRawAuthority().contains("@"))) {
      throw new IllegalArgumentException("baseUrl must not carry user info (a user name or password): credentials"
          + " go in the bearer token only");
    }
    String scheme = baseUrl.getScheme() == null ? "" : baseUrl.getScheme().toLowerCase(Locale.ROOT);
    if (!baseUrl.isAbsolute() || !(scheme.equals("http") || scheme.equals("https")) || baseUrl.getHost() == null) {
      throw new IllegalArgumentException("baseUrl must be an absolute http(s) URL with a host, was "
          + WireValues.excerpt(baseUrl.toString()));
    }
    if (baseUrl.getRawQuery() != null || baseUrl.getRawFragment() != null) {
      throw new IllegalArgumentException("baseUrl must have no query or fragment, was " + WireValues.excerpt(baseUrl.toString()));
    }
    if (scheme.equals("http") && !isLoopback(baseUrl.getHost())) {
      throw new IllegalArgumentException("plain http is allowed for loopback hosts only (tests); use https for "
          + WireValues.excerpt(baseUrl.getHost()));
    }
    String path = baseUrl.getRawPath() == null || baseUrl.getRawPath().isEmpty() ? "/" : baseUrl.getRawPath();
    try {
      return new Endpoint(new URI(scheme + "://" + baseUrl.getRawAuthority() + (path.endsWith("/") ? path : path + "/")));
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("baseUrl is not valid: " + WireValues.excerpt(baseUrl.toString()));
    }
  }

  /**
   * The info URL of a chat and its path, kept for the chat's next call: up to
   * {@value #TARGETS_KEPT} chats are kept; one more, and they are forgotten and kept anew.
   *
   * @param chat the chat
   * @return its target
   */
  public Target target(ChatRef chat) {
    Target target = targets.get(chat);
    if (target == null) {
      if (targets.size() >= TARGETS_KEPT) {
        targets.clear();
      }
      target = new Target(infoUrl(chat), infoPath(chat));
      targets.put(chat, target);
    }
    return target;
  }

  /** How many chats' targets are kept now, for tests. */
  int keptTargets() {
    return targets.size();
  }

  /**
   * The info URL of a chat: {@code {base}api/account/{a}/agentSession/{s}/chat/{c}/info?v=1&NC=true}.
   *
   * @param chat the chat
   * @return the URL
   */
  public URI infoUrl(ChatRef chat) {
    return URI.create(base.getScheme() + "://" + base.getRawAuthority() + infoPath(chat) + "?v=1&NC=true");
  }

  /**
   * The path of a chat's info URL, for messages.
   *
   * @param chat the chat
   * @return such as {@code /api/account/1/agentSession/s/chat/c/info}
   */
  public String infoPath(ChatRef chat) {
    return base.getRawPath() + "api/account/" + chat.accountId() + "/agentSession/" + chat.agentSessionId()
        + "/chat/" + chat.chatId() + "/info";
  }

  /**
   * Whether a URL is of this endpoint's origin: same scheme, host and port.
   *
   * @param uri an absolute URL
   * @return whether credentials may be sent there
   */
  public boolean sameOrigin(URI uri) {
    return uri.getScheme() != null && uri.getHost() != null
        && uri.getScheme().toLowerCase(Locale.ROOT).equals(scheme)
        && uri.getHost().toLowerCase(Locale.ROOT).equals(host)
        && effectivePort(uri) == port
        && uri.getRawUserInfo() == null;
  }

  /**
   * The base URL's host, for names.
   *
   * @return the host
   */
  public String host() {
    return host;
  }

  private static int effectivePort(URI uri) {
    if (uri.getPort() >= 0) {
      return uri.getPort();
    }
    return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
  }

  private static boolean isLoopback(String host) {
    String h = host.toLowerCase(Locale.ROOT);
    return h.equals("localhost") || h.equals("[::1]") || h.equals("::1") || LOOPBACK_V4.matcher(h).matches();
  }

  @Override
  public String toString() {
    return base.toString();
  }
}
