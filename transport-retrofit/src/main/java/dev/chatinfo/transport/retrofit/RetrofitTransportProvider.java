package dev.chatinfo.transport.retrofit;

import dev.chatinfo.client.spi.HttpTransport;
import dev.chatinfo.client.spi.HttpTransportProvider;

/**
 * Makes {@link RetrofitTransport}s for {@code ChatInfoClient.builder()}: the transport named
 * {@code "retrofit"}, found through {@link java.util.ServiceLoader}.
 */
public final class RetrofitTransportProvider implements HttpTransportProvider {

  /** For {@link java.util.ServiceLoader}. */
  public RetrofitTransportProvider() {}

  @Override
  public String name() {
    return "retrofit";
  }

  @Override
  public HttpTransport create() {
    return RetrofitTransport.create();
  }
}
