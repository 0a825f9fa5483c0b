package dev.chatinfo.codec.xml;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaMember;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.domain.JavaType;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The codec's dependency rules, checked on the compiled production classes. */
class ArchitectureTest {

  static JavaClasses production;

  @BeforeAll
  static void importProductionClasses() {
    production = new ClassFileImporter().importPath(Path.of("target", "classes"));
  }

  @Test
  void importsNeitherTheTransportNorOkHttpRetrofitSquareOrKotlin() {
    noClasses().that().resideInAPackage("dev.chatinfo.codec.xml..")
        .should().dependOnClassesThat().resideInAnyPackage("okhttp3..", "retrofit2..",
            "com.squareup..", "kotlin..", "dev.chatinfo.transport..")
        .check(production);
  }

  @Test
  void dependsOnTheApiTheJdkAndSimpleXmlOnly() {
    classes().that().resideInAPackage("dev.chatinfo.codec.xml..")
        .should().onlyDependOnClassesThat().resideInAnyPackage("dev.chatinfo.api..",
            "dev.chatinfo.codec.xml..", "java..", "javax.xml..", "org.simpleframework.xml..")
        .check(production);
  }

  @Test
  void showsNoSimpleXmlTypeInThePublicSignaturesOfTheExportedPackage() {
    classes().that().resideInAPackage("dev.chatinfo.codec.xml")
        .and().arePublic()
        .should(new ArchCondition<JavaClass>("show no org.simpleframework type in a public or"
            + " protected signature") {
          @Override
          public void check(JavaClass type, ConditionEvents events) {
            Set<JavaClass> shown = new HashSet<>();
            type.getRawSuperclass().ifPresent(shown::add);
            shown.addAll(type.getRawInterfaces());
            for (JavaMember member : type.getMembers()) {
              if (!member.getModifiers().contains(JavaModifier.PUBLIC)
                  && !member.getModifiers().contains(JavaModifier.PROTECTED)) {
                continue;
              }
              if (member instanceof JavaField) {
                shown.addAll(((JavaField) member).getType().getAllInvolvedRawTypes());
              } else if (member instanceof JavaCodeUnit) {
                JavaCodeUnit code = (JavaCodeUnit) member;
                shown.addAll(code.getReturnType().getAllInvolvedRawTypes());
                for (JavaType parameter : code.getParameterTypes()) {
                  shown.addAll(parameter.getAllInvolvedRawTypes());
                }
                shown.addAll(code.getThrowsClause().getTypes());
              }
            }
            for (JavaClass each : shown) {
              if (each.getPackageName().startsWith("org.simpleframework")) {
                events.add(SimpleConditionEvent.violated(type,
                    type.getName() + " shows " + each.getName()));
              }
            }
          }
        })
        .check(production);
  }

  @Test
  void theExportedPackageHoldsOnlyTheCodec() {
    classes().that().resideInAPackage("dev.chatinfo.codec.xml").and().arePublic()
        .should().haveSimpleName("SimpleXmlChatInfoCodec")
        .check(production);
  }

  @Test
  void hasNoPackageCycles() {
    slices().matching("dev.chatinfo.(**)").should().beFreeOfCycles().check(production);
  }

  @Test
  void theInternalPackageDoesNotUseTheExportedOne() {
    noClasses().that().resideInAPackage("dev.chatinfo.codec.xml.internal")
        .should().dependOnClassesThat(DescribedPredicate.describe("in the exported package",
            (JavaClass c) -> c.getPackageName().equals("dev.chatinfo.codec.xml")))
        .check(production);
  }
}
