package dev.chatinfo.examples;

import com.squareup.moshi.JsonWriter;
import dev.chatinfo.api.BearerTokenProvider;
import dev.chatinfo.api.ChatInfo;
import dev.chatinfo.api.ChatInfoException;
import dev.chatinfo.api.ChatInfoException.Kind;
import dev.chatinfo.api.ChatRef;
import dev.chatinfo.api.Link;
import dev.chatinfo.api.TypingStatus;
import dev.chatinfo.api.codec.ChatInfoCodec;
import dev.chatinfo.codec.json.MoshiChatInfoCodec;
import dev.chatinfo.codec.xml.SimpleXmlChatInfoCodec;
import dev.chatinfo.testkit.ChatInfoFixtures;
import dev.chatinfo.testkit.FakeChatServer;
import dev.chatinfo.testkit.Fault;
import dev.chatinfo.client.ChatInfoClient;
import io.github.resilience4j.retry.RetryConfig;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import okio.Buffer;

/**
 * The {@code chatinfo} command-line program.
 *
 * <pre>
 * chatinfo                      the demo: a fake LivePerson server on loopback, no account needed
 * chatinfo demo                 the same
 * chatinfo fetch --domain D --account A --agent-session S --chat C [options]
 * chatinfo help
 * </pre>
 *
 * <p>Exit codes: 0 success, 1 unexpected error, 2 usage error, then one per failure kind:
 * 3 UNAUTHORIZED, 4 FORBIDDEN, 5 NOT_FOUND, 6 RATE_LIMITED, 7 SERVER_ERROR, 8 CLIENT_ERROR,
 * 9 REDIRECT, 10 TIMEOUT, 11 NETWORK, 12 MALFORMED_RESPONSE, 13 UNSUPPORTED_MEDIA_TYPE,
 * 14 RESPONSE_TOO_LARGE, 15 CIRCUIT_OPEN, 16 CANCELLED.
 */
public final class ChatInfoCli {

  static final String USAGE = String.join("\n",
      "usage: chatinfo [demo]",
      "       chatinfo fetch (--domain DOMAIN | --base-url URL) --account ID --agent-session ID --chat ID",
      "                      [--token-env NAME | --token-file FILE] [--format json|xml] [--output text|json]",
      "                      [--timeout 10s] [--retries 2] [--verbose]",
      "",
      "  demo           fetch chats from a fake LivePerson server on 127.0.0.1 (the default)",
      "  fetch          fetch one chat's information from LivePerson",
      "  --domain       the account's LivePerson domain, called over https",
      "  --base-url     a base URL instead (plain http only for loopback hosts)",
      "  --token-env    the environment variable holding the bearer token (default LP_BEARER)",
      "  --token-file   a file holding the bearer token (never pass a token as an argument)",
      "  --format       the wire format to ask for (default: json, then xml)",
      "  --output       text (a table, the default) or json (for scripts)",
      "  --timeout      the whole call's time limit: 10s, 500ms, 2m, or ISO-8601 PT10S (default 10s)",
      "  --retries      retries after the first attempt (default 2)",
      "  --verbose      print the stack trace of a failure",
      "",
      "exit codes: 0 ok, 1 unexpected, 2 usage, 3 UNAUTHORIZED, 4 FORBIDDEN, 5 NOT_FOUND, 6 RATE_LIMITED,",
      "  7 SERVER_ERROR, 8 CLIENT_ERROR, 9 REDIRECT, 10 TIMEOUT, 11 NETWORK, 12 MALFORMED_RESPONSE,",
      "  13 UNSUPPORTED_MEDIA_TYPE, 14 RESPONSE_TOO_LARGE, 15 CIRCUIT_OPEN, 16 CANCELLED");

  private final PrintStream out;
  private final PrintStream err;
  private final Map<String, String> env;

  ChatInfoCli(PrintStream out, PrintStream err, Map<String, String> env) {
    this.out = out;
    this.err = err;
    this.env = env;
  }

  /**
   * Runs the program and exits with its code.
   *
   * @param args the command line
   */
  public static void main(String[] args) {
    int code = new ChatInfoCli(System.out, System.err, System.getenv()).run(args);
    System.out.flush();
    System.exit(code);
  }

  /** A usage error: one line on stderr, exit code 2. */
  static final class UsageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
      super(message);
    }
  }

  int run(String[] args) {
    boolean verbose = List.of(args).contains("--verbose");
    try {
      String command = args.length == 0 || args[0].startsWith("--") ? "demo" : args[0];
      String[] rest = args.length == 0 || args[0].startsWith("--") ? args : java.util.Arrays.copyOfRange(args, 1, args.length);
      switch (command) {
        case "demo":
          new Demo(out).run();
          return 0;
        case "fetch":
          return fetch(Options.parse(rest));
        case "help":
        case "-h":
          out.println(USAGE);
          return 0;
        default:
          throw new UsageException("unknown command '" + command + "'");
      }
    } catch (UsageException e) {
      err.println("chatinfo: " + e.getMessage() + " (chatinfo help shows the usage)");
      return 2;
    } catch (ChatInfoException e) {
      err.println("chatinfo: " + e.kind() + ": " + e.getMessage());
      if (verbose) {
        e.printStackTrace(err);
      }
      return exitCode(e.kind());
    } catch (RuntimeException e) {
      err.println("chatinfo: unexpected failure: " + e);
      if (verbose) {
        e.printStackTrace(err);
      }
      return 1;
    }
  }

  private int fetch(Options o) {
    ChatInfoClient.Builder builder = ChatInfoClient.builder()
        .bearerToken(BearerTokenProvider.of(token(o)))
        .callTimeout(o.timeout)
        .retry(RetryConfig.from(ChatInfoClient.defaultRetryConfig()).maxAttempts(o.retries + 1).build());
    if (o.domain != null) {
      builder.domain(o.domain);
    } else {
      builder.baseUrl(o.baseUrl);
    }
    for (ChatInfoCodec codec : o.codecs) {
      builder.codec(codec);
    }
    ChatRef ref = o.ref;
    try (ChatInfoClient source = build(builder)) {
      ChatInfo info = source.fetch(ref);
      out.print(o.json ? json(ref, info) : text(ref, info));
      return 0;
    }
  }

  private static ChatInfoClient build(ChatInfoClient.Builder builder) {
    try {
      return builder.build();
    } catch (IllegalArgumentException | IllegalStateException e) {
      throw new UsageException(e.getMessage());
    }
  }

  private String token(Options o) {
    String token;
    if (o.tokenFile != null) {
      try {
        token = Files.readString(o.tokenFile, StandardCharsets.UTF_8).strip();
      } catch (IOException e) {
        throw new UsageException("cannot read the token file " + o.tokenFile + ": " + e.getClass().getSimpleName());
      }
    } else {
      token = env.get(o.tokenEnv);
      if (token == null || token.isBlank()) {
        throw new UsageException("no bearer token: set " + o.tokenEnv + " or use --token-file");
      }
      token = token.strip();
    }
    try {
      BearerTokenProvider.of(token);
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
    return token;
  }

  static int exitCode(Kind kind) {
    return switch (kind) {
      case UNAUTHORIZED -> 3;
      case FORBIDDEN -> 4;
      case NOT_FOUND -> 5;
      case RATE_LIMITED -> 6;
      case SERVER_ERROR -> 7;
      case CLIENT_ERROR -> 8;
      case REDIRECT -> 9;
      case TIMEOUT -> 10;
      case NETWORK -> 11;
      case MALFORMED_RESPONSE -> 12;
      case UNSUPPORTED_MEDIA_TYPE -> 13;
      case RESPONSE_TOO_LARGE -> 14;
      case CIRCUIT_OPEN -> 15;
      case CANCELLED -> 16;
    };
  }

  /** A readable table of one chat. */
  static String text(ChatRef ref, ChatInfo info) {
    StringBuilder s = new StringBuilder();
    s.append("chat ").append(ref.chatId()).append("  (account ").append(ref.accountId()).append(")\n");
    row(s, "state", info.rawState() + (info.state().wireValue().equals(info.rawState()) ? "" : " (" + info.state() + ")"));
    row(s, "session key", info.chatSessionKey());
    row(s, "agent", info.agentName().orElse("-")
        + (info.agentId().isPresent() ? " (" + info.agentId().getAsLong() + ")" : ""));
    row(s, "visitor", info.visitorName()
        + (info.visitorId().isPresent() ? " (" + info.visitorId().getAsLong() + ")" : ""));
    row(s, "typing", "agent " + typing(info.agentTyping()) + ", visitor " + typing(info.visitorTyping()));
    row(s, "started", info.startTime().map(Object::toString).orElse("-"));
    row(s, "last update", info.lastUpdate().map(Object::toString).orElse("-"));
    row(s, "time-out", info.chatTimeout().map(d -> d.toSeconds() + " s").orElse("-")
        + info.expiresAt().map(at -> ", expires " + at).orElse(""));
    info.rtSessionId().ifPresent(id -> row(s, "rt session", Long.toString(id)));
    info.participantId().ifPresent(id -> row(s, "participant", id));
    if (!info.attributes().isEmpty()) {
      List<String> attributes = new ArrayList<>();
      info.attributes().forEach((k, v) -> attributes.add(k + "=" + v));
      row(s, "attributes", String.join(", ", attributes));
    }
    List<String> rels = new ArrayList<>();
    for (Link link : info.links()) {
      rels.add(link.rel());
    }
    row(s, "links", rels.isEmpty() ? "-" : String.join(", ", rels));
    return s.toString();
  }

  private static String typing(TypingStatus status) {
    return status == TypingStatus.TYPING ? "typing" : status == TypingStatus.NOT_TYPING ? "not typing" : "unknown";
  }

  private static void row(StringBuilder s, String name, String value) {
    s.append("  ").append(name);
    for (int i = name.length(); i < 14; i++) {
      s.append(' ');
    }
    s.append(value).append('\n');
  }

  /** Our own JSON of one chat, for scripts (not the wire shape). */
  static String json(ChatRef ref, ChatInfo info) {
    Buffer buffer = new Buffer();
    try (JsonWriter w = JsonWriter.of(buffer)) {
      w.setIndent("  ");
      w.beginObject();
      w.name("chat").beginObject().name("accountId").value(ref.accountId()).name("agentSessionId")
          .value(ref.agentSessionId()).name("chatId").value(ref.chatId()).endObject();
      w.name("state").value(info.state().name().toLowerCase(Locale.ROOT));
      w.name("rawState").value(info.rawState());
      w.name("active").value(info.isActive());
      w.name("chatSessionKey").value(info.chatSessionKey());
      w.name("agentName").value(info.agentName().orElse(null));
      w.name("agentId");
      if (info.agentId().isPresent()) {
        w.value(info.agentId().getAsLong());
      } else {
        w.nullValue();
      }
      w.name("visitorName").value(info.visitorName());
      w.name("visitorId");
      if (info.visitorId().isPresent()) {
        w.value(info.visitorId().getAsLong());
      } else {
        w.nullValue();
      }
      w.name("agentTyping").value(info.agentTyping().wireValue());
      w.name("visitorTyping").value(info.visitorTyping().wireValue());
      w.name("startTime").value(info.startTime().map(Object::toString).orElse(null));
      w.name("lastUpdate").value(info.lastUpdate().map(Object::toString).orElse(null));
      w.name("chatTimeoutSeconds");
      if (info.chatTimeout().isPresent()) {
        w.value(info.chatTimeout().get().toSeconds());
      } else {
        w.nullValue();
      }
      w.name("expiresAt").value(info.expiresAt().map(Object::toString).orElse(null));
      w.name("participantId").value(info.participantId().orElse(null));
      w.name("links").beginArray();
      for (Link link : info.links()) {
        w.beginObject().name("rel").value(link.rel()).name("href").value(link.href()).endObject();
      }
      w.endArray();
      w.name("attributes").beginObject();
      for (Map.Entry<String, String> a : info.attributes().entrySet()) {
        w.name(a.getKey()).value(a.getValue());
      }
      w.endObject();
      w.endObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return buffer.readUtf8() + "\n";
  }

  /** The options of {@code fetch}. */
  static final class Options {
    String domain;
    URI baseUrl;
    ChatRef ref;
    String tokenEnv = "LP_BEARER";
    Path tokenFile;
    List<ChatInfoCodec> codecs = List.of();
    boolean json;
    Duration timeout = Duration.ofSeconds(10);
    int retries = 2;

    static Options parse(String[] args) {
      Map<String, String> values = new HashMap<>();
      for (int i = 0; i < args.length; i++) {
        String arg = args[i];
        if (arg.equals("--verbose")) {
          continue;
        }
        if (arg.equals("--token")) {
          throw new UsageException("--token is not supported: a token on the command line ends up in shell"
              + " history and process lists; use --token-env or --token-file");
        }
        if (!List.of("--domain", "--base-url", "--account", "--agent-session", "--chat", "--token-env",
            "--token-file", "--format", "--output", "--timeout", "--retries").contains(arg)) {
          throw new UsageException("unknown option '" + arg + "'");
        }
        if (i + 1 >= args.length) {
          throw new UsageException(arg + " needs a value");
        }
        values.put(arg, args[++i]);
      }
      Options o = new Options();
      o.domain = values.get("--domain");
      String base = values.get("--base-url");
      if ((o.domain == null) == (base == null)) {
        throw new UsageException("give either --domain or --base-url");
      }
      if (base != null) {
        try {
          o.baseUrl = URI.create(base);
        } catch (IllegalArgumentException e) {
          throw new UsageException("--base-url is not a URL: " + e.getMessage());
        }
      }
      for (String required : List.of("--account", "--agent-session", "--chat")) {
        if (!values.containsKey(required)) {
          throw new UsageException(required + " is required");
        }
      }
      try {
        o.ref = ChatRef.of(values.get("--account"), values.get("--agent-session"), values.get("--chat"));
      } catch (IllegalArgumentException e) {
        throw new UsageException(e.getMessage());
      }
      if (values.containsKey("--token-env") && values.containsKey("--token-file")) {
        throw new UsageException("give --token-env or --token-file, not both");
      }
      o.tokenEnv = values.getOrDefault("--token-env", o.tokenEnv);
      if (values.containsKey("--token-file")) {
        o.tokenFile = Path.of(values.get("--token-file"));
      }
      String format = values.get("--format");
      if (format != null) {
        o.codecs = switch (format) {
          case "json" -> List.of(new MoshiChatInfoCodec());
          case "xml" -> List.of(new SimpleXmlChatInfoCodec());
          default -> throw new UsageException("--format is json or xml, not '" + format + "'");
        };
      }
      String output = values.getOrDefault("--output", "text");
      if (!output.equals("text") && !output.equals("json")) {
        throw new UsageException("--output is text or json, not '" + output + "'");
      }
      o.json = output.equals("json");
      if (values.containsKey("--timeout")) {
        o.timeout = duration(values.get("--timeout"));
      }
      if (values.containsKey("--retries")) {
        try {
          o.retries = Integer.parseInt(values.get("--retries"));
        } catch (NumberFormatException e) {
          o.retries = -1;
        }
        if (o.retries < 0 || o.retries > 10) {
          throw new UsageException("--retries is a whole number from 0 to 10");
        }
      }
      return o;
    }

    static Duration duration(String text) {
      try {
        Duration d;
        if (text.startsWith("P") || text.startsWith("p")) {
          d = Duration.parse(text);
        } else if (text.endsWith("ms")) {
          d = Duration.ofMillis(Long.parseLong(text.substring(0, text.length() - 2)));
        } else if (text.endsWith("s")) {
          d = Duration.ofSeconds(Long.parseLong(text.substring(0, text.length() - 1)));
        } else if (text.endsWith("m")) {
          d = Duration.ofMinutes(Long.parseLong(text.substring(0, text.length() - 1)));
        } else {
          d = Duration.ofSeconds(Long.parseLong(text));
        }
        if (d.isNegative() || d.isZero()) {
          throw new UsageException("--timeout must be positive");
        }
        return d;
      } catch (NumberFormatException | DateTimeParseException e) {
        throw new UsageException("--timeout is like 10s, 500ms, 2m or PT10S, not '" + text + "'");
      }
    }
  }

  /** The demo: everything runs on loopback against the testkit's fake server. */
  static final class Demo {
    private final PrintStream out;

    Demo(PrintStream out) {
      this.out = out;
    }

    void run() {
      try (FakeChatServer server = FakeChatServer.start()) {
        out.println("chatinfo demo: a fake LivePerson chat server runs on " + server.baseUrl()
            + " (no LivePerson account needed)");
        ChatRef waiting = server.addChat(ChatInfoFixtures.waiting());
        ChatRef chatting = server.addChat(ChatInfoFixtures.chatting());
        ChatRef ended = server.addChat(ChatInfoFixtures.ended());
        List<ChatRef> all = List.of(waiting, chatting, ended);
        BearerTokenProvider token = BearerTokenProvider.of(server.token());

        for (ChatInfoCodec codec : List.of(new MoshiChatInfoCodec(), new SimpleXmlChatInfoCodec())) {
          out.println();
          out.println("== " + codec.mediaType() + ": three chats fetched over HTTP ==");
          try (ChatInfoClient source = ChatInfoClient.builder().baseUrl(server.baseUrl())
              .bearerToken(token).codec(codec).build()) {
            for (ChatRef ref : all) {
              out.print(text(ref, source.fetch(ref)));
            }
          }
        }

        out.println();
        out.println("== a retry: the service answers 503 Service Unavailable once ==");
        try (ChatInfoClient source = ChatInfoClient.builder().baseUrl(server.baseUrl())
            .bearerToken(token).build()) {
          source.retry().getEventPublisher().onRetry(e -> out.println("  attempt " + e.getNumberOfRetryAttempts()
              + " failed (" + ((ChatInfoException) e.getLastThrowable()).kind() + ", HTTP "
              + ((ChatInfoException) e.getLastThrowable()).httpStatus().orElse(0) + "); retrying in "
              + e.getWaitInterval().toMillis() + " ms"));
          server.enqueue(Fault.status(503));
          ChatInfo info = source.fetch(chatting);
          out.println("  then: " + info.state().wireValue() + " with agent " + info.agentName().orElse("-")
              + " (" + server.requests().stream().filter(r -> r.path().endsWith(chatting.chatId() + "/info")).count()
              + " requests for this chat so far)");

          out.println();
          out.println("== the visitor stops typing; then many chats at once, asynchronously ==");
          server.update(chatting, i -> i.toBuilder().visitorTyping(TypingStatus.NOT_TYPING).build());
          out.println("  visitor typing now: " + source.fetch(chatting).visitorTyping().wireValue());
          out.println("  " + new SupervisorDashboard(source).summary(all));
        }
        out.println();
        out.println("demo done: " + server.requests().size() + " requests served on loopback");
      }
    }
  }
}
