package dev.cftriage.internal.evidence;

/** Formats an address and port the way the report shows them: {@code 192.0.2.1:443}, {@code [2001:db8::1]:443}. */
public final class Endpoints {
    private Endpoints() {
    }

    /** The address and port as one token; IPv6 addresses in brackets. */
    public static String format(String address, int port) {
        return (address.indexOf(':') >= 0 ? "[" + address + "]" : address) + ":" + port;
    }
}
