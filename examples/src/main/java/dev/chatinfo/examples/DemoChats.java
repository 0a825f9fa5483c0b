package dev.chatinfo.examples;

import dev.chatinfo.api.ChatInfo;
import dev.chatinfo.api.ChatRef;
import dev.chatinfo.api.ChatState;
import dev.chatinfo.api.TypingStatus;
import dev.chatinfo.testkit.ChatInfoFixtures;
import dev.chatinfo.testkit.ChatScript;
import dev.chatinfo.testkit.FakeChatServer;
import java.time.Duration;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The three demo chats on a fake server, and their timeline, played by the server's own
 * {@link FakeChatServer#script scripts}: the waiting chat is picked up by Barber, its visitor
 * types, it ends; the chatting chat's agent types, it ends; the ended chat stays ended.
 */
final class DemoChats {

  /** How many steps one run of the timeline takes, the pause before the next run included. */
  static final int STEPS_PER_RUN = 10;

  final ChatRef waiting;
  final ChatRef chatting;
  final ChatRef ended;
  private final FakeChatServer server;

  DemoChats(FakeChatServer server) {
    this.server = server;
    this.waiting = server.addChat(ChatInfoFixtures.waiting());
    this.chatting = server.addChat(ChatInfoFixtures.chatting());
    this.ended = server.addChat(ChatInfoFixtures.ended());
  }

  List<ChatRef> all() {
    return List.of(waiting, chatting, ended);
  }

  /**
   * Scripts one run of the timeline from now, a change at 2, 3, 4, 5 and 6 times {@code step}.
   *
   * @param step the time between two steps
   * @param fromTheStart whether the waiting and chatting chats first go back to how they began (a
   *     run after the first)
   */
  void script(Duration step, boolean fromTheStart) {
    ChatScript waitingChat = server.script(waiting);
    ChatScript chattingChat = server.script(chatting);
    if (fromTheStart) {
      waitingChat.after(Duration.ZERO, restart(ChatInfoFixtures.waiting()));
      chattingChat.after(Duration.ZERO, restart(ChatInfoFixtures.chatting()));
    }
    waitingChat
        .after(step.multipliedBy(2), info -> info.toBuilder().state(ChatState.CHATTING).agentName("Barber")
            .agentId(311098910L).build())
        .after(step.multipliedBy(2), info -> info.toBuilder().visitorTyping(TypingStatus.TYPING).build())
        .after(step.multipliedBy(2), info -> info.toBuilder().state(ChatState.ENDED)
            .visitorTyping(TypingStatus.NOT_TYPING).build());
    chattingChat
        .after(step.multipliedBy(3), info -> info.toBuilder().agentTyping(TypingStatus.TYPING).build())
        .after(step.multipliedBy(2), info -> info.toBuilder().state(ChatState.ENDED)
            .agentTyping(TypingStatus.NOT_TYPING).build());
  }

  /** The chat as it began, with its links, started when the previous run ended. */
  private static UnaryOperator<ChatInfo> restart(ChatInfo fixture) {
    return info -> fixture.toBuilder().startTime(info.lastUpdate().orElse(null)).links(info.links()).build();
  }
}
