/**
 * The chatinfo {@link dev.chatinfo.api.ChatInfoSource} over Retrofit and OkHttp, with Resilience4j
 * retries and circuit breaker: {@link dev.chatinfo.transport.retrofit.RetrofitChatInfoSource}.
 *
 * <p>Reads bodies with whatever {@link dev.chatinfo.api.codec.ChatInfoCodec}s are installed
 * (chosen by the response's {@code Content-Type}); never imports a codec itself.
 */
module dev.chatinfo.transport.retrofit {
  requires transitive dev.chatinfo.api;
  requires retrofit2;
  requires okhttp3;
  requires okio;
  requires kotlin.stdlib;
  requires io.github.resilience4j.core;
  requires io.github.resilience4j.retry;
  requires io.github.resilience4j.circuitbreaker;

  exports dev.chatinfo.transport.retrofit;

  uses dev.chatinfo.api.codec.ChatInfoCodec;
}
