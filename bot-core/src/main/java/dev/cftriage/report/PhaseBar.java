package dev.cftriage.report;

import dev.cftriage.internal.evidence.HttpFacts;
import dev.cftriage.internal.evidence.Phases;
import dev.cftriage.internal.evidence.ProbeResult;

/**
 * The phases of one HTTP exchange drawn in text, one letter per phase in proportion to its time:
 * {@code r} resolve, {@code c} connect, {@code t} TLS, {@code w} waiting for the first byte, {@code x} transfer, and
 * {@code ·} for the phases never reached — e.g. {@code [ctttwwwwwwwwwwwwwwwx] 412 ms}. Pure.
 */
final class PhaseBar {
    /** The bar's width in letters, between the brackets. */
    static final int WIDTH = 20;
    private static final char[] LETTERS = {'r', 'c', 't', 'w', 'x'};

    private PhaseBar() {
    }

    /** The bar of a probe that made an HTTP exchange which connected, else null. */
    static String of(ProbeResult p) {
        HttpFacts http = p.exchange();
        return http == null || http.phases() == null || http.phases().connectMs() == null ? null : draw(http.phases());
    }

    /**
     * The bar of these phases: the phases reached share the width in proportion to their time (at least one letter
     * each; what rounding leaves goes to the phases with the largest remainders, the longest first), each phase
     * after the last one reached is one {@code ·}, and a phase that does not apply (TLS over plain HTTP; resolve when
     * it took no time, as for a probe given an address) is left out.
     */
    static String draw(Phases p) {
        long[] ms = new long[LETTERS.length];
        boolean[] drawn = new boolean[LETTERS.length];
        Long[] given = {p.resolveMs(), p.connectMs(), p.tlsMs(), p.processingMs(), p.transferMs()};
        int last = -1;
        long total = 0;
        for (int i = 0; i < given.length; i++) {
            if (given[i] != null) {
                last = i;
                ms[i] = Math.max(0, given[i]);
                drawn[i] = i > 0 || ms[i] > 0;
                total += ms[i];
            }
        }
        int width = WIDTH - (LETTERS.length - 1 - last);
        int[] letters = share(ms, drawn, total, width);
        StringBuilder bar = new StringBuilder("[");
        for (int i = 0; i <= last; i++) {
            bar.append(String.valueOf(LETTERS[i]).repeat(letters[i]));
        }
        bar.append("·".repeat(LETTERS.length - 1 - last));
        return bar.append("] ").append(total).append(" ms").toString();
    }

    /** Letters per phase: proportional, at least one per drawn phase, summing to {@code width}. */
    private static int[] share(long[] ms, boolean[] drawn, long total, int width) {
        int[] n = new int[ms.length];
        double[] remainder = new double[ms.length];
        int used = 0;
        for (int i = 0; i < ms.length; i++) {
            if (drawn[i]) {
                double exact = total == 0 ? 0 : (double) width * ms[i] / total;
                n[i] = Math.max(1, (int) exact);
                remainder[i] = exact - (int) exact + ms[i] * 1e-12;
                used += n[i];
            }
        }
        while (used != width) {
            int pick = -1;
            for (int i = 0; i < ms.length; i++) {
                boolean better = pick < 0 || (used < width ? remainder[i] > remainder[pick] : n[i] > n[pick]);
                if (drawn[i] && (used < width || n[i] > 1) && better) {
                    pick = i;
                }
            }
            if (pick < 0) {
                break;
            }
            n[pick] += used < width ? 1 : -1;
            remainder[pick] -= 1;
            used += used < width ? 1 : -1;
        }
        return n;
    }
}
