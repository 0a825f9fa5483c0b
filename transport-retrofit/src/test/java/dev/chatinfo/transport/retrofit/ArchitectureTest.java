package dev.chatinfo.transport.retrofit;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The transport is an adapter of one HTTP library to the client's SPI, and nothing else. */
class ArchitectureTest {

  static JavaClasses production;

  @BeforeAll
  static void importProductionClasses() {
    production = new ClassFileImporter().importPath(Path.of("target", "classes"));
  }

  @Test
  void neverImportsACodecLibraryOrCodec() {
    noClasses().should().dependOnClassesThat()
        .resideInAnyPackage("com.squareup.moshi..", "org.simpleframework..", "dev.chatinfo.codec..", "dev.chatinfo.testkit..")
        .check(production);
  }

  @Test
  void holdsNoRetryStatusTokenOrCodecLogic() {
    noClasses().should().dependOnClassesThat()
        .resideInAnyPackage("io.github.resilience4j..", "dev.chatinfo.api..", "dev.chatinfo.client.internal..")
        .because("retries, the circuit breaker, status mapping, tokens and codecs are the client's")
        .check(production);
  }
}
