package dev.cftriage.incidents;

import java.util.ArrayList;
import java.util.List;

/**
 * A chat platform that records what incident mode tells it, in order; one instance may stand for the same
 * workspace across a simulated restart. Thread-safe.
 */
final class FakeChannel implements IncidentChannel {
    /** One thing told: a thread post or a status mark. */
    record Told(String kind, RootMessage root, String key, String text) {
    }

    private final List<Told> told = new ArrayList<>();
    private int permalinks;

    @Override
    public synchronized void postInThread(RootMessage root, String key, String text) {
        told.add(new Told("thread", root, key, text));
    }

    @Override
    public synchronized void updateRootStatus(RootMessage root, RootStatus status, String text) {
        told.add(new Told(status.name(), root, null, text));
    }

    @Override
    public synchronized String permalink(RootMessage root) {
        permalinks++;
        return "https://chat.invalid/archives/" + root.channel() + "/p" + root.message();
    }

    synchronized List<Told> told() {
        return List.copyOf(told);
    }

    synchronized List<String> threadTexts() {
        return told.stream().filter(t -> t.kind().equals("thread")).map(Told::text).toList();
    }

    synchronized List<String> marks() {
        return told.stream().filter(t -> !t.kind().equals("thread")).map(Told::kind).toList();
    }

    synchronized int permalinks() {
        return permalinks;
    }
}
