package dev.chatinfo.watch;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.Callable;
import java.util.concurrent.Delayed;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Deterministic virtual time for the watcher's tests: a clock, a scheduler and an executor that
 * run only when the test advances time, all on the test's thread. No sleeps, no threads.
 */
final class VirtualTime extends AbstractExecutorService implements ScheduledExecutorService {

  private long nanos;
  private long sequence;
  private final Instant epoch;
  private final PriorityQueue<Task<?>> timers = new PriorityQueue<>();
  private final ArrayDeque<Runnable> ready = new ArrayDeque<>();

  VirtualTime(Instant start) {
    this.epoch = start;
  }

  Instant now() {
    return epoch.plusNanos(nanos);
  }

  Clock clock() {
    return new Clock() {
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
        return now();
      }
    };
  }

  /** Moves time forward, running every task due on the way in time order. */
  void advance(Duration by) {
    long end = nanos + by.toNanos();
    runReady();
    while (!timers.isEmpty() && timers.peek().at <= end) {
      Task<?> next = timers.poll();
      nanos = Math.max(nanos, next.at);
      if (!next.isCancelled()) {
        next.run();
      }
      runReady();
    }
    nanos = end;
    runReady();
  }

  /** Runs what was handed to {@link #execute} (event delivery) until nothing is left. */
  void runReady() {
    Runnable r;
    while ((r = ready.poll()) != null) {
      r.run();
    }
  }

  /** Scheduled tasks not yet run or cancelled. */
  int pendingTimers() {
    return (int) timers.stream().filter(t -> !t.isCancelled()).count();
  }

  @Override
  public void execute(Runnable command) {
    ready.add(command);
  }

  @Override
  public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
    Task<Void> task = new Task<>(command, null, nanos + Math.max(0, unit.toNanos(delay)));
    timers.add(task);
    return task;
  }

  @Override
  public <V> ScheduledFuture<V> schedule(Callable<V> callable, long delay, TimeUnit unit) {
    Task<V> task = new Task<>(callable, nanos + Math.max(0, unit.toNanos(delay)));
    timers.add(task);
    return task;
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

    Task(Runnable runnable, V result, long at) {
      super(runnable, result);
      this.at = at;
    }

    Task(Callable<V> callable, long at) {
      super(callable);
      this.at = at;
    }

    @Override
    public void run() {
      super.run();
      try {
        if (isDone() && !isCancelled()) {
          get();
        }
      } catch (ExecutionException e) {
        throw new AssertionError("a scheduled task failed", e.getCause());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
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
