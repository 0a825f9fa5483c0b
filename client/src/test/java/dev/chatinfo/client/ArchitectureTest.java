package dev.chatinfo.client;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import dev.chatinfo.architecture.ProductionClasses;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The engine knows HTTP only through its SPI and codecs only through the api. */
@ExtendWith(ProductionClasses.class)
class ArchitectureTest {

  @Test
  void importsNoHttpLibraryNoKotlinNoCodecLibrary(JavaClasses production) {
    noClasses().should().dependOnClassesThat()
        .resideInAnyPackage("okhttp3..", "okio..", "retrofit2..", "kotlin..", "java.net.http..", "com.squareup..",
            "org.simpleframework..", "dev.chatinfo.codec..", "dev.chatinfo.transport..", "dev.chatinfo.testkit..")
        .check(production);
  }

  @Test
  void theSpiDependsOnNothingOfTheEngine(JavaClasses production) {
    noClasses().that().resideInAPackage("dev.chatinfo.client.spi..").should().dependOnClassesThat()
        .resideInAnyPackage("dev.chatinfo.client.internal..", "io.github.resilience4j..")
        .check(production);
  }
}
