package dev.cftriage.bench;

import dev.cftriage.report.InputSummary;
import dev.cftriage.testing.AdversarialPastes;
import dev.cftriage.testing.PasteFixtures;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The parser of this build against the parser of an earlier build's benchmarks jar, in one JVM, round by round: a
 * round of parses with the earlier build, then the same round with this one. On a shared machine whose speed drifts
 * from minute to minute, two JMH runs one after the other compare two moments as much as two builds; paired rounds
 * see the same moment, so the median of their time ratios stays put where the scores do not. Each build runs in its
 * own class loader, on this build's inputs: the 523 page, {@code curl -v} output, the 1 MB adversarial paste and 2 MB
 * of {@code Σ} and of {@code İ}. The earlier build is called through whichever entry point it has
 * ({@code InputSummary.of}, or {@code PasteParser.parse} in its old or its internal package). A build from before
 * issue 9 lower-cases with {@code String.toLowerCase}, which is quadratic on the two 2 MB runs: leave them out with
 * the optional input pattern. Single-threaded. Run with {@code java -Xmx512m -cp benchmarks/target/benchmarks.jar
 * dev.cftriage.bench.ParserBuildsComparison EARLIER-benchmarks.jar [INPUT-REGEX]}.
 */
public final class ParserBuildsComparison {
    private static final List<String> ENTRY_POINTS = List.of("dev.cftriage.report.InputSummary#of",
            "dev.cftriage.internal.parse.PasteParser#parse", "dev.cftriage.parse.PasteParser#parse");

    /** Where each round's last result goes, so that no parse can be optimised away. */
    private static volatile Object sink;

    private ParserBuildsComparison() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1 || args.length > 2) {
            System.err.println("usage: ParserBuildsComparison EARLIER-benchmarks.jar [INPUT-REGEX]");
            System.exit(2);
        }
        Pattern wanted = Pattern.compile(args.length == 2 ? args[1] : ".*");
        Function<String, Object> earlier = entryPoint(Path.of(args[0]));
        Function<String, Object> now = InputSummary::of;
        Map<String, String> inputs = new LinkedHashMap<>();
        inputs.put("errorPage523", PasteFixtures.read("523-page.html"));
        inputs.put("curlVerbose524", PasteFixtures.read("524-curl-v-http2.txt"));
        inputs.put("adversarialOneMegabyte", AdversarialPastes.oneMegabyte());
        inputs.put("sigmaRunTwoMegabytes", "\u03a3".repeat(InputSummary.MAX_PASTE_CHARS));
        inputs.put("dottedCapitalIRunTwoMegabytes", "\u0130".repeat(InputSummary.MAX_PASTE_CHARS));
        System.out.printf(Locale.ROOT, "%-30s %12s %12s %10s %18s%n", "input", "earlier min", "this min", "ratio",
                "ratio p25-p75");
        for (Map.Entry<String, String> input : inputs.entrySet()) {
            if (wanted.matcher(input.getKey()).matches()) {
                compare(input.getKey(), input.getValue(), earlier, now);
            }
        }
    }

    private static void compare(String name, String paste, Function<String, Object> earlier, Function<String, Object> now) {
        boolean large = paste.length() > 100_000;
        int perRound = large ? 2 : 400;
        int rounds = large ? 40 : 150;
        for (int i = 0; i < (large ? 30 : 20_000); i++) {
            sink = earlier.apply(paste);
            sink = now.apply(paste);
        }
        long[] before = new long[rounds];
        long[] after = new long[rounds];
        double[] ratios = new double[rounds];
        for (int round = 0; round < rounds; round++) {
            before[round] = nanosPerParse(earlier, paste, perRound);
            after[round] = nanosPerParse(now, paste, perRound);
            ratios[round] = (double) after[round] / before[round];
        }
        Arrays.sort(before);
        Arrays.sort(after);
        Arrays.sort(ratios);
        System.out.printf(Locale.ROOT, "%-30s %9.1f µs %9.1f µs %10.3f %8.3f-%.3f%n", name, before[0] / 1000.0,
                after[0] / 1000.0, ratios[rounds / 2], ratios[rounds / 4], ratios[3 * rounds / 4]);
    }

    private static long nanosPerParse(Function<String, Object> parser, String paste, int times) {
        long start = System.nanoTime();
        Object last = null;
        for (int i = 0; i < times; i++) {
            last = parser.apply(paste);
        }
        long nanos = (System.nanoTime() - start) / times;
        sink = last;
        return nanos;
    }

    /** The earlier build's parser, in a class loader of its own (never this build's classes). */
    private static Function<String, Object> entryPoint(Path jar) throws MalformedURLException {
        URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, ClassLoader.getPlatformClassLoader());
        for (String entry : ENTRY_POINTS) {
            String[] parts = entry.split("#");
            try {
                Method method = Class.forName(parts[0], true, loader).getMethod(parts[1], String.class);
                return paste -> invoke(method, paste);
            } catch (ClassNotFoundException | NoSuchMethodException e) {
                continue;
            }
        }
        throw new IllegalArgumentException(jar + " has none of " + ENTRY_POINTS);
    }

    private static Object invoke(Method method, String paste) {
        try {
            return method.invoke(null, paste);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("the earlier build's parser failed", e);
        }
    }
}
