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
 * mean ± error, CPU µs/op ({@link CpuTimeProfiler}), B/op ({@code gc.alloc.rate.norm}), chatinfo's
 * ratio to each contender, and the issues' targets checked. The codec tables come once per payload
 * set (JMH parameter {@code payload}, see {@link Payloads}); the codec targets are judged on the
 * documented payloads. Arguments: the JSON files of one run.
 */
public final class Report {

  /** One benchmark's result; the CPU figures are NaN when the run had no {@link CpuTimeProfiler}. */
  private record Result(String name, double score, double error, String unit, double bytes, double bytesError,
      double cpuThreads, double cpuProcess) {}

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
        String name = key(b.get("benchmark").asText().replace("dev.chatinfo.benchmarks.", ""),
            b.path("params").path("payload").asText(""));
        JsonNode primary = b.get("primaryMetric");
        JsonNode secondary = b.path("secondaryMetrics");
        JsonNode gc = secondary.path("gc.alloc.rate.norm");
        all.put(name, new Result(name, primary.get("score").asDouble(), error(primary),
            primary.get("scoreUnit").asText(), gc.path("score").asDouble(Double.NaN), error(gc),
            secondary.path("cpu.threads").path("score").asDouble(Double.NaN),
            secondary.path("cpu.process").path("score").asDouble(Double.NaN)));
      }
    }
    StringBuilder out = new StringBuilder();
    for (String[] format : CODEC_TABLES) {
      for (String payload : PAYLOADS) {
        codecTable(out, all, format[0], format[1], payload, CODEC_CONTENDERS.get(format[2]));
      }
    }
    fetchTable(out, all);
    coldStartTable(out, all);
    targets(out, all);
    System.out.print(out);
  }

  private static double error(JsonNode metric) {
    double e = metric.path("scoreError").asDouble(Double.NaN);
    return Double.isFinite(e) ? e : Double.NaN;
  }

  /** The codec tables: title, JMH method prefix, format. */
  private static final String[][] CODEC_TABLES = {{"JSON decode", "JsonCodecs.decode", "json"},
      {"JSON encode", "JsonCodecs.encode", "json"}, {"XML decode", "XmlCodecs.decode", "xml"},
      {"XML encode", "XmlCodecs.encode", "xml"}};

  /** The contenders of each format after chatinfo, in table order (JMH method suffixes). */
  private static final Map<String, List<String>> CODEC_CONTENDERS = Map.of(
      "json", List.of("JacksonDatabind", "JacksonStreaming", "MoshiStreaming"),
      "xml", List.of("JacksonXml", "StaxJdk", "StaxWoodstox", "SimpleXmlStock"));

  /** The payload sets in report order; "" for results of runs before the parameter existed. */
  private static final List<String> PAYLOADS = List.of("", "fixture", "agent", "server");

  /** The documented payloads, on which the codec targets are judged. */
  private static final List<String> DOCUMENTED = List.of("agent", "server");

  /** A result's key: the benchmark, and its payload set when it has one. */
  private static String key(String benchmark, String payload) {
    return payload.isEmpty() ? benchmark : benchmark + "@" + payload;
  }

  private static String payloadTitle(String payload) {
    switch (payload) {
      case "fixture": return ", payload `fixture` (the testkit's chat as its `FakeChatServer` serves it)";
      case "agent": return ", payload `agent` (Chat Agent API, LivePerson's documented example)";
      case "server": return ", payload `server` (Server Chat API, LivePerson's documented example)";
      default: return payload.isEmpty() ? "" : ", payload `" + payload + "`";
    }
  }

  private static void codecTable(StringBuilder out, Map<String, Result> all, String title,
      String prefix, String payload, List<String> others) {
    Result mine = all.get(key(prefix + "Chatinfo", payload));
    if (mine == null) {
      return;
    }
    out.append("\n### ").append(title).append(payloadTitle(payload)).append("\n\n")
        .append("| contender | ops/s (mean ± error) | CPU µs/op | B/op | chatinfo ÷ contender (throughput) |"
            + " contender ÷ chatinfo (CPU µs/op) |\n")
        .append("|---|---:|---:|---:|---:|---:|\n");
    row(out, "**chatinfo**", mine, mine);
    for (String other : others) {
      Result r = all.get(key(prefix + other, payload));
      if (r != null) {
        row(out, label(other), r, mine);
      }
    }
  }

  private static String label(String method) {
    switch (method) {
      case "JacksonDatabind": return "Jackson databind";
      case "JacksonStreaming": return "Jackson streaming (hand-written)";
      case "MoshiStreaming": return "Moshi JsonReader (hand-written)";
      case "JacksonXml": return "Jackson XML";
      case "StaxJdk": return "StAX, JDK built-in (hand-written)";
      case "StaxWoodstox": return "StAX over Woodstox (hand-written)";
      case "SimpleXmlStock": return "Simple XML 2.7.1, one Persister";
      default: return method;
    }
  }

  private static void row(StringBuilder out, String label, Result r, Result mine) {
    out.append("| ").append(label).append(" | ").append(num(r.score)).append(" ± ").append(num(r.error))
        .append(" | ").append(num(r.cpuThreads)).append(" | ").append(num(r.bytes)).append(" | ")
        .append(r == mine ? "—" : ratio(mine.score / r.score)).append(" | ")
        .append(r == mine ? "—" : ratio(r.cpuThreads / mine.cpuThreads)).append(" |\n");
  }

  /** The fetch contenders: JMH method prefix, label. */
  private static final String[][] FETCH = {
      {"Fetch.source", "ChatInfoClient + RetrofitTransport"}, {"Fetch.bareOkHttp", "bare OkHttp + same codec"},
      {"FetchJdk.clientJdkTransport", "ChatInfoClient + JdkTransport"},
      {"FetchJdk.bareJavaNetHttp", "bare java.net.http + same codec"}};

  private static void fetchTable(StringBuilder out, Map<String, Result> all) {
    if (!all.containsKey("Fetch.source1Thread") && !all.containsKey("FetchJdk.clientJdkTransport1Thread")) {
      return;
    }
    out.append("\n### Fetch + decode over loopback (JSON)\n\n")
        .append("| contender | threads | ops/s (mean ± error) | process CPU µs/op | B/op |\n")
        .append("|---|---:|---:|---:|---:|\n");
    for (String t : List.of("1Thread", "8Threads")) {
      for (String[] c : FETCH) {
        Result r = all.get(c[0] + t);
        if (r != null) {
          out.append("| ").append(c[1]).append(" | ").append(threads(t)).append(" | ").append(num(r.score))
              .append(" ± ").append(num(r.error)).append(" | ").append(num(r.cpuProcess)).append(" | ")
              .append(num(r.bytes)).append(" |\n");
        }
      }
    }
    Result p = all.get("Fetch.bareOkHttpPrebuilt1Thread");
    if (p != null) {
      out.append("| bare OkHttp, one prebuilt request (reference) | 1 | ").append(num(p.score)).append(" ± ")
          .append(num(p.error)).append(" | ").append(num(p.cpuProcess)).append(" | ").append(num(p.bytes))
          .append(" |\n");
    }
    out.append("\n| comparison | threads | throughput ratio | CPU ratio (bare ÷ client) | B/op above bare |\n")
        .append("|---|---:|---:|---:|---:|\n");
    for (String t : List.of("1Thread", "8Threads")) {
      compare(out, "ChatInfoClient + RetrofitTransport ÷ bare OkHttp", all.get("Fetch.source" + t),
          all.get("Fetch.bareOkHttp" + t), t);
      compare(out, "ChatInfoClient + JdkTransport ÷ bare java.net.http", all.get("FetchJdk.clientJdkTransport" + t),
          all.get("FetchJdk.bareJavaNetHttp" + t), t);
      compare(out, "JdkTransport ÷ RetrofitTransport (both through ChatInfoClient)",
          all.get("FetchJdk.clientJdkTransport" + t), all.get("Fetch.source" + t), t);
    }
  }

  private static void compare(StringBuilder out, String what, Result client, Result bare, String t) {
    if (client == null || bare == null) {
      return;
    }
    out.append("| ").append(what).append(" | ").append(threads(t)).append(" | ")
        .append(ratio(client.score / bare.score)).append(" | ").append(ratio(bare.cpuProcess / client.cpuProcess))
        .append(" | ").append(num(client.bytes - bare.bytes)).append(" |\n");
  }

  private static int threads(String t) {
    return t.startsWith("1") ? 1 : 8;
  }

  private static void coldStartTable(StringBuilder out, Map<String, Result> all) {
    Result bare = all.get("ColdStart.bareOkHttpMoshi");
    if (bare == null) {
      return;
    }
    out.append("\n### Cold start: new JVM to the first chat printed\n\n")
        .append("| program | ms (mean ± error) | ÷ bare OkHttp + Moshi |\n|---|---:|---:|\n");
    for (String[] p : new String[][] {{"chatinfoInstalledCodecs", "ChatInfoClient + RetrofitTransport, installed codecs (JSON + XML found by ServiceLoader)"},
        {"chatinfoJsonCodec", "ChatInfoClient + RetrofitTransport, JSON codec given"},
        {"chatinfoJdkTransportJsonCodec", "ChatInfoClient + JdkTransport, JSON codec given"},
        {"bareOkHttpMoshi", "bare OkHttp + Moshi (reflective adapter)"}}) {
      Result r = all.get("ColdStart." + p[0]);
      if (r != null) {
        out.append("| ").append(p[1]).append(" | ").append(num(r.score)).append(" ± ").append(num(r.error))
            .append(" | ").append(ratio(r.score / bare.score)).append(" |\n");
      }
    }
  }

  private static void targets(StringBuilder out, Map<String, Result> all) {
    List<String> lines = new ArrayList<>();
    for (String payload : DOCUMENTED) {
      codecTargets(lines, all, payload);
    }
    for (String t : List.of("1Thread", "8Threads")) {
      String n = threads(t) == 1 ? "1 thread" : "8 threads";
      fetchTargets(lines, "RetrofitTransport", "bare OkHttp", n, all.get("Fetch.source" + t), all.get("Fetch.bareOkHttp" + t));
      fetchTargets(lines, "JdkTransport", "bare java.net.http", n, all.get("FetchJdk.clientJdkTransport" + t),
          all.get("FetchJdk.bareJavaNetHttp" + t));
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
    Result retrofit = all.get("ColdStart.chatinfoJsonCodec");
    Result jdk = all.get("ColdStart.chatinfoJdkTransportJsonCodec");
    if (retrofit != null && jdk != null) {
      lines.add(check("cold start, JdkTransport ≤ 1.0× RetrofitTransport (JSON codec given)", jdk.score / retrofit.score,
          1.0, false));
    }
    if (!lines.isEmpty()) {
      out.append("\n### Targets\n\n| target | measured | |\n|---|---:|---|\n");
      lines.forEach(l -> out.append(l).append('\n'));
    }
  }

  /**
   * Issue 14, on one documented payload: JSON decode ≥ 1.0× hand-written Moshi streaming and
   * ≥ 1.0× Jackson databind, throughput and CPU, ≤ 5 KB/op, stretch ≥ 0.9× hand-written Jackson
   * streaming; XML decode ≥ 1.0× Jackson XML, throughput and CPU, allocating no more than it.
   */
  private static void codecTargets(List<String> lines, Map<String, Result> all, String payload) {
    String on = " (`" + payload + "`)";
    Result json = all.get(key("JsonCodecs.decodeChatinfo", payload));
    if (json != null) {
      codecRatio(lines, "codec-json decode ≥ 1.0× hand-written Moshi streaming" + on, json,
          all.get(key("JsonCodecs.decodeMoshiStreaming", payload)), 1.0);
      codecRatio(lines, "codec-json decode ≥ 1.0× Jackson databind" + on, json,
          all.get(key("JsonCodecs.decodeJacksonDatabind", payload)), 1.0);
      lines.add("| codec-json decode ≤ 5 KB/op" + on + " | " + num(json.bytes) + " B | "
          + (json.bytes <= 5 * 1024 ? "met" : "**not met**") + " |");
      codecRatio(lines, "stretch: codec-json decode ≥ 0.9× hand-written Jackson streaming" + on, json,
          all.get(key("JsonCodecs.decodeJacksonStreaming", payload)), 0.9);
    }
    Result xml = all.get(key("XmlCodecs.decodeChatinfo", payload));
    Result jx = all.get(key("XmlCodecs.decodeJacksonXml", payload));
    if (xml != null && jx != null) {
      codecRatio(lines, "codec-xml decode ≥ 1.0× Jackson XML" + on, xml, jx, 1.0);
      lines.add("| codec-xml decode allocates ≤ Jackson XML" + on + " | " + num(xml.bytes) + " B vs "
          + num(jx.bytes) + " B | " + (xml.bytes <= jx.bytes ? "met" : "**not met**") + " |");
    }
  }

  /** chatinfo at least {@code bound}× the contender: throughput, and CPU µs/op when measured. */
  private static void codecRatio(List<String> lines, String what, Result mine, Result other, double bound) {
    if (other == null) {
      return;
    }
    lines.add(check(what + " (throughput)", mine.score / other.score, bound, true));
    if (Double.isFinite(mine.cpuThreads) && Double.isFinite(other.cpuThreads)) {
      lines.add(check(what + " (CPU)", other.cpuThreads / mine.cpuThreads, bound, true));
    }
  }

  /** Throughput and CPU ≥ 0.95× bare, and (Retrofit) at most 10 KB more allocation per call. */
  private static void fetchTargets(List<String> lines, String transport, String bareName, String threads,
      Result client, Result bare) {
    if (client == null || bare == null) {
      return;
    }
    String what = "fetch + decode, ChatInfoClient + " + transport + " ≥ 0.95× " + bareName + ", " + threads;
    lines.add(check(what + " (throughput)", client.score / bare.score, 0.95, true));
    if (Double.isFinite(client.cpuProcess)) {
      lines.add(check(what + " (CPU)", bare.cpuProcess / client.cpuProcess, 0.95, true));
    }
    if (transport.equals("RetrofitTransport")) {
      double extra = client.bytes - bare.bytes;
      lines.add("| fetch + decode, " + transport + " ≤ 10 KB/call above " + bareName + ", " + threads + " | "
          + num(extra) + " B | " + (extra <= 10_240 ? "met" : "**not met**") + " |");
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
