package dev.cftriage.internal.parse;

import java.util.Objects;

/**
 * One field of a paste that several parts of it may state: the first value offered wins, and a later different
 * value is reported as a disagreement naming both sources. Not thread-safe; one parse owns it.
 *
 * @param <T> the field's type
 */
final class Slot<T> {
    private T value;
    private String source;

    /** The value first offered, or null. */
    T value() {
        return value;
    }

    /** The part of the paste that stated the value, or null. */
    String source() {
        return source;
    }

    /**
     * Offers a value stated by {@code source} ("the title", "the cf-ray header" …).
     *
     * @return null when the value is the first or agrees with it, else a one-line description of the disagreement
     */
    String offer(T offered, String offeredBy) {
        if (offered == null) {
            return null;
        }
        if (value == null) {
            value = offered;
            source = offeredBy;
            return null;
        }
        if (Objects.equals(value, offered)) {
            return null;
        }
        return source.equals(offeredBy)
                ? offeredBy + " says both " + value + " and " + offered
                : source + " says " + value + " but " + offeredBy + " says " + offered;
    }
}
