package dev.cftriage.internal.diagnose;

import dev.cftriage.internal.net.ClassifiedAddress;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An origin address Cloudflare cannot route to: private, loopback, link-local, CGNAT, reserved, documentation …
 * Addresses an operator opted in (labs) count as routable: the operator says they are real origins.
 */
final class PrivateAddressRule implements CauseRule {

    @Override
    public Set<String> causes() {
        return Set.of("dns-private-address");
    }

    @Override
    public List<Finding> evaluate(Situation s) {
        List<ClassifiedAddress> origins = s.evidence().origins();
        List<ClassifiedAddress> unroutable = origins.stream().filter(a -> !a.allowed()).toList();
        if (unroutable.isEmpty()) {
            return origins.isEmpty() ? List.of()
                    : List.of(new Finding.RuledOut("dns-private-address", "every origin address is public"));
        }
        ClassifiedAddress first = unroutable.get(0);
        List<String> lines = unroutable.stream()
                .map(a -> "the origin address " + a.address() + " is a " + a.category().id()
                        + " address: Cloudflare's edge cannot route to it")
                .toList();
        double strength = unroutable.size() == origins.size() ? 0.95 : 0.75;
        return List.of(new Finding.Found("dns-private-address", strength, lines, Map.of(
                "address", first.address(),
                "addresses", String.join(", ", unroutable.stream().map(ClassifiedAddress::address).toList()),
                "category", first.category().id())));
    }
}
