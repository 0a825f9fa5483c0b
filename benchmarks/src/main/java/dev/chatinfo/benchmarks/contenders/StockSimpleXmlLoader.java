package dev.chatinfo.benchmarks.contenders;

import dev.chatinfo.benchmarks.Contender;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Loads the stock Simple XML 2.7.1 contender ({@code dev.chatinfo.benchmarks.stock}) in a class
 * loader of its own. Stock Simple XML and chatinfo's simple-xml-safe have the same packages, so
 * they cannot share a class path: the build copies the stock jar next to these classes
 * ({@code stock/simple-xml-stock.jar}), and this loader resolves {@code org.simpleframework.*} and
 * the stock contender from it first, everything else (the model, {@link Contender}, the JDK) from
 * the application. Calls go through the {@link Contender} interface: no reflection per call.
 */
public final class StockSimpleXmlLoader {

  private static final String STOCK_PACKAGE = "dev.chatinfo.benchmarks.stock.";
  private static final String SIMPLE_XML = "org.simpleframework.";

  private StockSimpleXmlLoader() {}

  /**
   * Loads and creates the stock contender.
   *
   * @return the contender, its Persister built
   */
  public static Contender load() {
    try {
      Path jar = Files.createTempFile("simple-xml-stock-", ".jar");
      jar.toFile().deleteOnExit();
      try (InputStream in = StockSimpleXmlLoader.class.getResourceAsStream("/dev/chatinfo/benchmarks/stock/simple-xml-stock.jar")) {
        if (in == null) {
          throw new IllegalStateException("stock/simple-xml-stock.jar is missing: build with Maven");
        }
        Files.copy(in, jar, StandardCopyOption.REPLACE_EXISTING);
      }
      URL own = StockSimpleXmlLoader.class.getProtectionDomain().getCodeSource().getLocation();
      ClassLoader loader = new ChildFirst(new URL[] {jar.toUri().toURL(), own},
          StockSimpleXmlLoader.class.getClassLoader());
      Class<?> type = Class.forName(STOCK_PACKAGE + "StockSimpleXml", true, loader);
      if (type.getClassLoader() != loader) {
        throw new IllegalStateException("the stock contender was not loaded in its own class loader");
      }
      return (Contender) type.getDeclaredConstructor().newInstance();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot load stock Simple XML", e);
    }
  }

  /** Stock Simple XML and the stock contender first; the rest from the parent. */
  private static final class ChildFirst extends URLClassLoader {
    ChildFirst(URL[] urls, ClassLoader parent) {
      super(urls, parent);
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
      if (!name.startsWith(SIMPLE_XML) && !name.startsWith(STOCK_PACKAGE)) {
        return super.loadClass(name, resolve);
      }
      synchronized (getClassLoadingLock(name)) {
        Class<?> c = findLoadedClass(name);
        if (c == null) {
          c = findClass(name);
        }
        if (resolve) {
          resolveClass(c);
        }
        return c;
      }
    }
  }
}
