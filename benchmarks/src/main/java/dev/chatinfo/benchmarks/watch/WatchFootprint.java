package dev.chatinfo.benchmarks.watch;

import com.sun.management.OperatingSystemMXBean;
import dev.chatinfo.api.ChatRef;
import dev.chatinfo.watch.ChatWatcher;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.LongAdder;

/**
 * The watcher in real time, as an application runs it: N chats at a 2 s interval over a source
 * that answers at once, with the watcher's own scheduler and delivery threads. Prints, per N:
 * polls per second, the CPU of the watcher's threads per poll (µs), the process's CPU per poll,
 * the heap per watched chat (after GC; the answer is one shared ChatInfo, and the ChatRefs are
 * made before the baseline, so this is the watcher's own state), and the most threads it added at once (one
 * listener is subscribed, so the delivery threads count).
 *
 * <pre>java -cp benchmarks.jar dev.chatinfo.benchmarks.watch.WatchFootprint [seconds] [N...]</pre>
 */
public final class WatchFootprint {

  private WatchFootprint() {}

  public static void main(String[] args) throws Exception {
    int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
    List<Integer> sizes = new ArrayList<>();
    for (int i = 1; i < args.length; i++) {
      sizes.add(Integer.parseInt(args[i]));
    }
    if (sizes.isEmpty()) {
      sizes = List.of(1_000, 10_000, 100_000);
    }
    System.out.println("| chats | polls/s | watcher threads' CPU per poll | process CPU per poll | heap per chat | threads added |");
    System.out.println("|---:|---:|---:|---:|---:|---:|");
    for (int n : sizes) {
      run(n, seconds);
    }
  }

  static void run(int n, int seconds) throws InterruptedException {
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    List<ChatRef> refs = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      refs.add(ChatRef.of("benchmark", "session", "chat-" + i));
    }
    InstantSource source = new InstantSource();
    long heapBefore = usedHeapAfterGc(memory);
    int threadsBefore = threads.getThreadCount();
    threads.resetPeakThreadCount();

    ChatWatcher watcher = ChatWatcher.builder(source).interval(Duration.ofSeconds(2)).build();
    LongAdder events = new LongAdder();
    AutoCloseable listener = watcher.onEvent(e -> events.increment());
    refs.forEach(watcher::watch);
    Thread.sleep(3_000); // every chat polled at least once, the JIT warm
    long heapAfter = usedHeapAfterGc(memory);

    long watcherCpu0 = watcherThreadsCpu(threads);
    long processCpu0 = os.getProcessCpuTime();
    long polls0 = source.polls.sum();
    long t0 = System.nanoTime();
    Thread.sleep(seconds * 1_000L);
    long polls = source.polls.sum() - polls0;
    int threadsDuring = threads.getPeakThreadCount();
    double elapsed = (System.nanoTime() - t0) / 1e9;
    long watcherCpu = watcherThreadsCpu(threads) - watcherCpu0;
    long processCpu = os.getProcessCpuTime() - processCpu0;
    watcher.close();
    if (events.sum() < n) {
      throw new IllegalStateException("expected a Started per chat, got " + events.sum());
    }
    try {
      listener.close();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }

    System.out.printf(Locale.ROOT, "| %,d | %,.0f | %.2f µs | %.2f µs | %,d B | %d |%n",
        n, polls / elapsed, watcherCpu / 1e3 / polls, processCpu / 1e3 / polls,
        (heapAfter - heapBefore) / n, threadsDuring - threadsBefore);
    refs.clear();
  }

  /** CPU time of the threads the watcher made (its scheduler and delivery threads), in ns. */
  static long watcherThreadsCpu(ThreadMXBean threads) {
    long sum = 0;
    for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
      if (info != null && info.getThreadName().startsWith("chatinfo-watch")) {
        long cpu = threads.getThreadCpuTime(info.getThreadId());
        if (cpu > 0) {
          sum += cpu;
        }
      }
    }
    return sum;
  }

  static long usedHeapAfterGc(MemoryMXBean memory) throws InterruptedException {
    long used = Long.MAX_VALUE;
    for (int i = 0; i < 4; i++) {
      System.gc();
      Thread.sleep(100);
      used = Math.min(used, memory.getHeapMemoryUsage().getUsed());
    }
    return used;
  }
}
