package dev.chatinfo.examples;

import static dev.chatinfo.testkit.watch.ChatEventAssertions.assertThat;
import static dev.chatinfo.testkit.watch.ChatEventKind.EXPIRING_SOON;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.chatinfo.api.BearerTokenProvider;
import dev.chatinfo.api.ChatRef;
import dev.chatinfo.api.ChatState;
import dev.chatinfo.api.TypingStatus;
import dev.chatinfo.testkit.ChatInfoFixtures;
import dev.chatinfo.testkit.FakeChatServer;
import dev.chatinfo.testkit.Fault;
import dev.chatinfo.testkit.SettableClock;
import dev.chatinfo.testkit.junit.FakeChatServerExtension;
import dev.chatinfo.testkit.watch.ChatEventRecorder;
import dev.chatinfo.client.ChatInfoClient;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * How to test your own code that uses chatinfo: a real fake server per test, fixtures, faults, and
 * for code that watches chats, a settable clock, the server's scripts and the event recorder and
 * assertions. Copy this shape into your tests.
 */
@ExtendWith(FakeChatServerExtension.class)
class SupervisorDashboardTest {

  /** With one transport installed, leave out transport(...): the builder finds it. This module ships two. */
  static ChatInfoClient sourceFor(FakeChatServer server) {
    return ChatInfoClient.builder().baseUrl(server.baseUrl())
        .bearerToken(BearerTokenProvider.of(server.token())).transport("jdk").build();
  }

  @Test
  void countsChatsByStateAndShowsWhoIsTyping(FakeChatServer server) {
    ChatRef waiting = server.addChat(ChatInfoFixtures.waiting());
    ChatRef chatting = server.addChat(ChatInfoFixtures.chatting());
    ChatRef ended = server.addChat(ChatInfoFixtures.ended());
    try (ChatInfoClient source = sourceFor(server)) {
      assertEquals("1 waiting, 1 chatting, 1 ended, 0 unreachable; typing: visitor of " + chatting.chatId(),
          new SupervisorDashboard(source).summary(List.of(waiting, chatting, ended)));
    }
  }

  @Test
  void seesTheAgentStartTyping(FakeChatServer server) {
    ChatRef chatting = server.addChat(ChatInfoFixtures.chattingBuilder().visitorTyping(TypingStatus.NOT_TYPING).build());
    try (ChatInfoClient source = sourceFor(server)) {
      SupervisorDashboard dashboard = new SupervisorDashboard(source);
      assertEquals("0 waiting, 1 chatting, 0 ended, 0 unreachable; typing: nobody", dashboard.summary(List.of(chatting)));
      server.update(chatting, info -> info.toBuilder().agentTyping(TypingStatus.TYPING).build());
      assertEquals("0 waiting, 1 chatting, 0 ended, 0 unreachable; typing: Barber in " + chatting.chatId(),
          dashboard.summary(List.of(chatting)));
    }
  }

  @Test
  void alertsTheSupervisorWhenAChatWaitsTooLong(FakeChatServer server, SettableClock clock) {
    ChatRef forgotten = server.addChat(ChatInfoFixtures.waiting());         // times out 40 s from now
    ChatRef pickedUp = server.addChat(ChatInfoFixtures.waiting());
    server.script(pickedUp).after(Duration.ofSeconds(2), info -> info.toBuilder().state(ChatState.CHATTING).build());
    try (ChatInfoClient source = sourceFor(server);
        SupervisorAlerts alerts = new SupervisorAlerts(source, clock, forgotten, pickedUp)) {
      ChatEventRecorder pager = ChatEventRecorder.subscribeTo(alerts);      // the supervisor's
      clock.advance(Duration.ofSeconds(32));                                // both time out within 10 s
      assertThat(pager.awaitEvents(1, Duration.ofSeconds(9))).hasSize(1).forChat(forgotten).startsWith(EXPIRING_SOON);
    }
  }

  @Test
  void countsAChatItCannotReach(FakeChatServer server) {
    ChatRef chatting = server.addChat(ChatInfoFixtures.chatting());
    ChatRef gone = ChatRef.of(chatting.accountId(), chatting.agentSessionId(), "gone");
    server.enqueue(chatting, Fault.status(503));
    try (ChatInfoClient source = sourceFor(server)) {
      assertEquals("0 waiting, 1 chatting, 0 ended, 1 unreachable; typing: visitor of " + chatting.chatId(),
          new SupervisorDashboard(source).summary(List.of(chatting, gone)));
    }
  }
}
