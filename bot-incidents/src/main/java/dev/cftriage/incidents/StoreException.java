package dev.cftriage.incidents;

import java.sql.SQLException;

/** The incident store failed (the database is unreachable or refused a statement). Unchecked. */
public final class StoreException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    StoreException(SQLException cause) {
        super("the incident store failed: " + Texts.clip(String.valueOf(cause.getMessage()).lines().findFirst().orElse(""), 300),
                cause);
    }

    /** True when the failure was a unique constraint (another process wrote the same key first). */
    boolean uniqueViolation() {
        return getCause() instanceof SQLException sql && Jdbc.UNIQUE_VIOLATION.equals(sql.getSQLState());
    }
}
