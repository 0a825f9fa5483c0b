package dev.chatinfo.testkit;

import java.util.ArrayList;
import java.util.List;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.MultipleFailuresError;

/** Where assertion failures go: thrown at once, or collected for {@code assertSoftly}. */
final class Failures {

  private final List<AssertionFailedError> collected;

  private Failures(List<AssertionFailedError> collected) {
    this.collected = collected;
  }

  static Failures hard() {
    return new Failures(null);
  }

  static Failures soft() {
    return new Failures(new ArrayList<>());
  }

  void fail(String message, Object expected, Object actual) {
    AssertionFailedError error = new AssertionFailedError(message, expected, actual);
    if (collected == null) {
      throw error;
    }
    collected.add(error);
  }

  void fail(String message) {
    AssertionFailedError error = new AssertionFailedError(message);
    if (collected == null) {
      throw error;
    }
    collected.add(error);
  }

  /** Throws what was collected: the failure itself when there is one, all of them when more. */
  void throwCollected() {
    if (collected == null || collected.isEmpty()) {
      return;
    }
    if (collected.size() == 1) {
      throw collected.get(0);
    }
    throw new MultipleFailuresError(collected.size() + " chatinfo assertions failed", new ArrayList<>(collected));
  }
}
