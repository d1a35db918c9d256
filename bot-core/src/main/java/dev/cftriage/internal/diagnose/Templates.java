package dev.cftriage.internal.diagnose;

import java.util.Map;

/**
 * Fills {@code {name}} placeholders in the catalog's fix steps. A placeholder with no value becomes a slot such as
 * {@code <origin address>}, the way command templates are written, for the reader to fill in.
 */
final class Templates {
    private static final Map<String, String> GENERIC = Map.ofEntries(
            Map.entry("host", "<host>"),
            Map.entry("address", "<origin address>"),
            Map.entry("addresses", "<origin addresses>"),
            Map.entry("port", "<port>"),
            Map.entry("ports", "<ports>"),
            Map.entry("expiry", "<expiry date>"),
            Map.entry("names", "<names on the certificate>"),
            Map.entry("issuer", "<issuer>"),
            Map.entry("status", "<status>"),
            Map.entry("resolver", "<resolver>"),
            Map.entry("nameservers", "<name servers>"),
            Map.entry("cnameChain", "<CNAME chain>"),
            Map.entry("headerBytes", "<header bytes>"),
            Map.entry("largestHeaderBytes", "<largest header bytes>"),
            Map.entry("elapsedMs", "<time taken>"),
            Map.entry("timeoutMs", "<time allowed>"),
            Map.entry("category", "<kind of address>"),
            Map.entry("colo", "<data centre>"),
            Map.entry("rayId", "<Ray ID>"),
            Map.entry("server", "<server>"),
            Map.entry("problem", "<error>"),
            Map.entry("mode", "<the SSL/TLS mode the origin's ports fit>"),
            Map.entry("incident", "https://www.cloudflarestatus.com"));

    private Templates() {
    }

    /** The template with every {@code {name}} replaced by its value, or by a slot such as {@code <port>} when it has none. */
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
