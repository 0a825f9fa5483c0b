package dev.chatinfo.testkit;

import dev.chatinfo.api.ChatInfo;
import java.util.Objects;
import java.util.function.Consumer;
import org.junit.jupiter.api.function.Executable;

/**
 * The entry point of the testkit's assertions.
 *
 * <pre>{@code
 * import static dev.chatinfo.testkit.ChatInfoAssertions.*;
 *
 * assertThat(info).isChatting().hasAgentName("Barber").visitorIsTyping();
 * assertThatThrownBy(() -> source.fetch(unknown)).hasKind(Kind.NOT_FOUND).hasAttempts(1);
 * assertSoftly(softly -> {
 *   softly.assertThat(info).isEnded();            // every failure is reported at once
 *   softly.assertThat(info).hasVisitorName("Ann");
 * });
 * }</pre>
 */
public final class ChatInfoAssertions {

  private ChatInfoAssertions() {}

  /**
   * Starts assertions on chat information; each failing check throws at once.
   *
   * @param actual the value under test
   * @return the assertions
   */
  public static ChatInfoAssert assertThat(ChatInfo actual) {
    return new ChatInfoAssert(actual, Failures.hard());
  }

  /**
   * Starts assertions on a failure, which must be a {@code ChatInfoException}.
   *
   * @param actual the failure under test
   * @return the assertions
   */
  public static ChatInfoExceptionAssert assertThat(Throwable actual) {
    return new ChatInfoExceptionAssert(actual, Failures.hard());
  }

  /**
   * Runs code that must fail, and starts assertions on its failure.
   *
   * @param call the code
   * @return the assertions on what it threw (failing at once if it threw nothing)
   */
  public static ChatInfoExceptionAssert assertThatThrownBy(Executable call) {
    Objects.requireNonNull(call, "call");
    try {
      call.execute();
    } catch (Throwable t) {
      if (t instanceof VirtualMachineError e) {
        throw e;
      }
      return assertThat(t);
    }
    throw new org.opentest4j.AssertionFailedError("expected a ChatInfoException but nothing was thrown");
  }

  /**
   * Runs assertions that all report their failures together, in one
   * {@link org.opentest4j.MultipleFailuresError} (or the failure itself when there is one).
   *
   * @param assertions the assertions, made through the given {@link SoftAssertions}
   */
  public static void assertSoftly(Consumer<SoftAssertions> assertions) {
    Failures failures = Failures.soft();
    assertions.accept(new SoftAssertions(failures));
    failures.throwCollected();
  }

  /** Assertions that collect their failures; see {@link ChatInfoAssertions#assertSoftly}. */
  public static final class SoftAssertions {
    private final Failures failures;

    private SoftAssertions(Failures failures) {
      this.failures = failures;
    }

    /**
     * Starts soft assertions on chat information.
     *
     * @param actual the value under test
     * @return the assertions
     */
    public ChatInfoAssert assertThat(ChatInfo actual) {
      return new ChatInfoAssert(actual, failures);
    }

    /**
     * Starts soft assertions on a failure.
     *
     * @param actual the failure under test
     * @return the assertions
     */
    public ChatInfoExceptionAssert assertThat(Throwable actual) {
      return new ChatInfoExceptionAssert(actual, failures);
    }
  }
}
