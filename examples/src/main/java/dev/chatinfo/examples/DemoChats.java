package dev.chatinfo.examples;

import dev.chatinfo.api.ChatInfo;
import dev.chatinfo.api.ChatRef;
import dev.chatinfo.api.ChatState;
import dev.chatinfo.api.TypingStatus;
import dev.chatinfo.testkit.ChatInfoFixtures;
import dev.chatinfo.testkit.FakeChatServer;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

/**
 * The three demo chats on a fake server, and their timeline: the waiting chat is picked up by
 * Barber, its visitor types, it ends; the chatting chat's agent types, it ends; the ended chat
 * stays ended. One step per {@code step}; with {@code repeat}, the timeline starts over.
 */
final class DemoChats implements AutoCloseable {

  final ChatRef waiting;
  final ChatRef chatting;
  final ChatRef ended;
  private final FakeChatServer server;
  private final ScheduledExecutorService timeline = Executors.newSingleThreadScheduledExecutor(task -> {
    Thread t = new Thread(task, "chatinfo-demo-timeline");
    t.setDaemon(true);
    return t;
  });

  DemoChats(FakeChatServer server) {
    this.server = server;
    this.waiting = server.addChat(ChatInfoFixtures.waiting());
    this.chatting = server.addChat(ChatInfoFixtures.chatting());
    this.ended = server.addChat(ChatInfoFixtures.ended());
  }

  List<ChatRef> all() {
    return List.of(waiting, chatting, ended);
  }

  /** Starts the timeline: steps at 2, 3, 4, 5 and 6 times {@code step}. */
  void start(Duration step, boolean repeat) {
    long ms = step.toMillis();
    at(2 * ms, waiting, i -> i.toBuilder().state(ChatState.CHATTING).agentName("Barber").agentId(311098910L).build());
    at(3 * ms, chatting, i -> i.toBuilder().agentTyping(TypingStatus.TYPING).build());
    at(4 * ms, waiting, i -> i.toBuilder().visitorTyping(TypingStatus.TYPING).build());
    at(5 * ms, chatting, i -> i.toBuilder().state(ChatState.ENDED).agentTyping(TypingStatus.NOT_TYPING).build());
    at(6 * ms, waiting, i -> i.toBuilder().state(ChatState.ENDED).visitorTyping(TypingStatus.NOT_TYPING).build());
    if (repeat) {
      timeline.schedule(() -> {
        reset(waiting, ChatInfoFixtures.waiting());
        reset(chatting, ChatInfoFixtures.chatting());
        start(step, true);
      }, 10 * ms, TimeUnit.MILLISECONDS);
    }
  }

  private void at(long ms, ChatRef chat, UnaryOperator<ChatInfo> change) {
    timeline.schedule(() -> {
      server.update(chat, info -> change.apply(info).toBuilder()
          .lastUpdate(OffsetDateTime.now(server.clock())).build());
    }, ms, TimeUnit.MILLISECONDS);
  }

  private void reset(ChatRef chat, ChatInfo fixture) {
    server.update(chat, info -> fixture.toBuilder().lastUpdate(OffsetDateTime.now(server.clock())).build());
  }

  @Override
  public void close() {
    timeline.shutdownNow();
  }
}
