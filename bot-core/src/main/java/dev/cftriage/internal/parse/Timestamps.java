package dev.cftriage.internal.parse;

import dev.cftriage.internal.net.Ascii;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.function.Function;

/** Reads the times error pages, headers, traces and JSON bodies carry. Every method returns null for junk. */
final class Timestamps {
    private static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("2100-01-01T00:00:00Z");

    /** How long before the paste a page's time may be and still describe the error being triaged. */
    static final Duration MAX_AGE = Duration.ofDays(7);
    /** How far after the paste a page's time may be (clocks and time zones differ a little). */
    static final Duration MAX_AHEAD = Duration.ofDays(1);

    private Timestamps() {
    }

    /**
     * Why a page's time is too far from when it was pasted (an old page, or a copy whose date is frozen), or null
     * when it is close enough.
     */
    static String farFrom(Instant pageTime, Instant now) {
        if (pageTime.isBefore(now.minus(MAX_AGE))) {
            return "the page's time " + pageTime + " is " + Duration.between(pageTime, now).toDays()
                    + " days before it was pasted: an old page, or a copy whose date is frozen";
        }
        if (pageTime.isAfter(now.plus(MAX_AHEAD))) {
            return "the page's time " + pageTime + " is " + Duration.between(now, pageTime).toDays()
                    + " days after it was pasted: a page whose date is made up";
        }
        return null;
    }

    /** True for a token shaped like {@code 2024-05-01} (possibly followed by more, as in ISO 8601). */
    static boolean startsWithDate(String token) {
        if (token.length() < 10 || token.charAt(4) != '-' || token.charAt(7) != '-') {
            return false;
        }
        for (int i = 0; i < 10; i++) {
            if (i != 4 && i != 7 && !Ascii.digit(token.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** A date token and a time token as error pages print them ({@code 2024-05-01} {@code 12:00:00}, UTC). */
    static Instant pageDateTime(String date, String time) {
        if (date.length() != 10 || time.length() != 8 || !startsWithDate(date) || !clockTime(time)) {
            return null;
        }
        try {
            return sane(LocalDateTime.of(number(date, 0, 4), number(date, 5, 7), number(date, 8, 10),
                    number(time, 0, 2), number(time, 3, 5), number(time, 6, 8)).toInstant(ZoneOffset.UTC));
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** True for {@code hh:mm:ss} written with ASCII digits (the ranges are checked when the time is built). */
    private static boolean clockTime(String time) {
        for (int i = 0; i < 8; i++) {
            boolean ok = i == 2 || i == 5 ? time.charAt(i) == ':' : Ascii.digit(time.charAt(i));
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /** The ASCII digits from {@code from} to {@code to} as a number; the caller has checked they are digits. */
    private static int number(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            value = value * 10 + (text.charAt(i) - '0');
        }
        return value;
    }

    /** An ISO 8601 instant or offset date-time ({@code 2026-01-18T14:30:00Z}). */
    static Instant iso(String text) {
        return attempt(text, t -> OffsetDateTime.parse(t).toInstant());
    }

    /** An HTTP date ({@code Wed, 01 May 2024 12:00:00 GMT}). */
    static Instant httpDate(String text) {
        return attempt(text, t -> ZonedDateTime.parse(t, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
    }

    private static Instant attempt(String text, Function<String, Instant> reader) {
        if (text == null || text.length() > 40) {
            return null;
        }
        try {
            return sane(reader.apply(text.strip()));
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** Seconds since the epoch, with an optional fraction, as {@code /cdn-cgi/trace} prints {@code ts=}. */
    static Instant epochSeconds(String text) {
        if (text == null || text.isEmpty() || text.length() > 24 || !decimal(text)) {
            return null;
        }
        try {
            BigDecimal seconds = new BigDecimal(text);
            long whole = seconds.longValue();
            long nanos = seconds.subtract(BigDecimal.valueOf(whole)).movePointRight(9).longValue();
            return sane(Instant.ofEpochSecond(whole, nanos));
        } catch (NumberFormatException | ArithmeticException | DateTimeException e) {
            return null;
        }
    }

    private static boolean decimal(String text) {
        int dots = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '.') {
                dots++;
            } else if (c < '0' || c > '9') {
                return false;
            }
        }
        return dots <= 1 && text.charAt(0) != '.';
    }

    private static Instant sane(Instant t) {
        return t.isBefore(EARLIEST) || t.isAfter(LATEST) ? null : t;
    }
}
