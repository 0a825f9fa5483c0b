package dev.chatinfo.testkit.contract;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Records every exception that reaches the default uncaught-exception handler (a library's
 * thread dying of one) while open; restores the previous handler on close.
 */
final class UncaughtExceptions implements AutoCloseable {

  private final Thread.UncaughtExceptionHandler previous;
  private final List<String> seen = Collections.synchronizedList(new ArrayList<>());

  private UncaughtExceptions() {
    previous = Thread.getDefaultUncaughtExceptionHandler();
    Thread.setDefaultUncaughtExceptionHandler((thread, e) -> seen.add(thread.getName() + ": " + e));
  }

  /** Starts recording. */
  static UncaughtExceptions record() {
    return new UncaughtExceptions();
  }

  /** What was recorded so far, as "thread: exception". */
  List<String> seen() {
    synchronized (seen) {
      return List.copyOf(seen);
    }
  }

  @Override
  public void close() {
    Thread.setDefaultUncaughtExceptionHandler(previous);
  }
}
