package dev.chatinfo.examples;

import dev.chatinfo.api.BearerTokenProvider;
import dev.chatinfo.api.ChatInfo;
import dev.chatinfo.api.ChatInfoSource;
import dev.chatinfo.api.ChatRef;
import dev.chatinfo.client.ChatInfoClient;
import java.time.Duration;

/**
 * The smallest application: a plain JPMS program ({@code requires dev.chatinfo.client;}, with a
 * transport module and a codec module on the module path, found as services) that fetches one chat
 * from LivePerson.
 *
 * <pre>
 * LP_BEARER=... java --module-path ... --module dev.chatinfo.examples/dev.chatinfo.examples.QuickStart \
 *     va-a.agentvep.liveperson.net 56072331 {agentSessionId} {chatId}
 * </pre>
 */
public final class QuickStart {

  private QuickStart() {}

  /**
   * Fetches and prints one chat.
   *
   * @param args domain, account id, agent session id, chat id
   */
  public static void main(String[] args) {
    if (args.length != 4) {
      System.err.println("usage: QuickStart DOMAIN ACCOUNT AGENT_SESSION CHAT   (token in LP_BEARER)");
      System.exit(2);
    }
    try (ChatInfoSource source = ChatInfoClient.builder()
        .domain(args[0])
        .bearerToken(BearerTokenProvider.of(System.getenv("LP_BEARER")))
        .callTimeout(Duration.ofSeconds(10))
        .transport("jdk")         // only because this module ships two transports; with one, leave it out
        .build()) {
      ChatInfo info = source.fetch(ChatRef.of(args[1], args[2], args[3]));
      System.out.println(info.state().wireValue() + ", agent " + info.agentName().orElse("-")
          + ", visitor typing: " + info.visitorTyping().wireValue());
    }
  }
}
