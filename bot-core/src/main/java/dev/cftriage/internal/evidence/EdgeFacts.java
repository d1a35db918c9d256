package dev.cftriage.internal.evidence;

import dev.cftriage.internal.parse.Generator;
import dev.cftriage.internal.parse.ParsedPaste;

/**
 * What Cloudflare's edge answered for the host: the live view of the error a visitor sees.
 *
 * @param http the exchange itself (status, timings, headers)
 * @param rayId the Ray ID from the {@code cf-ray} header, without the colo, or null
 * @param colo the colo from the {@code cf-ray} header, or null
 * @param cfErrorType the {@code cf-error-type} header (present only on errors Cloudflare generated), or null
 * @param challenged true when {@code cf-mitigated: challenge} says the edge served a challenge, not an error
 * @param page what the error page or structured error in the body says (code, 1xxx code, Ray ID …), or null
 * @param errorName the structured error's {@code error_name}, or null
 * @param errorCategory the structured error's {@code error_category}, or null
 * @param retryable the structured error's {@code retryable}, or null
 * @param structuredCode the structured error's {@code error_code}, or null
 */
public record EdgeFacts(
        HttpFacts http,
        String rayId,
        String colo,
        String cfErrorType,
        boolean challenged,
        ParsedPaste page,
        String errorName,
        String errorCategory,
        Boolean retryable,
        Integer structuredCode) implements ProbeFacts {

    /**
     * The Cloudflare 1xxx code the edge gave (1000 "DNS points to prohibited IP" …): the structured error's
     * {@code error_code} when it is one, else the error page's; null when neither names one.
     */
    public Integer errorCode() {
        if (structuredCode != null && structuredCode >= 1000 && structuredCode <= 1999) {
            return structuredCode;
        }
        return page == null ? null : page.errorCode();
    }

    /** True when the edge itself made the response (a Cloudflare error page or error header). */
    public boolean cloudflareGenerated() {
        return cfErrorType != null || (page != null && page.generator() == Generator.CLOUDFLARE);
    }

    @Override
    public ProbeStatus verdict() {
        if (http.outcome() != HttpOutcome.RESPONSE) {
            return ProbeStatus.FAIL;
        }
        return http.status() < 500 ? ProbeStatus.OK : ProbeStatus.FAIL;
    }

    @Override
    public String summary() {
        if (http.outcome() != HttpOutcome.RESPONSE) {
            return "the Cloudflare edge did not answer: " + http.summary();
        }
        StringBuilder s = new StringBuilder("the edge answered ").append(http.status());
        if (rayId != null) {
            s.append(" (ray ").append(rayId).append(colo == null ? "" : "-" + colo).append(')');
        }
        if (challenged) {
            s.append(", a challenge page (not an outage)");
        }
        if (cfErrorType != null) {
            s.append(", cf-error-type ").append(cfErrorType);
        }
        if (errorCode() != null) {
            s.append(", error ").append(errorCode());
        }
        return s.toString();
    }
}
