package dev.chatinfo.client.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chatinfo.api.ChatRef;
import java.net.URI;
import org.junit.jupiter.api.Test;

class EndpointTest {

  private final Endpoint endpoint = Endpoint.ofBaseUrl(URI.create("http://127.0.0.1:8080/prefix"));

  @Test
  void aChatsTargetIsItsInfoUrlAndPath() {
    ChatRef chat = ChatRef.of("1234", "s-1", "c_2");
    Endpoint.Target target = endpoint.target(chat);
    assertEquals(URI.create("http://127.0.0.1:8080/prefix/api/account/1234/agentSession/s-1/chat/c_2/info?v=1&NC=true"),
        target.url());
    assertEquals("/prefix/api/account/1234/agentSession/s-1/chat/c_2/info", target.path());
    assertEquals(endpoint.infoUrl(chat), target.url());
    assertEquals(endpoint.infoPath(chat), target.path());
  }

  @Test
  void aTargetIsMadeOncePerChatAndEqualRefsShareIt() {
    Endpoint.Target first = endpoint.target(ChatRef.of("1", "s", "c"));
    assertSame(first, endpoint.target(ChatRef.of("1", "s", "c")));
    assertNotSame(first, endpoint.target(ChatRef.of("1", "s", "d")));
    assertEquals(URI.create("http://127.0.0.1:8080/prefix/api/account/1/agentSession/s/chat/d/info?v=1&NC=true"),
        endpoint.target(ChatRef.of("1", "s", "d")).url());
  }

  @Test
  void keptTargetsAreBoundedAndStayRightPastTheBound() {
    for (int i = 0; i < Endpoint.TARGETS_KEPT * 3 + 7; i++) {
      ChatRef chat = ChatRef.of("1", "s", "c" + i);
      assertEquals("/prefix/api/account/1/agentSession/s/chat/c" + i + "/info", endpoint.target(chat).path());
    }
    assertTrue(endpoint.keptTargets() <= Endpoint.TARGETS_KEPT, "kept " + endpoint.keptTargets());
    ChatRef early = ChatRef.of("1", "s", "c0");
    assertEquals("/prefix/api/account/1/agentSession/s/chat/c0/info", endpoint.target(early).path());
  }
}
