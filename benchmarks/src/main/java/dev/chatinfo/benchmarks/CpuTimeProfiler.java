package dev.chatinfo.benchmarks;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

/**
 * CPU time per operation, beside JMH's wall-clock score: on a shared machine, throughput swings
 * with whatever else runs, while the CPU an operation costs moves much less. Two figures per
 * iteration, in µs per operation (operations as JMH counted them, warm-up ones excluded):
 * <ul>
 *   <li>{@code cpu.threads}: the CPU time of JMH's worker threads (the benchmark code, on its own
 *       threads);</li>
 *   <li>{@code cpu.process}: the CPU time of the whole JVM (worker threads plus GC, JIT, and in the
 *       fetch benchmarks the fake server's and the HTTP library's own threads).</li>
 * </ul>
 *
 * <pre>java -jar benchmarks.jar JsonCodecs -prof dev.chatinfo.benchmarks.CpuTimeProfiler</pre>
 */
public final class CpuTimeProfiler implements InternalProfiler {

  private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
  private final OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
  private final Map<Long, Long> workersAtStart = new HashMap<>();
  private long processAtStart;

  /** Public for JMH, which makes it by name. */
  public CpuTimeProfiler() {
    if (!threads.isThreadCpuTimeSupported()) {
      throw new IllegalStateException("this JVM cannot measure the CPU time of a thread");
    }
    threads.setThreadCpuTimeEnabled(true);
  }

  @Override
  public String getDescription() {
    return "CPU time per operation: JMH's worker threads (cpu.threads) and the whole JVM (cpu.process), µs/op";
  }

  @Override
  public void beforeIteration(BenchmarkParams benchmark, IterationParams iteration) {
    workersAtStart.clear();
    workersAtStart.putAll(workerCpu());
    processAtStart = os.getProcessCpuTime();
  }

  @Override
  public List<Result> afterIteration(BenchmarkParams benchmark, IterationParams iteration, IterationResult result) {
    long process = os.getProcessCpuTime() - processAtStart;
    long workers = 0;
    for (Map.Entry<Long, Long> now : workerCpu().entrySet()) {
      workers += now.getValue() - workersAtStart.getOrDefault(now.getKey(), 0L);
    }
    long ops = result.getMetadata().getAllOps();
    if (ops <= 0) {
      return List.of();
    }
    return List.of(
        new ScalarResult("cpu.threads", workers / 1e3 / ops, "µs/op", AggregationPolicy.AVG),
        new ScalarResult("cpu.process", process / 1e3 / ops, "µs/op", AggregationPolicy.AVG));
  }

  /** The CPU time (ns) of each live JMH worker thread, by thread id. */
  private Map<Long, Long> workerCpu() {
    Map<Long, Long> cpu = new HashMap<>();
    for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
      if (info != null && info.getThreadName().contains("-jmh-worker-")) {
        long time = threads.getThreadCpuTime(info.getThreadId());
        if (time >= 0) {
          cpu.put(info.getThreadId(), time);
        }
      }
    }
    return cpu;
  }
}
