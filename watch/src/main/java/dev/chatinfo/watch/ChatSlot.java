package dev.chatinfo.watch;

import dev.chatinfo.api.ChatInfo;
import dev.chatinfo.api.ChatRef;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiConsumer;

/**
 * The watcher's state for one chat: about 60 bytes beyond its last {@link ChatInfo}. It is also
 * the callback of its own fetches, so a poll allocates no lambda. Guarded by {@link Poller}'s lock.
 */
final class ChatSlot implements BiConsumer<ChatInfo, Throwable> {

  /** No time: never due. */
  static final long NEVER = Long.MAX_VALUE;

  final ChatRef chat;
  private final Poller poller;
  /** The last successful answer; null before the first one. */
  ChatInfo last;
  /** When the next fetch is due (poller ticks); {@link #NEVER} while one is in flight. */
  long pollDue;
  /** When an {@link ChatEvent.ExpiringSoon} is due (poller ticks), or {@link #NEVER}. */
  long warnDue = NEVER;
  /** The {@code expiresAt} (epoch ms) already warned about, or {@link Long#MIN_VALUE}. */
  long warnedFor = Long.MIN_VALUE;
  /** Consecutive failures; 0 after a success. */
  int failures;
  /** Whether an {@link ChatEvent.Unreachable} was sent and no success came since. */
  boolean unreachable;
  /** Whether unwatched, ended or gone: its last fetch's answer is dropped. */
  boolean removed;
  /** The fetch in flight, or null. */
  CompletableFuture<ChatInfo> fetch;
  /** Position in {@link DueQueue}, -1 when not queued. */
  int queueIndex = -1;

  ChatSlot(ChatRef chat, Poller poller, long firstPoll) {
    this.chat = chat;
    this.poller = poller;
    this.pollDue = firstPoll;
  }

  /** The earliest time this chat needs attention. */
  long due() {
    return Math.min(pollDue, warnDue);
  }

  @Override
  public void accept(ChatInfo info, Throwable failure) {
    poller.fetched(this, info, failure);
  }
}
