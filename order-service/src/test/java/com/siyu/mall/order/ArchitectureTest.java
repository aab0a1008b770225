package com.siyu.mall.order;

import com.siyu.mall.common.testsupport.MallArchitectureRules;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;

/** The project's architecture rules, checked on order-service's main code. */
@AnalyzeClasses(packages = "com.siyu.mall.order", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchTests mall = ArchTests.in(MallArchitectureRules.class);
}
