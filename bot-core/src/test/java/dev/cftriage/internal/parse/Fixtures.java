package dev.cftriage.internal.parse;

import dev.cftriage.testing.PasteFixtures;
import java.util.List;

/** Reads the paste fixtures under {@code src/test/resources/pastes/}. */
final class Fixtures {
    /** Every fixture page, header dump, trace and JSON body (not the command tables). */
    static final List<String> PASTES = List.of("523-page.html", "521-page.html", "522-page.html", "520-page.html",
            "525-page.html", "526-page.html", "1016-page.html", "1033-page.html", "530-1033.txt",
            "523-browser-copy.txt", "522-curl-I-http11.txt", "524-curl-v-http2.txt", "521-raw-headers.txt",
            "cdn-cgi-trace.txt", "523-structured.json", "521-seed003.json", "502-origin-nginx.txt",
            "fake-523-contradictions.html", "523-colo-mismatch.txt", "classes/custom-page-box-522-frankfurt.html",
            "classes/code-only-in-links.txt", "classes/generator-header-tuples.txt", "classes/generator-header-map.txt",
            "classes/generator-json-cloudflare-error.txt", "classes/capture-console-prefixed-page.md",
            "classes/capture-list-file-prefixed-page.rsc.txt", "classes/capture-aria-snapshot.md",
            "classes/capture-chunked-raw-http.txt", "classes/fake-php-template.txt");

    private Fixtures() {
    }

    static String paste(String name) {
        return PasteFixtures.read(name);
    }
}
