package dev.cftriage.internal.catalog;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The knowledge base: what each error code means and which causes it has, and what each cause is and how to fix
 * it. Read from the resources {@code catalog/codes.json} and {@code catalog/causes.json}, so adding a code is an
 * entry in a file. Immutable and thread-safe; load it once.
 */
public final class ErrorCatalog {
    /** The codes that have a chat command of their own ({@code /cf520} …). */
    private static final List<Integer> COMMAND_CODES = List.of(520, 521, 522, 523, 524, 525, 526, 527, 530);

    private final List<CodeEntry> codes;
    private final List<CauseEntry> causes;
    private final Map<Integer, CodeEntry> byCode;
    private final Map<String, CauseEntry> byId;

    /**
     * A catalog of these entries, kept in the given order.
     *
     * @throws IllegalStateException when a code or a cause id is given twice, or a code lists an unknown cause
     */
    ErrorCatalog(List<CodeEntry> codes, List<CauseEntry> causes) {
        Map<Integer, CodeEntry> byCode = new HashMap<>();
        for (CodeEntry code : codes) {
            if (byCode.put(code.code(), code) != null) {
                throw new IllegalStateException("code " + code.code() + " is in the catalog twice");
            }
        }
        Map<String, CauseEntry> byId = new HashMap<>();
        for (CauseEntry cause : causes) {
            if (byId.put(cause.id(), cause) != null) {
                throw new IllegalStateException("cause " + cause.id() + " is in the catalog twice");
            }
        }
        for (CodeEntry code : codes) {
            for (CandidateCause candidate : code.causes()) {
                if (!byId.containsKey(candidate.id())) {
                    throw new IllegalStateException("code " + code.code() + " lists unknown cause " + candidate.id());
                }
            }
        }
        this.codes = List.copyOf(codes);
        this.causes = List.copyOf(causes);
        this.byCode = Map.copyOf(byCode);
        this.byId = Map.copyOf(byId);
    }

    private record CodesFile(List<CodeEntry> codes) {
    }

    private record CausesFile(List<CauseEntry> causes) {
    }

    /** The catalog bundled with cf-triage. */
    public static ErrorCatalog load() {
        ObjectMapper json = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
        return new ErrorCatalog(read(json, "/catalog/codes.json", CodesFile.class).codes(),
                read(json, "/catalog/causes.json", CausesFile.class).causes());
    }

    private static <T> T read(ObjectMapper json, String resource, Class<T> type) {
        try (InputStream in = ErrorCatalog.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("resource " + resource + " is missing from the build");
            }
            return json.readValue(in, type);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    /** The entry for a code, if the catalog has one. */
    public Optional<CodeEntry> code(int code) {
        return Optional.ofNullable(byCode.get(code));
    }

    /** The entry for a cause id, if the catalog has one. */
    public Optional<CauseEntry> cause(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** Every code the catalog knows, in file order. */
    public List<CodeEntry> codes() {
        return codes;
    }

    /**
     * The codes that have a chat command of their own ({@code /cf520} … {@code /cf527}, {@code /cf530}), in that
     * order, with their titles for the commands' descriptions.
     *
     * @throws IllegalStateException when the catalog lacks one of them (a broken build)
     */
    public List<CodeEntry> commandCodes() {
        return COMMAND_CODES.stream().map(code -> code(code)
                .orElseThrow(() -> new IllegalStateException("the catalog has no entry for " + code))).toList();
    }

    /** Every cause the catalog knows, in file order. */
    public List<CauseEntry> causes() {
        return causes;
    }
}
