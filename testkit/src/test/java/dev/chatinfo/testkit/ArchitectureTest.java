package dev.chatinfo.testkit;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import dev.chatinfo.api.codec.WireField;
import dev.chatinfo.architecture.ProductionClasses;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The testkit's dependency rules, on the compiled production classes. */
@ExtendWith(ProductionClasses.class)
class ArchitectureTest {

  @Test
  void testkitUsesOnlyTheApiTheJdkJunitAndOpentest4j(JavaClasses production) {
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
  void theContractsOracleKeepsItsOwnFieldNames(JavaClasses production) {
    noClasses().that().resideInAPackage("dev.chatinfo.testkit.internal")
        .should().dependOnClassesThat().belongToAnyOf(WireField.class)
        .check(production);
  }

  @Test
  void hasNoPackageCycles(JavaClasses production) {
    slices().matching("dev.chatinfo.testkit.(*)..").should().beFreeOfCycles().check(production);
  }
}
