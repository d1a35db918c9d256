package dev.cftriage.internal.parse;

import dev.cftriage.internal.net.Ascii;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads the text out of an ARIA snapshot as Playwright writes it in its error reports (a YAML list:
 * {@code - heading "Connection timed out Error code 522" [level=1]}, {@code - text: Ashburn},
 * {@code - strong: a1d752c93f02d70b}, {@code - /url: https://…}): each node becomes the line a browser would show
 * (its name, else its text); a node the same as the one before (a heading's link) is dropped, and link targets are
 * moved after the snapshot so that they do not split the page's columns. Stateless; linear.
 */
final class AriaSnapshot {
    /** ARIA roles Playwright writes, and its {@code /url} property; a Markdown list's {@code - Name: …} is no node. */
    private static final Set<String> ROLES = Set.of("/url", "alert", "article", "banner", "blockquote", "button",
            "cell", "code", "columnheader", "complementary", "contentinfo", "definition", "dialog", "document",
            "emphasis", "figure", "form", "generic", "group", "heading", "img", "link", "list", "listitem", "main",
            "navigation", "note", "paragraph", "region", "row", "rowheader", "search", "separator", "status",
            "strong", "table", "term", "text", "time");

    private AriaSnapshot() {
    }

    /** The lines with a snapshot's nodes read as text; fewer than {@link Captures#MIN_SNAPSHOT_LINES} nodes change nothing. */
    static List<String> lines(List<String> lines) {
        int nodes = 0;
        for (String line : lines) {
            if (node(line) != null) {
                nodes++;
            }
        }
        if (nodes < Captures.MIN_SNAPSHOT_LINES) {
            return lines;
        }
        List<String> out = new ArrayList<>(lines.size());
        List<String> targets = new ArrayList<>();
        String previous = null;
        for (String line : lines) {
            Node node = node(line);
            if (node == null) {
                flush(out, targets);
                out.add(line);
                previous = null;
            } else if (node.role().equals("/url")) {
                targets.add(node.text());
            } else if (!node.text().isEmpty() && !node.text().equals(previous)) {
                out.add(node.text());
                previous = node.text();
            }
        }
        flush(out, targets);
        return out;
    }

    private static void flush(List<String> out, List<String> targets) {
        out.addAll(targets);
        targets.clear();
    }

    /** One snapshot node: its role and the text it shows (name, else value; unquoted). */
    record Node(String role, String text) {
    }

    /** The node a line holds ({@code - role "name" [attrs]: value}), or null when the line is not a node. */
    static Node node(String line) {
        int i = 0;
        int n = line.length();
        while (i < n && line.charAt(i) == ' ') {
            i++;
        }
        if (i + 2 >= n || line.charAt(i) != '-' || line.charAt(i + 1) != ' ') {
            return null;
        }
        int roleStart = i + 2;
        int roleEnd = roleStart;
        while (roleEnd < n && (Ascii.letter(line.charAt(roleEnd)) || line.charAt(roleEnd) == '/')) {
            roleEnd++;
        }
        String role = line.substring(roleStart, roleEnd);
        if (!ROLES.contains(role)) {
            return null;
        }
        String rest = line.substring(roleEnd);
        String name = null;
        if (rest.startsWith(" \"")) {
            int close = rest.lastIndexOf('"');
            if (close <= 1) {
                return null;
            }
            name = rest.substring(2, close);
            rest = rest.substring(close + 1);
        }
        if (rest.startsWith(" [")) {
            int close = rest.indexOf(']');
            if (close < 0) {
                return null;
            }
            rest = rest.substring(close + 1);
        }
        if (!rest.isEmpty() && rest.charAt(0) != ':') {
            return null;
        }
        String value = rest.isEmpty() ? "" : unquoted(rest.substring(1).strip());
        String text = name == null ? value : value.isEmpty() ? name : name + " " + value;
        return new Node(role, text.strip());
    }

    private static String unquoted(String value) {
        boolean quoted = value.length() >= 2 && value.charAt(0) == '"' && value.charAt(value.length() - 1) == '"';
        return quoted ? value.substring(1, value.length() - 1) : value;
    }
}
