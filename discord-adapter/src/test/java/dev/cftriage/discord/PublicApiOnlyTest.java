package dev.cftriage.discord;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import dev.cftriage.testing.ChatAdapterRules;
import dev.cftriage.testing.PublicApi;
import java.util.Set;

/**
 * The Discord adapter uses only the engine's public packages and incident mode's ({@code dev.cftriage.incidents}),
 * never {@code dev.cftriage.internal}.
 */
@AnalyzeClasses(packages = "dev.cftriage.discord", importOptions = ImportOption.DoNotIncludeTests.class)
class PublicApiOnlyTest {

    // A method, not an ArchRule field: Surefire 3.5.3 runs no @ArchTest fields (TNG/ArchUnit#1442).
    @ArchTest
    static void theDiscordAdapterUsesOnlyPublicPackages(JavaClasses classes) {
        PublicApi.onlyPublicPackagesFrom("dev.cftriage.discord", "dev.cftriage.incidents").check(classes);
    }

    @ArchTest
    static void theDiscordAdapterLeavesWhatEveryPlatformSharesToTheChatSession(JavaClasses classes) {
        ChatAdapterRules.policyOnlyThroughTheSession("dev.cftriage.discord", Set.of()).check(classes);
    }
}
