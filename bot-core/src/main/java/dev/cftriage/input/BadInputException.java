package dev.cftriage.input;

/**
 * Input that cf-triage cannot work with: a malformed host, an oversized paste, an unknown option value.
 * The message is one line, meant for the person who typed the input, and never contains secrets.
 */
public final class BadInputException extends IllegalArgumentException {
    public BadInputException(String message) {
        super(message);
    }
}
