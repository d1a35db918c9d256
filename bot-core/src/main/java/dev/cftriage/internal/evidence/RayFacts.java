package dev.cftriage.internal.evidence;

import java.time.Instant;

/**
 * What Cloudflare's analytics recorded for one Ray ID. The data is sampled: a Ray ID that is not found says
 * nothing about whether the request happened.
 *
 * @param rayId the Ray ID asked for
 * @param found true when the sampled analytics hold the request
 * @param time when the request was served, or null
 * @param colo the data centre that served it, or null
 * @param host the requested host, or null
 * @param path the requested path, or null
 * @param edgeStatus the status Cloudflare answered the visitor, or null
 * @param originStatus the status the origin answered Cloudflare (0 when none came), or null
 * @param originIp the origin address Cloudflare connected to, or null
 * @param edgeTtfbMs the edge's time to first byte, or null
 * @param originDurationMs how long the origin took, or null
 */
public record RayFacts(String rayId, boolean found, Instant time, String colo, String host, String path,
                       Integer edgeStatus, Integer originStatus, String originIp, Long edgeTtfbMs, Long originDurationMs)
        implements ProbeFacts {

    /** Facts of a Ray ID the sampled analytics do not hold. */
    public static RayFacts notFound(String rayId) {
        return new RayFacts(rayId, false, null, null, null, null, null, null, null, null, null);
    }

    @Override
    public ProbeStatus verdict() {
        if (!found) {
            return ProbeStatus.SKIPPED;
        }
        return edgeStatus != null && edgeStatus >= 500 ? ProbeStatus.FAIL : ProbeStatus.OK;
    }

    @Override
    public String summary() {
        if (!found) {
            return "ray " + rayId + " is not in Cloudflare's sampled analytics: inconclusive (sampling may have left it out)";
        }
        StringBuilder s = new StringBuilder("ray ").append(rayId).append(" at ").append(colo).append(": edge ")
                .append(edgeStatus).append(", origin ")
                .append(originStatus == null || originStatus == 0 ? "no response" : String.valueOf(originStatus));
        if (originIp != null && !originIp.isEmpty()) {
            s.append(" from ").append(originIp);
        }
        if (originDurationMs != null) {
            s.append(" after ").append(originDurationMs).append(" ms");
        }
        return s.toString();
    }
}
