package dev.chatinfo.testkit.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.chatinfo.api.ChatRef;
import dev.chatinfo.api.ChatState;
import dev.chatinfo.testkit.ChatInfoFixtures;
import dev.chatinfo.testkit.FakeChatServer;
import dev.chatinfo.testkit.SettableClock;
import java.io.IOException;
import java.net.ConnectException;
import java.net.Socket;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Each test here is checked after the extension has run: {@link ChecksTheServers} is registered
 * before {@link FakeChatServerExtension}, so JUnit calls its after-callbacks after the extension's
 * and they see what the extension left behind. Every test stands alone: run one, and it still
 * checks that its server was started, shared within the test and closed afterwards.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(FakeChatServerExtensionTest.ChecksTheServers.class)
@ExtendWith(FakeChatServerExtension.class)
class FakeChatServerExtensionTest {

  FakeChatServer classServer;
  FakeChatServer testServer;

  @BeforeAll
  void classLevel(FakeChatServer server) throws IOException {
    classServer = server;
    assertAccepts(server);
  }

  @Test
  void injectsAStartedServerAndClosesItAfterTheTest(FakeChatServer server) throws IOException {
    testServer = server;
    assertAccepts(server);
    server.addChat(ChatInfoFixtures.chatting());
  }

  @Test
  void givesATestItsOwnServerNotTheClassServer(FakeChatServer server) {
    testServer = server;
    assertNotSame(classServer, server);
    assertEquals(0, server.requests().size());
  }

  @Test
  void givesTheSameServerToEveryParameterOfATest(FakeChatServer a, FakeChatServer b) {
    testServer = a;
    assertSame(a, b);
  }

  @Test
  void runsTheServerOnTheInjectedClock(FakeChatServer server, SettableClock clock) {
    testServer = server;
    assertSame(clock, server.clock());
    ChatRef ref = server.addChat(ChatInfoFixtures.chatting());
    clock.advance(Duration.ofSeconds(41));
    assertEquals(ChatState.ENDED, server.chat(ref).state());
  }

  @Test
  void runsTheServerOnTheClockWhicheverParameterComesFirst(SettableClock clock, FakeChatServer server) {
    testServer = server;
    assertSame(clock, server.clock());
  }

  @Test
  void runsTheServerOnTheSystemClockWhenTheTestAsksForNone(FakeChatServer server) {
    testServer = server;
    assertEquals(Clock.systemUTC(), server.clock());
  }

  @Nested
  class WhenTheServerComesFromBeforeEach {

    FakeChatServer fromBeforeEach;

    @BeforeEach
    void start(FakeChatServer server) {
      fromBeforeEach = server;
    }

    @Test
    void itRunsOnTheClockTheTestAsksFor(SettableClock clock) {
      testServer = fromBeforeEach;
      assertSame(clock, fromBeforeEach.clock());
    }
  }

  static void assertAccepts(FakeChatServer server) throws IOException {
    new Socket("127.0.0.1", server.baseUrl().getPort()).close();
  }

  static void assertClosed(FakeChatServer server) {
    assertThrows(ConnectException.class, () -> assertAccepts(server), server + " still accepts connections");
  }

  /** Runs after the extension's callbacks: the test's server is closed, the class's until after all. */
  static final class ChecksTheServers implements AfterEachCallback, AfterAllCallback {

    @Override
    public void afterEach(ExtensionContext context) throws IOException {
      FakeChatServerExtensionTest test = context.getRequiredTestInstances().findInstance(
          FakeChatServerExtensionTest.class).orElseThrow();
      assertNotNull(test.testServer, "the test got no server");
      assertClosed(test.testServer);
      assertAccepts(test.classServer);
      test.testServer = null;
    }

    @Override
    public void afterAll(ExtensionContext context) {
      if (context.getRequiredTestClass() != FakeChatServerExtensionTest.class) {
        return;   // a @Nested class ends before the outer one
      }
      FakeChatServerExtensionTest test = (FakeChatServerExtensionTest) context.getRequiredTestInstance();
      assertClosed(test.classServer);
    }
  }
}
