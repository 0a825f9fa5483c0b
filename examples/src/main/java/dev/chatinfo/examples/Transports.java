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

  /** The help of every command's {@code --transport} option. */
  static final String OPTION_HELP = "the HTTP transport: jdk (java.net.http) or retrofit (Retrofit and OkHttp); "
      + "default: the one installed, and jdk when both are, as the program ships";

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

  /**
   * The transport a command uses: the one named, which must be installed, or the default.
   *
   * @param named the {@code --transport} option, or null
   * @return the transport's name
   * @throws UsageException when the named one, or any, is not installed
   */
  static String choose(String named) {
    List<String> installed = installed();
    if (named == null ? installed.isEmpty() : !installed.contains(named)) {
      throw new UsageException((named == null ? "no transport is installed" : "no transport named '" + named
          + "' is installed") + " (installed: " + (installed.isEmpty() ? "none" : String.join(", ", installed))
          + "); add chatinfo-transport-jdk or chatinfo-transport-retrofit");
    }
    return named != null ? named : defaultName().orElseThrow();
  }
}
