package dev.chatinfo.testkit.junit;

import dev.chatinfo.testkit.FakeChatServer;
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
 * <pre>{@code
 * @ExtendWith(FakeChatServerExtension.class)
 * class DashboardTest {
 *   @Test
 *   void showsWhoIsTyping(FakeChatServer server) {
 *     ChatRef ref = server.addChat(ChatInfoFixtures.chatting());
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
    return parameter.getParameter().getType() == FakeChatServer.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    // Keyed by the context itself: stores inherit their parents' values, and a test method must
    // not get (nor close) the server of its class's @BeforeAll.
    return context.getStore(NAMESPACE).getOrComputeIfAbsent(key(context), k -> FakeChatServer.start(),
        FakeChatServer.class);
  }

  @Override
  public void afterEach(ExtensionContext context) {
    close(context);
  }

  @Override
  public void afterAll(ExtensionContext context) {
    close(context);
  }

  private static String key(ExtensionContext context) {
    return "server " + context.getUniqueId();
  }

  private static void close(ExtensionContext context) {
    FakeChatServer server = context.getStore(NAMESPACE).remove(key(context), FakeChatServer.class);
    if (server != null) {
      server.close();
    }
  }
}
