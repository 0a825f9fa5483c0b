package dev.chatinfo.benchmarks.coldstart;

import com.squareup.moshi.Json;
import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import java.io.IOException;
import java.util.List;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Cold start, the baseline: the ten lines a user would write with OkHttp and Moshi (a reflective
 * adapter of a small class), fetching the same chat and printing it. Arguments: base URL, token,
 * account, agent session, chat.
 */
public final class BareOkHttpMoshiMain {

  /** The response. */
  static final class Document {
    Info info;
  }

  /** The info section: what the program prints. */
  static final class Info {
    List<Link> link;
    String state;
    String chatSessionKey;
    String agentName;
    long agentId;
    String startTime;
    String lastUpdate;
    long chatTimeout;
    long visitorId;
    String agentTyping;
    String visitorTyping;
    String visitorName;
    long rtSessionId;
    String participantId;

    @Override
    public String toString() {
      return "Info{state=" + state + ", chatSessionKey=" + chatSessionKey + ", agentName=" + agentName
          + ", agentId=" + agentId + ", startTime=" + startTime + ", lastUpdate=" + lastUpdate
          + ", chatTimeout=" + chatTimeout + ", visitorId=" + visitorId + ", agentTyping=" + agentTyping
          + ", visitorTyping=" + visitorTyping + ", visitorName=" + visitorName + ", rtSessionId="
          + rtSessionId + ", participantId=" + participantId + ", links=" + link + "}";
    }
  }

  /** A link. */
  static final class Link {
    @Json(name = "@href")
    String href;
    @Json(name = "@rel")
    String rel;

    @Override
    public String toString() {
      return rel + "=" + href;
    }
  }

  private BareOkHttpMoshiMain() {}

  /**
   * Runs once.
   *
   * @param args base URL, token, account, agent session, chat
   * @throws IOException if the call fails
   */
  public static void main(String[] args) throws IOException {
    OkHttpClient client = new OkHttpClient();
    JsonAdapter<Document> adapter = new Moshi.Builder().build().adapter(Document.class);
    Request request = new Request.Builder()
        .url(args[0] + "api/account/" + args[2] + "/agentSession/" + args[3] + "/chat/" + args[4] + "/info?v=1&NC=true")
        .header("Authorization", "Bearer " + args[1])
        .header("Accept", "application/json")
        .build();
    try (Response response = client.newCall(request).execute()) {
      if (!response.isSuccessful()) {
        throw new IOException("answered " + response.code());
      }
      System.out.println(adapter.fromJson(response.body().source()).info);
    }
    client.dispatcher().executorService().shutdown();
    client.connectionPool().evictAll();
  }
}
