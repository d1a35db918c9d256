package dev.cftriage.report;

import java.util.List;

/**
 * Which Cloudflare SSL/TLS mode would work with the origin as probed, which mode the error points to, and the mode
 * the API reports. Flexible connects over plain HTTP to port 80; Full over TLS to 443 with any certificate; Full
 * (strict) also needs a valid certificate for the host from a public CA or Cloudflare's Origin CA.
 *
 * @param inferred the one mode whose failure matches the error ({@code flexible}, {@code full}, {@code strict}), or
 *     null when none or several do, or no error code is known
 * @param confirmed the zone's mode from the API ({@code off}, {@code flexible}, {@code full}, {@code strict}), or null
 * @param automatic true when the API says Cloudflare picks the mode itself, null when unknown
 * @param matching every mode whose failure matches the error code (several when the evidence cannot tell them apart)
 * @param modes what each mode would do with this origin, from the probes
 */
public record SslModeSummary(String inferred, String confirmed, Boolean automatic, List<String> matching, List<Mode> modes) {

    public SslModeSummary {
        matching = List.copyOf(matching);
        modes = List.copyOf(modes);
    }

    /**
     * What one mode would do.
     *
     * @param mode {@code flexible}, {@code full} or {@code strict}
     * @param works true when the origin as probed serves this mode, false when it does not, null when not probed
     * @param why what the probes saw, naming the address and port
     * @param predicts the error this mode would give (521, 522, 525, 526 …), or null when it works or is unknown
     */
    public record Mode(String mode, Boolean works, String why, Integer predicts) {
    }
}
