package dev.cftriage.internal.parse;

import dev.cftriage.internal.net.Ascii;
import dev.cftriage.internal.net.Texts;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the readers of one paste have found so far: each reader offers values with the part of the paste that
 * stated them, the first value wins, and parts that disagree are collected as contradictions. Not thread-safe;
 * one parse owns it. Every collection is bounded so that an adversarial paste cannot grow it without limit.
 */
final class Clues {
    static final int MAX_ORIGINS = 16;
    static final int MAX_HEADERS = 100;
    static final int MAX_HEADER_VALUE = 1024;
    static final int MAX_WARNINGS = 20;
    static final int MAX_CITY = 60;
    static final String SUSPICIOUS = "possibly a custom or fake error page: ";

    /** Signs of who produced the error response. */
    enum Sign {
        /** Cloudflare's error page branding (Ray ID footer, status columns, cf-error classes). */
        CLOUDFLARE_PAGE,
        /** A {@code cf-error-type} or {@code cf-error-origin} header. */
        CLOUDFLARE_ERROR_HEADER,
        /** A JSON error body only Cloudflare's edge writes. */
        CLOUDFLARE_JSON,
        /** An error page signed by a web server (nginx, Apache …) without Cloudflare branding. */
        ORIGIN_SERVER_PAGE
    }

    private final Slot<Integer> code = new Slot<>();
    private final Slot<Integer> errorCode = new Slot<>();
    private final Slot<String> rayId = new Slot<>();
    private final Slot<String> colo = new Slot<>();
    private final Slot<String> host = new Slot<>();
    private final Slot<String> zone = new Slot<>();
    private String cloudflareHost;
    private String weakHost;
    private boolean malformedRay;
    private boolean weakCodeSeen;
    private boolean weakErrorCodeSeen;
    private String coloCity;
    private String url;
    private Integer port;
    private Instant time;
    private String visitorIp;
    private String server;
    private final Set<String> origins = new LinkedHashSet<>();
    private final Map<String, String> headers = new LinkedHashMap<>();
    private final Set<PasteFormat> formats = EnumSet.noneOf(PasteFormat.class);
    private final Set<Sign> signs = EnumSet.noneOf(Sign.class);
    private final Set<String> contradictions = new LinkedHashSet<>();
    private final Set<String> notes = new LinkedHashSet<>();

    /** Offers an HTTP status (500–599) or a Cloudflare 1xxx code; other numbers are ignored. */
    void code(int value, String source) {
        if (value >= 500 && value <= 599) {
            contradiction(code.offer(value, source));
        } else if (value >= 1000 && value <= 1999) {
            contradiction(errorCode.offer(value, source));
        }
    }

    /**
     * Offers a code that weighs less than a stated one (a link's or a translation key's): it fills an empty slot,
     * and a second weak code that disagrees with it is a contradiction, but a code a heading, status line or body
     * stated always wins without one.
     */
    void weakCode(int value, String source) {
        boolean oneThousands = value >= 1000;
        boolean stated = oneThousands ? errorCode.value() != null : code.value() != null;
        boolean weakBefore = oneThousands ? weakErrorCodeSeen : weakCodeSeen;
        if (!stated || weakBefore) {
            weakCodeSeen |= !oneThousands;
            weakErrorCodeSeen |= oneThousands;
            code(value, source);
        }
    }

    /**
     * Offers what a Ray ID slot holds.
     *
     * @param explicit true when the paste labelled it a Ray ID, so that a malformed value is a contradiction
     * @return true when the value was a Ray ID
     */
    boolean ray(String slotValue, String source, boolean explicit) {
        RayIds.Ray ray = RayIds.parse(slotValue);
        if (ray == null) {
            if (explicit && !slotValue.isEmpty()) {
                malformedRay = true;
                contradiction("the Ray ID '" + Texts.clip(slotValue, 40) + "' in " + source + " is not "
                        + RayIds.HEX_DIGITS + " hex digits");
            }
            return false;
        }
        String disagreement = rayId.offer(ray.id(), source);
        if (disagreement != null && source.equals(rayId.source())) {
            note("the paste holds more than one Ray ID; using the first, " + rayId.value());
        } else {
            contradiction(disagreement);
        }
        if (ray.colo() != null) {
            colo(ray.colo(), source);
        }
        return true;
    }

    /** Offers a data centre's IATA code: three ASCII letters, anything else is ignored. */
    void colo(String iata, String source) {
        if (iata != null && iata.length() == 3 && Ascii.letters(iata)) {
            contradiction(colo.offer(Ascii.upper(iata), source));
        }
    }

    /**
     * Offers the data centre's city as the page or body shows it; a known city also offers its IATA code. Text that
     * cannot be a city — empty, longer than {@value #MAX_CITY} characters, or holding anything but letters, spaces
     * and {@code ,.-'} — is ignored.
     *
     * @return true when the text was taken as a city
     */
    boolean city(String city, String source) {
        if (!plausibleCity(city)) {
            return false;
        }
        if (coloCity == null) {
            coloCity = city;
        }
        ColoDirectory.iata(city).ifPresent(iata -> colo(iata, source + " (" + city + ")"));
        return true;
    }

    private static boolean plausibleCity(String text) {
        return !text.isEmpty() && text.length() <= MAX_CITY
                && text.chars().allMatch(c -> Character.isLetter(c) || c == ' ' || c == ',' || c == '.' || c == '-' || c == '\'');
    }

    /** Offers a normalised host; a second, different host is noted, not trusted. */
    void host(String normalised, String source) {
        if (normalised != null && host.offer(normalised, source) != null) {
            note("the paste names more than one host; using " + host.value() + ", not " + normalised);
        }
    }

    /**
     * Offers the zone a page's title names: used only when no part of the paste names the host itself (the title of
     * a page for {@code data.example.com} may name {@code example.com}).
     */
    void zone(String normalised, String source) {
        if (normalised != null) {
            zone.offer(normalised, source);
        }
    }

    /**
     * Remembers a host Cloudflare itself runs (a link to cloudflare.com): used only when the paste names no other
     * host, since such links are usually Cloudflare's page or documentation, not the user's site.
     */
    void cloudflareHost(String normalised) {
        if (cloudflareHost == null) {
            cloudflareHost = normalised;
        }
    }

    /**
     * Remembers a host that only a command's target can name ({@code localhost}, {@code 127.1}): used only when the
     * text names no other host, so that a number in a sentence never outranks a real host.
     */
    void weakHost(String normalised) {
        if (weakHost == null) {
            weakHost = normalised;
        }
    }

    /** Offers a URL: the first one gives url and port, and its host is offered. */
    void url(WebAddress address, String source) {
        if (url == null) {
            url = address.url();
            port = address.port();
        }
        host(address.host(), source);
    }

    void time(Instant t) {
        if (time == null) {
            time = t;
        }
    }

    void visitorIp(String ip) {
        if (visitorIp == null) {
            visitorIp = ip;
        }
    }

    /** Adds a normalised {@code origin=} value; returns false once the list is full. */
    boolean origin(String normalised) {
        if (origins.size() >= MAX_ORIGINS) {
            note("only the first " + MAX_ORIGINS + " origin= values are used");
            return false;
        }
        origins.add(normalised);
        return true;
    }

    /** Records a response header; the first value of each name wins. */
    void header(String name, String value) {
        String lower = Ascii.lower(name);
        if (headers.size() < MAX_HEADERS || headers.containsKey(lower)) {
            headers.putIfAbsent(lower, Texts.clip(value.strip(), MAX_HEADER_VALUE));
        }
        if (lower.equals("server") && server == null) {
            server = Ascii.lower(value.strip());
        }
    }

    void saw(PasteFormat format) {
        formats.add(format);
    }

    boolean saw(Sign sign) {
        return signs.contains(sign);
    }

    void sign(Sign sign) {
        signs.add(sign);
    }

    boolean sawAnyFormat() {
        return !formats.isEmpty();
    }

    boolean hasCode() {
        return code.value() != null;
    }

    boolean hasRayId() {
        return rayId.value() != null;
    }

    /** Marks the paste suspicious for a reason that is no disagreement between two of its parts. */
    void suspicion(String why) {
        contradiction(why);
    }

    void note(String line) {
        if (notes.size() <= MAX_WARNINGS) {
            notes.add(line);
        }
    }

    private void contradiction(String line) {
        if (line != null && contradictions.size() <= MAX_WARNINGS) {
            contradictions.add(line);
        }
    }

    /** True when some reader found a field worth reporting. */
    boolean foundAnything() {
        return code.value() != null || errorCode.value() != null || rayId.value() != null || colo.value() != null
                || coloCity != null || host.value() != null || zone.value() != null || cloudflareHost != null || weakHost != null || time != null || visitorIp != null
                || !origins.isEmpty() || !headers.isEmpty() || !contradictions.isEmpty();
    }

    /**
     * The paste as understood, in the richest format seen (or {@code fallback} when no reader claimed one).
     *
     * @param now when the paste was received, or null to leave the page's time unjudged
     */
    ParsedPaste build(PasteFormat fallback, Instant now) {
        PasteFormat format = formats.isEmpty() ? fallback : formats.iterator().next();
        boolean page = format == PasteFormat.ERROR_PAGE_HTML || format == PasteFormat.ERROR_PAGE_TEXT;
        Integer status = code.value();
        if (page && signs.contains(Sign.CLOUDFLARE_PAGE) && status != null && status >= 500 && rayId.value() == null
                && !malformedRay) {
            contradiction("the page is styled as Cloudflare's " + status + " page but carries no Ray ID");
        }
        if (now != null && time != null) {
            contradiction(Timestamps.farFrom(time, now));
        }
        String iata = colo.value();
        String city = coloCity != null ? coloCity : ColoDirectory.city(iata).orElse(null);
        boolean suspicious = !contradictions.isEmpty() && format != PasteFormat.COMMAND && format != PasteFormat.EMPTY;
        List<String> warnings = new ArrayList<>();
        for (String c : contradictions) {
            warnings.add(suspicious ? SUSPICIOUS + c : c);
        }
        warnings.addAll(notes);
        if (warnings.size() > MAX_WARNINGS) {
            int more = warnings.size() - MAX_WARNINGS + 1;
            warnings = new ArrayList<>(warnings.subList(0, MAX_WARNINGS - 1));
            warnings.add("… and " + more + " more");
        }
        String chosenHost = host.value() != null ? host.value() : zone.value();
        if (chosenHost == null && format == PasteFormat.COMMAND) {
            chosenHost = weakHost != null ? weakHost : cloudflareHost;
        }
        return new ParsedPaste(code.value(), errorCode.value(), rayId.value(), iata, city, chosenHost, url, port,
                time, visitorIp, generator(), List.copyOf(origins), format, headers, suspicious, warnings);
    }

    /** True for a 1xxx code or a 520–530 status: codes only Cloudflare's edge answers with. */
    private boolean cloudflareOnlyCode() {
        Integer c = code.value();
        return errorCode.value() != null || (c != null && c >= 520 && c <= 530);
    }

    private Generator generator() {
        if (signs.contains(Sign.CLOUDFLARE_PAGE) || signs.contains(Sign.CLOUDFLARE_ERROR_HEADER)
                || signs.contains(Sign.CLOUDFLARE_JSON)) {
            return Generator.CLOUDFLARE;
        }
        if (signs.contains(Sign.ORIGIN_SERVER_PAGE)) {
            return Generator.ORIGIN;
        }
        boolean errorStatus = code.value() != null || errorCode.value() != null;
        if (server != null && errorStatus) {
            boolean viaCloudflare = server.startsWith("cloudflare");
            if (!viaCloudflare) {
                return Generator.ORIGIN;
            }
            if (cloudflareOnlyCode()) {
                return Generator.CLOUDFLARE;
            }
        }
        return headers.containsKey("cf-ray") && cloudflareOnlyCode() ? Generator.CLOUDFLARE : Generator.UNKNOWN;
    }
}
