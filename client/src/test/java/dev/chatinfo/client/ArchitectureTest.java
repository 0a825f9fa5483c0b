package dev.chatinfo.client;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The engine knows HTTP only through its SPI and codecs only through the api. */
class ArchitectureTest {

  static JavaClasses production;

  @BeforeAll
  static void importProductionClasses() {
    production = new ClassFileImporter().importPath(Path.of("target", "classes"));
  }

  @Test
  void importsNoHttpLibraryNoKotlinNoCodecLibrary() {
    noClasses().should().dependOnClassesThat()
        .resideInAnyPackage("okhttp3..", "okio..", "retrofit2..", "kotlin..", "java.net.http..", "com.squareup..",
            "org.simpleframework..", "dev.chatinfo.codec..", "dev.chatinfo.transport..", "dev.chatinfo.testkit..")
        .check(production);
  }

  @Test
  void theSpiDependsOnNothingOfTheEngine() {
    noClasses().that().resideInAPackage("dev.chatinfo.client.spi..").should().dependOnClassesThat()
        .resideInAnyPackage("dev.chatinfo.client.internal..", "io.github.resilience4j..")
        .check(production);
  }
}
