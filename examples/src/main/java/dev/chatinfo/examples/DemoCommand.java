package dev.chatinfo.examples;

import dev.chatinfo.api.BearerTokenProvider;
import dev.chatinfo.api.ChatInfo;
import dev.chatinfo.api.ChatInfoException;
import dev.chatinfo.api.ChatRef;
import dev.chatinfo.api.TypingStatus;
import dev.chatinfo.api.codec.ChatInfoCodec;
import dev.chatinfo.api.codec.ChatInfoCodecs;
import dev.chatinfo.client.ChatInfoClient;
import dev.chatinfo.testkit.FakeChatServer;
import dev.chatinfo.testkit.Fault;
import dev.chatinfo.testkit.RecordedRequest;
import dev.chatinfo.watch.ChatEvent;
import dev.chatinfo.watch.ChatWatcher;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code chatinfo demo} (and {@code chatinfo} alone): everything on loopback, against the testkit's fake server. */
@Command(name = "demo", description = "Fetches and watches chats on a fake LivePerson server on 127.0.0.1 "
    + "(no account needed); the default command.")
final class DemoCommand implements Callable<Integer> {

  private final PrintStream out;

  @Option(names = "--transport", paramLabel = "jdk|retrofit", description = Transports.OPTION_HELP
      + "; the section \"one fetch through each transport\" uses each")
  String transportOption;

  DemoCommand(ChatInfoCli cli) {
    this.out = cli.out;
  }

  @Override
  public Integer call() {
    String transport = Transports.choose(transportOption);
    List<String> transports = Transports.installed();
    try (FakeChatServer server = FakeChatServer.start()) {
      out.println("chatinfo demo: a fake LivePerson chat server runs on " + server.baseUrl()
          + " (no LivePerson account needed)");
      out.println("  transports installed: " + String.join(", ", transports) + "; " + transport + " used below");
      out.println("  codecs installed: " + ChatInfoCodecs.installed().stream().map(ChatInfoCodec::mediaType)
          .collect(Collectors.joining(", ")));
      DemoChats chats = new DemoChats(server);
      ChatRef chatting = chats.chatting;
      List<ChatRef> all = chats.all();
      BearerTokenProvider token = BearerTokenProvider.of(server.token());

      for (ChatInfoCodec codec : ChatInfoCodecs.installed()) {
        out.println();
        out.println("== " + codec.mediaType() + ": three chats fetched over HTTP (transport " + transport + ") ==");
        try (ChatInfoClient source = client(server, token, transport).codec(codec).build()) {
          for (ChatRef ref : all) {
            out.print(ChatOutput.text(ref, source.fetch(ref)));
          }
        }
      }

      out.println();
      out.println("== one fetch through each transport ==");
      for (String each : transports) {
        try (ChatInfoClient source = client(server, token, each).build()) {
          ChatInfo info = source.fetch(chatting);
          List<RecordedRequest> seen = server.requests();
          out.printf("  through %-9s %s   (the server saw User-Agent: %s)%n", each + ":", ChatOutput.summary(info),
              seen.get(seen.size() - 1).header("User-Agent").orElse("none"));
        }
      }

      out.println();
      out.println("== a retry: the service answers 503 Service Unavailable once ==");
      try (ChatInfoClient source = client(server, token, transport).build()) {
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
      watchTheTimeline(server, chats, token, transport);
      out.println();
      out.println("demo done: " + server.requests().size() + " requests served on loopback");
    }
    return 0;
  }

  /** A client of the fake server through the named transport. */
  private static ChatInfoClient.Builder client(FakeChatServer server, BearerTokenProvider token, String transport) {
    return ChatInfoClient.builder().baseUrl(server.baseUrl()).bearerToken(token).transport(transport);
  }

  /** The watch section: a ChatWatcher follows the three chats through their timeline to the end. */
  private void watchTheTimeline(FakeChatServer server, DemoChats chats, BearerTokenProvider token,
      String transport) {
    out.println();
    out.println("== watching the three chats through their timeline (ChatWatcher, 1 s interval) ==");
    CountDownLatch ended = new CountDownLatch(chats.all().size());
    Instant start = Instant.now();
    try (ChatInfoClient source = client(server, token, transport).build();
        ChatWatcher watcher = ChatWatcher.builder(source).interval(Duration.ofSeconds(1)).build()) {
      watcher.onEvent(event -> {
        String line = ChatOutput.eventLine(event);
        synchronized (out) {
          out.printf("  +%4.1f s  %s%n", Duration.between(start, event.at()).toMillis() / 1000.0,
              line.substring(line.indexOf("  ") + 2));
        }
        if (event instanceof ChatEvent.Ended || event instanceof ChatEvent.Gone) {
          ended.countDown();
        }
      });
      chats.all().forEach(watcher::watch);
      chats.script(Duration.ofSeconds(1), false);
      if (!ended.await(30, TimeUnit.SECONDS)) {
        out.println("  (not every chat ended within 30 s)");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
