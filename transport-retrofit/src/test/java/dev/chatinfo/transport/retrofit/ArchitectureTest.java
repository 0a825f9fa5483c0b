package dev.chatinfo.transport.retrofit;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The transport knows codecs only through the api's codec SPI. */
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
}
