package dev.chatinfo.benchmarks.coldstart;

import dev.chatinfo.api.BearerTokenProvider;
import dev.chatinfo.api.ChatInfoSource;
import dev.chatinfo.api.ChatRef;
import dev.chatinfo.codec.json.MoshiChatInfoCodec;
import dev.chatinfo.client.ChatInfoClient;
import java.net.URI;

/**
 * Cold start, chatinfo: a new JVM builds a {@link ChatInfoClient}, fetches one chat and
 * prints it. Arguments: base URL, token, account, agent session, chat, and {@code json} to give
 * the JSON codec explicitly ({@code installed} to let the source find every installed codec).
 */
public final class ChatinfoMain {

  private ChatinfoMain() {}

  /**
   * Runs once.
   *
   * @param args base URL, token, account, agent session, chat, codecs
   */
  public static void main(String[] args) {
    ChatInfoClient.Builder builder = ChatInfoClient.builder()
        .baseUrl(URI.create(args[0]))
        .bearerToken(BearerTokenProvider.of(args[1]))
        .transport("retrofit");
    if (args[5].equals("json")) {
      builder.codec(new MoshiChatInfoCodec());
    }
    try (ChatInfoSource source = builder.build()) {
      System.out.println(source.fetch(ChatRef.of(args[2], args[3], args[4])));
    }
  }
}
