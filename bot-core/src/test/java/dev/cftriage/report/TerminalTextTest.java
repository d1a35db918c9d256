package dev.cftriage.report;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cftriage.internal.evidence.ProbeKind;
import dev.cftriage.internal.evidence.ProbeResult;
import dev.cftriage.internal.evidence.ProbeStatus;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The terminal renderers print what probed servers said (a certificate's names, an error's text): a hostile
 * origin's terminal escapes ({@code ESC [2J} clears the screen, an OSC sets the window title) and bidirectional
 * controls must reach the terminal as harmless marks, not as controls.
 */
class TerminalTextTest {
    private static final String HOSTILE = "CN=origin\u001b[2J\u001b]0;owned\u0007\u009b31m \u202Egnp.exe";

    @Test
    void neitherTerminalRendererPrintsAControlCharacterFromOutside() {
        ProbeResult tls = new ProbeResult(ProbeKind.ORIGIN_TLS, "203.0.113.7:443", ProbeStatus.FAIL, 40,
                "the certificate names " + HOSTILE, null);
        TriageReport report = Reports.report(Reports.edge(521, null), List.of(tls),
                List.of(Reports.cause("origin-cert-hostname", 0.9, true, "the origin's certificate is " + HOSTILE)));

        for (String shown : List.of(FirstScreenText.render(report), TextReport.render(report))) {
            assertTrue(shown.contains("owned"), shown);
            shown.chars().forEach(c -> assertTrue(c == '\n' || c == '\t' || !(Character.isISOControl(c)
                    || c == '\u202E'), "control U+" + Integer.toHexString(c) + " in:\n" + shown));
        }
    }
}
