package dev.chatinfo.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The table of a {@link FetchPaired} run: per transport and thread count, the client's
 * throughput relative to the bare library's over the whole run ({@code bareNanos / clientNanos})
 * and the median, minimum and maximum of the same ratio per measured iteration; the time, the
 * process's CPU (at one thread, with the ratio bare ÷ client) and the calling thread's CPU per
 * call of each side; and the bytes the calling thread allocated per call, client and above bare. Argument: the JMH JSON result.
 */
public final class PairedFetchReport {

  private static final String[] COUNTERS = {
      "clientNanos", "bareNanos", "clientCpuNanos", "bareCpuNanos", "clientBytes", "bareBytes", "pairs",
      "clientProcessCpuNanos", "bareProcessCpuNanos"};

  private PairedFetchReport() {}

  /**
   * Prints the table.
   *
   * @param args the JSON file of the run
   * @throws IOException if it cannot be read
   */
  public static void main(String[] args) throws IOException {
    JsonNode results = new ObjectMapper().readTree(new File(args[0]));
    StringBuilder out = new StringBuilder()
        .append("| comparison | threads | iterations | throughput ratio, whole run | per iteration: median (min–max) ")
        .append("| µs per call, client / bare | process CPU µs per call, client / bare (1 thread) ")
        .append("| caller CPU µs per call, client / bare | caller B per call, client (above bare) |\n")
        .append("|---|---:|---:|---:|---|---|---|---|---|\n");
    for (JsonNode b : results) {
      String name = b.get("benchmark").asText();
      String transport = b.path("params").path("transport").asText();
      int threads = b.get("threads").asInt();
      double[][] iterations = iterations(b.get("secondaryMetrics"), name);
      double[] sum = new double[COUNTERS.length];
      List<Double> ratios = new ArrayList<>();
      for (double[] it : iterations) {
        for (int c = 0; c < COUNTERS.length; c++) {
          sum[c] += it[c];
        }
        if (it[0] > 0) {
          ratios.add(it[1] / it[0]);
        }
      }
      ratios.sort(null);
      double pairs = sum[6];
      out.append("| ChatInfoClient + ")
          .append(transport.equals("jdk") ? "JdkTransport ÷ bare java.net.http" : "RetrofitTransport ÷ bare OkHttp")
          .append(" | ").append(threads).append(" | ").append(ratios.size())
          .append(" | ").append(format("%.3f×", sum[1] / sum[0]))
          .append(" | ").append(format("%.3f× (%.2f–%.2f)", median(ratios), ratios.get(0), ratios.get(ratios.size() - 1)))
          .append(" | ").append(format("%.1f / %.1f", sum[0] / pairs / 1e3, sum[1] / pairs / 1e3))
          .append(" | ").append(threads == 1 ? format("%.1f / %.1f (%.2f×)", sum[7] / pairs / 1e3, sum[8] / pairs / 1e3,
              sum[8] / sum[7]) : "—")
          .append(" | ").append(format("%.1f / %.1f", sum[2] / pairs / 1e3, sum[3] / pairs / 1e3))
          .append(" | ").append(format("%,.0f (%+,.0f)", sum[4] / pairs, (sum[4] - sum[5]) / pairs))
          .append(" |\n");
    }
    System.out.print(out);
  }

  /** Each measured iteration of each fork: the counters in {@link #COUNTERS} order. */
  private static double[][] iterations(JsonNode secondary, String benchmark) throws IOException {
    List<double[]> rows = new ArrayList<>();
    for (int c = 0; c < COUNTERS.length; c++) {
      JsonNode raw = secondary.path(COUNTERS[c]).path("rawData");
      if (!raw.isArray()) {
        throw new IOException(benchmark + " has no counter " + COUNTERS[c] + ": not a FetchPaired result");
      }
      int i = 0;
      for (JsonNode fork : raw) {
        for (JsonNode value : fork) {
          if (c == 0) {
            rows.add(new double[COUNTERS.length]);
          }
          rows.get(i++)[c] = value.asDouble();
        }
      }
    }
    return rows.toArray(new double[0][]);
  }

  private static double median(List<Double> sorted) {
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }

  private static String format(String pattern, Object... values) {
    return String.format(Locale.ROOT, pattern, values);
  }
}
