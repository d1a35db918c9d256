package dev.cftriage.incidents;

/** JDBC URLs as they may be shown: without their query part, where a password could sit. Stateless. */
final class DatabaseUrls {
    private DatabaseUrls() {
    }

    /** The URL up to its first {@code ?} or {@code ;} (the parameters), or "embedded" for null. */
    static String redacted(String url) {
        if (url == null) {
            return "embedded";
        }
        int cut = url.length();
        for (int i = 0; i < url.length(); i++) {
            char c = url.charAt(i);
            if (c == '?' || c == ';' || c == '@') {
                cut = i;
                break;
            }
        }
        return Texts.clip(url.substring(0, cut), 200) + (cut < url.length() ? "?…" : "");
    }
}
