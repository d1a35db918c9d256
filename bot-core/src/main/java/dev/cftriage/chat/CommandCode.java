package dev.cftriage.chat;

import dev.cftriage.internal.catalog.ErrorCatalog;
import java.util.List;

/**
 * A code that has a chat command of its own ({@code /cf520} …): the code and its short title from the catalog.
 *
 * @param code the HTTP status, e.g. 522
 * @param title the short name, e.g. "Connection timed out"
 */
public record CommandCode(int code, String title) {

    /** The codes with a command of their own, in the catalog's order; the bundled catalog is read once. */
    public static List<CommandCode> all() {
        return Loaded.CODES;
    }

    /** Reads the catalog on first use. */
    private static final class Loaded {
        static final List<CommandCode> CODES = ErrorCatalog.load().commandCodes().stream()
                .map(entry -> new CommandCode(entry.code(), entry.title())).toList();
    }
}
