package dev.cftriage.internal.origin;

import java.io.Closeable;
import java.io.IOException;

/** Closing what a probe opened when a failure to close says nothing about the target. */
final class Quietly {
    private Quietly() {
    }

    /** Closes the resource, ignoring an error: the socket is gone either way. */
    static void close(Closeable resource) {
        try {
            resource.close();
        } catch (IOException e) {
            // nothing to report: the probe's facts are already complete
        }
    }
}
