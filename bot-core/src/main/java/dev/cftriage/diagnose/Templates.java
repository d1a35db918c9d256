package dev.cftriage.diagnose;

import dev.cftriage.net.CloudflarePorts;
import dev.cftriage.parse.Ascii;
import java.util.Map;

/**
 * Fills {@code {name}} placeholders in the catalog's fix steps. A placeholder with no value becomes a slot such as
 * {@code <origin address>}, the way command templates are written, for the reader to fill in. {@code {scheme}}
 * always agrees with {@code {port}}: {@code http} for a port Cloudflare proxies over plain HTTP, {@code https}
 * otherwise, so that no step suggests {@code https://host:80/}.
 */
final class Templates {
    private static final Map<String, String> GENERIC = Map.ofEntries(
            Map.entry("host", "<host>"),
            Map.entry("address", "<origin address>"),
            Map.entry("addresses", "<origin addresses>"),
            Map.entry("port", "<port>"),
            Map.entry("scheme", "https"),
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
                String value = name.equals("scheme") ? scheme(values.get("port")) : values.get(name);
                out.append(value != null ? value : GENERIC.getOrDefault(name, name));
                i = close + 1;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    /** The scheme for the port's value: http on a port Cloudflare proxies over plain HTTP, else https; null without a port. */
    private static String scheme(String port) {
        if (port == null || port.isEmpty() || port.length() > 5 || !port.chars().allMatch(Ascii::digit)) {
            return null;
        }
        return CloudflarePorts.HTTP.contains(Integer.parseInt(port)) ? "http" : "https";
    }
}
