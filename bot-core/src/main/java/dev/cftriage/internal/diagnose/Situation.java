package dev.cftriage.internal.diagnose;

import dev.cftriage.internal.parse.Generator;
import dev.cftriage.internal.parse.ParsedPaste;
import dev.cftriage.internal.evidence.EdgeFacts;
import dev.cftriage.internal.evidence.Evidence;
import dev.cftriage.internal.evidence.HttpFacts;
import dev.cftriage.internal.evidence.HttpOutcome;
import dev.cftriage.internal.evidence.ProbeKind;
import dev.cftriage.internal.evidence.RayFacts;
import java.util.Arrays;
import java.util.List;

/**
 * What the rules look at: the code being diagnosed, the paste, and the live evidence. Immutable.
 *
 * @param code the code diagnosed (from the command, the paste, or the live edge), or null
 * @param paste what the input said
 * @param evidence what the probes saw
 * @param host the host triaged, or null
 * @param timeoutMs the probes' budget, to say how long "no answer" lasted
 */
record Situation(Integer code, ParsedPaste paste, Evidence evidence, String host, long timeoutMs) {

    /** True when the code is one of these. */
    boolean codeIn(int... codes) {
        return code != null && Arrays.stream(codes).anyMatch(c -> c == code);
    }

    /** The live edge's facts, or null when the edge was not probed. */
    EdgeFacts edge() {
        return evidence.first(EdgeFacts.class);
    }

    /** The data centre the error came from: the paste's, else the live edge's, else the Ray ID lookup's; or null. */
    String colo() {
        if (paste.colo() != null) {
            return paste.colo();
        }
        EdgeFacts edge = edge();
        if (edge != null && edge.colo() != null) {
            return edge.colo();
        }
        RayFacts ray = evidence.first(RayFacts.class);
        return ray == null ? null : ray.colo();
    }

    /** True when the paste or the live edge shows a response Cloudflare itself generated. */
    boolean cloudflareGenerated() {
        EdgeFacts edge = edge();
        return paste.generator() == Generator.CLOUDFLARE || (edge != null && edge.cloudflareGenerated());
    }

    /** The direct HTTP exchanges with the origin that ran, in plan order. */
    List<HttpFacts> originExchanges() {
        return evidence.probes().stream()
                .filter(p -> p.kind() == ProbeKind.ORIGIN_HTTP)
                .map(p -> p.facts(HttpFacts.class))
                .filter(f -> f != null)
                .toList();
    }

    /** Direct origin HTTP exchanges that got a non-5xx answer: the origin works when asked from here. */
    List<HttpFacts> healthyOriginAnswers() {
        return originExchanges().stream()
                .filter(f -> f.outcome() == HttpOutcome.RESPONSE && f.status() != null && f.status() < 500)
                .toList();
    }
}
