package dev.cftriage.bench;

import dev.cftriage.report.InputSummary;
import dev.cftriage.testing.AdversarialPastes;
import dev.cftriage.testing.PasteFixtures;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The paste parser, through the public {@link InputSummary#of(String)}, on a real-size Cloudflare error page (the
 * 523 fixture, 6.4 KB of HTML), on curl headers, on the 1 MB adversarial paste, and on runs of letters with special
 * casing rules (Greek capital sigma, whose lower case depends on the word around it, and capital I with dot above,
 * which lower-cases to two chars): one maximal Slack message (40,000) and a paste of the largest size accepted of
 * each. Short on purpose (one fork, eight one-second warm-ups, five two-second measurements) for a 2-core machine.
 * Run with {@code java -jar benchmarks/target/benchmarks.jar ParserBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx256m")
@Warmup(iterations = 8, time = 1)
@Measurement(iterations = 5, time = 2)
public class ParserBenchmark {
    private String errorPage;
    private String curlHeaders;
    private String oneMegabyte;
    private String sigma40k;
    private String dottedI40k;
    private String sigmaLargest;
    private String dottedILargest;

    @Setup
    public void load() {
        errorPage = PasteFixtures.read("523-page.html");
        curlHeaders = PasteFixtures.read("524-curl-v-http2.txt");
        oneMegabyte = AdversarialPastes.oneMegabyte();
        sigma40k = "\u03a3".repeat(40_000);
        dottedI40k = "\u0130".repeat(40_000);
        sigmaLargest = "\u03a3".repeat(InputSummary.MAX_PASTE_CHARS);
        dottedILargest = "\u0130".repeat(InputSummary.MAX_PASTE_CHARS);
    }

    @Benchmark
    public InputSummary errorPage523() {
        return InputSummary.of(errorPage);
    }

    @Benchmark
    public InputSummary curlVerbose524() {
        return InputSummary.of(curlHeaders);
    }

    @Benchmark
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public InputSummary adversarialOneMegabyte() {
        return InputSummary.of(oneMegabyte);
    }

    @Benchmark
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public InputSummary sigmaRun40k() {
        return InputSummary.of(sigma40k);
    }

    @Benchmark
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public InputSummary dottedCapitalIRun40k() {
        return InputSummary.of(dottedI40k);
    }

    @Benchmark
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public InputSummary sigmaRunTwoMegabytes() {
        return InputSummary.of(sigmaLargest);
    }

    @Benchmark
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public InputSummary dottedCapitalIRunTwoMegabytes() {
        return InputSummary.of(dottedILargest);
    }
}
