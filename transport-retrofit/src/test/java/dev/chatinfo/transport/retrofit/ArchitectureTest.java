package dev.chatinfo.transport.retrofit;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import dev.chatinfo.architecture.ProductionClasses;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The transport is an adapter of one HTTP library to the client's SPI, and nothing else. */
@ExtendWith(ProductionClasses.class)
class ArchitectureTest {

  @Test
  void neverImportsACodecLibraryOrCodec(JavaClasses production) {
    noClasses().should().dependOnClassesThat()
        .resideInAnyPackage("com.squareup.moshi..", "org.simpleframework..", "dev.chatinfo.codec..", "dev.chatinfo.testkit..")
        .check(production);
  }

  @Test
  void holdsNoRetryStatusTokenOrCodecLogic(JavaClasses production) {
    noClasses().should().dependOnClassesThat()
        .resideInAnyPackage("io.github.resilience4j..", "dev.chatinfo.api..", "dev.chatinfo.client.internal..")
        .because("retries, the circuit breaker, status mapping, tokens and codecs are the client's")
        .check(production);
  }
}
