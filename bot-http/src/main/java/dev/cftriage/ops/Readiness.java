package dev.cftriage.ops;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;

/**
 * What {@code /readyz} checks: named conditions (the chat connection, later the database), all of which must hold.
 * A check that throws counts as not ready. Thread-safe; checks may be added at any time and must be quick.
 */
public final class Readiness {
    private final Map<String, BooleanSupplier> checks = new ConcurrentHashMap<>();

    /** Adds (or replaces) the check named {@code name}, e.g. {@code slack}, {@code discord}, {@code database}. */
    public Readiness check(String name, BooleanSupplier ready) {
        checks.put(name, ready);
        return this;
    }

    /** The names of the checks that fail now, sorted; empty when ready. */
    public List<String> failing() {
        List<String> failing = new ArrayList<>();
        checks.forEach((name, check) -> {
            if (!holds(check)) {
                failing.add(name);
            }
        });
        failing.sort(null);
        return failing;
    }

    private static boolean holds(BooleanSupplier check) {
        try {
            return check.getAsBoolean();
        } catch (RuntimeException e) {
            return false;
        }
    }
}
