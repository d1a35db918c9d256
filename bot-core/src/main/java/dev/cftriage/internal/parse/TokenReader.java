package dev.cftriage.internal.parse;

import dev.cftriage.internal.net.Ascii;
import dev.cftriage.input.BadInputException;
import dev.cftriage.internal.net.HostPort;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads a paste word by word: labelled values ({@code Error code 523}, {@code Error 1016}, {@code Ray ID: …},
 * {@code ray …}, {@code Your IP: …}, {@code website (example.com)}), dates, {@code origin=} values and URLs
 * (including Slack's {@code <url|label>} and Discord's {@code <url>}); in free text and commands also bare
 * codes, Ray IDs and hosts. Labels may span line breaks. Stateless; linear in the number of words.
 */
final class TokenReader {
    /** How much a word may mean on its own. */
    enum Mode {
        /** A page, headers, a trace or JSON: only labelled values, URLs and origin= count. */
        STRUCTURED,
        /** Long free text: also bare hosts, Ray IDs and codes after a word like "error" or "HTTP"; invalid ones are skipped. */
        FREE,
        /** A short command or message: also bare codes; an invalid host is an error. */
        COMMAND
    }

    private static final String LEADING = "([{<\"'`*_•·|";
    private static final String TRAILING = ")]}>\"'`,;:!?.*_•·|";
    /**
     * Labels of a Ray ID. This and {@link #STATUS_LABELS}, which every word is checked against, are lists rather than
     * sets: most words are no label, and String.equals turns them away by length where a set would hash every word.
     */
    private static final List<String> RAY_LABELS = List.of("rayid", "ray-id", "ray_id", "cf-ray");
    private static final Set<String> CODE_CONTEXT = Set.of("error", "http", "status", "code");
    /** Words after a Ray ID label that may hold the Ray ID. */
    private static final int RAY_REACH = 3;
    /** Words that name a status code before {@code =} or after {@code :}: {@code statusCode = 522}, {@code "status": 502}. */
    private static final List<String> STATUS_LABELS = List.of("statuscode", "status_code", "http_status");
    /** curl options whose URL is not the request's target ({@code -e} Referer, {@code -x} proxy). */
    private static final Set<String> NOT_TARGET_OPTIONS = Set.of("-e", "--referer", "-x", "--proxy", "--preproxy");
    /** Bare hosts tried in free text before giving up, so that a hostile paste cannot make every word a lookup. */
    private static final int MAX_HOST_ATTEMPTS = 64;
    /** A bracket index not looked up yet. */
    private static final int UNKNOWN = -2;

    private TokenReader() {
    }

    /**
     * Reads the words of the lines.
     *
     * @param linesBeforeMarkup how many lines came before an HTML page's markup: URLs after them are the page's
     *        own links, not what the user asked for
     */
    static void read(List<String> lines, Clues clues, Mode mode, int linesBeforeMarkup) {
        List<String> words = new ArrayList<>();
        int wordsBeforeMarkup = Integer.MAX_VALUE;
        for (int l = 0; l < lines.size(); l++) {
            if (l == linesBeforeMarkup) {
                wordsBeforeMarkup = words.size();
            }
            words.addAll(Lines.words(lines.get(l)));
        }
        String source = mode == Mode.STRUCTURED ? "the body" : "the text";
        int hostAttempts = 0;
        boolean originsFull = false;
        for (int i = 0; i < words.size(); i++) {
            String word = unwrapChatLink(words.get(i));
            String clean = clean(word);
            String lower = Ascii.lower(clean);
            if (clean.isEmpty()) {
                continue;
            }
            boolean headerLabel = lower.equals("cf-ray") && mode == Mode.STRUCTURED;
            if (!headerLabel && (lower.equals("ray") || RAY_LABELS.contains(lower))) {
                boolean withId = lower.equals("ray") && lower(words, i + 1).equals("id");
                int at = withId ? i + 2 : i + 1;
                boolean explicit = withId || !lower.equals("ray") || mode == Mode.COMMAND || word.endsWith(":");
                int found = rayNear(words, at, clues, withId ? "the page" : source, explicit);
                if (found >= 0) {
                    i = found;
                }
                continue;
            }
            if (STATUS_LABELS.contains(lower)) {
                int at = lower(words, i + 1).equals("=") ? i + 2 : i + 1;
                String value = at < words.size() ? clean(words.get(at)) : "";
                if (digits(value, 3, 3)) {
                    clues.code(Integer.parseInt(value), "the status field");
                    i = at;
                }
                continue;
            }
            if (lower.equals("accessing") && lower(words, i - 1).equals("before")) {
                String host = i + 1 < words.size() ? HostTokens.lenient(clean(words.get(i + 1))) : null;
                clues.host(host, "the page text");
                continue;
            }
            if (lower.equals("error")) {
                int at = lower(words, i + 1).equals("code") ? i + 2 : i + 1;
                String value = at < words.size() ? clean(words.get(at)) : "";
                if (digits(value, 3, 4)) {
                    clues.code(Integer.parseInt(value), source);
                    i = at;
                }
                continue;
            }
            if (lower.equals("your") && lower(words, i + 1).equals("ip")) {
                i = visitorIp(words, i + 2, clues);
                continue;
            }
            if ((lower.equals("website") || lower.equals("domain")) && i + 1 < words.size() && words.get(i + 1).startsWith("(")) {
                clues.host(HostTokens.lenient(clean(words.get(i + 1))), "the page text");
                continue;
            }
            if (Timestamps.startsWithDate(clean)) {
                Instant t = clean.length() == 10 && i + 1 < words.size()
                        ? Timestamps.pageDateTime(clean, clean(words.get(i + 1)))
                        : Timestamps.iso(clean);
                if (t != null) {
                    clues.time(t);
                }
                continue;
            }
            if (lower.startsWith("origin=")) {
                if (!originsFull) {
                    originsFull = !origin(clean.substring(7), clues, mode);
                }
                continue;
            }
            if (WebAddress.isUrl(clean)) {
                boolean target = i < wordsBeforeMarkup && !NOT_TARGET_OPTIONS.contains(lower(words, i - 1));
                if (target) {
                    url(clean, clues, mode);
                }
                continue;
            }
            if (mode == Mode.STRUCTURED) {
                continue;
            }
            if (bareRay(clean)) {
                clues.ray(RayIds.slotValue(clean), source, false);
            } else if (digits(clean, 3, 4)) {
                bareCode(Integer.parseInt(clean), lower(words, i - 1), clues, mode);
            } else if (hostAttempts < MAX_HOST_ATTEMPTS || mode == Mode.COMMAND) {
                hostAttempts += bareHost(clean, clues, mode) ? 1 : 0;
            }
        }
    }

    /**
     * Slack writes links as {@code <url|label>} and Discord as {@code <url>}: the word the user meant. A label with
     * spaces spreads the link over several words; the first one holds the URL.
     */
    private static String unwrapChatLink(String word) {
        if (!word.startsWith("<")) {
            return word;
        }
        int close = word.indexOf('>');
        int bar = word.indexOf('|');
        if (close < 0 && bar < 0) {
            return word;
        }
        String inner = word.substring(1, close < 0 ? word.length() : close);
        bar = inner.indexOf('|');
        if (bar < 0) {
            return inner;
        }
        String label = inner.substring(bar + 1);
        boolean typedBareHost = !WebAddress.isUrl(label) && HostTokens.looksLikeHost(clean(label));
        return typedBareHost ? label : inner.substring(0, bar);
    }

    /**
     * The word without surrounding punctuation and quotes. A {@code [} that opens a bracketed IPv6 literal stays
     * ({@code [::1]}, {@code [2001:db8::1]:8443}), and so does a closing bracket whose opener is inside the word
     * ({@code origin=[2001:db8::1]}). Linear in the word: the bracket indexes are looked up once, and only for a
     * word that has a bracket to strip.
     */
    static String clean(String word) {
        if (word.isEmpty() || LEADING.indexOf(word.charAt(0)) < 0 && TRAILING.indexOf(word.charAt(word.length() - 1)) < 0) {
            return word;
        }
        int start = 0;
        int end = word.length();
        int lastClose = UNKNOWN;
        int colonBeforeClose = UNKNOWN;
        while (start < end && LEADING.indexOf(word.charAt(start)) >= 0) {
            if (word.charAt(start) == '[') {
                lastClose = lastClose == UNKNOWN ? word.lastIndexOf(']') : lastClose;
                colonBeforeClose = colonBeforeClose == UNKNOWN && lastClose >= 0 ? word.lastIndexOf(':', lastClose) : colonBeforeClose;
                if (lastClose > start + 1 && colonBeforeClose > start) {
                    break;
                }
            }
            start++;
        }
        int firstBracket = UNKNOWN;
        int firstParen = UNKNOWN;
        while (end > start && TRAILING.indexOf(word.charAt(end - 1)) >= 0) {
            char c = word.charAt(end - 1);
            if (c == ']') {
                firstBracket = firstBracket == UNKNOWN ? word.indexOf('[', start) : firstBracket;
                if (firstBracket >= 0 && firstBracket < end - 1) {
                    break;
                }
            } else if (c == ')') {
                firstParen = firstParen == UNKNOWN ? word.indexOf('(', start) : firstParen;
                if (firstParen >= 0 && firstParen < end - 1) {
                    break;
                }
            }
            end--;
        }
        return word.substring(start, end);
    }

    private static String lower(List<String> words, int i) {
        return i >= 0 && i < words.size() ? Ascii.lower(clean(words.get(i))) : "";
    }

    private static boolean digits(String s, int min, int max) {
        return s.length() >= min && s.length() <= max && s.chars().allMatch(Ascii::digit);
    }

    /**
     * Takes the first IP address among the next few words; skips "Click to reveal" and "address:", and stops at the
     * next label, so that "Your IP address: [deleted]" does not take the number after it. Only a dotted quad or an
     * IPv6 literal counts: a bare number is no visitor's address. Returns the index of the last word read, so the
     * visitor's address is never read again as a host to probe.
     */
    private static int visitorIp(List<String> words, int from, Clues clues) {
        int start = lower(words, from).equals("address") ? from + 1 : from;
        for (int j = start; j < words.size() && j < start + 6; j++) {
            String word = clean(words.get(j));
            String ip = HostTokens.visitorIp(word);
            if (ip != null) {
                clues.visitorIp(ip);
                return j;
            }
            if (word.length() > 1 && words.get(j).endsWith(":")) {
                return j - 1;
            }
        }
        return from - 1;
    }

    /**
     * Looks for a Ray ID among the few words after its label, skipping markup and prose ("the Ray ID (which is at
     * the bottom …)"); a word that ends a tag ({@code class="x">8b2e…</strong>}) is read from after the tag. A word with digits that is not shaped like a Ray ID is an attempt at one: when the label was
     * explicit, a malformed Ray ID is a contradiction.
     *
     * @return the index of the word taken, or -1
     */
    private static int rayNear(List<String> words, int from, Clues clues, String source, boolean explicit) {
        for (int j = from; j < words.size() && j < from + RAY_REACH; j++) {
            String word = words.get(j);
            int tagEnd = word.indexOf('>');
            String value = RayIds.slotValue(clean(tagEnd >= 0 ? word.substring(tagEnd + 1) : word));
            if (RayIds.parse(value) != null) {
                return clues.ray(value, source, explicit) ? j : -1;
            }
            if (value.chars().anyMatch(Ascii::digit)) {
                clues.ray(value, source, explicit);
                return -1;
            }
        }
        return -1;
    }

    /** Adds an origin= value; returns false once no more are taken. */
    private static boolean origin(String value, Clues clues, Mode mode) {
        String host = mode == Mode.COMMAND ? HostTokens.strictWithPort(value) : HostTokens.lenientWithPort(value);
        return host == null || clues.origin(host);
    }

    private static void url(String word, Clues clues, Mode mode) {
        WebAddress address = WebAddress.parse(word, mode == Mode.COMMAND);
        if (address == null) {
            return;
        }
        if (HostTokens.cloudflareOwned(address.host())) {
            cloudflareHost(address.host(), clues, mode);
        } else {
            clues.url(address, "the URL");
        }
    }

    /** Only a command may be about Cloudflare's own sites; elsewhere their links are page furniture. */
    private static void cloudflareHost(String host, Clues clues, Mode mode) {
        if (mode == Mode.COMMAND) {
            clues.cloudflareHost(host);
        }
    }

    /** A Ray ID written alone: 16 hex digits with at least one letter, or with a colo suffix. */
    private static boolean bareRay(String word) {
        if (word.length() != RayIds.HEX_DIGITS && word.length() != RayIds.HEX_DIGITS + 4) {
            return false;
        }
        RayIds.Ray ray = RayIds.parse(word);
        return ray != null && (ray.colo() != null || ray.id().chars().anyMatch(Character::isLetter));
    }

    private static void bareCode(int value, String previous, Clues clues, Mode mode) {
        boolean inContext = CODE_CONTEXT.contains(previous) || previous.startsWith("http/");
        boolean plausible = (value >= 500 && value <= 530) || (value >= 1000 && value <= 1999);
        if (plausible && (mode == Mode.COMMAND || inContext)) {
            clues.code(value, "the text");
        }
    }

    /** Offers a word written like a host; returns true when the word was a host attempt. */
    private static boolean bareHost(String word, Clues clues, Mode mode) {
        String candidate = word;
        int slash = candidate.indexOf('/');
        if (slash > 0) {
            candidate = candidate.substring(0, slash);
        }
        try {
            candidate = HostPort.parse(candidate).host();
        } catch (BadInputException e) {
            return false;
        }
        if (mode == Mode.COMMAND && HostTokens.commandTargetOnly(candidate)) {
            clues.weakHost(HostTokens.lenient(candidate));
            return true;
        }
        if (!HostTokens.looksLikeHost(candidate)) {
            return false;
        }
        String host = mode == Mode.COMMAND ? HostTokens.strict(candidate) : HostTokens.lenient(candidate);
        if (host != null && HostTokens.cloudflareOwned(host)) {
            cloudflareHost(host, clues, mode);
        } else if (host != null) {
            clues.host(host, "the text");
        }
        return true;
    }
}
