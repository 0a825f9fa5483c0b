package dev.chatinfo.client.spi;

/**
 * Makes an {@link HttpTransport}; found with {@link java.util.ServiceLoader} by
 * {@code ChatInfoClient.builder()} (module path: {@code provides}; class path:
 * {@code META-INF/services}; OSGi: a service-loader mediator such as SPI Fly).
 *
 * <p>Implementations have a public no-argument constructor (or a {@code provider()} method on the
 * module path) and are thread-safe.
 */
public interface HttpTransportProvider {

  /**
   * The short name users choose the transport by: {@code ChatInfoClient.builder().transport("jdk")}.
   *
   * @return the name, such as {@code "jdk"} or {@code "retrofit"}
   */
  String name();

  /**
   * Makes a new transport that owns its resources; the client closes it with itself.
   *
   * @return the transport
   */
  HttpTransport create();
}
