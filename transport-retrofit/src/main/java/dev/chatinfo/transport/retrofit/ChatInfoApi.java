package dev.chatinfo.transport.retrofit;

import java.util.Map;
import okhttp3.ResponseBody;
import retrofit2.Call;
import retrofit2.http.GET;
import retrofit2.http.HeaderMap;
import retrofit2.http.Streaming;
import retrofit2.http.Tag;
import retrofit2.http.Url;

/**
 * The one request of the transport, as Retrofit sees it: a streaming GET of the URL the client
 * built, with its headers. Built once per transport. The URL is given as text, absolute: Retrofit
 * parses it once, against a base it then ignores.
 */
interface ChatInfoApi {

  @Streaming
  @GET
  Call<ResponseBody> get(@Url String url, @HeaderMap Map<String, String> headers, @Tag BodyHandoff handoff);
}
