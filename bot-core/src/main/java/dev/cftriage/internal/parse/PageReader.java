package dev.cftriage.internal.parse;

import dev.cftriage.internal.net.Ascii;
import java.util.List;

/**
 * Reads what makes a paste an error page: the HTML title ({@code example.com | 523: Origin is unreachable},
 * {@code Origin DNS error | example.com | Cloudflare}), Cloudflare's link parameters and markup, its footer
 * phrases, the You / Cloudflare / Host status columns (the data centre's city and the host), and the signature
 * line of a web server's own error page ({@code nginx/1.24.0}). Stateless.
 */
final class PageReader {
    private static final List<String> SERVER_SIGNATURES = List.of("nginx", "apache", "openresty", "litespeed",
            "microsoft-iis", "caddy", "envoy", "gunicorn", "tengine", "varnish", "haproxy", "iis");

    private PageReader() {
    }

    /** Reads the parts of an HTML page that only the markup holds. */
    static void markup(HtmlText page, Clues clues) {
        if (page.cloudflareMarkup()) {
            clues.sign(Clues.Sign.CLOUDFLARE_PAGE);
        }
        if (page.title() != null) {
            title(page.title(), clues);
        }
        for (int code : page.linkCodes()) {
            clues.code(code, "the Cloudflare link");
        }
        for (String host : page.linkHosts()) {
            String normalised = HostTokens.lenient(host);
            if (normalised != null && !HostTokens.cloudflareOwned(normalised)) {
                clues.host(normalised, "the Cloudflare link");
            }
        }
    }

    private static void title(String title, Clues clues) {
        for (String segment : title.split("\\|", 8)) {
            String s = segment.strip();
            int digits = 0;
            while (digits < s.length() && digits < 5 && Ascii.digit(s.charAt(digits))) {
                digits++;
            }
            boolean codeFirst = (digits == 3 || digits == 4) && (s.length() == digits || s.charAt(digits) == ':' || s.charAt(digits) == ' ');
            if (codeFirst) {
                clues.code(Integer.parseInt(s.substring(0, digits)), "the title");
            } else if (s.indexOf(' ') < 0 && HostTokens.looksLikeHost(s)) {
                String host = HostTokens.lenient(s);
                if (host != null && !HostTokens.cloudflareOwned(host)) {
                    clues.host(host, "the title");
                }
            }
        }
    }

    /** Reads the visible lines of a page (converted HTML or text copied from a browser). */
    static void read(List<String> lines, Clues clues, boolean html) {
        boolean branded = false;
        boolean columns = false;
        String signature = null;
        String headingCode = null;
        String previous = "";
        String beforePrevious = "";
        for (String line : lines) {
            if (line.isEmpty()) {
                continue;
            }
            String lower = Ascii.lower(line);
            if (lower.contains("cloudflare ray id") || lower.contains("performance & security by")) {
                branded = true;
            }
            if (outcome(lower)) {
                String label = Ascii.lower(previous);
                if (label.equals("cloudflare")) {
                    columns |= !outcome(Ascii.lower(beforePrevious))
                            && clues.city(beforePrevious, "the page's data centre");
                } else if (label.equals("host")) {
                    String host = HostTokens.lenient(beforePrevious);
                    if (host != null && !HostTokens.cloudflareOwned(host)) {
                        clues.host(host, "the page's Host column");
                    }
                    columns = true;
                }
            }
            if (signature == null && serverSignature(lower)) {
                signature = line;
            }
            if (headingCode == null && statusHeading(line)) {
                headingCode = line.substring(0, 3);
            }
            beforePrevious = previous;
            previous = line;
        }
        if (branded || columns) {
            clues.sign(Clues.Sign.CLOUDFLARE_PAGE);
        }
        boolean originPage = signature != null && headingCode != null && !clues.saw(Clues.Sign.CLOUDFLARE_PAGE);
        if (originPage) {
            clues.sign(Clues.Sign.ORIGIN_SERVER_PAGE);
        }
        if (headingCode != null && (html || originPage)) {
            clues.code(Integer.parseInt(headingCode), "the page heading");
        }
        if (!html && (branded || columns || originPage)) {
            clues.saw(PasteFormat.ERROR_PAGE_TEXT);
        }
    }

    private static boolean outcome(String lower) {
        return lower.equals("working") || lower.equals("error");
    }

    /** True for a web server's signature line: {@code nginx}, {@code nginx/1.24.0 (Ubuntu)}, {@code Apache/2.4 …}. */
    private static boolean serverSignature(String lower) {
        if (lower.length() > 120) {
            return false;
        }
        for (String name : SERVER_SIGNATURES) {
            if (lower.startsWith(name) && (lower.length() == name.length() || "/ ".indexOf(lower.charAt(name.length())) >= 0)) {
                return true;
            }
        }
        return false;
    }

    /** True for a heading like {@code 502 Bad Gateway}: a 5xx status and a reason phrase. */
    private static boolean statusHeading(String line) {
        if (line.length() < 5 || line.length() > 60 || line.charAt(0) != '5' || line.charAt(3) != ' ') {
            return false;
        }
        return Ascii.digit(line.charAt(1)) && Ascii.digit(line.charAt(2)) && Character.isUpperCase(line.charAt(4));
    }
}
