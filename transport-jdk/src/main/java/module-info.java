/**
 * The JDK transport of chatinfo: {@link dev.chatinfo.transport.jdk.JdkTransport} adapts the JDK's
 * own {@link java.net.http.HttpClient} to {@link dev.chatinfo.client.spi.HttpTransport}, HTTP/2
 * where the server offers it over TLS, HTTP/1.1 otherwise. Provides an
 * {@link dev.chatinfo.client.spi.HttpTransportProvider} named {@code "jdk"}, found by
 * {@code ChatInfoClient.builder()} without being told.
 *
 * <p>Brings nothing beyond {@code dev.chatinfo.client} and the JDK: no Kotlin, OkHttp, Okio,
 * Retrofit or Moshi.
 */
module dev.chatinfo.transport.jdk {
  requires transitive dev.chatinfo.client;
  requires transitive java.net.http;

  exports dev.chatinfo.transport.jdk;

  provides dev.chatinfo.client.spi.HttpTransportProvider with dev.chatinfo.transport.jdk.JdkTransportProvider;
}
