package com.siyu.mall.catalog;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.siyu.mall.common.testsupport.MallArchitectureRules;
import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import com.tngtech.archunit.lang.ArchRule;

/** The project's architecture rules plus catalog's own, checked on catalog-service's main code. */
@AnalyzeClasses(packages = "com.siyu.mall.catalog", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchTests mall = ArchTests.in(MallArchitectureRules.class);

    @ArchTest
    static final ArchRule reservationRulesArePlainJava = noClasses()
            .that().haveSimpleName("Allocation").or().haveNameMatching(".*\\.Allocation\\$.*")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "java.sql..", "javax.sql..")
            .as("the in-memory reservation rules (Allocation) use no Spring and no SQL, so a unit test covers them");

    @ArchTest
    static final ArchRule onlyTheBatchLocksAndWritesReservations = noClasses()
            .that().resideInAPackage("com.siyu.mall.catalog.inventory..")
            .and().haveSimpleNameNotStartingWith("OrderEventBatch")
            .and().haveNameNotMatching(".*\\.Allocation(\\$.*)?")
            .should().dependOnClassesThat().haveSimpleName("Allocation")
            .as("reservations are decided only through OrderEventBatch, one transaction per batch");

    @ArchTest
    static final ArchRule searchAndImportRulesArePlainJava = noClasses()
            .that().haveNameMatching(".*\\.(ProductIndex|SearchQueries|SearchAnalyzers|ImportFile|ImportRows)(\\$.*)?")
            .should().dependOnClassesThat(JavaClass.Predicates.resideInAnyPackage("org.springframework..", "java.sql..",
                    "javax.sql..").and(DescribedPredicate.not(JavaClass.Predicates.resideInAPackage(
                    "org.springframework.http"))))
            .as("the index, the query rules and the CSV row rules use no Spring (but HTTP statuses) and no SQL, so unit "
                    + "tests cover them");

    @ArchTest
    static final ArchRule searchKnowsNothingOfProductCode = noClasses()
            .that().resideInAPackage("com.siyu.mall.catalog.search..")
            .should().dependOnClassesThat().resideInAPackage("com.siyu.mall.catalog.product..")
            .as("search reads the catalog tables itself, so product can use search without a cycle");
}
