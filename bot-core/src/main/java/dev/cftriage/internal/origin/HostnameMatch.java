package dev.cftriage.internal.origin;

import dev.cftriage.internal.net.AddressPolicy;
import dev.cftriage.internal.net.HostName;
import dev.cftriage.internal.net.HostNames;
import dev.cftriage.internal.net.Ascii;
import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;
import java.security.cert.X509Certificate;

/**
 * Whether a certificate covers a host, as a TLS client checks it (RFC 6125): a name against the DNS names of the
 * subject alternative names (the CN only when there are none), where {@code *} stands for exactly one whole
 * left-most label; an IP literal against the IP addresses of the subject alternative names. Stateless.
 */
final class HostnameMatch {
    private HostnameMatch() {
    }

    /** True when the certificate covers the host (a normalised name or an IP literal). */
    static boolean covers(X509Certificate cert, String host) {
        HostName parsed = HostNames.parse(host);
        if (parsed instanceof HostName.Literal literal) {
            String wanted = AddressPolicy.canonical(literal.address());
            return Certificates.ipAddresses(cert).stream().anyMatch(ip -> wanted.equals(canonical(ip)));
        }
        String name = parsed.text();
        return Certificates.dnsNames(cert).stream().anyMatch(pattern -> matches(pattern, name));
    }

    /** True when the certificate name pattern matches the (lower-case, no trailing dot) host name. */
    static boolean matches(String pattern, String name) {
        String p = Ascii.lower(pattern);
        if (p.endsWith(".")) {
            p = p.substring(0, p.length() - 1);
        }
        if (!p.startsWith("*.")) {
            return p.equals(name);
        }
        String suffix = p.substring(1);
        int firstDot = name.indexOf('.');
        return firstDot > 0 && name.substring(firstDot).equals(suffix) && suffix.indexOf('.', 1) > 0
                && suffix.indexOf('*') < 0;
    }

    private static String canonical(String ip) {
        IPAddress address = new IPAddressString(ip).getAddress();
        return address == null ? ip : AddressPolicy.canonical(address.toInetAddress());
    }
}
