/**
 * The chatinfo transport over Retrofit and OkHttp:
 * {@link dev.chatinfo.transport.retrofit.RetrofitTransport}, provided to
 * {@code dev.chatinfo.client} as the {@link dev.chatinfo.client.spi.HttpTransportProvider} named
 * {@code "retrofit"}. An adapter and nothing else: retries, status mapping, codecs and tokens are
 * the client's.
 */
module dev.chatinfo.transport.retrofit {
  requires transitive dev.chatinfo.client;
  requires retrofit2;
  requires okhttp3;
  requires okio;
  requires kotlin.stdlib;

  exports dev.chatinfo.transport.retrofit;

  provides dev.chatinfo.client.spi.HttpTransportProvider with dev.chatinfo.transport.retrofit.RetrofitTransportProvider;
}
