package dev.cftriage.internal.parse;

import dev.cftriage.internal.net.Ascii;

/**
 * Finds the marks of a page template that was never filled in: server code ({@code <?php}, {@code <?=}), template
 * placeholders in a page's markup ({@code {{ ray_id }}}, not a CI file's <code>${{ … }}</code>), and Cloudflare's
 * custom-page placeholders ({@code ::CLOUDFLARE_ERROR_500S_BOX::}) on a page that lacks the box Cloudflare puts in
 * their place. Cloudflare never serves any of these, so an error page holding one is a copy served by someone else.
 * Stateless; linear.
 */
final class TemplateMarkers {
    private TemplateMarkers() {
    }

    /** Marks the paste suspicious when it holds a template mark; {@code lower} is {@link Ascii#foldedForSearch} of the paste. */
    static void read(String lower, boolean html, Clues clues) {
        if (serverCode(lower)) {
            clues.suspicion("the page holds server code (<?php … ?>) that a real Cloudflare page never shows");
        }
        if (html && placeholder(lower)) {
            clues.suspicion("the page holds a template placeholder ({{ … }}) that was never filled in");
        }
        if (lower.contains("::cloudflare_error_") && !lower.contains("cf-error-details cf-error-")
                && !lower.contains("error reference number")) {
            clues.suspicion("the page holds Cloudflare's custom-page placeholder (::CLOUDFLARE_ERROR_…::) without the error box"
                    + " Cloudflare puts in its place");
        }
    }

    /** True for {@code <?php} or {@code <?=}, found in one pass over the text. */
    private static boolean serverCode(String lower) {
        for (int at = lower.indexOf("<?"); at >= 0; at = lower.indexOf("<?", at + 2)) {
            if (lower.startsWith("php", at + 2) || lower.startsWith("=", at + 2)) {
                return true;
            }
        }
        return false;
    }

    /** True for {@code {{} followed by a name, not preceded by {@code $}. */
    private static boolean placeholder(String lower) {
        for (int at = lower.indexOf("{{"); at >= 0; at = lower.indexOf("{{", at + 2)) {
            int name = at + 2;
            while (name < lower.length() && lower.charAt(name) == ' ') {
                name++;
            }
            boolean named = name < lower.length() && (Ascii.letter(lower.charAt(name)) || lower.charAt(name) == '_');
            if (named && (at == 0 || lower.charAt(at - 1) != '$')) {
                return true;
            }
        }
        return false;
    }
}
