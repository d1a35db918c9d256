package dev.cftriage.diagnose;

import java.util.Map;

/**
 * Fills {@code {name}} placeholders in the catalog's fix steps. A placeholder with no value becomes a generic
 * phrase, so a step always reads as a sentence.
 */
final class Templates {
    private static final Map<String, String> GENERIC = Map.ofEntries(
            Map.entry("host", "your host"),
            Map.entry("address", "the origin address"),
            Map.entry("addresses", "the origin addresses"),
            Map.entry("port", "the port"),
            Map.entry("ports", "the ports"),
            Map.entry("expiry", "its expiry date"),
            Map.entry("names", "the names it covers"),
            Map.entry("issuer", "its issuer"),
            Map.entry("status", "the status"),
            Map.entry("resolver", "your resolver"),
            Map.entry("nameservers", "the zone's name servers"),
            Map.entry("cnameChain", "the CNAME chain"),
            Map.entry("headerBytes", "the header size"),
            Map.entry("largestHeaderBytes", "the largest header's size"),
            Map.entry("elapsedMs", "the time taken"),
            Map.entry("timeoutMs", "the time allowed"),
            Map.entry("category", "non-public"),
            Map.entry("colo", "the data centre"),
            Map.entry("rayId", "the Ray ID"),
            Map.entry("server", "the server"),
            Map.entry("problem", "the error"),
            Map.entry("incident", "https://www.cloudflarestatus.com"));

    private Templates() {
    }

    /** The template with every {@code {name}} replaced by its value, or by a generic phrase when it has none. */
    static String fill(String template, Map<String, String> values) {
        StringBuilder out = new StringBuilder(template.length() + 32);
        int i = 0;
        while (i < template.length()) {
            char c = template.charAt(i);
            int close = c == '{' ? template.indexOf('}', i + 1) : -1;
            String name = close > i + 1 ? template.substring(i + 1, close) : null;
            if (name != null && name.chars().allMatch(Character::isLetterOrDigit)) {
                String value = values.get(name);
                out.append(value != null ? value : GENERIC.getOrDefault(name, name));
                i = close + 1;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }
}
