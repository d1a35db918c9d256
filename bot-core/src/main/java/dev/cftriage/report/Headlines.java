package dev.cftriage.report;

import dev.cftriage.internal.evidence.HttpFacts;
import dev.cftriage.internal.evidence.Phases;
import dev.cftriage.internal.evidence.ProbeResult;
import dev.cftriage.internal.evidence.SslModeFacts;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The short lines every renderer shows the same way — the headline, the context line, the phase timings, the SSL
 * mode line, a cause's sources — so the terminal, Slack and Discord say one thing. Thread-safe.
 */
public final class Headlines {
    private Headlines() {
    }

    /** "523 Origin is unreachable — example.com: The origin's address is private" (parts left out when unknown). */
    public static String headline(TriageReport r) {
        StringBuilder s = new StringBuilder();
        if (r.code() != null) {
            s.append(r.code().code());
            if (r.code().errorCode() != null) {
                s.append(" / ").append(r.code().errorCode());
            }
            s.append(' ').append(r.code().title());
        } else {
            s.append("No error code known");
        }
        if (r.input().host() != null) {
            s.append(" — ").append(r.input().host());
        }
        Cause top = r.topCause();
        if (top != null) {
            s.append(": ").append(top.title());
            if (!top.verified()) {
                s.append(" (not verified)");
            }
        }
        return s.toString();
    }

    /** "Ray 8b2e5f3a1c9d4e7f-LAX (Los Angeles, United States) · edge now 523 · 2026-01-18T14:30:00Z", or "". */
    public static String context(TriageReport r) {
        StringBuilder s = new StringBuilder();
        InputSummary in = r.input();
        if (in.rayId() != null) {
            s.append("Ray ").append(in.rayId());
            if (in.colo() != null) {
                s.append('-').append(in.colo());
            }
        } else if (r.edge() != null && r.edge().rayId() != null) {
            s.append("Ray (live) ").append(r.edge().rayId());
            if (r.edge().colo() != null) {
                s.append('-').append(r.edge().colo());
            }
        }
        if (in.coloCity() != null) {
            s.append(s.isEmpty() ? "" : " ").append('(').append(in.coloCity()).append(')');
        }
        if (r.edge() != null && r.edge().status() != null) {
            s.append(s.isEmpty() ? "" : " · ").append("edge now ").append(r.edge().status());
            if (r.edge().challenged()) {
                s.append(" (challenge)");
            }
        }
        if (in.time() != null) {
            s.append(s.isEmpty() ? "" : " · ").append(in.time());
        }
        return s.toString();
    }

    /**
     * How fresh the report's evidence is, measured at the end of the triage: "evidence from 4.2 s ago (shared)"
     * when a recent run for the same target was reused, "evidence collected for this triage" when the probes ran
     * for it, "no live evidence" when nothing was probed.
     */
    public static String freshness(TriageReport r) {
        if (!r.verified() || r.evidenceAt() == null || r.startedAt() == null) {
            return "no live evidence";
        }
        if (!r.evidenceAt().isBefore(r.startedAt())) {
            return "evidence collected for this triage";
        }
        long ageMs = Duration.between(r.evidenceAt(), r.startedAt()).toMillis() + r.elapsedMs();
        return String.format(Locale.ROOT, "evidence from %.1f s ago (shared)", ageMs / 1000.0);
    }

    /** "resolve 0 · connect 3 · tls 12 · processing 250 · transfer 4 ms", "—" for phases not reached. */
    static String phases(Phases p) {
        return "resolve " + ms(p.resolveMs()) + " · connect " + ms(p.connectMs()) + " · tls " + ms(p.tlsMs())
                + " · processing " + ms(p.processingMs()) + " · transfer " + ms(p.transferMs()) + " ms";
    }

    /**
     * The phase timings of a probe that made an HTTP exchange (origin, edge or trace), or null for other probes and
     * for exchanges that never connected.
     */
    static String timings(ProbeResult p) {
        HttpFacts http = p.exchange();
        return http == null || http.phases().connectMs() == null ? null : phases(http.phases());
    }

    private static String ms(Long v) {
        return v == null ? "—" : String.valueOf(v);
    }

    /**
     * The SSL mode section in one line, e.g. "Full (strict) per the API; the evidence points to Full (strict)"; the
     * modes the evidence cannot tell apart are named together.
     */
    public static String sslMode(SslModeSummary mode) {
        List<String> parts = new ArrayList<>();
        if (mode.confirmed() != null) {
            parts.add(SslModeFacts.label(mode.confirmed()) + " per the Cloudflare API"
                    + (Boolean.TRUE.equals(mode.automatic()) ? " (automatic mode)" : ""));
        }
        if (mode.inferred() != null) {
            parts.add("the evidence points to " + SslModeFacts.label(mode.inferred()));
        } else if (!mode.matching().isEmpty()) {
            parts.add("the evidence fits " + String.join(" or ", mode.matching().stream().map(SslModeFacts::label).toList()));
        }
        List<String> working = mode.modes().stream().filter(m -> Boolean.TRUE.equals(m.works()))
                .map(m -> SslModeFacts.label(m.mode())).toList();
        if (!mode.modes().isEmpty()) {
            parts.add(working.isEmpty() ? "no mode works with the origin as probed"
                    : "works with the origin: " + String.join(", ", working));
        }
        return String.join("; ", parts);
    }

    /**
     * Who confirmed a cause: "live probes", "the Cloudflare API", "live probes and the Cloudflare status page" …
     * (live probes when the cause names no source).
     */
    public static String confirmedBy(Cause cause) {
        if (cause.sources().isEmpty()) {
            return "live probes";
        }
        return String.join(" and ", cause.sources().stream().map(source -> switch (source) {
            case PROBE -> "live probes";
            case STATUS_PAGE -> "the Cloudflare status page";
            case API -> "the Cloudflare API";
        }).toList());
    }
}
