package dev.chatinfo.api;

import java.util.concurrent.CompletableFuture;

/**
 * The port: fetches the current information of a chat.
 *
 * <p>Implementations are thread-safe and reusable: build one, share it, and close it when the
 * application stops. {@link #close()} is idempotent.
 *
 * <pre>{@code
 * try (ChatInfoSource source = ChatInfoClient.builder()...build()) {
 *   ChatInfo info = source.fetch(ChatRef.of(account, agentSession, chat));
 *   if (info.state() == ChatState.ENDED) { ... }
 * }
 * }</pre>
 */
public interface ChatInfoSource extends AutoCloseable {

  /**
   * Fetches the current information of a chat.
   *
   * @param chat which chat
   * @return its information
   * @throws ChatInfoException on any failure, with a {@link ChatInfoException.Kind} that says which
   */
  ChatInfo fetch(ChatRef chat);

  /**
   * Fetches the current information of a chat without blocking the calling thread. Cancelling the
   * returned future cancels the request.
   *
   * @param chat which chat
   * @return a future completed with the information, or exceptionally with a
   *     {@link ChatInfoException}
   */
  CompletableFuture<ChatInfo> fetchAsync(ChatRef chat);

  /** Releases what this source holds (threads, connections). Idempotent. */
  @Override
  void close();
}
