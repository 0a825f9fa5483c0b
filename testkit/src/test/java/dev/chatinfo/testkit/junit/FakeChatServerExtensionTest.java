package dev.chatinfo.testkit.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.chatinfo.testkit.ChatInfoFixtures;
import dev.chatinfo.testkit.FakeChatServer;
import java.net.ConnectException;
import java.net.Socket;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(FakeChatServerExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FakeChatServerExtensionTest {

  static FakeChatServer classServer;
  static int previousPort;

  @BeforeAll
  static void classLevel(FakeChatServer server) {
    classServer = server;
  }

  @Test
  @Order(1)
  void injectsAStartedServer(FakeChatServer server) throws Exception {
    server.addChat(ChatInfoFixtures.chatting());
    new Socket("127.0.0.1", server.baseUrl().getPort()).close();
    previousPort = server.baseUrl().getPort();
  }

  @Test
  @Order(2)
  void closedTheServerOfThePreviousTestAndGivesANewOne(FakeChatServer server) {
    assertThrows(ConnectException.class, () -> new Socket("127.0.0.1", previousPort).close());
    assertEquals(0, server.requests().size());
  }

  @Test
  @Order(3)
  void givesTheSameServerToEveryParameterOfATest(FakeChatServer a, FakeChatServer b) {
    assertSame(a, b);
  }

  @AfterAll
  static void classServerStillRunsUntilAfterAll() throws Exception {
    new Socket("127.0.0.1", classServer.baseUrl().getPort()).close();
  }
}
