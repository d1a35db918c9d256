package dev.cftriage.slack;

import dev.cftriage.http.Authentication;
import dev.cftriage.http.Authenticator;
import dev.cftriage.http.IncomingRequest;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Slack's request signing ({@code X-Slack-Signature: v0=HMAC-SHA256(secret, "v0:" + timestamp + ":" + body)}),
 * checked before anything parses the body. The headers alone are checked first: a request without them, or whose
 * {@code X-Slack-Request-Timestamp} is more than {@link #WINDOW} from now in either direction, is refused without
 * its body being read. The signature is compared in constant time. Thread-safe.
 */
final class SlackSignatureCheck implements Authenticator {
    /** How far a request's timestamp may be from now, either way. */
    static final Duration WINDOW = Duration.ofMinutes(5);
    static final String SIGNATURE = "X-Slack-Signature";
    static final String TIMESTAMP = "X-Slack-Request-Timestamp";

    private final SecretKeySpec key;
    private final Clock clock;

    SlackSignatureCheck(String signingSecret, Clock clock) {
        this.key = new SecretKeySpec(signingSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
        this.clock = clock;
    }

    @Override
    public Authentication beforeBody(IncomingRequest request) {
        String signature = request.header(SIGNATURE);
        String timestamp = request.header(TIMESTAMP);
        if (signature == null || timestamp == null) {
            return Authentication.refused("no Slack signature");
        }
        if (timestamp.isEmpty() || timestamp.length() > 12 || !timestamp.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return Authentication.refused("malformed Slack timestamp");
        }
        long skew = Math.abs(clock.instant().getEpochSecond() - Long.parseLong(timestamp));
        return skew > WINDOW.toSeconds() ? Authentication.refused("Slack timestamp outside 5 minutes")
                : Authentication.accepted();
    }

    @Override
    public Authentication check(IncomingRequest request, byte[] body) {
        Authentication headers = beforeBody(request);
        if (headers instanceof Authentication.Refused) {
            return headers;
        }
        byte[] expected = ("v0=" + HexFormat.of().formatHex(mac(request.header(TIMESTAMP), body)))
                .getBytes(StandardCharsets.US_ASCII);
        byte[] given = request.header(SIGNATURE).getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(expected, given) ? Authentication.accepted()
                : Authentication.refused("wrong Slack signature");
    }

    private byte[] mac(String timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update(("v0:" + timestamp + ":").getBytes(StandardCharsets.US_ASCII));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
        }
    }
}
