package dev.chatinfo.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The fetch comparisons of {@code benchmarks/fetch-alternating}: each round ran every fetch
 * benchmark once, client and bare library back to back in alternating order, so that a drift of
 * the machine's load touches both sides of each pair alike. Per pair and thread count: the ratio
 * of each round (throughput, process CPU, allocation), and their median, minimum and maximum.
 * Argument: the directory holding {@code round-N/} directories of JMH JSON results.
 */
public final class AlternatingFetchReport {

  private record Run(double score, double cpuProcess, double bytes) {}

  /** Client benchmark, bare benchmark, label; each with the suffix 1Thread or 8Threads. */
  private static final String[][] PAIRS = {
      {"Fetch.source", "Fetch.bareOkHttp", "ChatInfoClient + RetrofitTransport ÷ bare OkHttp"},
      {"FetchJdk.clientJdkTransport", "FetchJdk.bareJavaNetHttp", "ChatInfoClient + JdkTransport ÷ bare java.net.http"}};

  private AlternatingFetchReport() {}

  /**
   * Prints the table.
   *
   * @param args the directory of the rounds
   * @throws IOException if a result cannot be read
   */
  public static void main(String[] args) throws IOException {
    File[] rounds = new File(args[0]).listFiles(f -> f.isDirectory() && f.getName().startsWith("round-"));
    if (rounds == null || rounds.length == 0) {
      throw new IOException("no round-N directories in " + args[0]);
    }
    Arrays.sort(rounds, (a, b) -> Integer.compare(number(a), number(b)));
    ObjectMapper json = new ObjectMapper();
    List<Map<String, Run>> results = new ArrayList<>();
    for (File round : rounds) {
      Map<String, Run> runs = new LinkedHashMap<>();
      File[] files = round.listFiles((dir, name) -> name.endsWith(".json"));
      for (File file : files == null ? new File[0] : files) {
        for (JsonNode b : json.readTree(file)) {
          JsonNode secondary = b.path("secondaryMetrics");
          runs.put(b.get("benchmark").asText().replace("dev.chatinfo.benchmarks.", ""),
              new Run(b.get("primaryMetric").get("score").asDouble(),
                  secondary.path("cpu.process").path("score").asDouble(Double.NaN),
                  secondary.path("gc.alloc.rate.norm").path("score").asDouble(Double.NaN)));
        }
      }
      results.add(runs);
    }
    StringBuilder out = new StringBuilder()
        .append("| comparison | threads | rounds | throughput ratio per round | median | CPU ratio (bare ÷ client) per round | median | B/op above bare, median |\n")
        .append("|---|---:|---:|---|---:|---|---:|---:|\n");
    for (String threads : List.of("1Thread", "8Threads")) {
      for (String[] pair : PAIRS) {
        List<Double> throughput = new ArrayList<>();
        List<Double> cpu = new ArrayList<>();
        List<Double> bytes = new ArrayList<>();
        for (Map<String, Run> round : results) {
          Run client = round.get(pair[0] + threads);
          Run bare = round.get(pair[1] + threads);
          if (client != null && bare != null) {
            throughput.add(client.score / bare.score);
            cpu.add(bare.cpuProcess / client.cpuProcess);
            bytes.add(client.bytes - bare.bytes);
          }
        }
        if (throughput.isEmpty()) {
          continue;
        }
        out.append("| ").append(pair[2]).append(" | ").append(threads.startsWith("1") ? 1 : 8).append(" | ")
            .append(throughput.size()).append(" | ").append(list(throughput)).append(" | ")
            .append(ratio(median(throughput))).append(" | ").append(list(cpu)).append(" | ")
            .append(ratio(median(cpu))).append(" | ").append(String.format(Locale.ROOT, "%,.0f", median(bytes)))
            .append(" |\n");
      }
    }
    System.out.print(out);
  }

  private static int number(File round) {
    return Integer.parseInt(round.getName().substring("round-".length()));
  }

  private static double median(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    sorted.sort(null);
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }

  private static String list(List<Double> values) {
    List<String> parts = new ArrayList<>();
    for (double v : values) {
      parts.add(String.format(Locale.ROOT, "%.2f", v));
    }
    return String.join(", ", parts);
  }

  private static String ratio(double r) {
    return String.format(Locale.ROOT, "%.2f×", r);
  }
}
