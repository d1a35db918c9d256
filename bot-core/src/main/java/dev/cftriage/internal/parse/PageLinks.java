package dev.cftriage.internal.parse;

import dev.cftriage.internal.net.Ascii;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads what the links and translation keys of Cloudflare's pages say, in any paste (markup, escaped or re-wrapped
 * copies, snapshots): the host in {@code utm_campaign=example.com}, and the code in {@code utm_source=errorcode_524},
 * a troubleshooting link ({@code …/200171936-Error-520}, {@code …/error-524/}) or a key such as
 * {@code 520_owner_desc}. These codes weigh less than a heading or a status line: they are offered after every other
 * reader, so they only fill an empty code (and contradict each other, never a stated code). Stateless; linear in the paste.
 */
final class PageLinks {
    private static final int MAX_LINKS = 16;
    private static final String SOURCE = "the page's links";

    private PageLinks() {
    }

    /** Offers the hosts the links name; {@code lower} is {@link Ascii#foldedForSearch} of {@code text}. */
    static void hosts(String text, String lower, Clues clues) {
        for (String value : parameterValues(text, lower, "utm_campaign=")) {
            String host = HostTokens.lenient(value);
            if (host != null && !HostTokens.cloudflareOwned(host)) {
                clues.host(host, "the Cloudflare link");
            }
        }
    }

    /**
     * Offers the codes the links and keys name; {@code lower} is {@link Ascii#foldedForSearch} of the paste. Parameters
     * ({@code errorcode_524}) are offered before paths ({@code /error-524/}), and paths before keys; both of the first
     * kinds are found in one pass over the paste.
     */
    static void codes(String lower, Clues clues) {
        List<Integer> pathCodes = new ArrayList<>();
        int parameters = 0;
        int parametersFrom = 0;
        for (int at = lower.indexOf("error"); at >= 0 && (parameters < MAX_LINKS || pathCodes.size() < MAX_LINKS);
                at = lower.indexOf("error", at + 5)) {
            if (lower.startsWith("code_", at + 5) && at >= parametersFrom && parameters < MAX_LINKS) {
                int end = valueEnd(lower, at + 10);
                offer(leadingCode(lower.substring(at + 10, end)), clues);
                parameters++;
                parametersFrom = end;
            } else if (lower.startsWith("-", at + 5) && pathCodes.size() < MAX_LINKS && inPath(lower, at)) {
                Integer code = leadingCode(lower.substring(at + 6, Math.min(lower.length(), at + 11)));
                if (code != null) {
                    pathCodes.add(code);
                }
            }
        }
        pathCodes.forEach(code -> offer(code, clues));
        for (int at = lower.indexOf("_owner_desc"), found = 0; at >= 0 && found < MAX_LINKS; at = lower.indexOf("_owner_desc", at + 1)) {
            int start = at - 3;
            boolean alone = start == 0 || (start > 0 && !Ascii.digit(lower.charAt(start - 1)));
            Integer code = alone ? leadingCode(lower.substring(start, at)) : null;
            if (code != null) {
                offer(code, clues);
                found++;
            }
        }
    }

    /** True when the {@code error-} at {@code at} is a path segment: after a slash, or after an article number and a dash. */
    private static boolean inPath(String lower, int at) {
        return at > 0 && (lower.charAt(at - 1) == '/' || (at > 1 && lower.charAt(at - 1) == '-' && Ascii.digit(lower.charAt(at - 2))));
    }

    private static void offer(Integer code, Clues clues) {
        if (code != null) {
            clues.weakCode(code, SOURCE);
        }
    }

    /** The 3- or 4-digit number {@code value} starts with when no digit follows it, or null. */
    private static Integer leadingCode(String value) {
        int end = 0;
        while (end < value.length() && end < 5 && Ascii.digit(value.charAt(end))) {
            end++;
        }
        return end < 3 || end > 4 ? null : Integer.parseInt(value.substring(0, end));
    }

    /** The values after each occurrence of {@code key}, up to the next URL or attribute delimiter. */
    private static List<String> parameterValues(String text, String lower, String key) {
        List<String> values = new ArrayList<>();
        int at = lower.indexOf(key);
        while (at >= 0 && values.size() < MAX_LINKS) {
            int start = at + key.length();
            int end = valueEnd(text, start);
            values.add(text.substring(start, end));
            at = lower.indexOf(key, end);
        }
        return values;
    }

    /** Where a parameter's value that starts at {@code start} ends: at the next URL or attribute delimiter. */
    private static int valueEnd(String text, int start) {
        int end = start;
        while (end < text.length() && end - start < 260 && "&\"'<> \t\r\n#\\".indexOf(text.charAt(end)) < 0) {
            end++;
        }
        return end;
    }
}
