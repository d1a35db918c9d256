package dev.cftriage.internal.parse;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.cftriage.input.BadInputException;
import java.time.Duration;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.StringLength;

class PasteParserPropertiesTest {
    private static final Duration HANG_GUARD = Duration.ofSeconds(5);

    /** Parses, allowing only BadInputException, within the hang guard. */
    private static void parsesSafely(String paste) {
        assertTimeoutPreemptively(HANG_GUARD, () -> {
            try {
                PasteParser.parse(paste);
            } catch (BadInputException expected) {
                // a clear rejection is an allowed outcome
            }
        });
    }

    @Property(tries = 300)
    void randomStringsNeverCrashTheParser(@ForAll @StringLength(max = 2000) String paste) {
        parsesSafely(paste);
    }

    @Property(tries = 300)
    void wordSoupOfPasteVocabularyNeverCrashesTheParser(@ForAll("vocabularySoup") String paste) {
        parsesSafely(paste);
    }

    @Property(tries = 200)
    void mutatedFixturePagesNeverCrashTheParser(@ForAll("mutatedFixtures") String paste) {
        parsesSafely(paste);
    }

    @Provide
    Arbitrary<String> vocabularySoup() {
        List<String> words = List.of("523", "1016", "Error", "code", "Ray", "ID:", "ray", "cf-ray:", "origin=",
                "origin=[", "https://", "<https://a.example|", ">", "example.com", "exa..mple.com", "0x7f.1", "::",
                "[2001:db8::1]", "8b2e5f3a1c9d4e7f-FRA", "Your", "IP:", "Cloudflare", "Working", "Error", "Host",
                "HTTP/2", "server:", "{", "}", "\"ray_id\":", "<title>", "</title>", "&bull;", "&#", "\n", "\n\n",
                "2026-01-18", "14:30:00", "website", "(", ")", "|", "#>", "- text:", "- strong:", "- /url:",
                "add list=x address=", "Error reference number:", "Cloudflare Location:", "Requested URL:",
                "(\"CF-RAY\",\"", "\"cf-ray\": \"", "<?php", "{{", "::CLOUDFLARE_ERROR_500S_BOX::",
                "utm_campaign=", "utm_source=errorcode_", "/error-524/", "520_owner_desc", "=\\\"", "\\n",
                "Transfer-Encoding: chunked", "169f", "statusCode", "=", "before", "accessing", "-e");
        return Arbitraries.of(words).list().ofMaxSize(200).map(list -> String.join(" ", list));
    }

    @Provide
    Arbitrary<String> mutatedFixtures() {
        Arbitrary<String> base = Arbitraries.of(Fixtures.PASTES).map(Fixtures::paste);
        Arbitrary<List<Mutation>> mutations = Combinators.combine(
                        Arbitraries.of(MutationKind.values()),
                        Arbitraries.doubles().between(0, 1),
                        Arbitraries.doubles().between(0, 1),
                        Arbitraries.integers().between(1, 400))
                .as(Mutation::new)
                .list().ofMinSize(1).ofMaxSize(8);
        return Combinators.combine(base, mutations).as((text, list) -> {
            String out = text;
            for (Mutation m : list) {
                out = m.apply(out);
            }
            return out;
        });
    }

    private enum MutationKind { DELETE, DUPLICATE, INSERT_ELSEWHERE }

    /** One edit of a fixture: a slice at a relative position, deleted, duplicated in place, or copied elsewhere. */
    private record Mutation(MutationKind kind, double from, double to, int length) {
        String apply(String text) {
            if (text.isEmpty()) {
                return text;
            }
            int start = (int) (from * text.length());
            int end = Math.min(text.length(), start + length);
            String slice = text.substring(start, end);
            return switch (kind) {
                case DELETE -> text.substring(0, start) + text.substring(end);
                case DUPLICATE -> text.substring(0, end) + slice + text.substring(end);
                case INSERT_ELSEWHERE -> {
                    int at = (int) (to * text.length());
                    yield text.substring(0, at) + slice + text.substring(at);
                }
            };
        }
    }
}
