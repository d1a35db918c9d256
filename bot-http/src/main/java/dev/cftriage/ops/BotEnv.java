package dev.cftriage.ops;

import dev.cftriage.input.BadInputException;
import dev.cftriage.http.LogText;
import java.util.Map;
import java.util.OptionalInt;

/** The operations settings both bots read from the environment: {@code PORT} and {@code CFTRIAGE_LOG_FORMAT}. */
public final class BotEnv {
    private BotEnv() {
    }

    /**
     * {@code PORT}: the HTTP port for the webhooks, {@code /metrics} and the health routes; empty when unset.
     *
     * @throws BadInputException when it is not a port number
     */
    public static OptionalInt port(Map<String, String> env) {
        String value = env.get("PORT");
        if (value == null || value.isBlank()) {
            return OptionalInt.empty();
        }
        String digits = value.strip();
        if (digits.length() > 5 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')
                || Integer.parseInt(digits) > 65_535) {
            throw new BadInputException("PORT must be a port number from 0 to 65535, not '" + LogText.clean(digits) + "'");
        }
        return OptionalInt.of(Integer.parseInt(digits));
    }

    /**
     * Checks {@code CFTRIAGE_LOG_FORMAT}: unset, {@code text} or {@code json} (the bots' logback.xml picks its
     * appender by this name).
     *
     * @throws BadInputException for any other value
     */
    public static void checkLogFormat(Map<String, String> env) {
        String format = env.get("CFTRIAGE_LOG_FORMAT");
        if (format != null && !format.equals("text") && !format.equals("json")) {
            throw new BadInputException("CFTRIAGE_LOG_FORMAT must be text or json, not '" + LogText.clean(format) + "'");
        }
    }
}
