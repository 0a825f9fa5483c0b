package dev.chatinfo.codec.json;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import dev.chatinfo.architecture.ProductionClasses;
import dev.chatinfo.architecture.PublicSignatures;
import java.lang.module.ModuleDescriptor;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The codec's dependency rules, checked on the compiled production classes. */
@ExtendWith(ProductionClasses.class)
class ArchitectureTest {

  static final List<String> THIRD_PARTY_PREFIXES = List.of("com.squareup.moshi", "okio", "kotlin");

  @Test
  void importsNeitherHttpNorRetrofitNorTheTransportNorSimpleXml(JavaClasses production) {
    noClasses().that().resideInAPackage("dev.chatinfo.codec.json..")
        .should().dependOnClassesThat().resideInAnyPackage("okhttp3..", "retrofit2..",
            "dev.chatinfo.transport..", "org.simpleframework..", "dev.chatinfo.codec.xml..")
        .check(production);
  }

  @Test
  void hasNoPackageCycles(JavaClasses production) {
    slices().matching("dev.chatinfo.codec.json.(**)").should().beFreeOfCycles().check(production);
  }

  @Test
  void exportsOnlyItsApiPackage() {
    ModuleDescriptor module = MoshiChatInfoCodec.class.getModule().getDescriptor();
    assertEquals(Set.of("dev.chatinfo.codec.json"), exportedPackages());
    assertTrue(module.packages().contains("dev.chatinfo.codec.json.internal"));
  }

  @Test
  void showsNoMoshiOkioOrKotlinTypeInAPublicSignature(JavaClasses production) {
    assertEquals(List.of(), PublicSignatures.leaks(production, exportedPackages(), THIRD_PARTY_PREFIXES));
  }

  @Test
  void theSignatureCheckSeesALeakWhereThereIsOne() {
    JavaClasses moshi = new ClassFileImporter().importClasses(com.squareup.moshi.JsonReader.class);
    List<String> leaks = PublicSignatures.leaks(moshi.get(com.squareup.moshi.JsonReader.class), THIRD_PARTY_PREFIXES);
    assertTrue(leaks.stream().anyMatch(leak -> leak.contains("okio.BufferedSource")), leaks::toString);
  }

  static Set<String> exportedPackages() {
    return MoshiChatInfoCodec.class.getModule().getDescriptor().exports().stream()
        .map(ModuleDescriptor.Exports::source).collect(Collectors.toSet());
  }
}
