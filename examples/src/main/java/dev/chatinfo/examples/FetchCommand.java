package dev.chatinfo.examples;

import dev.chatinfo.api.ChatInfo;
import dev.chatinfo.api.ChatRef;
import dev.chatinfo.client.ChatInfoClient;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code chatinfo fetch}: one chat's information, as a table or as JSON. */
@Command(name = "fetch", description = "Fetches one chat's information from LivePerson.",
    footer = {"", "The token is read from LP_BEARER (or --token-env NAME, or --token-file FILE)."})
final class FetchCommand implements Callable<Integer>, HasClientOptions {

  private final ChatInfoCli cli;

  @Mixin
  ClientOptions options;

  @Option(names = "--chat", required = true, paramLabel = "ID", description = "the chat id")
  String chat;

  FetchCommand(ChatInfoCli cli) {
    this.cli = cli;
  }

  @Override
  public ClientOptions clientOptions() {
    return options;
  }

  @Override
  public Integer call() {
    options.validate();
    ChatRef ref = ref(options, chat);
    try (ChatInfoClient source = options.client(cli.env)) {
      ChatInfo info = source.fetch(ref);
      cli.out.print(options.json() ? ChatOutput.json(ref, info) : ChatOutput.text(ref, info));
      return 0;
    }
  }

  static ChatRef ref(ClientOptions options, String chat) {
    try {
      return ChatRef.of(options.account, options.agentSession, chat);
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
  }
}
