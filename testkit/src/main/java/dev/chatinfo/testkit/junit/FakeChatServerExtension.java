package dev.chatinfo.testkit.junit;

import dev.chatinfo.testkit.FakeChatServer;
import dev.chatinfo.testkit.SettableClock;
import java.lang.reflect.Executable;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Injects a started {@link FakeChatServer} into test methods, lifecycle methods and constructors,
 * and closes it afterwards: after each test for a test method's parameter, after all tests for a
 * {@code @BeforeAll} parameter. Within one test (or one class), every parameter gets the same
 * server.
 *
 * <p>It also injects a {@link SettableClock}, standing at the time the test started (to the
 * millisecond). When a test asks for one (in its own parameters or those of the method that asks
 * for the server), its server runs on that clock: moving the clock moves the server's time,
 * time-outs and {@link FakeChatServer#script scripts} included. Otherwise the server runs on the
 * system clock.
 *
 * <pre>{@code
 * @ExtendWith(FakeChatServerExtension.class)
 * class DashboardTest {
 *   @Test
 *   void showsWhoIsTyping(FakeChatServer server) {
 *     ChatRef ref = server.addChat(ChatInfoFixtures.chatting());
 *     ...
 *   }
 *
 *   @Test
 *   void showsAnEndedChat(FakeChatServer server, SettableClock clock) {
 *     ChatRef ref = server.addChat(ChatInfoFixtures.chatting());
 *     clock.advance(Duration.ofSeconds(41));     // past the chat's 40 s time-out
 *     ...
 *   }
 * }
 * }</pre>
 */
public final class FakeChatServerExtension implements ParameterResolver, AfterEachCallback, AfterAllCallback {

  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(FakeChatServerExtension.class);

  /** Creates the extension; JUnit does this for {@code @ExtendWith}. */
  public FakeChatServerExtension() {}

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == FakeChatServer.class || type == SettableClock.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    // Keyed by the context itself: stores inherit their parents' values, and a test method must
    // not get (nor close) the server of its class's @BeforeAll.
    if (parameter.getParameter().getType() == SettableClock.class) {
      return clock(context);
    }
    FakeChatServer server = context.getStore(NAMESPACE).get(serverKey(context), FakeChatServer.class);
    if (server == null) {
      Clock clock = wantsClock(parameter.getDeclaringExecutable(), context) ? clock(context) : Clock.systemUTC();
      server = context.getStore(NAMESPACE).getOrComputeIfAbsent(serverKey(context), k -> FakeChatServer.start(clock),
          FakeChatServer.class);
    }
    return server;
  }

  @Override
  public void afterEach(ExtensionContext context) {
    close(context);
  }

  @Override
  public void afterAll(ExtensionContext context) {
    close(context);
  }

  private static SettableClock clock(ExtensionContext context) {
    return context.getStore(NAMESPACE).getOrComputeIfAbsent(clockKey(context),
        k -> SettableClock.at(Instant.now().truncatedTo(ChronoUnit.MILLIS)), SettableClock.class);
  }

  /** Whether the method asking for the server, or the test it serves, also asks for the clock. */
  private static boolean wantsClock(Executable asking, ExtensionContext context) {
    if (context.getStore(NAMESPACE).get(clockKey(context)) != null || takesClock(asking)) {
      return true;
    }
    return context.getTestMethod().map(FakeChatServerExtension::takesClock).orElse(false);
  }

  private static boolean takesClock(Executable executable) {
    return Arrays.stream(executable.getParameterTypes()).anyMatch(t -> t == SettableClock.class);
  }

  private static String serverKey(ExtensionContext context) {
    return "server " + context.getUniqueId();
  }

  private static String clockKey(ExtensionContext context) {
    return "clock " + context.getUniqueId();
  }

  private static void close(ExtensionContext context) {
    context.getStore(NAMESPACE).remove(clockKey(context));
    FakeChatServer server = context.getStore(NAMESPACE).remove(serverKey(context), FakeChatServer.class);
    if (server != null) {
      server.close();
    }
  }
}
