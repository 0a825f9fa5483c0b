package dev.chatinfo.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives a test method a {@link JavaClasses} parameter: the production classes of the module under
 * test ({@code target/classes}, Maven's working directory being the module's), imported once per
 * test run and shared by every test that asks.
 *
 * <pre>{@code
 * @ExtendWith(ProductionClasses.class)
 * class ArchitectureTest {
 *   @Test
 *   void hasNoPackageCycles(JavaClasses production) {
 *     slices().matching("dev.chatinfo.(**)").should().beFreeOfCycles().check(production);
 *   }
 * }
 * }</pre>
 */
public final class ProductionClasses implements ParameterResolver {

  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(ProductionClasses.class);

  /** Created by JUnit for {@code @ExtendWith}. */
  public ProductionClasses() {}

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == JavaClasses.class;
  }

  @Override
  public JavaClasses resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return context.getRoot().getStore(NAMESPACE)
        .getOrComputeIfAbsent(JavaClasses.class, key -> importProductionClasses(), JavaClasses.class);
  }

  private static JavaClasses importProductionClasses() {
    Path classes = Path.of("target", "classes");
    if (!Files.isDirectory(classes)) {
      throw new IllegalStateException("no production classes at " + classes.toAbsolutePath()
          + ": run the tests from the module's directory, after compile");
    }
    JavaClasses imported = new ClassFileImporter().importPath(classes);
    if (imported.isEmpty()) {
      throw new IllegalStateException("no class imported from " + classes.toAbsolutePath());
    }
    return imported;
  }
}
