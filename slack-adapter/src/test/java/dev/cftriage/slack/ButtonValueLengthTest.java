package dev.cftriage.slack;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A button's value stays within Slack's 2,000 characters for any URL a paste held, also when JSON escaping doubles
 * its characters (a path of backslashes or quotes): a longer value makes Slack refuse the whole report.
 */
class ButtonValueLengthTest {

    @ParameterizedTest
    @ValueSource(strings = {"\\", "\""})
    void aUrlWhoseCharactersJsonEscapesStillFitsTheButtonValue(String doubled) {
        String value = ReportButtons.value(SampleReports.refused("example.com/" + doubled.repeat(1_500)));

        assertTrue(value.length() <= ReportButtons.MAX_VALUE_CHARS, "a value of " + value.length() + " characters");
        assertTrue(ReportButtons.request(value).text().startsWith("https://example.com/" + doubled),
                "the value still carries the URL");
    }
}
