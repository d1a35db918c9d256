package dev.cftriage.chat;

/**
 * How much of a report a chat platform shows before the reader asks for more: the lines of "Not checked" beside the
 * verdict, the other candidates listed one line each in the details, and the probe rows in the details' table. The
 * rest is counted and shown on demand ("Show all causes", the support bundle).
 *
 * @param notChecked lines of "Not checked" shown with the verdict
 * @param candidates other candidates listed in the details
 * @param probes probe rows in the details
 */
public record FirstScreen(int notChecked, int candidates, int probes) {
    /** What every chat platform shows. */
    public static final FirstScreen CHAT = new FirstScreen(3, 5, 12);

    public FirstScreen {
        if (notChecked < 1 || candidates < 1 || probes < 1) {
            throw new IllegalArgumentException("a first screen shows at least one of each");
        }
    }
}
