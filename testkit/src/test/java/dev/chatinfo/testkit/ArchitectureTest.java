package dev.chatinfo.testkit;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import dev.chatinfo.api.codec.WireField;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The testkit's dependency rules, on the compiled production classes. */
class ArchitectureTest {

  static JavaClasses production;

  @BeforeAll
  static void importProductionClasses() {
    production = new ClassFileImporter().importPath(Path.of("target", "classes"));
  }

  @Test
  void testkitUsesOnlyTheApiTheJdkJunitAndOpentest4j() {
    noClasses().should().dependOnClassesThat()
        .resideInAnyPackage("kotlin..", "okhttp3..", "okio..", "retrofit2..", "com.squareup..",
            "org.simpleframework..", "io.github.resilience4j..", "dev.chatinfo.transport..", "dev.chatinfo.codec..")
        .check(production);
  }

  /**
   * The payloads the contracts decode are written by {@code WireWriter} from its own knowledge of
   * the wire: were it to take its field names from the codecs' table ({@code WireField}), a wrong
   * name there would pass every contract.
   */
  @Test
  void theContractsOracleKeepsItsOwnFieldNames() {
    noClasses().that().resideInAPackage("dev.chatinfo.testkit.internal")
        .should().dependOnClassesThat().belongToAnyOf(WireField.class)
        .check(production);
  }

  @Test
  void hasNoPackageCycles() {
    slices().matching("dev.chatinfo.testkit.(*)..").should().beFreeOfCycles().check(production);
  }
}
