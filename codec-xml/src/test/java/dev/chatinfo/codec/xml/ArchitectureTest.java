package dev.chatinfo.codec.xml;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import dev.chatinfo.architecture.ProductionClasses;
import dev.chatinfo.architecture.PublicSignatures;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The codec's dependency rules, checked on the compiled production classes. */
@ExtendWith(ProductionClasses.class)
class ArchitectureTest {

  @Test
  void importsNeitherTheTransportNorOkHttpRetrofitSquareOrKotlin(JavaClasses production) {
    noClasses().that().resideInAPackage("dev.chatinfo.codec.xml..")
        .should().dependOnClassesThat().resideInAnyPackage("okhttp3..", "retrofit2..",
            "com.squareup..", "kotlin..", "dev.chatinfo.transport..")
        .check(production);
  }

  @Test
  void dependsOnTheApiTheJdkAndSimpleXmlOnly(JavaClasses production) {
    classes().that().resideInAPackage("dev.chatinfo.codec.xml..")
        .should().onlyDependOnClassesThat().resideInAnyPackage("dev.chatinfo.api..",
            "dev.chatinfo.codec.xml..", "java..", "javax.xml..", "org.simpleframework.xml..")
        .check(production);
  }

  @Test
  void showsNoSimpleXmlTypeInThePublicSignaturesOfTheExportedPackage(JavaClasses production) {
    assertEquals(List.of(), PublicSignatures.leaks(production, Set.of("dev.chatinfo.codec.xml"),
        List.of("org.simpleframework")));
  }

  @Test
  void theSignatureCheckSeesALeakWhereThereIsOne() {
    JavaClasses persister = new ClassFileImporter().importClasses(org.simpleframework.xml.core.Persister.class);
    List<String> leaks = PublicSignatures.leaks(persister.get(org.simpleframework.xml.core.Persister.class),
        List.of("org.simpleframework.xml.strategy"));
    assertTrue(leaks.stream().anyMatch(leak -> leak.contains("Strategy")), leaks::toString);
  }

  @Test
  void theExportedPackageHoldsOnlyTheCodec(JavaClasses production) {
    classes().that().resideInAPackage("dev.chatinfo.codec.xml").and().arePublic()
        .should().haveSimpleName("SimpleXmlChatInfoCodec")
        .check(production);
  }

  @Test
  void hasNoPackageCycles(JavaClasses production) {
    slices().matching("dev.chatinfo.(**)").should().beFreeOfCycles().check(production);
  }

  @Test
  void theInternalPackageDoesNotUseTheExportedOne(JavaClasses production) {
    noClasses().that().resideInAPackage("dev.chatinfo.codec.xml.internal")
        .should().dependOnClassesThat(DescribedPredicate.describe("in the exported package",
            (JavaClass c) -> c.getPackageName().equals("dev.chatinfo.codec.xml")))
        .check(production);
  }
}
