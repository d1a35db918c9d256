package dev.cftriage.internal.net;

import dev.cftriage.input.BadInputException;

/**
 * A host with an optional port, split from {@code HOST[:PORT]} text as people write it: {@code example.com},
 * {@code example.com:8443}, {@code 192.0.2.1:53}, an IPv6 literal alone ({@code 2001:db8::1}) or in brackets
 * ({@code [2001:db8::1]}, {@code [2001:db8::1]:8443}). Only the port is checked here; the host is the text as
 * written, for {@link HostNames} to judge.
 *
 * @param host the host part, brackets kept, not yet validated (may be empty)
 * @param port the port, from 1 to 65535, or null when the text names none
 */
public record HostPort(String host, Integer port) {

    /**
     * Splits the text; it is not stripped. Text with two or more colons outside brackets is an IPv6 literal
     * without a port.
     *
     * @throws BadInputException with a one-line reason when a bracket is left open, something other than
     *     {@code :PORT} follows the closing bracket, or the port is not ASCII digits from 1 to 65535
     */
    public static HostPort parse(String text) {
        if (text.startsWith("[")) {
            int close = text.indexOf(']');
            if (close < 0) {
                throw new BadInputException("'" + Texts.clip(text, 60)
                        + "' opens a bracket for an IPv6 address but does not close it");
            }
            String rest = text.substring(close + 1);
            if (rest.isEmpty()) {
                return new HostPort(text, null);
            }
            if (!rest.startsWith(":")) {
                throw new BadInputException("'" + Texts.clip(text, 60) + "' has text after the bracket: expected :PORT");
            }
            return new HostPort(text.substring(0, close + 1), port(rest.substring(1)));
        }
        int colon = text.indexOf(':');
        if (colon < 0 || colon != text.lastIndexOf(':')) {
            return new HostPort(text, null);
        }
        return new HostPort(text.substring(0, colon), port(text.substring(colon + 1)));
    }

    private static int port(String text) {
        boolean digits = !text.isEmpty() && text.length() <= 5 && text.chars().allMatch(c -> c >= '0' && c <= '9');
        int port = digits ? Integer.parseInt(text) : 0;
        if (port < 1 || port > 65_535) {
            throw new BadInputException("the port '" + Texts.clip(text, 20) + "' is not a number from 1 to 65535");
        }
        return port;
    }
}
