package dev.cftriage.internal.parse;

import dev.cftriage.internal.net.Ascii;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads HTTP response headers as {@code curl -I}, {@code curl -i}, {@code curl -v} and browsers' developer tools
 * show them: status lines ({@code HTTP/1.1 523 …}, {@code HTTP/2 523}), {@code name: value} lines in a block that
 * starts with a status line or a well-known header, curl's {@code < }/{@code > } prefixes, the request's
 * {@code Host} header and curl's {@code * Connected to host} lines. Stateless; one pass over the lines.
 */
final class HeaderReader {
    private static final Set<String> KNOWN = Set.of("server", "cf-ray", "cf-cache-status", "cf-error-type",
            "cf-error-origin", "cf-mitigated", "date", "content-type", "content-length", "location", "set-cookie",
            "cache-control", "nel", "report-to", "alt-svc", "vary", "expires", "x-powered-by", "connection",
            "strict-transport-security", "transfer-encoding", "x-frame-options", "referrer-policy", "age", "etag",
            "last-modified", "via", "x-content-type-options", "content-encoding", "cf-apo-via", "x-cache");
    private static final int MAX_NAME = 64;
    private static final int MAX_QUOTED_VALUE = 200;
    /** Headers read from a program's notation, once a quoted CF-RAY shows the text is a header dump. */
    private static final List<String> QUOTED = List.of("cf-ray", "server", "date");

    private HeaderReader() {
    }

    static void read(List<String> lines, Clues clues) {
        boolean inBlock = false;
        boolean sawErrorStatus = false;
        Integer otherStatus = null;
        for (String raw : lines) {
            if (raw.isEmpty() || raw.equals("<")) {
                inBlock = false;
                continue;
            }
            if (raw.startsWith("* ")) {
                curlInfo(raw.substring(2).strip(), clues);
                continue;
            }
            boolean request = raw.startsWith("> ") || raw.equals(">");
            String line = raw.startsWith("< ") || request ? raw.substring(Math.min(2, raw.length())).strip() : raw;
            Integer status = statusCode(line);
            if (status != null && !request) {
                clues.saw(PasteFormat.HEADERS);
                inBlock = true;
                if (status >= 500 && status <= 599 && !sawErrorStatus) {
                    sawErrorStatus = true;
                    clues.code(status, "the status line");
                } else if (status < 500 && otherStatus == null) {
                    otherStatus = status;
                }
                continue;
            }
            int colon = headerColon(line);
            if (colon < 0) {
                inBlock = inBlock && request;
                continue;
            }
            String name = Ascii.lower(line.substring(0, colon));
            String value = line.substring(colon + 1).strip();
            if (request) {
                if (name.equals("host")) {
                    clues.host(HostTokens.lenientWithPort(value), "the request's Host header");
                }
            } else if (inBlock || KNOWN.contains(name)) {
                inBlock = true;
                clues.saw(PasteFormat.HEADERS);
                header(name, value, clues);
            }
        }
        if (!sawErrorStatus && otherStatus != null) {
            clues.note("the response status is " + otherStatus + ", not a 5xx error");
        }
    }

    /**
     * Reads headers written in a program's notation rather than as lines: tuples ({@code ("CF-RAY","…")}), maps
     * ({@code "cf-ray": "…"}) and quoted options ({@code -H 'CF-RAY: …'}). Only a dump that holds a quoted
     * {@code CF-RAY} counts, so that a JSON body's {@code "server"} or {@code "date"} field is never a header.
     */
    static void quoted(String text, String lower, Clues clues) {
        if (quotedValues(text, lower, "cf-ray", 1).isEmpty()) {
            return;
        }
        for (String name : QUOTED) {
            for (String value : quotedValues(text, lower, name, 4)) {
                header(name, value, clues);
            }
        }
    }

    /** Values of a quoted header name: the name in quotes, then {@code ,}, {@code :} or {@code =>}, then a quoted value. */
    private static List<String> quotedValues(String text, String lower, String name, int max) {
        List<String> values = new ArrayList<>();
        for (int at = lower.indexOf(name); at > 0 && values.size() < max; at = lower.indexOf(name, at + name.length())) {
            char quote = text.charAt(at - 1);
            int after = at + name.length();
            if ((quote != '"' && quote != '\'') || after >= text.length()) {
                continue;
            }
            int valueStart;
            if (text.charAt(after) == ':') {
                valueStart = after + 1;
            } else if (text.charAt(after) == quote) {
                int i = skipBlanks(text, after + 1);
                if (i < text.length() && (text.charAt(i) == ',' || text.charAt(i) == ':')) {
                    i++;
                } else if (text.startsWith("=>", i)) {
                    i += 2;
                } else {
                    continue;
                }
                i = skipBlanks(text, i);
                if (i >= text.length() || text.charAt(i) != quote) {
                    continue;
                }
                valueStart = i + 1;
            } else {
                continue;
            }
            int end = valueStart;
            while (end < text.length() && end - valueStart <= MAX_QUOTED_VALUE && text.charAt(end) != quote) {
                end++;
            }
            if (end > valueStart && end < text.length() && text.charAt(end) == quote) {
                values.add(text.substring(valueStart, end).strip());
            }
        }
        return values;
    }

    private static int skipBlanks(String text, int i) {
        while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
            i++;
        }
        return i;
    }

    private static void header(String name, String value, Clues clues) {
        clues.header(name, value);
        switch (name) {
            case "cf-ray" -> clues.ray(RayIds.slotValue(value), "the cf-ray header", true);
            case "cf-error-type", "cf-error-origin" -> {
                if (!value.isEmpty()) {
                    clues.sign(Clues.Sign.CLOUDFLARE_ERROR_HEADER);
                }
            }
            case "date" -> {
                var t = Timestamps.httpDate(value);
                if (t != null) {
                    clues.time(t);
                }
            }
            case "cf-mitigated" -> {
                if (Ascii.containsIgnoreCase(value, "challenge")) {
                    clues.note("cf-mitigated: challenge — Cloudflare answered with a challenge, which is not an outage");
                }
            }
            default -> {
            }
        }
    }

    /** Reads curl's {@code Connected to host (ip) port n} and {@code Host host:port was resolved.} lines. */
    private static void curlInfo(String info, Clues clues) {
        if (!info.contains("Connected") && !info.contains("Host")) {
            return;
        }
        List<String> words = Lines.words(info);
        String host = null;
        if (words.size() >= 3 && words.get(0).equals("Connected") && words.get(1).equals("to")) {
            host = words.get(2);
        } else if (words.size() >= 2 && words.get(0).equals("Host") && info.contains("was resolved")) {
            host = words.get(1);
        }
        if (host != null) {
            clues.host(HostTokens.lenientWithPort(host), "curl's connection log");
        }
    }

    /** The status of a status line ({@code HTTP/1.1 523 Origin Is Unreachable}, {@code HTTP/2 523}), or null. */
    static Integer statusCode(String line) {
        if (!line.startsWith("HTTP/") || line.length() > 200) {
            return null;
        }
        int space = line.indexOf(' ');
        if (space < 0 || space > 10 || line.length() < space + 4) {
            return null;
        }
        String digits = line.substring(space + 1, space + 4);
        boolean threeDigits = digits.chars().allMatch(Ascii::digit);
        boolean ends = line.length() == space + 4 || line.charAt(space + 4) == ' ';
        return threeDigits && ends ? Integer.parseInt(digits) : null;
    }

    /** The index of the colon of a {@code name: value} line, or -1. */
    private static int headerColon(String line) {
        int i = 0;
        while (i < line.length() && i <= MAX_NAME && tokenChar(line.charAt(i))) {
            i++;
        }
        boolean colon = i > 0 && i < line.length() && line.charAt(i) == ':';
        boolean spaced = colon && (i + 1 == line.length() || line.charAt(i + 1) == ' ' || line.charAt(i + 1) == '\t');
        return spaced ? i : -1;
    }

    private static boolean tokenChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
    }
}
