package dev.cftriage.internal.net;

import dev.cftriage.input.BadInputException;
import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;
import java.net.IDN;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Normalises what a user typed as a host. Names are lower-cased, stripped of a trailing dot and converted to
 * punycode; IP literals are recognised in every spelling a browser or {@code inet_aton} accepts — dotted, short
 * ({@code 127.1}), decimal ({@code 2130706433}), octal ({@code 0177.0.0.1}), hex ({@code 0x7f000001}), bracketed
 * IPv6 with or without a zone — so that no odd spelling slips past the {@link AddressPolicy} as a "name";
 * {@code localhost} and its subdomains are the loopback address 127.0.0.1 (RFC 6761), never a name to look up.
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
        if (Texts.firstControl(text) >= 0) {
            throw new BadInputException("'" + Texts.clip(text, 60) + "' holds a control character, which no host may contain");
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
        String name = name(ascii, text);
        return localhost(name) ? new HostName.Literal(Ipv4Spellings.parse("127.0.0.1")) : new HostName.Name(name);
    }

    /**
     * Parses the host of {@code HOST[:PORT]} text as people write origins ({@code [::1]:443},
     * {@code origin.example.net:8443}, {@code 2001:db8::1}); the port is checked and then dropped.
     *
     * @throws BadInputException with a one-line reason when the port or the host is invalid
     */
    public static HostName parseWithPort(String raw) {
        if (raw == null || raw.isBlank()) {
            throw new BadInputException("no host given");
        }
        return parse(HostPort.parse(raw.strip()).host());
    }

    /** True for {@code localhost} and its subdomains, which always mean this machine (RFC 6761) and are never looked up. */
    private static boolean localhost(String name) {
        return name.equals("localhost") || name.endsWith(".localhost");
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

    /**
     * The text converted to punycode (IDNA) and lower-cased, trailing dot kept. IDNA's nameprep folds the case of
     * labels that hold non-ASCII characters; all-ASCII labels pass through unchanged and are folded here.
     */
    private static String ascii(String text) {
        if (keptByIdna(text)) {
            return Ascii.lower(text);
        }
        try {
            return Ascii.lower(IDN.toASCII(text, IDN.ALLOW_UNASSIGNED));
        } catch (IllegalArgumentException e) {
            throw new BadInputException("'" + Texts.clip(text, 60) + "' is not a valid host name: " + idnProblem(e.getMessage()));
        }
    }

    /**
     * True when IDNA would hand the text back as it is: every character is ASCII and every label is 1 to 63
     * characters long (the empty label after a trailing dot excepted). Most hosts are such names, and the IDNA
     * conversion costs more than the rest of the parse.
     */
    static boolean keptByIdna(String text) {
        int label = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 0x80) {
                return false;
            }
            if (c != '.') {
                label++;
            } else if (label == 0 || label > 63) {
                return false;
            } else {
                label = 0;
            }
        }
        return label <= 63 && (label > 0 || text.endsWith(".") && text.length() > 1);
    }

    /** One line for people saying why IDNA refused a name; never the library's exception text. */
    private static String idnProblem(String message) {
        String m = message == null ? "" : message;
        if (Ascii.containsIgnoreCase(m, "prohibited")) {
            return "it holds a character that a domain name may not contain (a space, symbol or invisible character)";
        }
        if (Ascii.containsIgnoreCase(m, "bidi")) {
            return "it mixes right-to-left and left-to-right letters in a way domain names do not allow";
        }
        if (Ascii.containsIgnoreCase(m, "too long")) {
            return "a label is longer than 63 characters once converted to punycode";
        }
        if (Ascii.containsIgnoreCase(m, "empty label")) {
            return "it has an empty label (a leading dot or two dots in a row)";
        }
        if (Ascii.containsIgnoreCase(m, "ace prefix")) {
            return "a label starts with xn-- but is not valid punycode";
        }
        return "it is not a valid international domain name";
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
