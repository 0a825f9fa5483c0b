package dev.chatinfo.examples;

import dev.chatinfo.client.spi.HttpTransportProvider;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * The HTTP transports installed with the program, found as {@code ChatInfoClient.builder()} finds
 * them: {@link ServiceLoader} and the SPI's own class loader. The program names no transport class:
 * it chooses one by name with {@code ChatInfoClient.builder().transport(name)}.
 */
final class Transports {

  /** The transport taken when several are installed, as the program ships: no Kotlin, HTTP/2. */
  static final String PREFERRED = "jdk";

  private Transports() {}

  /**
   * The names of the installed transports, sorted.
   *
   * @return such as {@code [jdk, retrofit]}
   */
  static List<String> installed() {
    return ServiceLoader.load(HttpTransportProvider.class, HttpTransportProvider.class.getClassLoader()).stream()
        .map(provider -> provider.get().name())
        .distinct()
        .sorted()
        .toList();
  }

  /**
   * The transport the program uses when none is named: {@value #PREFERRED} when it is installed,
   * else the first installed one; empty when none is (the client's builder then says what to add).
   *
   * @return the transport's name
   */
  static Optional<String> defaultName() {
    List<String> installed = installed();
    return installed.contains(PREFERRED) ? Optional.of(PREFERRED) : installed.stream().findFirst();
  }
}
