package dev.chatinfo.transport.jdk;

import dev.chatinfo.client.spi.HttpTransport;
import dev.chatinfo.client.spi.HttpTransportProvider;

/**
 * Provides {@link JdkTransport} to {@link java.util.ServiceLoader} under the name {@code "jdk"}:
 * {@code ChatInfoClient.builder()} finds it on the module path, the class path and in OSGi (through a
 * service-loader mediator such as SPI Fly).
 */
public final class JdkTransportProvider implements HttpTransportProvider {

  /** The name users choose this transport by: {@code "jdk"}. */
  public static final String NAME = "jdk";

  /** Made by {@link java.util.ServiceLoader}. */
  public JdkTransportProvider() {}

  @Override
  public String name() {
    return NAME;
  }

  /**
   * A new {@link JdkTransport#create()}, which owns its {@code HttpClient} and threads.
   *
   * @return the transport
   */
  @Override
  public HttpTransport create() {
    return JdkTransport.create();
  }

  @Override
  public String toString() {
    return "JdkTransportProvider[" + NAME + "]";
  }
}
