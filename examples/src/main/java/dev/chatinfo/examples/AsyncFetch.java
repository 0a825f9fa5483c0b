package dev.chatinfo.examples;

import dev.chatinfo.api.ChatInfo;
import dev.chatinfo.api.ChatInfoException;
import dev.chatinfo.api.ChatInfoSource;
import dev.chatinfo.api.ChatRef;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Fetches many chats at once with {@link ChatInfoSource#fetchAsync}: no thread waits per chat, and
 * one failing chat does not spoil the others.
 *
 * <pre>{@code
 * Map<ChatRef, AsyncFetch.Outcome> all = AsyncFetch.fetchAll(source, refs);
 * all.forEach((ref, outcome) -> System.out.println(ref.chatId() + ": " + outcome));
 * }</pre>
 */
public final class AsyncFetch {

  private AsyncFetch() {}

  /**
   * The outcome for one chat: its information, or the failure.
   *
   * @param info the information, or null on failure
   * @param failure the failure, or null on success
   */
  public record Outcome(ChatInfo info, ChatInfoException failure) {
    @Override
    public String toString() {
      return info != null ? info.state().wireValue() : "failed: " + failure.kind();
    }
  }

  /**
   * Fetches every chat concurrently and waits for all of them.
   *
   * @param source the source
   * @param chats the chats
   * @return each chat's outcome, in the order given
   */
  public static Map<ChatRef, Outcome> fetchAll(ChatInfoSource source, List<ChatRef> chats) {
    Map<ChatRef, CompletableFuture<Outcome>> pending = new LinkedHashMap<>();
    for (ChatRef chat : chats) {
      pending.put(chat, source.fetchAsync(chat)
          .thenApply(info -> new Outcome(info, null))
          .exceptionally(t -> new Outcome(null, asChatInfoException(t))));
    }
    CompletableFuture.allOf(pending.values().toArray(CompletableFuture[]::new)).join();
    Map<ChatRef, Outcome> outcomes = new LinkedHashMap<>();
    pending.forEach((chat, future) -> outcomes.put(chat, future.join()));
    return outcomes;
  }

  private static ChatInfoException asChatInfoException(Throwable t) {
    Throwable cause = t instanceof CompletionException && t.getCause() != null ? t.getCause() : t;
    return cause instanceof ChatInfoException e ? e
        : new ChatInfoException(ChatInfoException.Kind.NETWORK, "failed: " + cause, cause);
  }
}
