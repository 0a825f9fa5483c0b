package dev.chatinfo.testkit.watch;

import dev.chatinfo.watch.ChatEvent;

/**
 * The kinds of {@link ChatEvent}, one per record, for assertions that read like the timeline:
 * {@code startsWith(STARTED).then(CHANGED).endsWith(ENDED)}.
 */
public enum ChatEventKind {
  /** {@link ChatEvent.Started}. */
  STARTED(ChatEvent.Started.class),
  /** {@link ChatEvent.Changed}. */
  CHANGED(ChatEvent.Changed.class),
  /** {@link ChatEvent.ExpiringSoon}. */
  EXPIRING_SOON(ChatEvent.ExpiringSoon.class),
  /** {@link ChatEvent.Ended}. */
  ENDED(ChatEvent.Ended.class),
  /** {@link ChatEvent.Gone}. */
  GONE(ChatEvent.Gone.class),
  /** {@link ChatEvent.Unreachable}. */
  UNREACHABLE(ChatEvent.Unreachable.class),
  /** {@link ChatEvent.Recovered}. */
  RECOVERED(ChatEvent.Recovered.class);

  private final Class<? extends ChatEvent> type;

  ChatEventKind(Class<? extends ChatEvent> type) {
    this.type = type;
  }

  /**
   * The record class of this kind.
   *
   * @return the class
   */
  public Class<? extends ChatEvent> type() {
    return type;
  }

  /**
   * Whether an event is of this kind.
   *
   * @param event the event
   * @return true if it is
   */
  public boolean matches(ChatEvent event) {
    return type.isInstance(event);
  }

  /**
   * The kind of an event.
   *
   * @param event the event
   * @return its kind
   */
  public static ChatEventKind of(ChatEvent event) {
    for (ChatEventKind kind : values()) {
      if (kind.matches(event)) {
        return kind;
      }
    }
    throw new IllegalArgumentException("not a known ChatEvent: " + event.getClass().getName());
  }
}
