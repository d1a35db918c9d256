package dev.cftriage.internal.parse;

import dev.cftriage.internal.net.Ascii;
import dev.cftriage.input.BadInputException;
import dev.cftriage.internal.net.HostName;
import dev.cftriage.internal.net.HostNames;
import dev.cftriage.internal.net.HostPort;
import java.util.Set;

/**
 * Decides which words of a paste are meant as hosts, and normalises them with {@link HostNames}. A word counts as
 * a host attempt when it has a dot inside and ends in an alphabetic top-level label ({@code example.com}), or is a
 * dotted IPv4 address of four parts, a {@code 0x} spelling, or an IPv6 literal. File names ({@code index.html}),
 * versions ({@code v1.2.3}), abbreviations ({@code e.g.}) and e-mail addresses are not hosts. Stateless.
 */
final class HostTokens {
    /** Last labels that mark a file name rather than a host; real TLDs among them lose to the file reading. */
    private static final Set<String> FILE_EXTENSIONS = Set.of(
            "html", "htm", "php", "asp", "aspx", "jsp", "js", "mjs", "css", "json", "txt", "log", "conf", "cfg",
            "ini", "yaml", "yml", "xml", "png", "jpg", "jpeg", "gif", "svg", "ico", "webp", "csv", "pem", "crt",
            "key", "jar", "java", "py", "sh", "rb", "md", "gz", "tgz", "zip", "tar", "exe", "pdf", "toml", "lock");
    private static final Set<String> CLOUDFLARE_DOMAINS = Set.of(
            "cloudflare.com", "cloudflarestatus.com", "cloudflare-dns.com", "cloudflareinsights.com",
            "cloudflare.net", "cloudflareaccess.com");

    private HostTokens() {
    }

    /** True when the cleaned word is written like a host (valid or not). */
    static boolean looksLikeHost(String word) {
        if (word.isEmpty() || word.length() > 300 || word.indexOf('@') >= 0 || word.indexOf('/') >= 0 || word.indexOf('=') >= 0) {
            return false;
        }
        if (word.charAt(0) == '[') {
            return word.endsWith("]");
        }
        if (word.indexOf(':') >= 0) {
            return looksLikeIpv6(word);
        }
        String lower = Ascii.lower(word);
        if (lower.startsWith("0x") && (lower.indexOf('.') > 0 || lower.length() <= 10)) {
            return numericParts(lower);
        }
        int lastDot = lower.lastIndexOf('.');
        if (lastDot <= 0 || lastDot == lower.length() - 1) {
            return false;
        }
        if (numericParts(lower)) {
            return lower.split("\\.", -1).length >= 4;
        }
        String last = lower.substring(lastDot + 1);
        return topLevelLabel(last) && !FILE_EXTENSIONS.contains(last);
    }

    /** True for hosts Cloudflare itself runs: links to them inside Cloudflare's pages are not the user's host. */
    static boolean cloudflareOwned(String host) {
        for (String domain : CLOUDFLARE_DOMAINS) {
            if (host.equals(domain) || host.endsWith("." + domain)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Normalises a host the user meant.
     *
     * @throws BadInputException when it is neither a valid name nor an IP address
     */
    static String strict(String word) {
        return HostNames.parse(word).text();
    }

    /**
     * Normalises the host of {@code HOST[:PORT]} text the user meant ({@code origin=[::1]:443}).
     *
     * @throws BadInputException when the host or the port is invalid
     */
    static String strictWithPort(String text) {
        return HostNames.parseWithPort(text).text();
    }

    /**
     * True for a word that names a host only when it is typed as a command's target: {@code localhost}, or an IPv4
     * address in a spelling other than four dotted parts ({@code 127.1}, {@code 10.1.1}, {@code 2130706433},
     * {@code 0x7f000001}). In longer text such words are numbers, not hosts. Three- and four-digit numbers are
     * codes, and short decimal numbers are never addresses.
     */
    static boolean commandTargetOnly(String word) {
        String lower = Ascii.lower(word);
        if (lower.equals("localhost") || lower.equals("localhost.")) {
            return true;
        }
        boolean spelling = lower.indexOf('.') > 0 || lower.startsWith("0x") || lower.length() >= 8;
        return spelling && numericParts(lower) && lower.split("\\.", -1).length < 4;
    }

    /** The normalised host, or null when the word is not a valid name or IP address. */
    static String lenient(String word) {
        try {
            return HostNames.parse(word).text();
        } catch (BadInputException e) {
            return null;
        }
    }

    /**
     * The normalised host of {@code HOST[:PORT]} text ({@code shop.example.com:8443}, {@code [2001:db8::1]:443}),
     * or null when the host or the port is invalid.
     */
    static String lenientWithPort(String text) {
        try {
            return HostNames.parseWithPort(text).text();
        } catch (BadInputException e) {
            return null;
        }
    }

    /** The normalised IP address, or null when the word is not an IP literal. */
    static String ipLiteral(String word) {
        if (word.isEmpty() || word.length() > 60 || !(Character.isDigit(word.charAt(0)) || word.indexOf(':') >= 0)) {
            return null;
        }
        if (word.indexOf(':') < 0 && !numericParts(word)) {
            return null;
        }
        try {
            return HostNames.parse(word) instanceof HostName.Literal literal ? literal.text() : null;
        } catch (BadInputException e) {
            return null;
        }
    }

    /**
     * The normalised address a "Your IP" field shows, or null: only a dotted quad or an IPv6 literal counts, since a
     * bare number ({@code 502}) or a short spelling is no visitor's address.
     */
    static String visitorIp(String word) {
        int dots = 0;
        for (int at = word.indexOf('.'); at >= 0; at = word.indexOf('.', at + 1)) {
            dots++;
        }
        return word.indexOf(':') >= 0 || dots == 3 ? ipLiteral(word) : null;
    }

    private static boolean looksLikeIpv6(String word) {
        int colons = 0;
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (c == ':') {
                colons++;
            } else if (Character.digit(c, 16) < 0 && c != '.' && c != '%') {
                return false;
            }
        }
        return word.contains("::") || colons >= 5;
    }

    /** True when every dot-separated part is a decimal or {@code 0x} number. */
    private static boolean numericParts(String lower) {
        for (String part : lower.split("\\.", -1)) {
            String digits = part.startsWith("0x") ? part.substring(2) : part;
            int radix = part.startsWith("0x") ? 16 : 10;
            if (part.isEmpty()) {
                return false;
            }
            for (int i = 0; i < digits.length(); i++) {
                if (Character.digit(digits.charAt(i), radix) < 0) {
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean topLevelLabel(String label) {
        if (label.startsWith("xn--")) {
            return label.length() > 4;
        }
        if (label.length() < 2) {
            return false;
        }
        return label.chars().allMatch(Character::isLetter);
    }
}
