package dev.chatinfo.api;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The api's dependency rules, checked on the compiled production classes. */
class ArchitectureTest {

  static JavaClasses production;

  @BeforeAll
  static void importProductionClasses() {
    production = new ClassFileImporter().importPath(Path.of("target", "classes"));
  }

  @Test
  void apiDependsOnTheJdkOnly() {
    classes().that().resideInAPackage("dev.chatinfo.api..")
        .should().onlyDependOnClassesThat().resideInAnyPackage("dev.chatinfo.api..", "java..")
        .check(production);
  }

  @Test
  void apiHasNoPackageCycles() {
    slices().matching("dev.chatinfo.(**)").should().beFreeOfCycles().check(production);
  }
}
