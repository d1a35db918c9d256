package dev.cftriage.internal.diagnose;

import dev.cftriage.internal.net.AddressCategory;
import dev.cftriage.internal.net.ClassifiedAddress;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An origin address inside Cloudflare's own ranges (an origin name's A record, or an origin given or mapped in the
 * config): Cloudflare refuses to connect to itself (error 1000), so such a record is the cause whatever the code
 * says.
 */
final class CloudflareOriginRule implements CauseRule {
    static final String CAUSE = "dns-points-to-cloudflare";

    @Override
    public Set<String> causes() {
        return Set.of(CAUSE);
    }

    @Override
    public List<Finding> evaluate(Situation s) {
        List<ClassifiedAddress> inside = s.evidence().origins().stream()
                .filter(a -> a.category() == AddressCategory.CLOUDFLARE).toList();
        if (inside.isEmpty()) {
            return List.of();
        }
        List<String> lines = inside.stream().map(a -> "the origin address " + a.address()
                + " is inside Cloudflare's ranges: Cloudflare will not connect to itself").toList();
        return List.of(new Finding.Found(CAUSE, 0.9, lines, Map.of("address", inside.get(0).address())));
    }
}
