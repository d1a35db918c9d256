package dev.cftriage.internal.net;

import dev.cftriage.input.BadInputException;
import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;
import java.net.IDN;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * Normalises what a user typed as a host. Names are lower-cased, stripped of a trailing dot and converted to
 * punycode; IP literals are recognised in every spelling a browser or {@code inet_aton} accepts — dotted, short
 * ({@code 127.1}), decimal ({@code 2130706433}), octal ({@code 0177.0.0.1}), hex ({@code 0x7f000001}), bracketed
 * IPv6 with or without a zone — so that no odd spelling slips past the {@link AddressPolicy} as a "name".
 * Never touches the network.
 */
public final class HostNames {
    /** Longest DNS name in text form. */
    public static final int MAX_NAME_LENGTH = 253;

    private HostNames() {
    }

    /**
     * Parses a host.
     *
     * @throws BadInputException with a one-line reason when the text is neither a valid name nor an IP address
     */
    public static HostName parse(String raw) {
        if (raw == null || raw.isBlank()) {
            throw new BadInputException("no host given");
        }
        String text = raw.strip();
        if (text.length() > MAX_NAME_LENGTH + 2 + 16) {
            throw new BadInputException("host is too long (" + text.length() + " characters, at most " + MAX_NAME_LENGTH + ")");
        }
        if (text.startsWith("[")) {
            if (!text.endsWith("]")) {
                throw new BadInputException("'" + Texts.clip(text, 60) + "' opens a bracket for an IPv6 address but does not close it");
            }
            return new HostName.Literal(ipv6(text.substring(1, text.length() - 1), text));
        }
        if (text.contains("://") || text.indexOf(':') >= 0 && text.indexOf(':') == text.lastIndexOf(':')) {
            throw new BadInputException("'" + Texts.clip(text, 60) + "' is a URL or has a port: give the host alone");
        }
        if (text.indexOf(':') >= 0) {
            return new HostName.Literal(ipv6(text, text));
        }
        // IDNA maps full-width digits and ideographic dots to ASCII ones: an address can hide in Unicode, so
        // the numeric test runs on the converted form.
        String ascii = ascii(text);
        if (ascii.endsWith(".")) {
            ascii = ascii.substring(0, ascii.length() - 1);
        }
        if (looksNumeric(lastLabel(ascii))) {
            InetAddress v4 = Ipv4Spellings.parse(ascii);
            if (v4 == null) {
                throw new BadInputException("'" + Texts.clip(text, 60) + "' is neither a host name nor an IPv4 address");
            }
            return new HostName.Literal(v4);
        }
        return new HostName.Name(name(ascii, text));
    }

    private static String lastLabel(String text) {
        int dot = text.lastIndexOf('.');
        return dot < 0 ? text : text.substring(dot + 1);
    }

    private static boolean looksNumeric(String label) {
        if (label.isEmpty()) {
            return false;
        }
        if (label.startsWith("0x")) {
            return label.chars().skip(2).allMatch(c -> Character.digit(c, 16) >= 0);
        }
        return label.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    private static InetAddress ipv6(String body, String original) {
        String noZone = body;
        int percent = body.indexOf('%');
        if (percent >= 0) {
            noZone = body.substring(0, percent);
        }
        IPAddress address = new IPAddressString(noZone).getAddress();
        if (address == null || !address.isIPv6() || address.isPrefixed() || !noZone.chars().allMatch(HostNames::ipv6Char)) {
            throw new BadInputException("'" + Texts.clip(original, 60) + "' is not a valid IPv6 address");
        }
        try {
            return InetAddress.getByAddress(address.getBytes());
        } catch (UnknownHostException e) {
            throw new BadInputException("'" + Texts.clip(original, 60) + "' is not a valid IP address");
        }
    }

    private static boolean ipv6Char(int c) {
        return Character.digit(c, 16) >= 0 || c == ':' || c == '.';
    }

    /** The text lower-cased and converted to punycode (IDNA), trailing dot kept. */
    private static String ascii(String text) {
        try {
            return IDN.toASCII(text.toLowerCase(Locale.ROOT), IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            throw new BadInputException("'" + Texts.clip(text, 60) + "' is not a valid host name: " + e.getMessage());
        }
    }

    private static String name(String ascii, String original) {
        if (ascii.isEmpty() || ascii.length() > MAX_NAME_LENGTH) {
            throw new BadInputException("'" + Texts.clip(original, 60) + "' is not a valid host name (length "
                    + ascii.length() + ", must be 1 to " + MAX_NAME_LENGTH + ")");
        }
        for (String label : ascii.split("\\.", -1)) {
            String problem = labelProblem(label);
            if (problem != null) {
                throw new BadInputException("'" + Texts.clip(original, 60) + "' is not a valid host name: " + problem);
            }
        }
        return ascii;
    }

    private static String labelProblem(String label) {
        if (label.isEmpty()) {
            return "empty label";
        }
        if (label.length() > 63) {
            return "label longer than 63 characters";
        }
        if (label.startsWith("-") || label.endsWith("-")) {
            return "label '" + Texts.clip(label, 30) + "' starts or ends with a hyphen";
        }
        for (int i = 0; i < label.length(); i++) {
            char c = label.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
            if (!ok) {
                return "character '" + (Character.isISOControl(c) ? "?" : String.valueOf(c)) + "' is not allowed";
            }
        }
        return null;
    }
}
