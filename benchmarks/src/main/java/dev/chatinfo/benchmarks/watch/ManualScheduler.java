package dev.chatinfo.benchmarks.watch;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.Callable;
import java.util.concurrent.Delayed;
import java.util.concurrent.FutureTask;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Virtual time for the watcher benchmark: a clock and a one-thread scheduler that run when the
 * benchmark advances time, so that what is measured is the watcher's own work, not waiting.
 */
final class ManualScheduler extends AbstractExecutorService implements ScheduledExecutorService {

  private final Instant epoch = Instant.parse("2026-01-01T00:00:00Z");
  private long nanos;
  private long sequence;
  private final PriorityQueue<Task<?>> timers = new PriorityQueue<>();

  final Clock clock = new Clock() {
    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      throw new UnsupportedOperationException("UTC only");
    }

    @Override
    public Instant instant() {
      return epoch.plusNanos(nanos);
    }
  };

  /** Runs every task due within the next {@code by} nanoseconds, in time order. */
  void advance(long by) {
    long end = nanos + by;
    while (!timers.isEmpty() && timers.peek().at <= end) {
      Task<?> next = timers.poll();
      nanos = Math.max(nanos, next.at);
      if (!next.isCancelled()) {
        next.run();
      }
    }
    nanos = end;
  }

  @Override
  public void execute(Runnable command) {
    command.run();
  }

  @Override
  public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
    Task<Void> task = new Task<>(command, nanos + Math.max(0, unit.toNanos(delay)));
    timers.add(task);
    return task;
  }

  @Override
  public <V> ScheduledFuture<V> schedule(Callable<V> callable, long delay, TimeUnit unit) {
    throw new UnsupportedOperationException("the watcher schedules runnables only");
  }

  @Override
  public ScheduledFuture<?> scheduleAtFixedRate(Runnable command, long initialDelay, long period,
      TimeUnit unit) {
    throw new UnsupportedOperationException("the watcher schedules one-shot wake-ups only");
  }

  @Override
  public ScheduledFuture<?> scheduleWithFixedDelay(Runnable command, long initialDelay, long delay,
      TimeUnit unit) {
    throw new UnsupportedOperationException("the watcher schedules one-shot wake-ups only");
  }

  @Override
  public void shutdown() {
    timers.clear();
  }

  @Override
  public List<Runnable> shutdownNow() {
    timers.clear();
    return new ArrayList<>();
  }

  @Override
  public boolean isShutdown() {
    return false;
  }

  @Override
  public boolean isTerminated() {
    return false;
  }

  @Override
  public boolean awaitTermination(long timeout, TimeUnit unit) {
    return false;
  }

  private final class Task<V> extends FutureTask<V> implements ScheduledFuture<V> {
    final long at;
    final long seq = sequence++;

    Task(Runnable runnable, long at) {
      super(runnable, null);
      this.at = at;
    }

    @Override
    public long getDelay(TimeUnit unit) {
      return unit.convert(at - nanos, TimeUnit.NANOSECONDS);
    }

    @Override
    public int compareTo(Delayed o) {
      Task<?> other = (Task<?>) o;
      int c = Long.compare(at, other.at);
      return c != 0 ? c : Long.compare(seq, other.seq);
    }
  }
}
