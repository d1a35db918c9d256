package dev.cftriage.internal.diagnose;

import dev.cftriage.internal.net.AddressCategory;
import dev.cftriage.internal.net.ClassifiedAddress;
import dev.cftriage.internal.evidence.EdgeFacts;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The live edge's own 1xxx code (from the structured error's {@code error_code}, else the error page): Cloudflare
 * naming the refusal confirms the cause the code stands for — 1000 "DNS points to prohibited IP" a record holding a
 * Cloudflare address, 1016 an origin name that does not resolve, 1033 a tunnel without connector … For 1002 the
 * origin addresses tell a Cloudflare address from a private one.
 */
final class EdgeErrorCodeRule implements CauseRule {
    /** The cause each 1xxx code confirms (1002 is told apart by the origin addresses). */
    private static final Map<Integer, String> CONFIRMS = Map.of(
            1000, "dns-points-to-cloudflare",
            1001, "host-not-on-cloudflare",
            1003, "direct-ip-access",
            1004, "dns-change-propagating",
            1014, "cname-cross-account",
            1016, "origin-cname-unresolvable",
            1033, "tunnel-down");
    /** What 1002 confirms when no origin address is Cloudflare's. */
    private static final String PRIVATE = "dns-private-address";
    /** Every cause the rule can confirm. */
    private static final Set<String> CAUSES = Stream.concat(CONFIRMS.values().stream(), Stream.of(PRIVATE))
            .collect(Collectors.toUnmodifiableSet());

    @Override
    public Set<String> causes() {
        return CAUSES;
    }

    @Override
    public List<Finding> evaluate(Situation s) {
        EdgeFacts edge = s.edge();
        Integer code = edge == null ? null : edge.errorCode();
        if (code == null) {
            return List.of();
        }
        String cause = code == 1002 ? (pointsAtCloudflare(s) ? "dns-points-to-cloudflare" : PRIVATE) : CONFIRMS.get(code);
        if (cause == null) {
            return List.of();
        }
        String line = "the live edge answers error " + code
                + (edge.errorName() == null ? "" : " (" + edge.errorName() + ")")
                + (edge.rayId() == null ? "" : ", ray " + edge.rayId());
        return List.of(new Finding.Found(cause, 0.95, List.of(line), Map.of()));
    }

    private static boolean pointsAtCloudflare(Situation s) {
        return s.evidence().origins().stream().map(ClassifiedAddress::category).anyMatch(c -> c == AddressCategory.CLOUDFLARE);
    }
}
