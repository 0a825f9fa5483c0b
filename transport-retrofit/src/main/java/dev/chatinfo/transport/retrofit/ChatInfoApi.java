package dev.chatinfo.transport.retrofit;

import dev.chatinfo.api.ChatInfo;
import retrofit2.Call;
import retrofit2.http.GET;
import retrofit2.http.Header;
import retrofit2.http.Path;
import retrofit2.http.Tag;
import dev.chatinfo.transport.retrofit.internal.AttemptTag;

/** The legacy Chat Agent API's chat info endpoint, as Retrofit sees it. Built once per source. */
interface ChatInfoApi {

  @GET("api/account/{accountId}/agentSession/{agentSessionId}/chat/{chatId}/info?v=1&NC=true")
  Call<ChatInfo> info(@Path("accountId") String accountId, @Path("agentSessionId") String agentSessionId,
      @Path("chatId") String chatId, @Header("Authorization") String authorization,
      @Header("Accept") String accept, @Tag AttemptTag tag);
}
