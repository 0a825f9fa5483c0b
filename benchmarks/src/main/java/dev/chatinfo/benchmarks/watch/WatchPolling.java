package dev.chatinfo.benchmarks.watch;

import dev.chatinfo.api.ChatRef;
import dev.chatinfo.watch.ChatWatcher;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The watcher's own CPU per poll: N chats watched at a 2 s interval over a source that answers at
 * once, in virtual time. One operation advances the virtual clock by 100 ms (about N/20 polls);
 * the {@code polls} counter gives polls per second of real CPU on one thread, so
 * {@code 1e6 / polls} is the watcher's µs per poll (scheduling, comparing the answer with the last
 * one, publishing). With {@code -prof gc}, {@code gc.alloc.rate.norm} divided by the polls per
 * operation is bytes allocated per poll.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class WatchPolling {

  static final long STEP = TimeUnit.MILLISECONDS.toNanos(100);

  @Param({"1000", "10000", "100000"})
  public int chats;

  ManualScheduler time;
  InstantSource source;
  ChatWatcher watcher;

  /** Polls made, reported by JMH as a rate. */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.OPERATIONS)
  public static class Polls {
    /** Polls made in this iteration. */
    public long polls;
  }

  @Setup(Level.Trial)
  public void watchEveryChat() {
    time = new ManualScheduler();
    source = new InstantSource();
    watcher = ChatWatcher.builder(source).interval(Duration.ofSeconds(2)).maxInFlight(32)
        .clock(time.clock).scheduler(time).deliveryExecutor(time).build();
    for (int i = 0; i < chats; i++) {
      watcher.watch(ChatRef.of("benchmark", "session", "chat-" + i));
    }
    time.advance(TimeUnit.SECONDS.toNanos(3)); // every chat started
  }

  @TearDown(Level.Trial)
  public void close() {
    watcher.close();
  }

  @Benchmark
  public void advance100ms(Polls counter) {
    long before = source.polls.sum();
    time.advance(STEP);
    counter.polls += source.polls.sum() - before;
  }
}
