package dev.cftriage.testing;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import java.util.ArrayList;
import java.util.List;

/**
 * The engine's public packages and the ArchUnit rules built on them, shared by bot-core and the modules that use it.
 * Stateless.
 */
public final class PublicApi {
    /**
     * The packages a module outside bot-core may use: the engine and its request ({@code dev.cftriage}), the
     * input error, the report, the config and what chat adapters need, plus the bots' shared HTTP server, metrics and health (module
     * bot-http). Everything under {@code dev.cftriage.internal} is bot-core's own.
     */
    public static final List<String> PACKAGES = List.of("dev.cftriage", "dev.cftriage.input", "dev.cftriage.report",
            "dev.cftriage.config", "dev.cftriage.chat", "dev.cftriage.http", "dev.cftriage.ops");

    /** Each package under {@code dev.cftriage}, the root included, is a slice of its own; other classes are in none. */
    public static final SliceAssignment EACH_PACKAGE = new SliceAssignment() {
        @Override
        public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
            String name = javaClass.getPackageName();
            return name.equals("dev.cftriage") || name.startsWith("dev.cftriage.")
                    ? SliceIdentifier.of(name) : SliceIdentifier.ignore();
        }

        @Override
        public String getDescription() {
            return "each package of dev.cftriage";
        }
    };

    private PublicApi() {
    }

    /**
     * Classes in {@code ownPackage} and below use no cf-triage class outside the public packages, their own, and
     * the extra packages named (each taken alone, without subpackages).
     */
    public static ArchRule onlyPublicPackagesFrom(String ownPackage, String... alsoAllowed) {
        List<String> allowed = new ArrayList<>(PACKAGES);
        allowed.add(ownPackage + "..");
        allowed.addAll(List.of(alsoAllowed));
        return classes().that().resideInAPackage(ownPackage + "..")
                .should().onlyDependOnClassesThat(resideOutsideOfPackage("dev.cftriage..")
                        .or(resideInAnyPackage(allowed.toArray(String[]::new))))
                .because("only " + PACKAGES + " are cf-triage's public API; dev.cftriage.internal may change freely");
    }
}
