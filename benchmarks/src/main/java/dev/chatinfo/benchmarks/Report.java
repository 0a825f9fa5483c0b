package dev.chatinfo.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns JMH's JSON results ({@code -rf json}) into the Markdown tables of {@code RESULTS.md}:
 * mean ± error, B/op ({@code gc.alloc.rate.norm}), chatinfo's ratio to each contender, and the
 * issue's targets checked. Arguments: the JSON files of one run.
 */
public final class Report {

  /** One benchmark's result. */
  private record Result(String name, double score, double error, String unit, double bytes, double bytesError) {}

  private Report() {}

  /**
   * Prints the tables.
   *
   * @param args JMH JSON result files
   * @throws IOException if a file cannot be read
   */
  public static void main(String[] args) throws IOException {
    Map<String, Result> all = new LinkedHashMap<>();
    ObjectMapper json = new ObjectMapper();
    for (String file : args) {
      for (JsonNode b : json.readTree(new File(file))) {
        String name = b.get("benchmark").asText().replace("dev.chatinfo.benchmarks.", "");
        JsonNode primary = b.get("primaryMetric");
        JsonNode gc = b.path("secondaryMetrics").path("gc.alloc.rate.norm");
        all.put(name, new Result(name, primary.get("score").asDouble(), error(primary),
            primary.get("scoreUnit").asText(), gc.path("score").asDouble(Double.NaN), error(gc)));
      }
    }
    StringBuilder out = new StringBuilder();
    codecTable(out, all, "JSON decode", "JsonCodecs.decode", "Chatinfo",
        List.of("JacksonDatabind", "JacksonStreaming"));
    codecTable(out, all, "JSON encode", "JsonCodecs.encode", "Chatinfo",
        List.of("JacksonDatabind", "JacksonStreaming"));
    codecTable(out, all, "XML decode", "XmlCodecs.decode", "Chatinfo",
        List.of("JacksonXml", "StaxJdk", "StaxWoodstox", "SimpleXmlStock"));
    codecTable(out, all, "XML encode", "XmlCodecs.encode", "Chatinfo",
        List.of("JacksonXml", "StaxJdk", "StaxWoodstox", "SimpleXmlStock"));
    fetchTable(out, all);
    coldStartTable(out, all);
    targets(out, all);
    System.out.print(out);
  }

  private static double error(JsonNode metric) {
    double e = metric.path("scoreError").asDouble(Double.NaN);
    return Double.isFinite(e) ? e : Double.NaN;
  }

  private static void codecTable(StringBuilder out, Map<String, Result> all, String title,
      String prefix, String ours, List<String> others) {
    Result mine = all.get(prefix + ours);
    if (mine == null) {
      return;
    }
    out.append("\n### ").append(title).append("\n\n")
        .append("| contender | ops/s (mean ± error) | B/op | chatinfo ÷ contender (throughput) |\n")
        .append("|---|---:|---:|---:|\n");
    row(out, "**chatinfo**", mine, mine);
    for (String other : others) {
      Result r = all.get(prefix + other);
      if (r != null) {
        row(out, label(other), r, mine);
      }
    }
  }

  private static String label(String method) {
    switch (method) {
      case "JacksonDatabind": return "Jackson databind";
      case "JacksonStreaming": return "Jackson streaming (hand-written)";
      case "JacksonXml": return "Jackson XML";
      case "StaxJdk": return "StAX, JDK built-in (hand-written)";
      case "StaxWoodstox": return "StAX over Woodstox (hand-written)";
      case "SimpleXmlStock": return "Simple XML 2.7.1, one Persister";
      default: return method;
    }
  }

  private static void row(StringBuilder out, String label, Result r, Result mine) {
    out.append("| ").append(label).append(" | ").append(num(r.score)).append(" ± ").append(num(r.error))
        .append(" | ").append(num(r.bytes)).append(" | ")
        .append(r == mine ? "—" : ratio(mine.score / r.score)).append(" |\n");
  }

  private static void fetchTable(StringBuilder out, Map<String, Result> all) {
    if (!all.containsKey("Fetch.source1Thread")) {
      return;
    }
    out.append("\n### Fetch + decode over loopback (JSON)\n\n")
        .append("| threads | chatinfo source, ops/s | bare OkHttp + same codec, ops/s | chatinfo ÷ bare | B/op source / bare |\n")
        .append("|---:|---:|---:|---:|---:|\n");
    for (String t : List.of("1Thread", "8Threads")) {
      Result s = all.get("Fetch.source" + t);
      Result b = all.get("Fetch.bareOkHttp" + t);
      if (s == null || b == null) {
        continue;
      }
      out.append("| ").append(t.startsWith("1") ? 1 : 8).append(" | ").append(num(s.score)).append(" ± ")
          .append(num(s.error)).append(" | ").append(num(b.score)).append(" ± ").append(num(b.error))
          .append(" | ").append(ratio(s.score / b.score)).append(" | ").append(num(s.bytes)).append(" / ")
          .append(num(b.bytes)).append(" |\n");
    }
    Result s = all.get("Fetch.source1Thread");
    Result p = all.get("Fetch.bareOkHttpPrebuilt1Thread");
    if (s != null && p != null) {
      out.append("| 1, bare with one prebuilt request (reference) | ").append(num(s.score)).append(" ± ")
          .append(num(s.error)).append(" | ").append(num(p.score)).append(" ± ").append(num(p.error))
          .append(" | ").append(ratio(s.score / p.score)).append(" | ").append(num(s.bytes)).append(" / ")
          .append(num(p.bytes)).append(" |\n");
    }
  }

  private static void coldStartTable(StringBuilder out, Map<String, Result> all) {
    Result bare = all.get("ColdStart.bareOkHttpMoshi");
    if (bare == null) {
      return;
    }
    out.append("\n### Cold start: new JVM to the first chat printed\n\n")
        .append("| program | ms (mean ± error) | ÷ bare OkHttp + Moshi |\n|---|---:|---:|\n");
    for (String[] p : new String[][] {{"chatinfoInstalledCodecs", "chatinfo source, installed codecs (JSON + XML found by ServiceLoader)"},
        {"chatinfoJsonCodec", "chatinfo source, JSON codec given"}, {"bareOkHttpMoshi", "bare OkHttp + Moshi (reflective adapter)"}}) {
      Result r = all.get("ColdStart." + p[0]);
      if (r != null) {
        out.append("| ").append(p[1]).append(" | ").append(num(r.score)).append(" ± ").append(num(r.error))
            .append(" | ").append(ratio(r.score / bare.score)).append(" |\n");
      }
    }
  }

  private static void targets(StringBuilder out, Map<String, Result> all) {
    List<String> lines = new ArrayList<>();
    Result json = all.get("JsonCodecs.decodeChatinfo");
    if (json != null) {
      Result db = all.get("JsonCodecs.decodeJacksonDatabind");
      Result st = all.get("JsonCodecs.decodeJacksonStreaming");
      lines.add(check("codec-json decode ≥ 1.0× Jackson databind", json.score / db.score, 1.0, true));
      lines.add(check("codec-json decode ≥ 0.9× Jackson streaming", json.score / st.score, 0.9, true));
      lines.add("| codec-json decode ≤ 4 KB/op | " + num(json.bytes) + " B | "
          + (json.bytes <= 4096 ? "met" : "**not met**") + " |");
    }
    Result xml = all.get("XmlCodecs.decodeChatinfo");
    if (xml != null) {
      Result jx = all.get("XmlCodecs.decodeJacksonXml");
      lines.add(check("codec-xml decode ≥ 1.0× Jackson XML", xml.score / jx.score, 1.0, true));
      lines.add("| codec-xml decode allocates ≤ Jackson XML | " + num(xml.bytes) + " B vs " + num(jx.bytes)
          + " B | " + (xml.bytes <= jx.bytes ? "met" : "**not met**") + " |");
    }
    for (String t : List.of("1Thread", "8Threads")) {
      Result s = all.get("Fetch.source" + t);
      Result b = all.get("Fetch.bareOkHttp" + t);
      if (s != null && b != null) {
        lines.add(check("fetch + decode ≥ 0.9× bare OkHttp, " + (t.startsWith("1") ? "1 thread" : "8 threads"),
            s.score / b.score, 0.9, true));
      }
    }
    Result bare = all.get("ColdStart.bareOkHttpMoshi");
    if (bare != null) {
      for (String p : List.of("chatinfoInstalledCodecs", "chatinfoJsonCodec")) {
        Result r = all.get("ColdStart." + p);
        if (r != null) {
          lines.add(check("cold start ≤ 1.2× bare OkHttp + Moshi (" + p + ")", r.score / bare.score, 1.2, false));
        }
      }
    }
    if (!lines.isEmpty()) {
      out.append("\n### Targets\n\n| target | measured | |\n|---|---:|---|\n");
      lines.forEach(l -> out.append(l).append('\n'));
    }
  }

  private static String check(String what, double ratio, double bound, boolean atLeast) {
    boolean met = atLeast ? ratio >= bound : ratio <= bound;
    return "| " + what + " | " + ratio(ratio) + " | " + (met ? "met" : "**not met**") + " |";
  }

  private static String ratio(double r) {
    return String.format(Locale.ROOT, "%.2f×", r);
  }

  private static String num(double v) {
    if (Double.isNaN(v)) {
      return "n/a";
    }
    if (Math.abs(v) >= 100) {
      return String.format(Locale.ROOT, "%,.0f", v);
    }
    return String.format(Locale.ROOT, "%.1f", v);
  }
}
