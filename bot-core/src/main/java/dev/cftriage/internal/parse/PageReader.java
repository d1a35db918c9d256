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
    private static final int LONGEST_SIGNATURE = SERVER_SIGNATURES.stream().mapToInt(String::length).max().orElseThrow();

    /** A 1xxx page's title: {@code Access denied | example.com used Cloudflare to restrict access}. */
    private static final String RESTRICTED = " used cloudflare to restrict access";

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
    }

    private static void title(String title, Clues clues) {
        int lastSpace = title.lastIndexOf(' ');
        if (title.indexOf('|') < 0 && lastSpace > 0 && HostTokens.looksLikeHost(title.substring(lastSpace + 1))) {
            clues.zone(HostTokens.lenient(title.substring(lastSpace + 1)), "the title");
        }
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
                clues.zone(HostTokens.lenient(s), "the title");
            } else if (Ascii.endsWithIgnoreCase(s, RESTRICTED) && s.indexOf(' ') > 0) {
                clues.host(HostTokens.lenient(s.substring(0, s.indexOf(' '))), "the title");
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
            if (rayHeadline(lower)) {
                clues.sign(Clues.Sign.CLOUDFLARE_PAGE);
            }
            branded |= ErrorBox.read(line, clues);
            if (outcome(lower) || outcomeWord(firstWord(line))) {
                String label = Ascii.lower(previous);
                String box = afterOutcome(beforePrevious);
                if (label.equals("cloudflare")) {
                    columns |= !outcomeWord(box) && clues.city(box, "the page's data centre");
                } else if (label.equals("host")) {
                    String host = HostTokens.lenient(box);
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

    /**
     * A status column's box without the previous column's status before it: a snapshot writes
     * {@code Working c.example.com} on one line.
     */
    private static String afterOutcome(String line) {
        int space = line.indexOf(' ');
        return space > 0 && outcomeWord(line.substring(0, space)) ? line.substring(space + 1).strip() : line;
    }

    private static String firstWord(String line) {
        int space = line.indexOf(' ');
        return space < 0 ? line : line.substring(0, space);
    }

    /** {@link #outcome} for text in any case, without case-folding the whole text. */
    private static boolean outcomeWord(String text) {
        return text.regionMatches(true, 0, "working", 0, 7) && text.length() == 7
                || text.regionMatches(true, 0, "error", 0, 5) && text.length() == 5;
    }

    /** True for the headline of Cloudflare's pages as copied: {@code Error 522 Ray ID: 2b06db3818810da9 • 2016-06-09 …}. */
    private static boolean rayHeadline(String lower) {
        if (!lower.startsWith("error ")) {
            return false;
        }
        int digits = 6;
        while (digits < lower.length() && Ascii.digit(lower.charAt(digits))) {
            digits++;
        }
        return (digits == 9 || digits == 10) && lower.startsWith(" ray id: ", digits);
    }

    /** True for a web server's signature line: {@code nginx}, {@code nginx/1.24.0 (Ubuntu)}, {@code Apache/2.4 …}. */
    private static boolean serverSignature(String lower) {
        if (lower.length() > 120) {
            return false;
        }
        int end = 0;
        while (end < lower.length() && end <= LONGEST_SIGNATURE && lower.charAt(end) != '/' && lower.charAt(end) != ' ') {
            end++;
        }
        return end <= LONGEST_SIGNATURE && SERVER_SIGNATURES.contains(lower.substring(0, end));
    }

    /** True for a heading like {@code 502 Bad Gateway}: a 5xx status and a reason phrase. */
    private static boolean statusHeading(String line) {
        if (line.length() < 5 || line.length() > 60 || line.charAt(0) != '5' || line.charAt(3) != ' ') {
            return false;
        }
        return Ascii.digit(line.charAt(1)) && Ascii.digit(line.charAt(2)) && Character.isUpperCase(line.charAt(4));
    }
}
