package dev.cftriage.internal.diagnose;

import dev.cftriage.internal.evidence.HttpFacts;
import java.util.List;

/**
 * Recognises the reverse proxy or load balancer in front of an origin from its own 502, 503 or 504 answer: Envoy,
 * HAProxy, nginx, Traefik, Caddy, Apache, Varnish and the cloud load balancers (AWS, Google Cloud, Azure), by the
 * words of their stock error pages and by their {@code Server} and {@code Via} headers. Such an answer means the
 * proxy works and the application behind it does not. Reads only the probe's bounded body start and selected
 * headers, folding ASCII case only. Stateless.
 */
final class OriginProxies {
    /** A proxy's mark: the proxy's name, where to look, and the folded words that identify it. */
    private record Mark(String proxy, Where where, String words) {
    }

    private enum Where { BODY, SERVER, VIA }

    private static final List<Mark> MARKS = List.of(
            new Mark("Envoy", Where.BODY, "upstream connect error or disconnect/reset before headers"),
            new Mark("Envoy", Where.BODY, "no healthy upstream"),
            new Mark("Envoy", Where.SERVER, "envoy"),
            new Mark("HAProxy", Where.BODY, "no server is available to handle this request"),
            new Mark("Traefik", Where.BODY, "no available server"),
            new Mark("Apache", Where.BODY, "the proxy server received an invalid response from an upstream server"),
            new Mark("Apache", Where.BODY, "the proxy server could not handle the request"),
            new Mark("Varnish", Where.BODY, "backend fetch failed"),
            new Mark("AWS load balancer", Where.SERVER, "awselb"),
            new Mark("Azure Application Gateway", Where.SERVER, "microsoft-azure-application-gateway"),
            new Mark("Azure Application Gateway", Where.BODY, "microsoft-azure-application-gateway"),
            new Mark("Google Cloud load balancer", Where.VIA, "1.1 google"),
            new Mark("Caddy", Where.SERVER, "caddy"),
            new Mark("nginx", Where.SERVER, "nginx"),
            new Mark("nginx", Where.BODY, "<center>nginx"),
            new Mark("AWS load balancer", Where.BODY, "<center>awselb"));

    private OriginProxies() {
    }

    /** The proxy that made this gateway error (502, 503 or 504), or null when none is recognised or the status differs. */
    static String recognise(HttpFacts http) {
        if (http.status() == null || http.status() < 502 || http.status() > 504) {
            return null;
        }
        String body = fold(http.bodyStart());
        String server = fold(http.server());
        String via = fold(http.headers().get("via"));
        for (Mark mark : MARKS) {
            String text = switch (mark.where()) {
                case BODY -> body;
                case SERVER -> server;
                case VIA -> via;
            };
            if (text.contains(mark.words())) {
                return mark.proxy();
            }
        }
        return null;
    }

    /** The text with ASCII capitals lowered and nothing else changed; empty for null. */
    static String fold(String text) {
        if (text == null) {
            return "";
        }
        char[] chars = text.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            if (chars[i] >= 'A' && chars[i] <= 'Z') {
                chars[i] = (char) (chars[i] + ('a' - 'A'));
            }
        }
        return new String(chars);
    }
}
