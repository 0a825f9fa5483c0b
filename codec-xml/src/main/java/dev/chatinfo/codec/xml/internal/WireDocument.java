package dev.chatinfo.codec.xml.internal;

import dev.chatinfo.api.ChatInfo;
import org.simpleframework.xml.Root;

/**
 * The binding of a whole response body: its root is {@code <info>}, or {@code <chat>} holding an
 * {@code <info>}. Simple XML reads the {@link Root} annotation once per {@code Persister}; the
 * content is read by {@link InfoSectionReader}, through {@link WireStrategy}. Immutable.
 */
@Root(name = "info", strict = false)
public final class WireDocument {

  private final ChatInfo info;

  /**
   * A decoded body.
   *
   * @param info the chat information it holds
   */
  WireDocument(ChatInfo info) {
    this.info = info;
  }

  /**
   * The chat information of the body.
   *
   * @return the chat information
   */
  public ChatInfo info() {
    return info;
  }
}
