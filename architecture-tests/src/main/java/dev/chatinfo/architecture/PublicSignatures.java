package dev.chatinfo.architecture;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.domain.JavaType;
import com.tngtech.archunit.core.domain.ThrowsDeclaration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Finds the types of a library that the public signatures of a module show: what a user of the
 * module would have to compile against. The design says no Kotlin, OkHttp, Retrofit, Moshi or
 * Simple XML type appears in a public signature of chatinfo.
 *
 * <pre>{@code
 * assertEquals(List.of(), PublicSignatures.leaks(production, Set.of("dev.chatinfo.codec.json"),
 *     List.of("com.squareup.moshi", "okio", "kotlin")));
 * }</pre>
 */
public final class PublicSignatures {

  private PublicSignatures() {}

  /**
   * Every type under one of the prefixes shown by a public class of the given packages.
   *
   * @param classes the classes to look at
   * @param packages the packages whose public classes are the API (the exported ones)
   * @param prefixes package prefixes of the library, such as {@code "okio"}
   * @return where each is shown, such as {@code "a.B.m(x.Y) returns okio.Buffer"}; empty if none
   * @throws IllegalStateException if no public class is found in the packages
   */
  public static List<String> leaks(JavaClasses classes, Set<String> packages, List<String> prefixes) {
    List<String> leaks = new ArrayList<>();
    boolean found = false;
    for (JavaClass type : classes) {
      if (packages.contains(type.getPackageName()) && type.getModifiers().contains(JavaModifier.PUBLIC)) {
        found = true;
        leaks.addAll(leaks(type, prefixes));
      }
    }
    if (!found) {
      throw new IllegalStateException("no public class found in " + packages);
    }
    return leaks;
  }

  /**
   * Every type under one of the prefixes that a user of this class could see: its superclass and
   * interfaces, and the types of its public and protected fields, and of the returns, parameters,
   * throws and type parameters of its public and protected constructors and methods.
   *
   * @param type a class
   * @param prefixes package prefixes of the library
   * @return where each is shown; empty if none
   */
  public static List<String> leaks(JavaClass type, List<String> prefixes) {
    List<String> leaks = new ArrayList<>();
    type.getSuperclass().ifPresent(s -> check(leaks, prefixes, type.getName() + " extends", s));
    type.getInterfaces().forEach(i -> check(leaks, prefixes, type.getName() + " implements", i));
    for (JavaField field : type.getFields()) {
      if (visible(field.getModifiers())) {
        check(leaks, prefixes, field.getFullName(), field.getType());
      }
    }
    for (JavaCodeUnit unit : type.getCodeUnits()) {
      if (!visible(unit.getModifiers()) || unit.getModifiers().contains(JavaModifier.SYNTHETIC)) {
        continue;
      }
      check(leaks, prefixes, unit.getFullName() + " returns", unit.getReturnType());
      unit.getParameterTypes().forEach(p -> check(leaks, prefixes, unit.getFullName() + " takes", p));
      for (ThrowsDeclaration<?> thrown : unit.getThrowsClause()) {
        check(leaks, prefixes, unit.getFullName() + " throws", thrown.getRawType());
      }
      unit.getTypeParameters().forEach(t -> check(leaks, prefixes, unit.getFullName() + " type parameter", t));
    }
    return leaks;
  }

  private static boolean visible(Set<JavaModifier> modifiers) {
    return modifiers.contains(JavaModifier.PUBLIC) || modifiers.contains(JavaModifier.PROTECTED);
  }

  private static void check(List<String> leaks, List<String> prefixes, String where, JavaType type) {
    for (JavaClass raw : type.getAllInvolvedRawTypes()) {
      String name = raw.getName();
      if (prefixes.stream().anyMatch(p -> name.equals(p) || name.startsWith(p + "."))) {
        leaks.add(where + " " + name);
      }
    }
  }
}
