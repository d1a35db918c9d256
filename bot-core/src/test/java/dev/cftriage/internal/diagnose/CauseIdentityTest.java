package dev.cftriage.internal.diagnose;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cftriage.internal.catalog.CauseEntry;
import dev.cftriage.internal.catalog.ErrorCatalog;
import dev.cftriage.internal.evidence.Evidence;
import dev.cftriage.internal.parse.ParsedPaste;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Cause ids kept in step between the catalog's data and the rules' declarations, derived from both rather than
 * copied: every catalog cause is one a rule can produce or is marked prior-only, every declared id has an entry,
 * and a rule that emits an id it did not declare is refused at run time.
 */
class CauseIdentityTest {
    private static final ErrorCatalog CATALOG = ErrorCatalog.load();

    @Test
    void everyCatalogCauseIsDeclaredByARuleOrMarkedPriorOnly() {
        Set<String> declared = Diagnoser.declaredCauses();
        for (CauseEntry cause : CATALOG.causes()) {
            assertTrue(cause.priorOnly() || declared.contains(cause.id()),
                    cause.id() + " can be produced by no rule and is not marked priorOnly in causes.json");
        }
    }

    @Test
    void noCauseARuleProducesIsMarkedPriorOnly() {
        for (String id : Diagnoser.declaredCauses()) {
            assertTrue(CATALOG.cause(id).filter(c -> !c.priorOnly()).isPresent(),
                    id + " is declared by a rule but is missing from the catalog or marked priorOnly");
        }
    }

    @Test
    void aRuleDeclaringACauseTheCatalogLacksIsRefused() {
        CauseRule unknown = rule(Set.of("no-such-cause"), List.of());

        IllegalStateException e = assertThrows(IllegalStateException.class, () -> new Diagnoser(CATALOG, List.of(unknown)));

        assertTrue(e.getMessage().contains("no-such-cause"), e.getMessage());
    }

    @Test
    void aFindingForAnUndeclaredCauseIsRefused() {
        CauseRule sloppy = rule(Set.of("origin-refused"),
                List.of(new Finding.Found("origin-timeout", 0.9, List.of("seen"), Map.of())));
        Diagnoser diagnoser = new Diagnoser(CATALOG, List.of(sloppy));
        Evidence none = new Evidence(List.of(), List.of(), Instant.EPOCH, List.of());

        IllegalStateException e = assertThrows(IllegalStateException.class, () -> diagnoser.diagnose(522,
                CATALOG.code(522).orElseThrow(), ParsedPaste.empty(), none, "shop.example.com", Duration.ofSeconds(4)));

        assertTrue(e.getMessage().contains("origin-timeout"), e.getMessage());
    }

    private static CauseRule rule(Set<String> causes, List<Finding> findings) {
        return new CauseRule() {
            @Override
            public Set<String> causes() {
                return causes;
            }

            @Override
            public List<Finding> evaluate(Situation situation) {
                return findings;
            }
        };
    }
}
