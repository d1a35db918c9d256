package dev.cftriage.incidents;

import dev.cftriage.TriageRequest;
import dev.cftriage.report.TriageReport;
import java.util.ArrayList;
import java.util.List;

/** An incident channel for the alerts webhook that records what it is told, in order. Thread-safe. */
final class FakeAlertResponder implements AlertResponder {
    /** One thing posted: a root line, a thread line, a report (its host as the line) or a channel notice. */
    record Posted(String kind, RootMessage root, String line, TriageReport report) {
    }

    private final List<Posted> posted = new ArrayList<>();
    private int roots;

    @Override
    public String channel() {
        return "C0ALERTS";
    }

    @Override
    public synchronized RootMessage postRoot(String line) {
        RootMessage root = new RootMessage(channel(), "root-" + ++roots);
        posted.add(new Posted("root", root, line, null));
        return root;
    }

    @Override
    public synchronized void postReport(RootMessage root, TriageRequest request, TriageReport report, Filed filed) {
        posted.add(new Posted("report", root, report.input().host(), report));
    }

    @Override
    public synchronized void postInThread(RootMessage root, String line) {
        posted.add(new Posted("thread", root, line, null));
    }

    @Override
    public synchronized void postNotice(String line) {
        posted.add(new Posted("notice", null, line, null));
    }

    synchronized List<Posted> posted() {
        return List.copyOf(posted);
    }

    /** The lines of one kind, in order. */
    synchronized List<String> lines(String kind) {
        return posted.stream().filter(p -> p.kind().equals(kind)).map(Posted::line).toList();
    }

    /** The reports posted, in order. */
    synchronized List<TriageReport> reports() {
        return posted.stream().filter(p -> p.kind().equals("report")).map(Posted::report).toList();
    }
}
