package dev.chatinfo.it.osgi;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.CopyOnWriteArrayList;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;
import org.osgi.framework.wiring.BundleRevision;
import org.osgi.framework.wiring.FrameworkWiring;

/** An OSGi framework (Apache Felix, found as a {@link FrameworkFactory}) running in this JVM. */
final class OsgiRuntime {

  private static final long STOP_TIMEOUT_MILLIS = 20_000;

  private final Framework framework;
  private final List<String> frameworkProblems = new CopyOnWriteArrayList<>();

  private OsgiRuntime(Framework framework) {
    this.framework = framework;
  }

  /**
   * Starts a framework with a fresh storage directory.
   *
   * @param storage the bundle cache, cleaned on start
   * @return the running framework
   * @throws BundleException when the framework cannot start
   */
  static OsgiRuntime start(Path storage) throws BundleException {
    Map<String, String> config = new HashMap<>();
    config.put(Constants.FRAMEWORK_STORAGE, storage.toAbsolutePath().toString());
    config.put(Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT);
    FrameworkFactory factory =
        ServiceLoader.load(FrameworkFactory.class)
            .findFirst()
            .orElseThrow(() -> new IllegalStateException("no OSGi FrameworkFactory on the class path"));
    OsgiRuntime runtime = new OsgiRuntime(factory.newFramework(config));
    runtime.framework.init();
    runtime.framework.getBundleContext().addFrameworkListener(runtime::recordProblem);
    runtime.framework.start();
    return runtime;
  }

  private void recordProblem(FrameworkEvent event) {
    if (event.getType() == FrameworkEvent.ERROR || event.getType() == FrameworkEvent.WARNING) {
      String kind = event.getType() == FrameworkEvent.ERROR ? "ERROR" : "WARNING";
      Throwable cause = event.getThrowable();
      frameworkProblems.add(
          kind + " from " + describe(event.getBundle()) + (cause == null ? "" : ": " + causeChain(cause)));
    }
  }

  /**
   * The system bundle's context: the test's own view of the registry.
   *
   * @return the context
   */
  BundleContext context() {
    return framework.getBundleContext();
  }

  /**
   * The framework's ERROR and WARNING events so far (a failing activator, a weaving hook that
   * threw, and so on).
   *
   * @return one line per event
   */
  List<String> frameworkProblems() {
    return List.copyOf(frameworkProblems);
  }

  /**
   * Installs jars, in order, without starting them.
   *
   * @param jars the bundle jars
   * @return the installed bundles, in the same order
   * @throws BundleException when a jar is not a valid bundle
   */
  List<Bundle> install(List<Path> jars) throws BundleException {
    List<Bundle> bundles = new ArrayList<>();
    for (Path jar : jars) {
      bundles.add(context().installBundle(jar.toAbsolutePath().toUri().toString()));
    }
    return bundles;
  }

  /**
   * Resolves and starts bundles, in order, and tells what went wrong: for a bundle that does not
   * resolve, the framework's message names the missing requirement.
   *
   * @param bundles installed bundles
   * @return one line per bundle that is not ACTIVE (RESOLVED for a fragment), empty when all are
   */
  List<String> startAll(List<Bundle> bundles) {
    framework.adapt(FrameworkWiring.class).resolveBundles(bundles);
    List<String> problems = new ArrayList<>();
    for (Bundle bundle : bundles) {
      if (isFragment(bundle)) {
        continue;
      }
      try {
        bundle.start();
      } catch (BundleException | RuntimeException e) {
        problems.add(describe(bundle) + " did not start: " + causeChain(e));
      }
    }
    for (Bundle bundle : bundles) {
      int expected = isFragment(bundle) ? Bundle.RESOLVED : Bundle.ACTIVE;
      if (bundle.getState() != expected && problems.stream().noneMatch(p -> p.startsWith(describe(bundle) + " "))) {
        problems.add(describe(bundle) + " is " + stateName(bundle.getState()) + ", expected " + stateName(expected));
      }
    }
    return problems;
  }

  static boolean isFragment(Bundle bundle) {
    BundleRevision revision = bundle.adapt(BundleRevision.class);
    return revision != null && (revision.getTypes() & BundleRevision.TYPE_FRAGMENT) != 0;
  }

  static String describe(Bundle bundle) {
    if (bundle == null) {
      return "(no bundle)";
    }
    String location = bundle.getLocation();
    return bundle.getSymbolicName() + " " + bundle.getVersion() + " [" + location.substring(location.lastIndexOf('/') + 1) + "]";
  }

  static String stateName(int state) {
    switch (state) {
      case Bundle.UNINSTALLED:
        return "UNINSTALLED";
      case Bundle.INSTALLED:
        return "INSTALLED (unresolved)";
      case Bundle.RESOLVED:
        return "RESOLVED";
      case Bundle.STARTING:
        return "STARTING";
      case Bundle.STOPPING:
        return "STOPPING";
      case Bundle.ACTIVE:
        return "ACTIVE";
      default:
        return "state " + state;
    }
  }

  private static String causeChain(Throwable e) {
    StringBuilder text = new StringBuilder(e.getMessage() == null ? e.toString() : e.getMessage());
    for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
      text.append(" <- ").append(cause);
    }
    return text.toString();
  }

  /**
   * Stops the framework and waits until it has stopped.
   *
   * @throws BundleException when stopping fails
   * @throws InterruptedException when interrupted while waiting
   */
  void stop() throws BundleException, InterruptedException {
    framework.stop();
    FrameworkEvent event = framework.waitForStop(STOP_TIMEOUT_MILLIS);
    if (event.getType() != FrameworkEvent.STOPPED) {
      throw new IllegalStateException(
          "the framework did not stop cleanly within " + STOP_TIMEOUT_MILLIS + " ms: event type "
              + event.getType() + (event.getThrowable() == null ? "" : ", " + event.getThrowable()));
    }
  }
}
