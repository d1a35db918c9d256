package dev.cftriage.internal.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TimestampsTest {

    @ParameterizedTest(name = "{0} {1} is {2}")
    @CsvSource({
            "2024-05-01, 12:00:00, 2024-05-01T12:00:00Z",
            "2016-06-09, 23:59:59, 2016-06-09T23:59:59Z",
            "2024-02-29, 00:00:00, 2024-02-29T00:00:00Z"})
    void aPageDateAndTimeReadAsUtc(String date, String time, String expected) {
        assertEquals(Instant.parse(expected), Timestamps.pageDateTime(date, time));
    }

    @ParameterizedTest(name = "{0} {1} is no time")
    @CsvSource({
            "2023-02-29, 12:00:00",
            "2024-13-01, 12:00:00",
            "2024-00-10, 12:00:00",
            "2024-05-01, 24:00:00",
            "2024-05-01, 12:60:00",
            "2024-05-01, 12:00:60",
            "2024-05-01, 12:00:0x",
            "2024-05-01, 12-00-00",
            "2024-05-01, 12:00:001",
            "1999-12-31, 12:00:00",
            "'２０２４-05-01', 12:00:00",
            "2024-05-01, '１2:00:00'"})
    void anImpossibleOrOutOfRangePageTimeIsNull(String date, String time) {
        assertNull(Timestamps.pageDateTime(date, time));
    }
}
