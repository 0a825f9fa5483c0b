package dev.chatinfo.examples;

import dev.chatinfo.api.ChatInfoSource;
import dev.chatinfo.api.ChatRef;
import dev.chatinfo.api.ChatState;
import dev.chatinfo.watch.ChatEvent;
import dev.chatinfo.watch.ChatWatcher;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Flow;
import java.util.concurrent.SubmissionPublisher;

/**
 * A piece of application code built on {@link ChatWatcher}: alerts a supervisor when a visitor has
 * waited so long for an agent that the chat is about to time out. Each alert is the chat's
 * {@link ChatEvent.ExpiringSoon} event, published to the supervisor's subscribers. Its test
 * ({@code SupervisorDashboardTest}) shows how to test such code with the testkit in a few lines.
 *
 * <pre>{@code
 * try (SupervisorAlerts alerts = new SupervisorAlerts(client, Clock.systemUTC(), chats)) {
 *   alerts.subscribe(pager);      // any Flow.Subscriber<ChatEvent>
 *   ...
 * }
 * }</pre>
 */
public final class SupervisorAlerts implements Flow.Publisher<ChatEvent>, AutoCloseable {

  /** How long before a waiting chat times out the supervisor hears of it. */
  public static final Duration WARNING = Duration.ofSeconds(10);

  private final ChatWatcher watcher;
  private final SubmissionPublisher<ChatEvent> alerts = new SubmissionPublisher<>();

  /**
   * Starts watching the chats (every second) for the supervisor.
   *
   * @param source where chat information comes from; left open by {@link #close()}
   * @param clock the time (a test's settable clock, or the system's)
   * @param chats the chats to watch
   */
  public SupervisorAlerts(ChatInfoSource source, Clock clock, ChatRef... chats) {
    this.watcher = ChatWatcher.builder(source).interval(Duration.ofSeconds(1)).expiryWarning(WARNING).clock(clock)
        .build();
    watcher.onEvent(event -> {
      if (event instanceof ChatEvent.ExpiringSoon soon && soon.info().state() == ChatState.WAITING) {
        alerts.submit(event);
      }
    });
    for (ChatRef chat : chats) {
      watcher.watch(chat);
    }
  }

  /**
   * Subscribes to the alerts.
   *
   * @param supervisor who is alerted
   */
  @Override
  public void subscribe(Flow.Subscriber<? super ChatEvent> supervisor) {
    alerts.subscribe(supervisor);
  }

  /** Stops watching and completes the subscribers. */
  @Override
  public void close() {
    watcher.close();
    alerts.close();
  }
}
