package dev.cftriage.testing;

import dev.cftriage.report.TriageReport;

/**
 * One fault scenario of the suite: a loopback world set up in a {@link Lab}, triaged, and the cause that must
 * come first. Immutable; each run gets a lab of its own.
 *
 * @param faultClass the class of fault it belongs to, e.g. "address families"
 * @param sentence what it shows, as a sentence (the test's name)
 * @param expected the cause id that must rank first
 * @param setup starts the servers and DNS records, then triages
 * @param check further assertions on the report (evidence, code source …)
 */
public record Scenario(String faultClass, String sentence, String expected, Setup setup, Check check) {

    /** Sets up the world in the lab and returns the triage's report. */
    @FunctionalInterface
    public interface Setup {
        TriageReport triage(Lab lab) throws Exception;
    }

    /** Asserts what the report must say beyond its top cause. */
    @FunctionalInterface
    public interface Check {
        void verify(TriageReport report);
    }

    /** Runs the scenario in a fresh lab, closed afterwards. */
    public TriageReport run() throws Exception {
        try (Lab lab = new Lab()) {
            return setup.triage(lab);
        }
    }

    /** The cause ranked first, or "(none)". */
    public static String top(TriageReport report) {
        return report.causes().isEmpty() ? "(none)" : report.topCause().id();
    }

    @Override
    public String toString() {
        return sentence;
    }
}
