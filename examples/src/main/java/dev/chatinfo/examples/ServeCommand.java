package dev.chatinfo.examples;

import dev.chatinfo.api.ChatRef;
import dev.chatinfo.testkit.FakeChatServer;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code chatinfo serve}: the testkit's fake LivePerson server on loopback, with the three demo
 * chats and their timeline (the server's scripts, one run every {@value DemoChats#STEPS_PER_RUN}
 * steps), until Ctrl-C; try {@code chatinfo watch} against it from another terminal.
 */
@Command(name = "serve", description = "Runs a fake LivePerson server on 127.0.0.1 with the demo chats and "
    + "their timeline (repeating), until Ctrl-C.")
final class ServeCommand implements Callable<Integer> {

  private final ChatInfoCli cli;

  @Option(names = "--port", paramLabel = "N", defaultValue = "0",
      description = "the port on 127.0.0.1 to serve on (default: a free port)")
  int port;

  @Option(names = "--step", paramLabel = "DURATION", defaultValue = "5s", converter = DurationConverter.class,
      description = "time between two steps of the timeline, at least 100ms (default: ${DEFAULT-VALUE})")
  Duration step;

  ServeCommand(ChatInfoCli cli) {
    this.cli = cli;
  }

  /** Serves until Ctrl-C (or, in-process, until the calling thread is interrupted). */
  @Override
  public Integer call() {
    if (port < 0 || port > 65535) {
      throw new UsageException("--port is 0 (a free port) or a port from 1 to 65535, not " + port);
    }
    if (step.compareTo(Duration.ofMillis(100)) < 0) {
      throw new UsageException("--step must be at least 100ms, not " + step);
    }
    CountDownLatch stop = new CountDownLatch(1);
    Thread onCtrlC = new Thread(stop::countDown, "chatinfo-serve-stop");
    ScheduledExecutorService runs = Executors.newSingleThreadScheduledExecutor(task -> {
      Thread t = new Thread(task, "chatinfo-serve-timeline");
      t.setDaemon(true);
      return t;
    });
    try (FakeChatServer server = start()) {
      URI baseUrl = server.baseUrl();
      DemoChats chats = new DemoChats(server);
      printHowToWatch(server, baseUrl, chats);
      Runtime.getRuntime().addShutdownHook(onCtrlC);
      chats.script(step, false);
      long run = step.toNanos() * DemoChats.STEPS_PER_RUN;
      runs.scheduleAtFixedRate(() -> chats.script(step, true), run, run, TimeUnit.NANOSECONDS);
      stop.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      runs.shutdownNow();
      try {
        Runtime.getRuntime().removeShutdownHook(onCtrlC);
      } catch (IllegalStateException shuttingDown) {
        // Ctrl-C: the JVM is exiting.
      }
    }
    return 0;
  }

  private FakeChatServer start() {
    try {
      return FakeChatServer.start(Clock.systemUTC(), port);
    } catch (UncheckedIOException e) {
      throw new UsageException(e.getMessage());
    }
  }

  private void printHowToWatch(FakeChatServer server, URI baseUrl, DemoChats chats) {
    ChatRef any = chats.waiting;
    cli.out.println("chatinfo serve: a fake LivePerson chat server on " + baseUrl);
    cli.out.println("  base URL       " + baseUrl);
    cli.out.println("  token          " + server.token() + "   (a fake server's token)");
    cli.out.println("  account        " + any.accountId());
    cli.out.println("  agent session  " + any.agentSessionId());
    cli.out.println("  chats          " + chats.all().stream().map(ChatRef::chatId).collect(Collectors.joining(" ")));
    cli.out.println("  timeline       a step every " + (step.toMillis() % 1000 == 0 ? step.toSeconds() + " s"
        : step.toMillis() + " ms") + ": picked up, typing, ended; "
        + "it starts over every " + DemoChats.STEPS_PER_RUN + " steps");
    cli.out.println();
    cli.out.println("From another terminal:");
    cli.out.println("  LP_BEARER=" + server.token() + " ./chatinfo watch --base-url " + baseUrl
        + " --account " + any.accountId() + " --agent-session " + any.agentSessionId()
        + chats.all().stream().map(c -> " --chat " + c.chatId()).collect(Collectors.joining()));
    cli.out.println("Ctrl-C stops the server.");
    cli.out.flush();
  }
}
