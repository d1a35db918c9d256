package dev.cftriage.internal.http;

/** Reads an exception's cause chain, where socket and TLS errors hide what really happened. Stateless. */
public final class Causes {
    private Causes() {
    }

    /** True when the exception or one of its causes is of the type. */
    public static boolean include(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    /** The distinct messages of the exception and its causes, joined with ": "; the class name when none has one. */
    public static String messages(Throwable e) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null && all.indexOf(t.getMessage()) < 0) {
                all.append(all.length() == 0 ? "" : ": ").append(t.getMessage());
            }
        }
        return all.length() == 0 ? e.getClass().getSimpleName() : all.toString();
    }
}
