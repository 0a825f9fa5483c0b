package dev.chatinfo.codec.xml;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.chatinfo.api.ChatInfo;
import dev.chatinfo.api.ChatRef;
import dev.chatinfo.testkit.ChatInfoFixtures;
import dev.chatinfo.testkit.FakeChatServer;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the testkit's fake server writes with the JDK, this codec reads back equal. */
class FakeChatServerDecodingTest {

  @Test
  void decodesWhatTheFakeServerServesOverHttp() throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    try (FakeChatServer server = FakeChatServer.start()) {
      for (ChatInfo added : List.of(ChatInfoFixtures.waiting(), ChatInfoFixtures.chatting(), ChatInfoFixtures.ended(),
          ChatInfoFixtures.chattingWithSsoVisitor())) {
        ChatRef ref = server.addChat(added);
        HttpResponse<InputStream> response = http.send(HttpRequest.newBuilder(server.infoUrl(ref))
            .header("Authorization", "Bearer " + server.token()).header("Accept", "application/xml").build(),
            HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(200, response.statusCode());
        ChatInfo decoded;
        try (InputStream body = response.body()) {
          decoded = new SimpleXmlChatInfoCodec().decode(body);
        }
        assertEquals(server.chat(ref), decoded);
        assertEquals(added, decoded.toBuilder().links(List.of()).build());
      }
    }
  }
}
