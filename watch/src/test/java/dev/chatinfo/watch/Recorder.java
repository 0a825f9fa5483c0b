package dev.chatinfo.watch;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Flow;

/** A subscriber that keeps what it receives and requests only what the test says. */
final class Recorder implements Flow.Subscriber<ChatEvent> {

  final List<ChatEvent> events = new ArrayList<>();
  Flow.Subscription subscription;
  Throwable error;
  boolean completed;
  private final long initialDemand;

  Recorder(long initialDemand) {
    this.initialDemand = initialDemand;
  }

  static Recorder unbounded() {
    return new Recorder(Long.MAX_VALUE);
  }

  @Override
  public void onSubscribe(Flow.Subscription s) {
    subscription = s;
    if (initialDemand > 0) {
      s.request(initialDemand);
    }
  }

  @Override
  public void onNext(ChatEvent item) {
    events.add(item);
  }

  @Override
  public void onError(Throwable throwable) {
    error = throwable;
  }

  @Override
  public void onComplete() {
    completed = true;
  }

  /** The simple class names of the events, e.g. [Started, Changed, Ended]. */
  List<String> kinds() {
    List<String> kinds = new ArrayList<>();
    events.forEach(e -> kinds.add(e.getClass().getSimpleName()));
    return kinds;
  }
}
