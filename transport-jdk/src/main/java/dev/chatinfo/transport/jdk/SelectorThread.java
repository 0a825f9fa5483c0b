package dev.chatinfo.transport.jdk;

import java.net.http.HttpClient;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Stops the selector thread of a Java 17–20 {@link HttpClient}, which has no {@code close()}.
 *
 * <p>Such a client's thread {@code HttpClient-<id>-SelectorManager} runs until the client has been
 * garbage collected, blocked in native code ({@code epoll_wait}) most of the time, and HotSpot
 * waits up to 300 ms at exit for threads in native code: a program that made a client and calls
 * {@code System.exit} ends 300 ms late. The thread's loop ends when the thread is interrupted, and
 * then stops its client (closes its connections, fails what was pending). The {@code <id>} is what
 * the client's {@code toString()} ends with, such as {@code HttpClientImpl@6d06d69c(1)}. Where the
 * JDK names them otherwise nothing is found and nothing is done: the thread then ends as before,
 * once the client is unreachable.
 */
final class SelectorThread {

  private static final Pattern CLIENT_ID = Pattern.compile("\\((\\d+)\\)$");

  private SelectorThread() {}

  /**
   * Interrupts the selector thread of a client that is no longer used.
   *
   * @param client the client, made by the transport and never handed out
   * @return whether a thread was found and interrupted
   */
  static boolean stop(HttpClient client) {
    Matcher id = CLIENT_ID.matcher(String.valueOf(client));
    if (!id.find()) {
      return false;
    }
    String name = "HttpClient-" + id.group(1) + "-SelectorManager";
    ThreadGroup root = Thread.currentThread().getThreadGroup();
    while (root.getParent() != null) {
      root = root.getParent();
    }
    Thread[] threads = new Thread[root.activeCount() + 16];
    int n = root.enumerate(threads, true);
    for (int i = 0; i < n; i++) {
      if (threads[i].getName().equals(name)) {
        threads[i].interrupt();
        return true;
      }
    }
    return false;
  }
}
