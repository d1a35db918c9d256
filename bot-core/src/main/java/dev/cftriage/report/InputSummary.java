package dev.cftriage.report;

import dev.cftriage.internal.parse.Generator;
import dev.cftriage.internal.parse.PasteFormat;
import dev.cftriage.internal.parse.ParsedPaste;
import dev.cftriage.internal.parse.PasteParser;
import java.time.Instant;
import java.util.List;

/**
 * What the report took from the input: the paste as understood, plus the code a command named. Fields are null
 * when unknown (the JSON keeps them, as null).
 */
public record InputSummary(
        Integer code,
        Integer errorCode,
        String rayId,
        String colo,
        String coloCity,
        String host,
        String url,
        Instant time,
        String visitorIp,
        Generator generator,
        PasteFormat format,
        List<String> origins,
        boolean suspicious,
        List<String> warnings) {

    /** The largest paste, in chars, that is read; a larger one is refused as bad input. */
    public static final int MAX_PASTE_CHARS = PasteParser.MAX_PASTE_CHARS;

    public InputSummary {
        origins = List.copyOf(origins);
        warnings = List.copyOf(warnings);
    }

    /**
     * The summary of a paste as the parser reads it, with no command code and no origins.
     *
     * @throws dev.cftriage.input.BadInputException when the paste is larger than the parser takes
     */
    public static InputSummary of(String paste) {
        return of(PasteParser.parse(paste), null, List.of());
    }

    /** The summary of a parsed paste, with the code replaced when a command named one. */
    public static InputSummary of(ParsedPaste p, Integer commandCode, List<String> origins) {
        return new InputSummary(commandCode != null ? commandCode : p.code(), p.errorCode(), p.rayId(), p.colo(),
                p.coloCity(), p.host(), p.url(), p.time(), p.visitorIp(), p.generator(), p.format(), origins,
                p.suspicious(), p.warnings());
    }
}
