package dev.cftriage.internal.parse;

/** The shape a paste was recognised as; a paste may mix several, the richest one wins. */
public enum PasteFormat {
    ERROR_PAGE_HTML("error-page-html"),
    ERROR_PAGE_TEXT("error-page-text"),
    HEADERS("headers"),
    TRACE("cdn-cgi-trace"),
    JSON("json"),
    COMMAND("command"),
    EMPTY("empty");

    private final String id;

    PasteFormat(String id) {
        this.id = id;
    }

    /** The stable identifier used in the JSON report. */
    public String id() {
        return id;
    }
}
