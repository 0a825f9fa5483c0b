package dev.chatinfo.watch;

import java.lang.System.Logger.Level;
import java.util.concurrent.Flow;
import java.util.function.Consumer;

/** A plain {@link Consumer} as a subscriber with unbounded demand; closing it cancels. */
final class Listener implements Flow.Subscriber<ChatEvent>, AutoCloseable {

  private static final System.Logger LOG = System.getLogger(ChatWatcher.class.getName());

  private final Consumer<? super ChatEvent> consumer;
  private volatile Flow.Subscription subscription;
  private volatile boolean closed;

  Listener(Consumer<? super ChatEvent> consumer) {
    this.consumer = consumer;
  }

  @Override
  public void onSubscribe(Flow.Subscription s) {
    subscription = s;
    if (closed) {
      s.cancel();
    } else {
      s.request(Long.MAX_VALUE);
    }
  }

  @Override
  public void onNext(ChatEvent event) {
    if (closed) {
      return;
    }
    try {
      consumer.accept(event);
    } catch (RuntimeException e) {
      // One failing call must not silence the listener for every later event.
      LOG.log(Level.WARNING, () -> "a ChatWatcher listener failed on " + event.getClass().getSimpleName()
          + " of " + event.chat().chatId() + ": " + e, e);
    }
  }

  @Override
  public void onError(Throwable failure) {
    LOG.log(Level.WARNING, "a ChatWatcher listener was cut off", failure);
  }

  @Override
  public void onComplete() {
    closed = true;
  }

  @Override
  public void close() {
    closed = true;
    Flow.Subscription s = subscription;
    if (s != null) {
      s.cancel();
    }
  }
}
