package dev.cftriage.config;

import dev.cftriage.internal.net.Texts;

/** Puts a setting's text into a one-line message: quoted, cut to 40 characters, control characters replaced. */
final class Quoted {
    private static final int MAX = 40;

    private Quoted() {
    }

    static String of(String text) {
        return "'" + Texts.clip(text, MAX) + "'";
    }
}
