package dev.chatinfo.watch;

import dev.chatinfo.api.ChatInfo;
import dev.chatinfo.api.ChatInfoException;
import dev.chatinfo.api.ChatInfoSource;
import dev.chatinfo.api.ChatRef;
import dev.chatinfo.api.ChatState;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * The polling engine of a {@link ChatWatcher}: which chat to fetch when, what its answer means.
 *
 * <p>One lock guards everything. The scheduler runs {@link #pump()} when the first chat is due
 * (wake-ups are at least {@link #TICK} apart: a wake-up serves every chat due within the tick);
 * a fetch's completion, on whatever thread completes it, records the answer and pumps again, so a
 * freed in-flight slot is reused at once. No thread waits for a fetch. Events are handed to the
 * sink under the lock, so the events of one chat reach it in order; the sink must not block.
 */
final class Poller {

  /** Wake-ups serve every chat due within this much (ns): a few ms early, never a timer per poll. */
  static final long TICK = TimeUnit.MILLISECONDS.toNanos(10);
  /** The longest backoff after failures, unless the interval is longer. */
  static final long MAX_BACKOFF = TimeUnit.MINUTES.toNanos(5);

  private final ChatInfoSource source;
  private final long interval;
  private final long maxBackoff;
  private final int maxInFlight;
  private final long warningMillis;
  private final Clock clock;
  private final LongSupplier ticker;
  private final ScheduledExecutorService scheduler;
  private final Consumer<ChatEvent> sink;
  private final Runnable wakeTask = this::wake;

  private final ReentrantLock lock = new ReentrantLock();
  private final Map<ChatRef, ChatSlot> slots = new HashMap<>();
  private final DueQueue queue = new DueQueue();
  private final SplittableRandom random = new SplittableRandom();
  private int inFlight;
  private long pausedUntil = Long.MIN_VALUE;
  private boolean pumping;
  private boolean closed;
  private ScheduledFuture<?> wake;
  private long wakeAt = ChatSlot.NEVER;

  Poller(ChatInfoSource source, Duration interval, int maxInFlight, Duration expiryWarning,
      Clock clock, LongSupplier ticker, ScheduledExecutorService scheduler,
      Consumer<ChatEvent> sink) {
    this.source = source;
    this.interval = interval.toNanos();
    this.maxBackoff = Math.max(this.interval, MAX_BACKOFF);
    this.maxInFlight = maxInFlight;
    this.warningMillis = expiryWarning.toMillis();
    this.clock = clock;
    this.ticker = ticker;
    this.scheduler = scheduler;
    this.sink = sink;
  }

  boolean watch(ChatRef chat) {
    lock.lock();
    try {
      if (closed) {
        throw new IllegalStateException("the watcher is closed");
      }
      if (slots.containsKey(chat)) {
        return false;
      }
      long now = ticker.getAsLong();
      // The first poll of each chat is spread over one interval, so that many chats watched at
      // once are not fetched in one burst every interval.
      ChatSlot slot = new ChatSlot(chat, this, now + random.nextLong(interval));
      slots.put(chat, slot);
      queue.add(slot);
      arm(now);
      return true;
    } finally {
      lock.unlock();
    }
  }

  boolean unwatch(ChatRef chat) {
    lock.lock();
    try {
      ChatSlot slot = slots.get(chat);
      if (slot == null) {
        return false;
      }
      forget(slot);
      if (slot.fetch != null) {
        slot.fetch.cancel(true);
      }
      return true;
    } finally {
      lock.unlock();
    }
  }

  Set<ChatRef> watched() {
    lock.lock();
    try {
      return Set.copyOf(slots.keySet());
    } finally {
      lock.unlock();
    }
  }

  /** Stops polling; fetches in flight are cancelled and their answers dropped. */
  void close() {
    List<CompletableFuture<ChatInfo>> fetches = new ArrayList<>();
    lock.lock();
    try {
      if (closed) {
        return;
      }
      closed = true;
      if (wake != null) {
        wake.cancel(false);
        wake = null;
      }
      for (ChatSlot slot : slots.values()) {
        slot.removed = true;
        if (slot.fetch != null) {
          fetches.add(slot.fetch);
        }
      }
      slots.clear();
      queue.clear();
    } finally {
      lock.unlock();
    }
    fetches.forEach(f -> f.cancel(true));
  }

  private void wake() {
    lock.lock();
    try {
      wake = null;
      wakeAt = ChatSlot.NEVER;
      pump();
    } finally {
      lock.unlock();
    }
  }

  /** Serves every chat due now: warnings, then fetches while in-flight slots are free. */
  private void pump() {
    if (closed || pumping) {
      return;
    }
    pumping = true;
    long now = ticker.getAsLong();
    try {
      long horizon = now + TICK;
      ChatSlot slot;
      while ((slot = queue.peek()) != null && slot.due() <= horizon) {
        if (slot.warnDue <= horizon) {
          slot.warnDue = ChatSlot.NEVER;
          warnIfExpiring(slot);
        }
        if (slot.pollDue <= horizon) {
          if (now < pausedUntil) {
            slot.pollDue = pausedUntil + random.nextLong(interval);
          } else if (inFlight >= maxInFlight) {
            queue.update(slot);
            break;
          } else {
            start(slot);
          }
        }
        queue.update(slot);
      }
    } finally {
      pumping = false;
    }
    arm(now);
  }

  private void start(ChatSlot slot) {
    slot.pollDue = ChatSlot.NEVER;
    inFlight++;
    CompletableFuture<ChatInfo> fetch;
    try {
      fetch = source.fetchAsync(slot.chat);
      if (fetch == null) {
        fetch = CompletableFuture.failedFuture(new NullPointerException("fetchAsync returned null"));
      }
    } catch (RuntimeException e) {
      fetch = CompletableFuture.failedFuture(e);
    }
    slot.fetch = fetch;
    fetch.whenComplete(slot);
  }

  /** Schedules the next wake-up, unless one as early is set or a completion will pump. */
  private void arm(long now) {
    if (closed) {
      return;
    }
    ChatSlot first = queue.peek();
    if (first == null) {
      return;
    }
    long next = first.due();
    if (inFlight >= maxInFlight && first.warnDue > now + TICK) {
      next = first.warnDue;
      if (next == ChatSlot.NEVER) {
        return;
      }
    }
    next = Math.max(next, now + TICK);
    if (wake != null && wakeAt <= next) {
      return;
    }
    if (wake != null) {
      wake.cancel(false);
    }
    wakeAt = next;
    wake = scheduler.schedule(wakeTask, next - now, TimeUnit.NANOSECONDS);
  }

  /** A fetch finished, on whatever thread completed it. */
  void fetched(ChatSlot slot, ChatInfo info, Throwable failure) {
    lock.lock();
    try {
      inFlight--;
      slot.fetch = null;
      if (slot.removed || closed) {
        return;
      }
      long now = ticker.getAsLong();
      if (failure == null) {
        succeeded(slot, info, now);
      } else {
        failed(slot, asChatInfoException(failure), now);
      }
      queue.update(slot);
      pump();
    } finally {
      lock.unlock();
    }
  }

  private void succeeded(ChatSlot slot, ChatInfo info, long now) {
    Instant at = clock.instant();
    ChatInfo before = slot.last;
    boolean wasUnreachable = slot.unreachable;
    slot.last = info;
    slot.failures = 0;
    slot.unreachable = false;
    if (before == null) {
      sink.accept(new ChatEvent.Started(slot.chat, info, at));
    } else if (wasUnreachable) {
      sink.accept(new ChatEvent.Recovered(slot.chat, info, at));
    }
    if (info.state() == ChatState.ENDED) {
      sink.accept(new ChatEvent.Ended(slot.chat, info, at));
      forget(slot);
      return;
    }
    if (before != null && !before.equals(info)) {
      sink.accept(new ChatEvent.Changed(slot.chat, before, info, Changes.between(before, info), at));
    }
    slot.pollDue = now + interval + TICK + random.nextLong(interval / 10);
    slot.warnDue = ChatSlot.NEVER;
    long delay = untilWarning(slot);
    if (delay <= 0) {
      warnIfExpiring(slot);
    } else if (delay != Long.MAX_VALUE) {
      slot.warnDue = now + TimeUnit.MILLISECONDS.toNanos(delay);
    }
  }

  /** Milliseconds until the last answer's expiry warning is due; MAX_VALUE when none is. */
  private long untilWarning(ChatSlot slot) {
    ChatInfo info = slot.last;
    if (info == null || !info.isActive()) {
      return Long.MAX_VALUE;
    }
    Instant expiresAt = info.expiresAt().orElse(null);
    if (expiresAt == null || expiresAt.toEpochMilli() == slot.warnedFor) {
      return Long.MAX_VALUE;
    }
    return expiresAt.toEpochMilli() - warningMillis - clock.millis();
  }

  private void warnIfExpiring(ChatSlot slot) {
    long delay = untilWarning(slot);
    if (delay == Long.MAX_VALUE) {
      return;
    }
    if (delay > TimeUnit.NANOSECONDS.toMillis(TICK)) {
      slot.warnDue = ticker.getAsLong() + TimeUnit.MILLISECONDS.toNanos(delay);
      return;
    }
    Instant expiresAt = slot.last.expiresAt().orElseThrow();
    slot.warnedFor = expiresAt.toEpochMilli();
    sink.accept(new ChatEvent.ExpiringSoon(slot.chat, slot.last, expiresAt, clock.instant()));
  }

  private void failed(ChatSlot slot, ChatInfoException failure, long now) {
    switch (failure.kind()) {
      case FORBIDDEN:
      case NOT_FOUND:
      case UNAUTHORIZED:
        sink.accept(new ChatEvent.Gone(slot.chat, failure, clock.instant()));
        forget(slot);
        return;
      default:
        break;
    }
    slot.failures = Math.min(slot.failures + 1, 30);
    long backoff = Math.min(maxBackoff, interval << Math.min(slot.failures - 1, 20));
    // Equal jitter: between half the backoff and all of it, never below the interval.
    backoff = Math.max(interval, backoff / 2 + random.nextLong(backoff / 2 + 1));
    long retryAfter = failure.retryAfter().map(Duration::toNanos).orElse(0L);
    long wait = Math.max(backoff, retryAfter);
    if (failure.kind() == ChatInfoException.Kind.RATE_LIMITED
        || failure.kind() == ChatInfoException.Kind.CIRCUIT_OPEN) {
      // The service's word, not this chat's: every chat waits.
      long until = now + (retryAfter > 0 ? retryAfter : backoff);
      pausedUntil = Math.max(pausedUntil, until);
      slot.pollDue = pausedUntil + random.nextLong(interval);
    } else {
      slot.pollDue = now + wait;
    }
    if (!slot.unreachable) {
      slot.unreachable = true;
      sink.accept(new ChatEvent.Unreachable(slot.chat, failure, clock.instant()));
    }
  }

  private void forget(ChatSlot slot) {
    slot.removed = true;
    slots.remove(slot.chat, slot);
    queue.remove(slot);
  }

  private static ChatInfoException asChatInfoException(Throwable failure) {
    Throwable t = failure;
    while (t instanceof CompletionException && t.getCause() != null) {
      t = t.getCause();
    }
    if (t instanceof ChatInfoException) {
      return (ChatInfoException) t;
    }
    if (t instanceof CancellationException) {
      return new ChatInfoException(ChatInfoException.Kind.CANCELLED, "the fetch was cancelled", t);
    }
    // A source that breaks its contract (it must fail with ChatInfoException): keep polling.
    return new ChatInfoException(ChatInfoException.Kind.NETWORK,
        "the source failed with " + t.getClass().getName(), t);
  }
}
