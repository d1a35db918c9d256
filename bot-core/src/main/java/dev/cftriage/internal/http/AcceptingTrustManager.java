package dev.cftriage.internal.http;

import java.net.Socket;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * A trust manager for probing: it accepts every chain, so that the handshake always completes far enough to see
 * the certificate, and remembers the last server chain it was shown. Certificates are judged afterwards, on their
 * own, against {@link OriginTrust}. Being an {@link X509ExtendedTrustManager}, it also keeps the JDK from checking
 * the host name. Thread-safe; meant for one connection when its record is read.
 */
public final class AcceptingTrustManager extends X509ExtendedTrustManager {
    private volatile List<X509Certificate> presented = List.of();

    /** The server chain last presented, leaf first; empty when none was. */
    public List<X509Certificate> presented() {
        return presented;
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) {
        presented = chain == null ? List.of() : List.of(chain);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {
        checkServerTrusted(chain, authType);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
        checkServerTrusted(chain, authType);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw new CertificateException("a probe never accepts client certificates");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        checkClientTrusted(chain, authType);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        checkClientTrusted(chain, authType);
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return new X509Certificate[0];
    }
}
