package dev.chatinfo.testkit;

import dev.chatinfo.api.ChatInfoException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Fluent assertions on a failure: that it is a {@link ChatInfoException}, its kind, HTTP status,
 * attempts, {@code Retry-After} and message. Get one with
 * {@link ChatInfoAssertions#assertThat(Throwable)} or
 * {@link ChatInfoAssertions#assertThatThrownBy(org.junit.jupiter.api.function.Executable)}.
 *
 * <pre>{@code
 * assertThatThrownBy(() -> source.fetch(ref))
 *     .hasKind(Kind.SERVER_ERROR).hasHttpStatus(503).hasAttempts(3)
 *     .hasMessageNotContaining(server.token());
 * }</pre>
 *
 * <p>Not thread-safe.
 */
public final class ChatInfoExceptionAssert {

  private final Throwable actual;
  private final Failures failures;

  ChatInfoExceptionAssert(Throwable actual, Failures failures) {
    this.actual = actual;
    this.failures = failures;
  }

  /**
   * Checks the failure's kind.
   *
   * @param expected the kind
   * @return this
   */
  public ChatInfoExceptionAssert hasKind(ChatInfoException.Kind expected) {
    ChatInfoException e = chatInfoException();
    if (e != null && e.kind() != expected) {
      failures.fail("expected a ChatInfoException of kind <" + expected + "> but was <" + e.kind() + ">: "
          + e.getMessage(), expected, e.kind());
    }
    return this;
  }

  /**
   * Checks the HTTP status.
   *
   * @param expected the status
   * @return this
   */
  public ChatInfoExceptionAssert hasHttpStatus(int expected) {
    ChatInfoException e = chatInfoException();
    if (e != null && !e.httpStatus().equals(OptionalInt.of(expected))) {
      failures.fail("expected HTTP status <" + expected + "> but was <" + show(e.httpStatus()) + ">: "
          + e.getMessage(), expected, show(e.httpStatus()));
    }
    return this;
  }

  /**
   * Checks there is no HTTP status (no response was received).
   *
   * @return this
   */
  public ChatInfoExceptionAssert hasNoHttpStatus() {
    ChatInfoException e = chatInfoException();
    if (e != null && e.httpStatus().isPresent()) {
      failures.fail("expected no HTTP status but was <" + show(e.httpStatus()) + ">: " + e.getMessage(),
          "absent", show(e.httpStatus()));
    }
    return this;
  }

  /**
   * Checks how many HTTP attempts were made.
   *
   * @param expected the number of attempts
   * @return this
   */
  public ChatInfoExceptionAssert hasAttempts(int expected) {
    ChatInfoException e = chatInfoException();
    if (e != null && e.attempts() != expected) {
      failures.fail("expected <" + expected + "> attempts but was <" + e.attempts() + ">: " + e.getMessage(),
          expected, e.attempts());
    }
    return this;
  }

  /**
   * Checks the wait the service asked for.
   *
   * @param expected the wait
   * @return this
   */
  public ChatInfoExceptionAssert hasRetryAfter(Duration expected) {
    ChatInfoException e = chatInfoException();
    if (e != null && !e.retryAfter().equals(Optional.of(expected))) {
      failures.fail("expected Retry-After <" + expected + "> but was <"
          + e.retryAfter().map(Object::toString).orElse("absent") + ">", expected, e.retryAfter().orElse(null));
    }
    return this;
  }

  /**
   * Checks the failure is retryable.
   *
   * @return this
   */
  public ChatInfoExceptionAssert isRetryable() {
    ChatInfoException e = chatInfoException();
    if (e != null && !e.isRetryable()) {
      failures.fail("expected a retryable failure but was " + e.kind() + ": " + e.getMessage());
    }
    return this;
  }

  /**
   * Checks the failure is not retryable.
   *
   * @return this
   */
  public ChatInfoExceptionAssert isNotRetryable() {
    ChatInfoException e = chatInfoException();
    if (e != null && e.isRetryable()) {
      failures.fail("expected a failure that is not retryable but was " + e.kind() + ": " + e.getMessage());
    }
    return this;
  }

  /**
   * Checks the message contains a text.
   *
   * @param text the text
   * @return this
   */
  public ChatInfoExceptionAssert hasMessageContaining(String text) {
    ChatInfoException e = chatInfoException();
    if (e != null && (e.getMessage() == null || !e.getMessage().contains(text))) {
      failures.fail("expected the message to contain <" + text + "> but was <" + e.getMessage() + ">",
          text, e.getMessage());
    }
    return this;
  }

  /**
   * Checks that neither the message nor that of any cause contains a text (a token, say). The
   * failure message does not repeat the text.
   *
   * @param text the text that must not appear
   * @return this
   */
  public ChatInfoExceptionAssert hasMessageNotContaining(String text) {
    Objects.requireNonNull(text, "text");
    ChatInfoException e = chatInfoException();
    if (e == null) {
      return this;
    }
    for (Throwable t = e; t != null; t = t.getCause()) {
      if ((t.getMessage() != null && t.getMessage().contains(text)) || t.toString().contains(text)) {
        failures.fail("expected the failure not to mention a forbidden text (" + text.length()
            + " characters), but " + (t == e ? "its message" : "the message of its cause " + t.getClass().getName())
            + " does");
        break;
      }
    }
    return this;
  }

  /**
   * The failure under test, as a {@code ChatInfoException}.
   *
   * @return the exception, or null when it is not one (already reported)
   */
  public ChatInfoException actual() {
    return actual instanceof ChatInfoException e ? e : null;
  }

  private ChatInfoException chatInfoException() {
    if (actual instanceof ChatInfoException e) {
      return e;
    }
    failures.fail("expected a ChatInfoException but was " + (actual == null ? "nothing (no failure)" : actual),
        ChatInfoException.class.getName(), actual == null ? null : actual.getClass().getName());
    return null;
  }

  private static String show(OptionalInt value) {
    return value.isPresent() ? Integer.toString(value.getAsInt()) : "absent";
  }
}
