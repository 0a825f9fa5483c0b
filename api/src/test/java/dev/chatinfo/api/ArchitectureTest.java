package dev.chatinfo.api;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.equivalentTo;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import dev.chatinfo.api.codec.WireField;
import dev.chatinfo.architecture.ProductionClasses;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The api's dependency rules, checked on the compiled production classes. */
@ExtendWith(ProductionClasses.class)
class ArchitectureTest {

  @Test
  void apiDependsOnTheJdkOnly(JavaClasses production) {
    classes().that().resideInAPackage("dev.chatinfo.api..")
        .should().onlyDependOnClassesThat().resideInAnyPackage("dev.chatinfo.api..", "java..")
        .check(production);
  }

  /**
   * One edge is allowed back from the model to the codec package: {@link ChatInfo}'s builder asks
   * {@link WireField} whether a name is a field of the wire (an attribute may not take it), so that
   * the wire's field names are written once. Any other edge from {@code dev.chatinfo.api} to
   * {@code dev.chatinfo.api.codec} is a cycle, and fails.
   */
  @Test
  void apiHasNoPackageCycles(JavaClasses production) {
    slices().matching("dev.chatinfo.(**)").should().beFreeOfCycles()
        .ignoreDependency(belongToAnyOf(ChatInfo.class), equivalentTo(WireField.class))
        .check(production);
  }
}
