package dev.cftriage.catalog;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
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

    private final Map<Integer, CodeEntry> codes;
    private final Map<String, CauseEntry> causes;

    ErrorCatalog(List<CodeEntry> codes, List<CauseEntry> causes) {
        Map<Integer, CodeEntry> byCode = new LinkedHashMap<>();
        codes.forEach(c -> byCode.put(c.code(), c));
        Map<String, CauseEntry> byId = new LinkedHashMap<>();
        causes.forEach(c -> byId.put(c.id(), c));
        for (CodeEntry code : codes) {
            for (CandidateCause candidate : code.causes()) {
                if (!byId.containsKey(candidate.id())) {
                    throw new IllegalStateException("code " + code.code() + " lists unknown cause " + candidate.id());
                }
            }
        }
        this.codes = Map.copyOf(byCode);
        this.causes = Map.copyOf(byId);
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
        return Optional.ofNullable(codes.get(code));
    }

    /** The entry for a cause id, if the catalog has one. */
    public Optional<CauseEntry> cause(String id) {
        return Optional.ofNullable(causes.get(id));
    }

    /** Every code the catalog knows, in file order. */
    public List<CodeEntry> codes() {
        return codes.values().stream().sorted(java.util.Comparator.comparingInt(CodeEntry::code)).toList();
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

    /** Every cause the catalog knows. */
    public List<CauseEntry> causes() {
        return causes.values().stream().sorted(java.util.Comparator.comparing(CauseEntry::id)).toList();
    }
}
