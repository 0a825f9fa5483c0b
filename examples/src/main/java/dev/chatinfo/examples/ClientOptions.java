package dev.chatinfo.examples;

import dev.chatinfo.api.BearerTokenProvider;
import dev.chatinfo.api.codec.ChatInfoCodec;
import dev.chatinfo.api.codec.ChatInfoCodecs;
import dev.chatinfo.client.ChatInfoClient;
import io.github.resilience4j.retry.RetryConfig;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

/** The options of every command that talks to LivePerson: where, who, how. */
final class ClientOptions {

  /** Exactly one of --domain and --base-url. */
  static final class Where {
    @Option(names = "--domain", required = true, paramLabel = "DOMAIN",
        description = "the account's LivePerson domain, called over https")
    String domain;

    @Option(names = "--base-url", required = true, paramLabel = "URL",
        description = "a base URL instead (plain http only for loopback hosts)")
    URI baseUrl;
  }

  @ArgGroup(exclusive = true, multiplicity = "1")
  Where where;

  @Option(names = "--account", required = true, paramLabel = "ID", description = "the account id")
  String account;

  @Option(names = "--agent-session", required = true, paramLabel = "ID", description = "the agent session id")
  String agentSession;

  @Option(names = "--token-env", paramLabel = "NAME", defaultValue = "LP_BEARER",
      description = "the environment variable holding the bearer token (default: ${DEFAULT-VALUE})")
  String tokenEnv;

  @Option(names = "--token-file", paramLabel = "FILE",
      description = "a file holding the bearer token (never pass a token as an argument)")
  Path tokenFile;

  /** Refused on purpose, without echoing its value: a token in argv leaks. */
  @Option(names = "--token", hidden = true, paramLabel = "TOKEN")
  String tokenOnCommandLine;

  @Option(names = "--format", paramLabel = "json|xml",
      description = "the wire format to ask for (default: json, then xml)")
  String format;

  @Option(names = "--transport", paramLabel = "jdk|retrofit", description = Transports.OPTION_HELP)
  String transport;

  @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "10s", converter = DurationConverter.class,
      description = "the whole call's time limit: 10s, 500ms, 2m, or ISO-8601 PT10S (default: ${DEFAULT-VALUE})")
  Duration timeout;

  @Option(names = "--retries", paramLabel = "N", defaultValue = "2",
      description = "retries after the first attempt, 0 to 10 (default: ${DEFAULT-VALUE})")
  int retries;

  @Option(names = "--output", paramLabel = "text|json", defaultValue = "text",
      description = "text (the default) or json (for scripts; errors too)")
  String output;

  @Option(names = "--verbose", description = "print the stack trace of a failure")
  boolean verbose;

  boolean json() {
    return "json".equals(output);
  }

  /** Checks what picocli cannot, before anything is sent. */
  void validate() {
    if (tokenOnCommandLine != null) {
      throw new UsageException("--token is not supported: a token on the command line ends up in shell"
          + " history and process lists; use --token-env or --token-file");
    }
    if (!"text".equals(output) && !"json".equals(output)) {
      throw new UsageException("--output is text or json, not '" + output + "'");
    }
    if (retries < 0 || retries > 10) {
      throw new UsageException("--retries is a whole number from 0 to 10");
    }
    if (tokenFile != null && !"LP_BEARER".equals(tokenEnv)) {
      throw new UsageException("give --token-env or --token-file, not both");
    }
  }

  /** A client from these options; usage errors (bad URL, missing transport) exit with 2. */
  ChatInfoClient client(Map<String, String> env) {
    validate();
    ChatInfoClient.Builder builder = ChatInfoClient.builder()
        .bearerToken(BearerTokenProvider.of(token(env)))
        .callTimeout(timeout)
        .retry(RetryConfig.from(ChatInfoClient.defaultRetryConfig()).maxAttempts(retries + 1).build());
    if (format != null) {
      builder.codec(codec(format));
    }
    builder.transport(Transports.choose(transport));
    try {
      if (where.domain != null) {
        builder.domain(where.domain);
      } else {
        builder.baseUrl(where.baseUrl);
      }
      return builder.build();
    } catch (IllegalArgumentException | IllegalStateException e) {
      throw new UsageException(e.getMessage());
    }
  }

  /** The installed codec of a format; the program requires neither codec module, it finds them. */
  private static ChatInfoCodec codec(String format) {
    if (!format.equals("json") && !format.equals("xml")) {
      throw new UsageException("--format is json or xml, not '" + format + "'");
    }
    String mediaType = "application/" + format;
    return ChatInfoCodecs.installed().stream().filter(c -> c.mediaType().equals(mediaType)).findFirst()
        .orElseThrow(() -> new UsageException("--format " + format + ": no codec for " + mediaType
            + " is installed; add chatinfo-codec-" + format));
  }

  private String token(Map<String, String> env) {
    String token;
    if (tokenFile != null) {
      try {
        token = Files.readString(tokenFile, StandardCharsets.UTF_8).strip();
      } catch (IOException e) {
        throw new UsageException("cannot read the token file " + tokenFile + ": " + e.getClass().getSimpleName());
      }
    } else {
      token = env.get(tokenEnv);
      if (token == null || token.isBlank()) {
        throw new UsageException("no bearer token: set " + tokenEnv + " or use --token-file");
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
}
