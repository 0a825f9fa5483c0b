package dev.chatinfo.benchmarks;

import dev.chatinfo.api.ChatInfo;
import dev.chatinfo.api.ChatRef;
import dev.chatinfo.codec.json.MoshiChatInfoCodec;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * The baselines of the fetch benchmarks: the GET a poller writes with the bare library, no
 * chatinfo engine in between: the info URL, the bearer token and {@code Accept: application/json},
 * status 200 checked, the body streamed into the same codec. One place for {@link Fetch},
 * {@link FetchJdk} and {@link FetchPaired}, so that they measure the same baseline.
 */
final class BareGet {

  private BareGet() {}

  /**
   * The info URL of a chat, as a poller writes it.
   *
   * @param baseUrl the server's base URL, ending in {@code /}
   * @param chat the chat
   * @return the URL's text
   */
  static String url(URI baseUrl, ChatRef chat) {
    return baseUrl + "api/account/" + chat.accountId() + "/agentSession/" + chat.agentSessionId()
        + "/chat/" + chat.chatId() + "/info?v=1&NC=true";
  }

  /**
   * The OkHttp request of a chat's info.
   *
   * @param url the info URL
   * @param token the bearer token
   * @return the request
   */
  static Request okHttpRequest(String url, String token) {
    return new Request.Builder()
        .url(url)
        .header("Authorization", "Bearer " + token)
        .header("Accept", "application/json")
        .build();
  }

  /**
   * Sends an OkHttp request on the calling thread and decodes the answer.
   *
   * @param client the client
   * @param request the request
   * @param codec the codec
   * @return the chat
   * @throws IOException if the exchange fails or the status is not 200
   */
  static ChatInfo okHttp(OkHttpClient client, Request request, MoshiChatInfoCodec codec) throws IOException {
    try (Response response = client.newCall(request).execute()) {
      ResponseBody body = response.body();
      if (response.code() != 200 || body == null) {
        throw new IOException("answered " + response.code());
      }
      return codec.decode(body.byteStream());
    }
  }

  /**
   * Builds the {@code java.net.http} request, sends it on the calling thread and decodes the answer.
   *
   * @param client the client
   * @param url the info URL
   * @param token the bearer token
   * @param codec the codec
   * @return the chat
   * @throws IOException if the exchange fails or the status is not 200
   * @throws InterruptedException if the thread is interrupted
   */
  static ChatInfo javaNetHttp(HttpClient client, String url, String token, MoshiChatInfoCodec codec)
      throws IOException, InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(URI.create(url))
        .header("Authorization", "Bearer " + token)
        .header("Accept", "application/json")
        .build();
    HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
    try (InputStream body = response.body()) {
      if (response.statusCode() != 200) {
        throw new IOException("answered " + response.statusCode());
      }
      return codec.decode(body);
    }
  }
}
