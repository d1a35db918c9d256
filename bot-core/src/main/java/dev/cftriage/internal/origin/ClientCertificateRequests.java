package dev.cftriage.internal.origin;

import java.net.Socket;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedKeyManager;

/**
 * A key manager for probing that holds no certificate and remembers whether the server asked for one: the JDK asks
 * the key manager for a client alias only when the server sent a CertificateRequest, the mark of an origin that
 * demands client certificates (Authenticated Origin Pulls). Thread-safe; meant for one connection.
 */
final class ClientCertificateRequests extends X509ExtendedKeyManager {
    private volatile boolean requested;

    /** True when the server asked for a client certificate during the handshake. */
    boolean requested() {
        return requested;
    }

    @Override
    public String chooseClientAlias(String[] keyType, Principal[] issuers, Socket socket) {
        requested = true;
        return null;
    }

    @Override
    public String chooseEngineClientAlias(String[] keyType, Principal[] issuers, SSLEngine engine) {
        requested = true;
        return null;
    }

    @Override
    public String[] getClientAliases(String keyType, Principal[] issuers) {
        return null;
    }

    @Override
    public String[] getServerAliases(String keyType, Principal[] issuers) {
        return null;
    }

    @Override
    public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
        return null;
    }

    @Override
    public X509Certificate[] getCertificateChain(String alias) {
        return null;
    }

    @Override
    public PrivateKey getPrivateKey(String alias) {
        return null;
    }
}
