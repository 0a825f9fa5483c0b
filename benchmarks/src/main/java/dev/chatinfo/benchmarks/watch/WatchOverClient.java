package dev.chatinfo.benchmarks.watch;

import com.sun.management.OperatingSystemMXBean;
import dev.chatinfo.api.BearerTokenProvider;
import dev.chatinfo.api.ChatInfo;
import dev.chatinfo.api.ChatInfoSource;
import dev.chatinfo.api.ChatRef;
import dev.chatinfo.benchmarks.Payloads;
import dev.chatinfo.client.ChatInfoClient;
import dev.chatinfo.testkit.ChatInfoFixtures;
import dev.chatinfo.testkit.FakeChatServer;
import dev.chatinfo.watch.ChatWatcher;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * The watcher in real time over the real client: N chats (default 1,000) at a 2 s interval,
 * watched through {@link ChatInfoClient} (the transport named by the first argument, {@code jdk}
 * or {@code retrofit}) against the testkit's {@link FakeChatServer} on loopback, in this JVM.
 * Prints one table row: polls per second sustained, the lateness of polls against their schedule
 * (p50, p99, max), the failures, the threads the client and watcher added, the heap they hold per
 * chat, and the process's CPU per poll.
 *
 * <p>Lateness: after an answer, the watcher schedules a chat's next poll at the answer's time plus
 * the interval, plus its 10 ms tick, plus a jitter of up to a tenth of the interval. Seen from
 * the source, a poll is late by how much it starts after the latest moment that schedule allows
 * (answer + interval + tick + interval / 10); a poll on time counts as 0.
 *
 * <pre>java -cp benchmarks.jar dev.chatinfo.benchmarks.watch.WatchOverClient [jdk|retrofit] [seconds] [chats]</pre>
 */
public final class WatchOverClient {

  private static final Duration INTERVAL = Duration.ofSeconds(2);
  /** The watcher's wake-up tick (Poller.TICK) and its jitter, a tenth of the interval. */
  private static final long SLACK_NANOS = Duration.ofMillis(10).toNanos() + INTERVAL.toNanos() / 10;

  private WatchOverClient() {}

  /**
   * Runs once and prints one Markdown table row.
   *
   * @param args transport name, measured seconds, chats
   * @throws Exception if the run fails
   */
  public static void main(String[] args) throws Exception {
    // The fake server (the JDK's HttpServer) waits for Nagle without this; see ColdStart.NO_DELAY.
    System.setProperty("sun.net.httpserver.nodelay", "true");
    String transport = args.length > 0 ? args[0] : "jdk";
    int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 30;
    int chats = args.length > 2 ? Integer.parseInt(args[2]) : 1_000;

    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    try (FakeChatServer server = FakeChatServer.start(Payloads.frozenClock())) {
      List<ChatRef> refs = new ArrayList<>(chats);
      ChatInfo chatting = ChatInfoFixtures.chatting();
      for (int i = 0; i < chats; i++) {
        refs.add(server.addChat(chatting));
      }
      long heapBefore = WatchFootprint.usedHeapAfterGc(memory);
      int threadsBefore = threads.getThreadCount();
      threads.resetPeakThreadCount();

      try (ChatInfoClient client = ChatInfoClient.builder().baseUrl(server.baseUrl())
              .bearerToken(BearerTokenProvider.of(server.token())).transport(transport).build();
          Timed source = new Timed(client);
          ChatWatcher watcher = ChatWatcher.builder(source).interval(INTERVAL).build()) {
        refs.forEach(watcher::watch);
        sleepClearing(server, 6_000); // every chat polled at least twice, the JIT warm
        source.reset();
        long cpu0 = os.getProcessCpuTime();
        long t0 = System.nanoTime();
        sleepClearing(server, seconds * 1_000L);
        double elapsed = (System.nanoTime() - t0) / 1e9;
        long cpu = os.getProcessCpuTime() - cpu0;
        long polls = source.polls.sum();
        long failures = source.failures.sum();
        long[] late = source.lateness();
        int threadsAdded = threads.getPeakThreadCount() - threadsBefore;
        long heapAfter = WatchFootprint.usedHeapAfterGc(memory);
        if (watcher.watched().size() != chats) {
          throw new IllegalStateException("chats stopped being watched: " + watcher.watched().size() + " of " + chats);
        }
        System.out.println("| transport | chats | polls/s | late p50 | late p99 | late max | failures"
            + " | threads added | heap per chat | process CPU per poll |");
        System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        System.out.printf(Locale.ROOT, "| %s | %,d | %,.0f | %.1f ms | %.1f ms | %.1f ms | %d | %d | %,d B | %.0f µs |%n",
            transport, chats, polls / elapsed, percentile(late, 50), percentile(late, 99), percentile(late, 100),
            failures, threadsAdded, (heapAfter - heapBefore) / chats, cpu / 1e3 / polls);
      }
    }
  }

  /** Sleeps, forgetting the server's recorded requests every second (it records every one). */
  private static void sleepClearing(FakeChatServer server, long millis) throws InterruptedException {
    long end = System.nanoTime() + millis * 1_000_000;
    while (System.nanoTime() < end) {
      Thread.sleep(Math.min(1_000, Math.max(1, (end - System.nanoTime()) / 1_000_000)));
      server.clearRequests();
    }
  }

  private static double percentile(long[] sorted, int p) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    int index = (int) Math.min(sorted.length - 1, Math.ceil(p / 100.0 * sorted.length) - 1);
    return sorted[Math.max(0, index)] / 1e6;
  }

  /** The client as the watcher sees it, timing each poll against the schedule of its chat. */
  private static final class Timed implements ChatInfoSource {
    private final ChatInfoSource client;
    /** Per chat, when its last answer came (ns). */
    private final Map<ChatRef, Long> answered = new ConcurrentHashMap<>();
    private final LongAdder polls = new LongAdder();
    private final LongAdder failures = new LongAdder();
    private long[] late = new long[1 << 16];
    private int lateCount;

    Timed(ChatInfoSource client) {
      this.client = client;
    }

    @Override
    public ChatInfo fetch(ChatRef chat) {
      return fetchAsync(chat).join();
    }

    @Override
    public CompletableFuture<ChatInfo> fetchAsync(ChatRef chat) {
      long start = System.nanoTime();
      Long last = answered.get(chat);
      if (last != null) {
        record(Math.max(0, start - last - INTERVAL.toNanos() - SLACK_NANOS));
      }
      polls.increment();
      return client.fetchAsync(chat).whenComplete((info, failure) -> {
        answered.put(chat, System.nanoTime());
        if (failure != null) {
          failures.increment();
        }
      });
    }

    private synchronized void record(long nanos) {
      if (lateCount == late.length) {
        late = Arrays.copyOf(late, late.length * 2);
      }
      late[lateCount++] = nanos;
    }

    synchronized long[] lateness() {
      long[] sorted = Arrays.copyOf(late, lateCount);
      Arrays.sort(sorted);
      return sorted;
    }

    synchronized void reset() {
      lateCount = 0;
      polls.reset();
      failures.reset();
    }

    @Override
    public void close() {
      // the client is closed by its owner
    }
  }
}
