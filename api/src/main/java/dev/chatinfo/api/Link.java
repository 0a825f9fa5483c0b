package dev.chatinfo.api;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Objects;
import java.util.Optional;

/**
 * A link relationship of the response ({@code <link rel="..." href="..."/>}).
 *
 * <p>{@code href} is kept exactly as sent: LivePerson's own documentation shows malformed ones, so
 * a link is never refused for its {@code href}; {@link #uri()} tells whether it is usable.
 *
 * @param rel the relationship, such as {@link #SELF} or {@link #VISITOR_TYPING}
 * @param href the target, as sent
 */
public record Link(String rel, String href) {

  /** This resource. */
  public static final String SELF = "self";
  /** The visitor's name resource. */
  public static final String VISITOR_NAME = "visitor-name";
  /** The visitor's typing status resource. */
  public static final String VISITOR_TYPING = "visitor-typing";
  /** The agent's typing status resource. */
  public static final String AGENT_TYPING = "agent-typing";

  /**
   * Checks both parts.
   *
   * @throws IllegalArgumentException if {@code rel} or {@code href} is null, or contains a
   *     character that no XML document can carry
   */
  public Link {
    if (rel == null) {
      throw new IllegalArgumentException("Link rel must not be null");
    }
    if (href == null) {
      throw new IllegalArgumentException("Link href must not be null (rel " + rel + ")");
    }
    Text.requireWireSafe("link rel", rel);
    Text.requireWireSafe("link href", href);
  }

  /**
   * Returns {@code href} as an absolute URI, or empty when it is not a valid absolute URI.
   *
   * @return the target as a URI
   */
  public Optional<URI> uri() {
    try {
      URI uri = new URI(href);
      return uri.isAbsolute() ? Optional.of(uri) : Optional.empty();
    } catch (URISyntaxException e) {
      return Optional.empty();
    }
  }

  /**
   * True if this link has the given relationship (compared exactly).
   *
   * @param relation the relationship to test
   * @return whether {@code rel} equals it
   */
  public boolean is(String relation) {
    return Objects.equals(rel, relation);
  }
}
