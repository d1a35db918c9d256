package dev.cftriage.bench;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import dev.cftriage.testing.PublicApi;

/**
 * The benchmarks use only the engine's public packages, plus bot-core's test fixtures ({@code dev.cftriage.testing}:
 * the loopback servers and pastes they run against), never {@code dev.cftriage.internal}.
 */
@AnalyzeClasses(packages = "dev.cftriage.bench", importOptions = ImportOption.DoNotIncludeTests.class)
class PublicApiOnlyTest {

    // A method, not an ArchRule field: Surefire 3.5.3 runs no @ArchTest fields (TNG/ArchUnit#1442).
    @ArchTest
    static void theBenchmarksUseOnlyPublicPackages(JavaClasses classes) {
        PublicApi.onlyPublicPackagesFrom("dev.cftriage.bench", "dev.cftriage.testing").check(classes);
    }
}
