package dev.chatinfo.client.internal;

import dev.chatinfo.client.spi.HttpTransportProvider;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.stream.Collectors;

/**
 * Finds the installed transports with {@link ServiceLoader} and the SPI's own class loader (module
 * path, class path, OSGi through a service-loader mediator), and chooses one.
 */
public final class TransportLookup {

  private static final System.Logger LOG = System.getLogger(TransportLookup.class.getName());
  private static final int MAX_PROVIDER_ERRORS = 32;
  private static final String ADD = "add chatinfo-transport-jdk (module dev.chatinfo.transport.jdk, no further"
      + " dependency) or chatinfo-transport-retrofit (module dev.chatinfo.transport.retrofit: Retrofit, OkHttp,"
      + " Kotlin) to the class path or module path, or give one with transport(HttpTransport)";

  private TransportLookup() {}

  /**
   * Every installed provider, by name.
   *
   * @return the providers; a provider that fails to load is skipped and logged at WARNING
   */
  public static List<HttpTransportProvider> installed() {
    ServiceLoader<HttpTransportProvider> loader =
        ServiceLoader.load(HttpTransportProvider.class, HttpTransportProvider.class.getClassLoader());
    List<HttpTransportProvider> found = new ArrayList<>();
    var it = loader.iterator();
    for (int errors = 0; errors < MAX_PROVIDER_ERRORS; ) {
      try {
        if (!it.hasNext()) {
          break;
        }
        found.add(it.next());
      } catch (ServiceConfigurationError e) {
        errors++;
        LOG.log(Level.WARNING, "skipping an HttpTransportProvider that failed to load", e);
      }
    }
    found.sort(Comparator.comparing(HttpTransportProvider::name));
    return List.copyOf(found);
  }

  /**
   * The one installed transport, when no name is given.
   *
   * @return the provider
   * @throws IllegalStateException when none or several are installed; the message says what to add or choose
   */
  public static HttpTransportProvider theOne() {
    List<HttpTransportProvider> all = installed();
    if (all.isEmpty()) {
      throw new IllegalStateException("No HttpTransport is installed: " + ADD);
    }
    if (all.size() > 1) {
      throw new IllegalStateException("Several HttpTransports are installed (" + names(all)
          + "): choose one with transport(\"" + all.get(0).name() + "\") or transport(HttpTransport)");
    }
    return all.get(0);
  }

  /**
   * The installed transport of this name.
   *
   * @param name such as {@code "jdk"}
   * @return the provider
   * @throws IllegalStateException when none of that name is installed
   */
  public static HttpTransportProvider named(String name) {
    List<HttpTransportProvider> all = installed();
    for (HttpTransportProvider p : all) {
      if (p.name().equals(name)) {
        return p;
      }
    }
    throw new IllegalStateException("No HttpTransport named \"" + name + "\" is installed ("
        + (all.isEmpty() ? "none is" : "installed: " + names(all)) + "): " + ADD);
  }

  private static String names(List<HttpTransportProvider> all) {
    return all.stream().map(p -> "\"" + p.name() + "\"").collect(Collectors.joining(", "));
  }
}
