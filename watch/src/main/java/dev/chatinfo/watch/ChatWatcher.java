package dev.chatinfo.watch;

import dev.chatinfo.api.ChatInfoSource;
import dev.chatinfo.api.ChatRef;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.Flow;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.SubmissionPublisher;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.BiPredicate;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Watches many chats through one {@link ChatInfoSource} and publishes what changed as
 * {@link ChatEvent}s.
 *
 * <pre>{@code
 * ChatWatcher watcher = ChatWatcher.builder(client)
 *     .interval(Duration.ofSeconds(2))          // per chat, jittered; never below 1 s
 *     .maxInFlight(32)                          // fetches in flight across all chats
 *     .expiryWarning(Duration.ofSeconds(10))    // ExpiringSoon this long before expiresAt
 *     .build();
 * AutoCloseable listener = watcher.onEvent(event -> System.out.println(event));
 * watcher.watch(ChatRef.of(account, agentSession, chatId));
 * ...
 * watcher.close();                              // the source stays open
 * }</pre>
 *
 * <h2>Polling</h2>
 * Each chat is fetched with {@link ChatInfoSource#fetchAsync} about once per interval (the
 * interval plus up to a tenth of it, measured from the previous answer; the first fetch at a
 * random point of the first interval), never twice at once, and never more than
 * {@code maxInFlight} fetches at once across all chats. No thread waits for a fetch: one scheduler
 * thread, whatever the number of chats. After a failure a chat backs off exponentially (from the
 * interval, doubling, up to 5 minutes) and waits at least the failure's
 * {@link dev.chatinfo.api.ChatInfoException#retryAfter() retryAfter()}. {@code RATE_LIMITED} and
 * {@code CIRCUIT_OPEN} are the service's word: every chat waits until their {@code retryAfter()}
 * (or the backoff) has passed. {@code FORBIDDEN}, {@code NOT_FOUND} and {@code UNAUTHORIZED} end
 * the watching of that chat with {@link ChatEvent.Gone}; state {@code ENDED} with
 * {@link ChatEvent.Ended}. Either way the chat leaves {@link #watched()}. Any other failure is an
 * outage of that chat: one {@link ChatEvent.Unreachable}, then {@link ChatEvent.Recovered} at the
 * next success.
 *
 * <h2>Delivery</h2>
 * Events go to each subscriber through its own bounded buffer ({@link Builder#bufferCapacity},
 * 1024 events by default) on a small delivery pool, never on the polling thread: a slow subscriber
 * never slows polling or the other subscribers' events. <b>Overflow rule</b>: when a subscriber's
 * buffer is full (it requested too little or consumes too slowly), the new event is dropped for
 * that subscriber alone and counted in {@link #droppedEvents()}; the events it does receive keep
 * their order. Subscribers follow the {@link Flow} rules: nothing is sent beyond what was
 * requested, {@code onNext} is never called concurrently for one subscriber, {@code cancel()}
 * stops delivery. {@link #close()} stops polling, delivers what is buffered, then calls
 * {@code onComplete()}; a subscriber that subscribes after it gets {@code onComplete()} at once.
 *
 * <p>Thread-safe. Time comes from {@link Builder#clock(Clock)}: event times and
 * {@code expiresAt} always; scheduling too when a clock is given (virtual time in tests),
 * otherwise the monotonic {@link System#nanoTime()}.
 */
public final class ChatWatcher implements Flow.Publisher<ChatEvent>, AutoCloseable {

  private static final System.Logger LOG = System.getLogger(ChatWatcher.class.getName());

  private final Poller poller;
  private final SubmissionPublisher<ChatEvent> publisher;
  private final LongAdder dropped = new LongAdder();
  private final BiPredicate<Flow.Subscriber<? super ChatEvent>, ChatEvent> onDrop;
  private final ScheduledExecutorService ownedScheduler;

  private ChatWatcher(Builder b) {
    ScheduledExecutorService scheduler = b.scheduler;
    if (scheduler == null) {
      ScheduledThreadPoolExecutor own = new ScheduledThreadPoolExecutor(1, daemon("chatinfo-watch"));
      own.setRemoveOnCancelPolicy(true);
      own.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
      scheduler = own;
      ownedScheduler = own;
    } else {
      ownedScheduler = null;
    }
    Executor delivery = b.deliveryExecutor;
    if (delivery == null) {
      // Idle delivery threads end after a second, so a closed watcher leaves none behind.
      ThreadPoolExecutor pool = new ThreadPoolExecutor(2, 2, 1, TimeUnit.SECONDS,
          new LinkedBlockingQueue<>(), daemon("chatinfo-watch-delivery"));
      pool.allowCoreThreadTimeOut(true);
      delivery = pool;
    }
    this.publisher = new SubmissionPublisher<>(delivery, b.bufferCapacity,
        (subscriber, failure) -> LOG.log(Level.WARNING,
            "a ChatWatcher subscriber failed in onNext and was cancelled", failure));
    this.onDrop = (subscriber, event) -> {
      dropped.increment();
      return false;
    };
    Clock clock = b.clock == null ? Clock.systemUTC() : b.clock;
    LongSupplier ticker = b.clock == null
        ? System::nanoTime
        : () -> {
          Instant now = clock.instant();
          return now.getEpochSecond() * 1_000_000_000L + now.getNano();
        };
    this.poller = new Poller(b.source, b.interval, b.maxInFlight, b.expiryWarning, clock, ticker,
        scheduler, this::publish);
  }

  /**
   * Starts building a watcher over a source. The watcher never closes the source.
   *
   * @param source where chat information comes from
   * @return a builder
   */
  public static Builder builder(ChatInfoSource source) {
    return new Builder(Objects.requireNonNull(source, "source"));
  }

  /**
   * Starts watching a chat. Its first fetch comes within one interval.
   *
   * @param chat which chat
   * @return true if it was not watched already
   * @throws IllegalStateException if the watcher is closed
   */
  public boolean watch(ChatRef chat) {
    return poller.watch(Objects.requireNonNull(chat, "chat"));
  }

  /**
   * Stops watching a chat, with no event; a fetch of it in flight is cancelled.
   *
   * @param chat which chat
   * @return true if it was watched
   */
  public boolean unwatch(ChatRef chat) {
    return poller.unwatch(Objects.requireNonNull(chat, "chat"));
  }

  /**
   * The chats watched now (not those that ended, went or were unwatched).
   *
   * @return an immutable copy
   */
  public Set<ChatRef> watched() {
    return poller.watched();
  }

  /**
   * Adds a subscriber; it receives the events that happen from now on, as it requests them.
   *
   * @param subscriber the subscriber
   */
  @Override
  public void subscribe(Flow.Subscriber<? super ChatEvent> subscriber) {
    publisher.subscribe(Objects.requireNonNull(subscriber, "subscriber"));
  }

  /**
   * Adds a plain listener: every event from now on, in order, on a delivery thread. An exception it
   * throws is logged ({@link System.Logger}, WARNING) and the listener keeps receiving events.
   *
   * @param listener what to call for each event
   * @return closing it removes the listener
   */
  public AutoCloseable onEvent(Consumer<? super ChatEvent> listener) {
    Listener l = new Listener(Objects.requireNonNull(listener, "listener"));
    publisher.subscribe(l);
    return l;
  }

  /**
   * How many events were dropped, over all subscribers, because a subscriber's buffer was full.
   *
   * @return the count since the watcher was built
   */
  public long droppedEvents() {
    return dropped.sum();
  }

  /**
   * Stops polling (fetches in flight are cancelled, their answers dropped), delivers what each
   * subscriber has buffered, then completes every subscriber. Leaves the source open. Idempotent.
   */
  @Override
  public void close() {
    poller.close();
    publisher.close();
    if (ownedScheduler != null) {
      ownedScheduler.shutdownNow();
    }
  }

  /** Called by the poller under its lock, so the events of one chat are offered in order. */
  private void publish(ChatEvent event) {
    if (!publisher.isClosed()) {
      publisher.offer(event, onDrop);
    }
  }

  private static ThreadFactory daemon(String name) {
    AtomicInteger count = new AtomicInteger();
    return task -> {
      Thread t = new Thread(task, name + "-" + count.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }

  /** Builds a {@link ChatWatcher}. */
  public static final class Builder {
    private final ChatInfoSource source;
    private Duration interval = Duration.ofSeconds(2);
    private int maxInFlight = 32;
    private Duration expiryWarning = Duration.ofSeconds(10);
    private Clock clock;
    private ScheduledExecutorService scheduler;
    private Executor deliveryExecutor;
    private int bufferCapacity = 1024;

    private Builder(ChatInfoSource source) {
      this.source = source;
    }

    /**
     * How often each chat is fetched (jittered up by at most a tenth). Default 2 s.
     *
     * @param interval at least 1 second
     * @return this builder
     * @throws IllegalArgumentException if below 1 second
     */
    public Builder interval(Duration interval) {
      if (interval.compareTo(Duration.ofSeconds(1)) < 0) {
        throw new IllegalArgumentException("interval must be at least 1 s, was " + interval);
      }
      this.interval = interval;
      return this;
    }

    /**
     * How many fetches may be in flight at once, across all chats. Default 32.
     *
     * @param maxInFlight at least 1
     * @return this builder
     */
    public Builder maxInFlight(int maxInFlight) {
      if (maxInFlight < 1) {
        throw new IllegalArgumentException("maxInFlight must be at least 1, was " + maxInFlight);
      }
      this.maxInFlight = maxInFlight;
      return this;
    }

    /**
     * How long before a chat's {@code expiresAt} to send {@link ChatEvent.ExpiringSoon}. Default
     * 10 s.
     *
     * @param expiryWarning not negative
     * @return this builder
     */
    public Builder expiryWarning(Duration expiryWarning) {
      if (expiryWarning.isNegative()) {
        throw new IllegalArgumentException("expiryWarning must not be negative, was " + expiryWarning);
      }
      this.expiryWarning = expiryWarning;
      return this;
    }

    /**
     * The clock of event times and {@code expiresAt}; when given, it also drives scheduling (with
     * {@link #scheduler}, virtual time in tests). Default: the system clock, and
     * {@link System#nanoTime()} for scheduling.
     *
     * @param clock the clock
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Where wake-ups are scheduled ({@code schedule(Runnable, long, TimeUnit)} only). Given, it is
     * left running by {@link ChatWatcher#close()}. Default: one daemon thread of the watcher's own.
     *
     * @param scheduler the scheduler
     * @return this builder
     */
    public Builder scheduler(ScheduledExecutorService scheduler) {
      this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
      return this;
    }

    /**
     * Where events are delivered to subscribers. Default: a pool of at most 2 daemon threads that
     * end when idle.
     *
     * @param deliveryExecutor the executor
     * @return this builder
     */
    public Builder deliveryExecutor(Executor deliveryExecutor) {
      this.deliveryExecutor = Objects.requireNonNull(deliveryExecutor, "deliveryExecutor");
      return this;
    }

    /**
     * How many events each subscriber's buffer holds (rounded up to a power of two) before new
     * ones are dropped for it. Default 1024.
     *
     * @param bufferCapacity at least 1
     * @return this builder
     */
    public Builder bufferCapacity(int bufferCapacity) {
      if (bufferCapacity < 1) {
        throw new IllegalArgumentException("bufferCapacity must be at least 1, was " + bufferCapacity);
      }
      this.bufferCapacity = bufferCapacity;
      return this;
    }

    /**
     * Builds the watcher; it polls nothing until {@link ChatWatcher#watch} is called.
     *
     * @return the watcher
     */
    public ChatWatcher build() {
      return new ChatWatcher(this);
    }
  }
}
