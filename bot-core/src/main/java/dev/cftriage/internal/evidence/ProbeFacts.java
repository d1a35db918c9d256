package dev.cftriage.internal.evidence;

/**
 * The raw facts one probe saw: the debug view behind every verdict. Each probe kind has its own record.
 * Facts are immutable values and carry no secrets (no API token ever).
 */
public sealed interface ProbeFacts permits DnsFacts, TcpFacts, TlsFacts, HttpFacts, EdgeFacts, TraceFacts,
        StatusPageFacts, ZoneFacts, ApiDnsFacts, SslModeFacts, RayFacts, TunnelFacts {

    /** How the probe ended, judged from these facts alone. */
    ProbeStatus verdict();

    /** One line saying what happened, for people; no trailing period. */
    String summary();
}
