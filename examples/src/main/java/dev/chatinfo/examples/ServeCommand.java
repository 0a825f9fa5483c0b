package dev.chatinfo.examples;

import dev.chatinfo.api.ChatRef;
import dev.chatinfo.testkit.FakeChatServer;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code chatinfo serve}: the testkit's fake LivePerson server on a free loopback port, with the
 * three demo chats and their timeline (repeating), until Ctrl-C; try {@code chatinfo watch}
 * against it from another terminal.
 */
@Command(name = "serve", description = "Runs a fake LivePerson server on 127.0.0.1 with the demo chats and "
    + "their timeline (repeating), until Ctrl-C.")
final class ServeCommand implements Callable<Integer> {

  private final ChatInfoCli cli;

  @Option(names = "--step", paramLabel = "DURATION", defaultValue = "5s", converter = DurationConverter.class,
      description = "time between two steps of the timeline (default: ${DEFAULT-VALUE})")
  Duration step;

  ServeCommand(ChatInfoCli cli) {
    this.cli = cli;
  }

  @Override
  public Integer call() throws InterruptedException {
    CountDownLatch stop = new CountDownLatch(1);
    FakeChatServer server = FakeChatServer.start();
    DemoChats chats = new DemoChats(server);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      chats.close();
      server.close();
      stop.countDown();
    }, "chatinfo-serve-stop"));
    ChatRef any = chats.waiting;
    cli.out.println("chatinfo serve: a fake LivePerson chat server on " + server.baseUrl());
    cli.out.println("  base URL       " + server.baseUrl());
    cli.out.println("  token          " + server.token() + "   (a fake server's token)");
    cli.out.println("  account        " + any.accountId());
    cli.out.println("  agent session  " + any.agentSessionId());
    cli.out.println("  chats          " + chats.all().stream().map(ChatRef::chatId).collect(Collectors.joining(" ")));
    cli.out.println("  timeline       every " + step.toSeconds() + " s a step: picked up, typing, ended; "
        + "it starts over after 10 steps");
    cli.out.println();
    cli.out.println("From another terminal:");
    cli.out.println("  LP_BEARER=" + server.token() + " ./chatinfo watch --base-url " + server.baseUrl()
        + " --account " + any.accountId() + " --agent-session " + any.agentSessionId()
        + chats.all().stream().map(c -> " --chat " + c.chatId()).collect(Collectors.joining()));
    cli.out.println("Ctrl-C stops the server.");
    cli.out.flush();
    chats.start(step, true);
    stop.await();
    return 0;
  }
}
