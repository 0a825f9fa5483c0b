package dev.chatinfo.it.osgi.probe;

import java.util.Dictionary;
import java.util.Hashtable;
import java.util.function.Function;
import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;

/**
 * Activator of the probe bundle that the OSGi test builds from these classes: registers a
 * {@link ChatInfoProbe} as a {@code java.util.function.Function}, the one type that both the
 * test (outside the framework) and the probe (inside it) load from the same class loader.
 */
public final class ProbeActivator implements BundleActivator {

  /** The service property, and its value, that the test looks the probe up by. */
  public static final String PROBE_PROPERTY = "chatinfo.probe";

  private ServiceRegistration<?> registration;

  /** Creates the activator; the framework calls it. */
  public ProbeActivator() {}

  @Override
  public void start(BundleContext context) {
    Dictionary<String, Object> properties = new Hashtable<>();
    properties.put(PROBE_PROPERTY, "true");
    registration =
        context.registerService(Function.class.getName(), new ChatInfoProbe(context), properties);
  }

  @Override
  public void stop(BundleContext context) {
    registration.unregister();
  }
}
