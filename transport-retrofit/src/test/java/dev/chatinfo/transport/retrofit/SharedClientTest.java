package dev.chatinfo.transport.retrofit;

import static dev.chatinfo.testkit.ChatInfoAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chatinfo.api.BearerTokenProvider;
import dev.chatinfo.api.ChatRef;
import dev.chatinfo.codec.json.MoshiChatInfoCodec;
import dev.chatinfo.testkit.ChatInfoFixtures;
import dev.chatinfo.testkit.FakeChatServer;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

/**
 * A shared OkHttpClient stays the caller's: close() leaves its dispatcher and pool alone. (Leaks,
 * cancellation, close() and secrecy are cases of the testkit's ChatInfoSourceContract.)
 */
class SharedClientTest {

  @Test
  void closeLeavesASharedClientAlone() {
    OkHttpClient shared = new OkHttpClient();
    try (FakeChatServer server = FakeChatServer.start()) {
      ChatRef ref = server.addChat(ChatInfoFixtures.chatting());
      RetrofitChatInfoSource source = RetrofitChatInfoSource.builder().baseUrl(server.baseUrl())
          .bearerToken(BearerTokenProvider.of(server.token())).okHttpClient(shared).codec(new MoshiChatInfoCodec())
          .build();
      assertThat(source.fetch(ref)).isChatting();
      source.close();
      assertFalse(shared.dispatcher().executorService().isShutdown());
      assertTrue(shared.connectionPool().connectionCount() >= 1, "the shared pool keeps its connection");
    } finally {
      shared.dispatcher().executorService().shutdown();
      shared.connectionPool().evictAll();
    }
  }
}
