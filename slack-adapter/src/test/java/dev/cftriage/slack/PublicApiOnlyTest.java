package dev.cftriage.slack;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import dev.cftriage.testing.ChatAdapterRules;
import dev.cftriage.testing.PublicApi;
import java.util.Set;

/**
 * The Slack adapter uses only the engine's public packages and incident mode's ({@code dev.cftriage.incidents}),
 * never {@code dev.cftriage.internal}.
 */
@AnalyzeClasses(packages = "dev.cftriage.slack", importOptions = ImportOption.DoNotIncludeTests.class)
class PublicApiOnlyTest {

    // A method, not an ArchRule field: Surefire 3.5.3 runs no @ArchTest fields (TNG/ArchUnit#1442).
    @ArchTest
    static void theSlackAdapterUsesOnlyPublicPackages(JavaClasses classes) {
        PublicApi.onlyPublicPackagesFrom("dev.cftriage.slack", "dev.cftriage.incidents").check(classes);
    }

    @ArchTest
    static void theSlackAdapterLeavesWhatEveryPlatformSharesToTheChatSession(JavaClasses classes) {
        ChatAdapterRules.policyOnlyThroughTheSession("dev.cftriage.slack", Set.of("SlackEventsRoute")).check(classes);
    }
}
