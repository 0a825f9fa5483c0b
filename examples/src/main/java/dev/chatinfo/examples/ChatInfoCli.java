package dev.chatinfo.examples;

import dev.chatinfo.api.ChatInfoException;
import dev.chatinfo.api.ChatInfoException.Kind;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;

/**
 * The {@code chatinfo} command-line program, on picocli.
 *
 * <pre>
 * chatinfo                      the demo: a fake LivePerson server on loopback, no account needed
 * chatinfo demo                 the same
 * chatinfo fetch (--domain D | --base-url U) --account A --agent-session S --chat C [options]
 * chatinfo watch (--domain D | --base-url U) --account A --agent-session S --chat C [--chat C2 ...] [options]
 * chatinfo serve                the fake server with the demo chats and their timeline, until Ctrl-C
 * chatinfo help [COMMAND]
 * chatinfo generate-completion  a bash/zsh completion script: source &lt;(chatinfo generate-completion)
 * </pre>
 *
 * <p>Exit codes: 0 success, 1 unexpected error, 2 usage error, then one per failure kind:
 * 3 UNAUTHORIZED, 4 FORBIDDEN, 5 NOT_FOUND, 6 RATE_LIMITED, 7 SERVER_ERROR, 8 CLIENT_ERROR,
 * 9 REDIRECT, 10 TIMEOUT, 11 NETWORK, 12 MALFORMED_RESPONSE, 13 UNSUPPORTED_MEDIA_TYPE,
 * 14 RESPONSE_TOO_LARGE, 15 CIRCUIT_OPEN, 16 CANCELLED.
 */
@Command(name = "chatinfo", description = "Asks LivePerson's legacy Chat Agent API about chats; "
    + "without a command, runs the demo against a fake server on 127.0.0.1.",
    synopsisSubcommandLabel = "[COMMAND]")
public final class ChatInfoCli implements Callable<Integer> {

  static final String EXIT_CODES = String.join("\n",
      "exit codes: 0 ok, 1 unexpected, 2 usage, 3 UNAUTHORIZED, 4 FORBIDDEN, 5 NOT_FOUND, 6 RATE_LIMITED,",
      "  7 SERVER_ERROR, 8 CLIENT_ERROR, 9 REDIRECT, 10 TIMEOUT, 11 NETWORK, 12 MALFORMED_RESPONSE,",
      "  13 UNSUPPORTED_MEDIA_TYPE, 14 RESPONSE_TOO_LARGE, 15 CIRCUIT_OPEN, 16 CANCELLED");

  /** The commands that show or describe the others, and so are built with all of them. */
  private static final Set<String> STANDS_WITH_ALL = Set.of("help", "generate-completion");

  final PrintStream out;
  final PrintStream err;
  final Map<String, String> env;

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

  /** Runs the demo when no command is given. */
  @Override
  public Integer call() {
    new DemoCommand(this).call();
    return 0;
  }

  /** The program with all its commands. */
  CommandLine commandLine() {
    return commandLine(null);
  }

  /**
   * The program for one command line: when it names a command that needs no other (demo, fetch,
   * watch, serve), only that one is built. picocli builds the whole model of every command it is
   * given (reflection over the annotations, a converter registry each) and that is a third of the
   * program's start-up; {@code help}, {@code generate-completion} and anything else get them all.
   *
   * @param first the first argument, or null for all commands
   */
  CommandLine commandLine(String first) {
    Map<String, Supplier<Object>> commands = new LinkedHashMap<>();
    commands.put("demo", () -> new DemoCommand(this));
    commands.put("fetch", () -> new FetchCommand(this));
    commands.put("watch", () -> new WatchCommand(this));
    commands.put("serve", () -> new ServeCommand(this));
    commands.put("help", HelpCommand::new);
    commands.put("generate-completion", AutoComplete.GenerateCompletion::new);
    boolean alone = first != null && commands.containsKey(first) && !STANDS_WITH_ALL.contains(first);
    CommandLine cl = new CommandLine(this);
    commands.forEach((name, command) -> {
      if (!alone || name.equals(first)) {
        cl.addSubcommand(name, command.get());
      }
    });
    CommandLine completion = cl.getSubcommands().get("generate-completion");
    if (completion != null) {
      completion.getCommandSpec().usageMessage().hidden(false);
    }
    cl.getCommandSpec().usageMessage().footer("", EXIT_CODES);
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    cl.setParameterExceptionHandler((e, args) -> usage(oneLine(e.getMessage())));
    cl.setExecutionExceptionHandler((e, command, parsed) -> failed(e, command.getCommand()));
    return cl;
  }

  int run(String[] args) {
    return commandLine(args.length > 0 ? args[0] : null).execute(args);
  }

  private int usage(String message) {
    err.println("chatinfo: " + message + " (chatinfo help shows the usage)");
    return 2;
  }

  private int failed(Exception e, Object command) {
    ClientOptions options = command instanceof HasClientOptions c ? c.clientOptions() : null;
    boolean json = options != null && options.json();
    boolean verbose = options != null && options.verbose;
    int code;
    if (e instanceof UsageException) {
      code = 2;
      if (json) {
        out.println(ChatOutput.errorJson("USAGE", e.getMessage(), code));
      } else {
        usage(e.getMessage());
      }
      return code;
    }
    if (e instanceof ChatInfoException c) {
      code = exitCode(c.kind());
      if (json) {
        out.println(ChatOutput.errorJson(c.kind().name(), c.getMessage(), code));
      } else {
        err.println("chatinfo: " + c.kind() + ": " + c.getMessage());
      }
    } else {
      code = 1;
      if (json) {
        out.println(ChatOutput.errorJson("UNEXPECTED", oneLine(String.valueOf(e)), code));
      } else {
        err.println("chatinfo: unexpected failure: " + oneLine(String.valueOf(e)));
      }
    }
    if (verbose) {
      e.printStackTrace(err);
    }
    return code;
  }

  private static String oneLine(String text) {
    return text == null ? "" : text.replaceAll("[\\r\\n]+", " ").strip();
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
}
