package dev.chatinfo.transport.retrofit;

import static dev.chatinfo.testkit.ChatInfoAssertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chatinfo.api.BearerTokenProvider;
import dev.chatinfo.api.ChatInfoException.Kind;
import dev.chatinfo.api.ChatRef;
import dev.chatinfo.client.ChatInfoClient;
import dev.chatinfo.codec.json.MoshiChatInfoCodec;
import dev.chatinfo.testkit.ChatInfoFixtures;
import dev.chatinfo.testkit.FakeChatServer;
import dev.chatinfo.testkit.Fault;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * OkHttp inflates gzip while the body streams: a bomb is refused at the size limit without being
 * inflated in memory. (Every other fault is a case of the testkit's ChatInfoSourceContract.)
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class GzipBombTest {

  @Test
  void aGzipBombIsRefusedWithoutInflatingIt() throws Exception {
    try (FakeChatServer server = FakeChatServer.start();
        ChatInfoClient source = ChatInfoClient.builder().baseUrl(server.baseUrl())
            .bearerToken(BearerTokenProvider.of(server.token())).transport(RetrofitTransport.create())
            .codec(new MoshiChatInfoCodec()).build()) {
      ChatRef ref = server.addChat(ChatInfoFixtures.chatting());
      byte[] bomb = gzippedWhitespace(1L << 30);
      assertTrue(bomb.length < 2 << 20, "compressed size " + bomb.length);
      server.enqueue(Fault.response(200, Map.of("Content-Type", "application/json", "Content-Encoding", "gzip"), bomb));
      com.sun.management.ThreadMXBean threads =
          (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
      long before = threads.getCurrentThreadAllocatedBytes();
      assertThatThrownBy(() -> source.fetch(ref)).hasKind(Kind.RESPONSE_TOO_LARGE).hasAttempts(1);
      long allocated = threads.getCurrentThreadAllocatedBytes() - before;
      assertTrue(allocated < 64L << 20, "allocated " + allocated + " bytes while refusing a 1 GiB inflation");
    }
  }

  /** A JSON object's opening brace and then {@code size} spaces, valid so far: only the size limit can stop it. */
  static byte[] gzippedWhitespace(long size) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gzip = new GZIPOutputStream(out, 1 << 16) {
      {
        def.setLevel(Deflater.BEST_COMPRESSION);
      }
    }) {
      gzip.write('{');
      byte[] spaces = new byte[1 << 20];
      Arrays.fill(spaces, (byte) ' ');
      for (long written = 0; written < size; written += spaces.length) {
        gzip.write(spaces);
      }
    }
    return out.toByteArray();
  }
}
