package dev.chatinfo.examples;

import dev.chatinfo.api.ChatInfoException;
import dev.chatinfo.api.ChatRef;
import dev.chatinfo.client.ChatInfoClient;
import dev.chatinfo.watch.ChatEvent;
import dev.chatinfo.watch.ChatWatcher;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code chatinfo watch}: watches chats and prints one line per event until every chat ended (or
 * is gone), or Ctrl-C. The exit code is that of the last failure seen (0 if none is left).
 */
@Command(name = "watch", description = "Watches chats and prints what changes, one line per event, "
    + "until every chat ended or Ctrl-C.",
    footer = {"", "Exit code: that of the last failure still standing (a chat gone, or unreachable and not "
        + "recovered), else 0."})
final class WatchCommand implements Callable<Integer>, HasClientOptions {

  private final ChatInfoCli cli;

  @Mixin
  ClientOptions options;

  @Option(names = "--chat", required = true, paramLabel = "ID", description = "a chat id; repeat for several")
  List<String> chats;

  @Option(names = "--interval", paramLabel = "DURATION", defaultValue = "2s", converter = DurationConverter.class,
      description = "how often each chat is fetched, at least 1s (default: ${DEFAULT-VALUE})")
  Duration interval;

  @Option(names = "--expiry-warning", paramLabel = "DURATION", defaultValue = "10s",
      converter = DurationConverter.class,
      description = "warn this long before a chat times out (default: ${DEFAULT-VALUE})")
  Duration expiryWarning;

  WatchCommand(ChatInfoCli cli) {
    this.cli = cli;
  }

  @Override
  public ClientOptions clientOptions() {
    return options;
  }

  @Override
  public Integer call() throws InterruptedException {
    options.validate();
    if (interval.compareTo(Duration.ofSeconds(1)) < 0) {
      throw new UsageException("--interval must be at least 1s, not " + interval);
    }
    Set<ChatRef> refs = new HashSet<>();
    for (String chat : chats) {
      refs.add(FetchCommand.ref(options, chat));
    }
    Set<ChatRef> open = new HashSet<>(refs);
    CountDownLatch allDone = new CountDownLatch(1);
    Object lock = new Object();
    ChatInfoException[] lastFailure = {null};
    ChatRef[] failedChat = {null};
    try (ChatInfoClient source = options.client(cli.env);
        ChatWatcher watcher = ChatWatcher.builder(source).interval(interval).expiryWarning(expiryWarning).build()) {
      Thread onCtrlC = new Thread(allDone::countDown, "chatinfo-watch-stop");
      Runtime.getRuntime().addShutdownHook(onCtrlC);
      watcher.onEvent(event -> {
        synchronized (lock) {
          cli.out.println(options.json() ? ChatOutput.eventJson(event) : ChatOutput.eventLine(event));
          if (event instanceof ChatEvent.Gone g) {
            lastFailure[0] = g.cause();
            failedChat[0] = g.chat();
          } else if (event instanceof ChatEvent.Unreachable u) {
            lastFailure[0] = u.cause();
            failedChat[0] = u.chat();
          } else if (event instanceof ChatEvent.Recovered r && r.chat().equals(failedChat[0])) {
            lastFailure[0] = null;
          }
          if (event instanceof ChatEvent.Ended || event instanceof ChatEvent.Gone) {
            open.remove(event.chat());
            if (open.isEmpty()) {
              allDone.countDown();
            }
          }
        }
      });
      refs.forEach(watcher::watch);
      allDone.await();
      try {
        Runtime.getRuntime().removeShutdownHook(onCtrlC);
      } catch (IllegalStateException shuttingDown) {
        // Ctrl-C: the JVM is exiting; close the watcher and the client on the way out.
      }
    }
    synchronized (lock) {
      return lastFailure[0] == null ? 0 : ChatInfoCli.exitCode(lastFailure[0].kind());
    }
  }
}
