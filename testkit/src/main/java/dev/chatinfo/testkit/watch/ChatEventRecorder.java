package dev.chatinfo.testkit.watch;

import dev.chatinfo.watch.ChatEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Flow;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.opentest4j.AssertionFailedError;

/**
 * A subscriber that records every {@link ChatEvent} it receives (it requests without bound), for
 * tests. Thread-safe: events arrive on the publisher's delivery threads while the test waits.
 *
 * <pre>{@code
 * ChatEventRecorder events = ChatEventRecorder.subscribeTo(watcher);
 * watcher.watch(chat);
 * ChatEvent.Ended ended = events.awaitEvent(ChatEventKind.ENDED, Duration.ofSeconds(10));
 * }</pre>
 */
public final class ChatEventRecorder implements Flow.Subscriber<ChatEvent> {

  private final ReentrantLock lock = new ReentrantLock();
  private final Condition changed = lock.newCondition();
  private final List<ChatEvent> events = new ArrayList<>();
  private Flow.Subscription subscription;
  private Throwable error;
  private boolean completed;

  /** A recorder not yet subscribed; pass it to {@code publisher.subscribe(...)}. */
  public ChatEventRecorder() {}

  /**
   * Makes a recorder and subscribes it.
   *
   * @param publisher what to record, a {@code ChatWatcher} say
   * @return the recorder
   */
  public static ChatEventRecorder subscribeTo(Flow.Publisher<ChatEvent> publisher) {
    ChatEventRecorder recorder = new ChatEventRecorder();
    publisher.subscribe(recorder);
    return recorder;
  }

  /**
   * Requests every event.
   *
   * @param s the subscription
   */
  @Override
  public void onSubscribe(Flow.Subscription s) {
    lock.lock();
    try {
      if (subscription != null) {
        s.cancel();
        return;
      }
      subscription = s;
    } finally {
      lock.unlock();
    }
    s.request(Long.MAX_VALUE);
  }

  /**
   * Records an event.
   *
   * @param event the event
   */
  @Override
  public void onNext(ChatEvent event) {
    lock.lock();
    try {
      events.add(event);
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /**
   * Records the failure that ended the stream.
   *
   * @param failure the failure
   */
  @Override
  public void onError(Throwable failure) {
    lock.lock();
    try {
      error = failure;
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /** Records the end of the stream. */
  @Override
  public void onComplete() {
    lock.lock();
    try {
      completed = true;
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /**
   * The events received so far, in order.
   *
   * @return an immutable copy
   */
  public List<ChatEvent> events() {
    lock.lock();
    try {
      return List.copyOf(events);
    } finally {
      lock.unlock();
    }
  }

  /**
   * Waits until at least {@code count} events were received.
   *
   * @param count how many
   * @param timeout how long to wait at most
   * @return every event received by then
   * @throws AssertionFailedError if fewer came in time, showing those that came
   */
  public List<ChatEvent> awaitEvents(int count, Duration timeout) {
    await(() -> events.size() >= count, timeout, "at least " + count + " events");
    return events();
  }

  /**
   * Waits for the first event of a kind.
   *
   * @param <E> the event's record type
   * @param kind the kind
   * @param timeout how long to wait at most
   * @return the first event of that kind
   * @throws AssertionFailedError if none came in time
   */
  public <E extends ChatEvent> E awaitEvent(ChatEventKind kind, Duration timeout) {
    Objects.requireNonNull(kind, "kind");
    return awaitEvent(kind.type(), kind::matches, timeout, "a " + kind + " event");
  }

  /**
   * Waits for the first event that matches.
   *
   * @param condition what the event must be
   * @param timeout how long to wait at most
   * @return the first matching event
   * @throws AssertionFailedError if none came in time
   */
  public ChatEvent awaitEvent(Predicate<? super ChatEvent> condition, Duration timeout) {
    return awaitEvent(ChatEvent.class, condition, timeout, "an event that matches");
  }

  /**
   * Waits until the publisher completed the stream ({@code ChatWatcher.close()}).
   *
   * @param timeout how long to wait at most
   * @throws AssertionFailedError if it did not complete in time
   */
  public void awaitCompletion(Duration timeout) {
    await(() -> completed, timeout, "onComplete");
  }

  /**
   * Whether the stream completed.
   *
   * @return true after {@code onComplete}
   */
  public boolean isCompleted() {
    lock.lock();
    try {
      return completed;
    } finally {
      lock.unlock();
    }
  }

  /**
   * The failure that ended the stream, if it ended with one.
   *
   * @return the failure
   */
  public Optional<Throwable> error() {
    lock.lock();
    try {
      return Optional.ofNullable(error);
    } finally {
      lock.unlock();
    }
  }

  /** Cancels the subscription: no event is recorded after it. */
  public void cancel() {
    Flow.Subscription s;
    lock.lock();
    try {
      s = subscription;
    } finally {
      lock.unlock();
    }
    if (s != null) {
      s.cancel();
    }
  }

  private <E extends ChatEvent> E awaitEvent(Class<? extends ChatEvent> type,
      Predicate<? super ChatEvent> condition, Duration timeout, String what) {
    await(() -> events.stream().anyMatch(condition), timeout, what);
    lock.lock();
    try {
      @SuppressWarnings("unchecked")
      E found = (E) type.cast(events.stream().filter(condition).findFirst().orElseThrow());
      return found;
    } finally {
      lock.unlock();
    }
  }

  private void await(BooleanSupplier done, Duration timeout, String what) {
    long nanos = timeout.toNanos();
    lock.lock();
    try {
      while (!done.getAsBoolean()) {
        if (nanos <= 0) {
          String seen = events.isEmpty() ? "no event"
              : events.stream().map(ChatEventsAssert::line).collect(Collectors.joining("\n"));
          throw new AssertionFailedError("expected " + what + " within " + timeout + " but got "
              + events.size() + (completed ? " (the stream completed)" : "")
              + (error != null ? " (the stream failed: " + error + ")" : "") + ":\n" + seen, what, seen);
        }
        try {
          nanos = changed.awaitNanos(nanos);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new AssertionFailedError("interrupted while waiting for " + what);
        }
      }
    } finally {
      lock.unlock();
    }
  }

  /**
   * What was recorded, one event per line.
   *
   * @return a description
   */
  @Override
  public String toString() {
    lock.lock();
    try {
      return "ChatEventRecorder" + events.stream().map(ChatEventsAssert::line).collect(Collectors.toList());
    } finally {
      lock.unlock();
    }
  }
}
