package dev.chatinfo.watch;

import dev.chatinfo.api.ChatInfo;
import dev.chatinfo.api.ChatInfoException;
import dev.chatinfo.api.ChatRef;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * What a {@link ChatWatcher} saw happen to one chat.
 *
 * <p>Events of one chat arrive in order: {@link Started} first (the first successful fetch), then a
 * {@link Changed} for every fetch whose information differs from the previous one, an
 * {@link ExpiringSoon} once per {@code expiresAt}, and {@link Ended} or {@link Gone} last (the
 * watcher stops polling that chat). {@link Unreachable} and {@link Recovered} frame an outage;
 * polling goes on meanwhile. Switch over them exhaustively:
 *
 * <pre>{@code
 * switch (event) {   // Java 21; on 17, if (event instanceof ChatEvent.Changed c) ...
 *   case ChatEvent.Changed c when c.fields().contains(ChatField.AGENT) -> assigned(c.after());
 *   case ChatEvent.ExpiringSoon e -> remind(e.chat(), e.expiresAt());
 *   case ChatEvent.Ended e -> archive(e.info());
 *   default -> { }
 * }
 * }</pre>
 */
public sealed interface ChatEvent permits ChatEvent.Started, ChatEvent.Changed,
    ChatEvent.ExpiringSoon, ChatEvent.Ended, ChatEvent.Gone, ChatEvent.Unreachable,
    ChatEvent.Recovered {

  /**
   * Which chat.
   *
   * @return the chat
   */
  ChatRef chat();

  /**
   * When the watcher saw it, by the watcher's clock.
   *
   * @return the time
   */
  Instant at();

  /**
   * The first successful fetch of a chat. It also ends an outage that happened before it (no
   * {@link Recovered} follows an {@link Unreachable} that came before {@code Started}).
   *
   * @param chat which chat
   * @param info what the fetch answered
   * @param at when
   */
  record Started(ChatRef chat, ChatInfo info, Instant at) implements ChatEvent {
    /** Checks that no component is null. */
    public Started {
      Objects.requireNonNull(chat, "chat");
      Objects.requireNonNull(info, "info");
      Objects.requireNonNull(at, "at");
    }
  }

  /**
   * A fetch answered information that differs from the previous answer.
   *
   * @param chat which chat
   * @param before the previous answer
   * @param after this answer
   * @param fields what differs (never empty)
   * @param at when
   */
  record Changed(ChatRef chat, ChatInfo before, ChatInfo after, Set<ChatField> fields, Instant at)
      implements ChatEvent {
    /** Checks that no component is null and keeps an unmodifiable copy of {@code fields}. */
    public Changed {
      Objects.requireNonNull(chat, "chat");
      Objects.requireNonNull(before, "before");
      Objects.requireNonNull(after, "after");
      Objects.requireNonNull(at, "at");
      if (fields.isEmpty()) {
        throw new IllegalArgumentException("fields must name what changed");
      }
      fields = Collections.unmodifiableSet(EnumSet.copyOf(fields));
    }
  }

  /**
   * The chat times out soon: its {@code expiresAt} ({@code lastUpdate + chatTimeout}) is at most
   * the watcher's {@code expiryWarning} away (or already past when a fetch first shows it). Sent
   * once per {@code expiresAt}, at the right time even between two polls.
   *
   * @param chat which chat
   * @param info the latest information, whose {@code expiresAt()} this is
   * @param expiresAt when the chat times out unless it is updated
   * @param at when
   */
  record ExpiringSoon(ChatRef chat, ChatInfo info, Instant expiresAt, Instant at)
      implements ChatEvent {
    /** Checks that no component is null. */
    public ExpiringSoon {
      Objects.requireNonNull(chat, "chat");
      Objects.requireNonNull(info, "info");
      Objects.requireNonNull(expiresAt, "expiresAt");
      Objects.requireNonNull(at, "at");
    }
  }

  /**
   * A fetch answered state {@code ENDED}: the chat's last event; the watcher stops polling it.
   *
   * @param chat which chat
   * @param info what the fetch answered
   * @param at when
   */
  record Ended(ChatRef chat, ChatInfo info, Instant at) implements ChatEvent {
    /** Checks that no component is null. */
    public Ended {
      Objects.requireNonNull(chat, "chat");
      Objects.requireNonNull(info, "info");
      Objects.requireNonNull(at, "at");
    }
  }

  /**
   * The chat cannot be read any more: 403 ({@code FORBIDDEN}), 404 ({@code NOT_FOUND}) or 401
   * ({@code UNAUTHORIZED}, after the source refreshed the token once). The chat's last event; the
   * watcher stops polling it.
   *
   * @param chat which chat
   * @param cause the failure
   * @param at when
   */
  record Gone(ChatRef chat, ChatInfoException cause, Instant at) implements ChatEvent {
    /** Checks that no component is null. */
    public Gone {
      Objects.requireNonNull(chat, "chat");
      Objects.requireNonNull(cause, "cause");
      Objects.requireNonNull(at, "at");
    }
  }

  /**
   * A fetch of the chat failed for a reason that may pass (an outage, a rate limit, an open circuit,
   * a malformed answer): sent once per outage, on its first failure. Polling goes on, backing off.
   *
   * @param chat which chat
   * @param cause the first failure of the outage
   * @param at when
   */
  record Unreachable(ChatRef chat, ChatInfoException cause, Instant at) implements ChatEvent {
    /** Checks that no component is null. */
    public Unreachable {
      Objects.requireNonNull(chat, "chat");
      Objects.requireNonNull(cause, "cause");
      Objects.requireNonNull(at, "at");
    }
  }

  /**
   * The first successful fetch after {@link Unreachable}. A {@link Changed} follows when the
   * information differs from the last one seen before the outage.
   *
   * @param chat which chat
   * @param info what the fetch answered
   * @param at when
   */
  record Recovered(ChatRef chat, ChatInfo info, Instant at) implements ChatEvent {
    /** Checks that no component is null. */
    public Recovered {
      Objects.requireNonNull(chat, "chat");
      Objects.requireNonNull(info, "info");
      Objects.requireNonNull(at, "at");
    }
  }
}
