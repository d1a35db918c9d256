package dev.cftriage.incidents;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands recorded posts to the platform: each unclaimed outbox row is claimed (by exactly one process), then posted,
 * then marked posted. A post that fails is logged and not retried (at most once). The process that records posts
 * delivers them at once, in order; rows older than a lease that nobody claimed (their process died between
 * recording and posting) are delivered by whichever process looks first. Thread-safe: concurrent callers claim
 * different rows.
 */
final class Deliveries {
    private static final Logger LOG = LoggerFactory.getLogger(Deliveries.class);
    private static final int BATCH = 100;

    private final IncidentContext context;

    Deliveries(IncidentContext context) {
        this.context = context;
    }

    /** Posts the incident's recorded posts that nobody has claimed yet, oldest first. */
    void deliver(long incidentId) {
        deliver(context.jdbc().inTransaction(c -> Outbox.unclaimed(c, incidentId)));
    }

    /** Posts what processes that died left unposted. */
    void deliverLeftovers() {
        deliver(context.jdbc().inTransaction(c -> Outbox.leftovers(c, context.now().minus(context.leaseTtl()), BATCH)));
    }

    private void deliver(List<OutboxRow> rows) {
        for (OutboxRow row : rows) {
            boolean mine = context.jdbc().inTransaction(c -> Outbox.claim(c, row.id(), context.holder(), context.now()));
            if (!mine) {
                continue;
            }
            RootMessage root = context.jdbc().inTransaction(c -> IncidentStore.byId(c, row.incidentId()))
                    .map(IncidentRow::root).orElse(null);
            if (root == null) {
                continue;
            }
            try {
                if (OutboxRow.THREAD.equals(row.kind())) {
                    context.channel().postInThread(root, row.key(), row.body());
                } else {
                    context.channel().updateRootStatus(root, RootStatus.valueOf(row.kind()), row.body());
                }
                context.jdbc().inTransaction(c -> {
                    Outbox.posted(c, row.id(), context.now());
                    return null;
                });
            } catch (RuntimeException e) {
                LOG.warn("incident {}: the platform refused post {}: {}", row.incidentId(), row.key(),
                        e.getClass().getSimpleName());
            }
        }
    }
}
