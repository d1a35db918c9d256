package dev.cftriage;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import dev.cftriage.testing.PublicApi;

/** bot-core's production packages depend on one another without a cycle, each package counted on its own. */
@AnalyzeClasses(packages = "dev.cftriage", importOptions = ImportOption.DoNotIncludeTests.class)
class PackagesTest {

    // A method, not an ArchRule field: Surefire 3.5.3 runs no @ArchTest fields (TNG/ArchUnit#1442).
    @ArchTest
    static void noPackageDependsOnItselfThroughOthers(JavaClasses classes) {
        slices().assignedFrom(PublicApi.EACH_PACKAGE).should().beFreeOfCycles().check(classes);
    }
}
