package dev.cftriage.incidents;

/** JDBC URLs as they may be shown: without their user info or query part, where a password could sit. Stateless. */
final class DatabaseUrls {
    private DatabaseUrls() {
    }

    /**
     * The URL up to its first {@code ?} or {@code ;} (the parameters), its user info ({@code user:password@})
     * replaced by {@code …}; "embedded" for null.
     */
    static String redacted(String url) {
        if (url == null) {
            return "embedded";
        }
        int cut = url.length();
        for (int i = 0; i < url.length(); i++) {
            char c = url.charAt(i);
            if (c == '?' || c == ';') {
                cut = i;
                break;
            }
        }
        String shown = url.substring(0, cut);
        int at = shown.lastIndexOf('@');
        if (at >= 0) {
            int authority = shown.indexOf("//");
            int from = authority < 0 || authority > at ? 0 : authority + 2;
            shown = shown.substring(0, from) + "…" + shown.substring(at);
        }
        return Texts.clip(shown, 200) + (cut < url.length() ? "?…" : "");
    }
}
