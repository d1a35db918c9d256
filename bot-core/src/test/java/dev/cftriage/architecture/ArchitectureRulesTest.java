package dev.cftriage.architecture;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.EvaluationResult;
import dev.cftriage.testing.PublicApi;
import org.junit.jupiter.api.Test;

/** The architecture rules catch what they are for, shown on small fixture packages. */
class ArchitectureRulesTest {
    private static final String FIXTURES = "dev.cftriage.architecture.fixture";
    private static final JavaClasses CLASSES =
            new ClassFileImporter().importPackages(FIXTURES, "dev.cftriage.internal.net");

    @Test
    void aCycleBetweenTwoPackagesIsFound() {
        EvaluationResult result = slices().assignedFrom(PublicApi.EACH_PACKAGE).should().beFreeOfCycles()
                .evaluate(CLASSES);

        assertTrue(result.hasViolation());
        assertTrue(result.getFailureReport().toString().contains(FIXTURES + ".ping"),
                result.getFailureReport().toString());
    }

    @Test
    void anAdapterThatUsesAnInternalTypeIsFound() {
        EvaluationResult result = PublicApi.onlyPublicPackagesFrom(FIXTURES + ".leaky").evaluate(CLASSES);

        assertTrue(result.hasViolation());
        assertTrue(result.getFailureReport().toString().contains("dev.cftriage.internal.net.Texts"),
                result.getFailureReport().toString());
    }

    @Test
    void anAdapterThatUsesOnlyPublicTypesPasses() {
        JavaClasses clean = new ClassFileImporter().importPackages(FIXTURES + ".clean");

        EvaluationResult result = PublicApi.onlyPublicPackagesFrom(FIXTURES + ".clean").evaluate(clean);

        assertFalse(result.hasViolation(), result.getFailureReport().toString());
    }
}
