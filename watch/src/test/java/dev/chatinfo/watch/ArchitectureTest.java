package dev.chatinfo.watch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.tngtech.archunit.core.domain.JavaClasses;
import dev.chatinfo.architecture.ProductionClasses;
import java.lang.module.ModuleDescriptor;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The watch module's dependency rules, on the compiled production classes. */
@ExtendWith(ProductionClasses.class)
class ArchitectureTest {

  @Test
  void watchDependsOnTheApiAndTheJdkOnly(JavaClasses production) {
    classes().that().resideInAPackage("dev.chatinfo.watch..")
        .should().onlyDependOnClassesThat().resideInAnyPackage("dev.chatinfo.watch..",
            "dev.chatinfo.api", "java..")
        .check(production);
  }

  @Test
  void hasNoPackageCycles(JavaClasses production) {
    slices().matching("dev.chatinfo.(**)").should().beFreeOfCycles().check(production);
  }

  @Test
  void exportsOnlyItsApiPackageAndRequiresOnlyTheApi() {
    ModuleDescriptor module = ChatWatcher.class.getModule().getDescriptor();
    assertEquals(Set.of("dev.chatinfo.watch"),
        module.exports().stream().map(ModuleDescriptor.Exports::source).collect(Collectors.toSet()));
    assertEquals(Set.of("dev.chatinfo.api", "java.base"),
        module.requires().stream().map(ModuleDescriptor.Requires::name).collect(Collectors.toSet()));
  }
}
