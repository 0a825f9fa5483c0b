package dev.chatinfo.benchmarks.watch;

import dev.chatinfo.api.ChatInfo;
import dev.chatinfo.api.ChatInfoSource;
import dev.chatinfo.api.ChatRef;
import dev.chatinfo.testkit.ChatInfoFixtures;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.LongAdder;

/**
 * A source that answers at once (an already completed future) with one of two equal but distinct
 * answers, so the watcher compares them field by field as it would two decoded responses.
 */
final class InstantSource implements ChatInfoSource {

  private final CompletableFuture<ChatInfo> first;
  private final CompletableFuture<ChatInfo> second;
  final LongAdder polls = new LongAdder();
  private boolean flip;

  InstantSource() {
    ChatInfo info = ChatInfoFixtures.chatting();
    first = CompletableFuture.completedFuture(info);
    second = CompletableFuture.completedFuture(info.toBuilder().build());
  }

  @Override
  public ChatInfo fetch(ChatRef chat) {
    return fetchAsync(chat).join();
  }

  @Override
  public CompletableFuture<ChatInfo> fetchAsync(ChatRef chat) {
    polls.increment();
    flip = !flip;
    return flip ? first : second;
  }

  @Override
  public void close() {}
}
