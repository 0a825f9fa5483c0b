package dev.chatinfo.codec.json;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.domain.JavaType;
import com.tngtech.archunit.core.domain.ThrowsDeclaration;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.lang.module.ModuleDescriptor;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The codec's dependency rules, checked on the compiled production classes. */
class ArchitectureTest {

  static final List<String> THIRD_PARTY_PREFIXES = List.of("com.squareup.moshi", "okio", "kotlin");

  static JavaClasses production;

  @BeforeAll
  static void importProductionClasses() {
    production = new ClassFileImporter().importPath(Path.of("target", "classes"));
  }

  @Test
  void importsNeitherHttpNorRetrofitNorTheTransportNorSimpleXml() {
    noClasses().that().resideInAPackage("dev.chatinfo.codec.json..")
        .should().dependOnClassesThat().resideInAnyPackage("okhttp3..", "retrofit2..",
            "dev.chatinfo.transport..", "org.simpleframework..", "dev.chatinfo.codec.xml..")
        .check(production);
  }

  @Test
  void hasNoPackageCycles() {
    slices().matching("dev.chatinfo.codec.json.(**)").should().beFreeOfCycles().check(production);
  }

  @Test
  void exportsOnlyItsApiPackage() {
    ModuleDescriptor module = MoshiChatInfoCodec.class.getModule().getDescriptor();
    assertEquals(Set.of("dev.chatinfo.codec.json"), exportedPackages());
    assertTrue(module.packages().contains("dev.chatinfo.codec.json.internal"));
  }

  @Test
  void showsNoMoshiOkioOrKotlinTypeInAPublicSignature() {
    Set<String> exported = exportedPackages();
    List<JavaClass> api = production.stream()
        .filter(c -> exported.contains(c.getPackageName()))
        .filter(c -> c.getModifiers().contains(JavaModifier.PUBLIC))
        .collect(Collectors.toList());
    assertFalse(api.isEmpty(), "no public class found in " + exported);
    List<String> leaks = new ArrayList<>();
    api.forEach(c -> leaks.addAll(thirdPartyTypesInSignatureOf(c)));
    assertEquals(List.of(), leaks);
  }

  @Test
  void theSignatureCheckSeesALeakWhereThereIsOne() {
    JavaClasses moshi = new ClassFileImporter().importClasses(com.squareup.moshi.JsonReader.class);
    List<String> leaks = thirdPartyTypesInSignatureOf(moshi.get(com.squareup.moshi.JsonReader.class));
    assertTrue(leaks.stream().anyMatch(leak -> leak.contains("okio.BufferedSource")), leaks::toString);
  }

  static Set<String> exportedPackages() {
    return MoshiChatInfoCodec.class.getModule().getDescriptor().exports().stream()
        .map(ModuleDescriptor.Exports::source).collect(Collectors.toSet());
  }

  /** Every Moshi, Okio or Kotlin type a user of this public class could see. */
  static List<String> thirdPartyTypesInSignatureOf(JavaClass type) {
    List<String> leaks = new ArrayList<>();
    type.getSuperclass().ifPresent(s -> check(leaks, type.getName() + " extends", s));
    type.getInterfaces().forEach(i -> check(leaks, type.getName() + " implements", i));
    for (JavaField field : type.getFields()) {
      if (visible(field.getModifiers())) {
        check(leaks, field.getFullName(), field.getType());
      }
    }
    for (JavaCodeUnit unit : type.getCodeUnits()) {
      if (!visible(unit.getModifiers()) || unit.getModifiers().contains(JavaModifier.SYNTHETIC)) {
        continue;
      }
      check(leaks, unit.getFullName() + " returns", unit.getReturnType());
      unit.getParameterTypes().forEach(p -> check(leaks, unit.getFullName() + " takes", p));
      for (ThrowsDeclaration<?> thrown : unit.getThrowsClause()) {
        check(leaks, unit.getFullName() + " throws", thrown.getRawType());
      }
      unit.getTypeParameters().forEach(t -> check(leaks, unit.getFullName() + " type parameter", t));
    }
    return leaks;
  }

  static boolean visible(Set<JavaModifier> modifiers) {
    return modifiers.contains(JavaModifier.PUBLIC) || modifiers.contains(JavaModifier.PROTECTED);
  }

  static void check(List<String> leaks, String where, JavaType type) {
    for (JavaClass raw : type.getAllInvolvedRawTypes()) {
      String name = raw.getName();
      if (THIRD_PARTY_PREFIXES.stream().anyMatch(p -> name.equals(p) || name.startsWith(p + "."))) {
        leaks.add(where + " " + name);
      }
    }
  }
}
