package dev.cftriage.internal.evidence;

import dev.cftriage.internal.net.Ascii;
import java.util.List;

/**
 * What Cloudflare's status page says now: the unresolved incidents, and the data centres that are not operational.
 *
 * @param page the status page's address
 * @param indicator the page's overall indicator ({@code none}, {@code minor}, {@code major}, {@code critical})
 * @param description the page's overall description, e.g. "All Systems Operational"
 * @param incidents the incidents not yet resolved
 * @param degraded the data-centre components whose status is not {@code operational}
 * @param dataCentres how many data-centre components the page lists
 */
public record StatusPageFacts(String page, String indicator, String description, List<Incident> incidents,
                              List<DataCentre> degraded, int dataCentres) implements ProbeFacts {

    public StatusPageFacts {
        incidents = List.copyOf(incidents);
        degraded = List.copyOf(degraded);
    }

    /**
     * An unresolved incident.
     *
     * @param name its title
     * @param status {@code investigating}, {@code identified}, {@code monitoring} …
     * @param impact {@code none}, {@code minor}, {@code major}, {@code critical}
     * @param link the incident's page
     * @param components the names of the components it affects
     */
    public record Incident(String name, String status, String impact, String link, List<String> components) {
        public Incident {
            components = List.copyOf(components);
        }

        /** True when the incident names the data centre (IATA code) among its components or in its title. */
        public boolean affects(String colo) {
            String tag = "(" + Ascii.upper(colo) + ")";
            return components.stream().anyMatch(c -> Ascii.upper(c).contains(tag))
                    || Ascii.upper(name).matches(".*\\b" + Ascii.upper(colo) + "\\b.*");
        }
    }

    /**
     * A data centre as the status page lists it.
     *
     * @param name the component's name, e.g. "Frankfurt, Germany - (FRA)"
     * @param colo the IATA code in the name, e.g. {@code FRA}
     * @param status {@code degraded_performance}, {@code partial_outage}, {@code major_outage}, {@code under_maintenance}
     */
    public record DataCentre(String name, String colo, String status) {
    }

    /** The unresolved incidents that affect the data centre. */
    public List<Incident> incidentsAt(String colo) {
        return colo == null ? List.of() : incidents.stream().filter(i -> i.affects(colo)).toList();
    }

    /** The data centre's entry when it is not operational, or null (operational, or not listed). */
    public DataCentre degradedAt(String colo) {
        return colo == null ? null : degraded.stream().filter(d -> Ascii.equalsIgnoreCase(d.colo(), colo)).findFirst().orElse(null);
    }

    @Override
    public ProbeStatus verdict() {
        return incidents.isEmpty() && degraded.isEmpty() ? ProbeStatus.OK : ProbeStatus.FAIL;
    }

    @Override
    public String summary() {
        StringBuilder s = new StringBuilder("Cloudflare status: ").append(description);
        if (!incidents.isEmpty()) {
            s.append("; ").append(incidents.size()).append(" unresolved incident").append(incidents.size() == 1 ? "" : "s")
                    .append(": ").append(String.join("; ", incidents.stream().map(i -> i.name() + " (" + i.status() + ")").toList()));
        }
        if (!degraded.isEmpty()) {
            s.append("; data centres not operational: ").append(String.join(", ",
                    degraded.stream().map(d -> d.colo() + " " + d.status()).toList()));
        }
        return s.toString();
    }
}
