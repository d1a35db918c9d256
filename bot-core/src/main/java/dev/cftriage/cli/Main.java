package dev.cftriage.cli;

import dev.cftriage.input.BadInputException;
import dev.cftriage.internal.http.BuildInfo;
import dev.cftriage.CfTriage;
import dev.cftriage.TriageRequest;
import dev.cftriage.config.ConfigLoader;
import dev.cftriage.config.Durations;
import dev.cftriage.config.TriageConfig;
import dev.cftriage.internal.parse.PasteParser;
import dev.cftriage.report.FirstScreenText;
import dev.cftriage.report.ReportJson;
import dev.cftriage.report.TextReport;
import dev.cftriage.report.TriageReport;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The command line: {@code cf-triage [options] [TEXT…]}. TEXT is the paste or the command's text; without it the
 * paste is read from standard input. Exit status 0 when a report was produced (whatever it found), 2 for bad usage
 * or input with a one-line reason on standard error.
 */
@Command(name = "cf-triage", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        sortOptions = false, usageHelpAutoWidth = true,
        description = {"Triage a Cloudflare 5xx error: understand the paste, probe DNS, the edge and the origin,",
                "and rank the likely causes with fix steps.",
                "Settings also come from the YAML file named by CFTRIAGE_CONFIG and from CFTRIAGE_* variables;",
                "options win over both."},
        exitCodeOnInvalidInput = 2)
public final class Main implements Callable<Integer> {
    @Parameters(arity = "0..*", paramLabel = "TEXT", description = "The paste or command text (host, URL, error page, headers, Ray ID …). Read from standard input when absent.")
    private List<String> text = new ArrayList<>();

    @Option(names = "--json", description = "Print the report as JSON (the stable contract) instead of text.")
    private boolean json;

    @Option(names = {"-v", "--verbose"}, description = "Print every cause with its fix steps, every probe and the advice (the default is the first screen).")
    private boolean verbose;

    @Option(names = "--code", paramLabel = "CODE", description = "The error code, as /cf523 would give it; overrides the paste's.")
    private Integer code;

    @Option(names = "--origin", paramLabel = "ADDR", description = "An origin address or name to probe directly (repeatable).")
    private List<String> origins = new ArrayList<>();

    @Option(names = "--resolver", paramLabel = "HOST[:PORT]", description = "A DNS resolver to ask (repeatable; default: the system's).")
    private List<String> resolvers = new ArrayList<>();

    @Option(names = "--allow-target", paramLabel = "CIDR", description = "A non-public range that may be probed anyway, for labs (repeatable).")
    private List<String> allowTargets = new ArrayList<>();

    @Option(names = "--ca-file", paramLabel = "PEM", description = "Extra CA certificates to trust for origin certificates.")
    private Path caFile;

    @Option(names = "--cloudflare-ranges", paramLabel = "FILE", description = "Cloudflare edge CIDRs, one a line, replacing the built-in list.")
    private Path cloudflareRanges;

    @Option(names = "--port", paramLabel = "PORT", description = "An origin port to probe (repeatable; default 80 and 443; Cloudflare's proxied ports only).")
    private List<Integer> ports = new ArrayList<>();

    @Option(names = "--timeout", paramLabel = "DURATION", description = "The probes' overall budget, e.g. 3s or 1500ms (default 4s).")
    private String timeout;

    @Option(names = "--offline", description = "Run no probe: explain the code from knowledge only.")
    private boolean offline;

    @Option(names = "--config", paramLabel = "FILE", description = "A YAML config file (default: $CFTRIAGE_CONFIG).")
    private Path configFile;

    /** What {@code --version} prints: the build's version. */
    static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"cf-triage " + BuildInfo.VERSION};
        }
    }

    private final Map<String, String> env;
    private final InputStream stdin;
    private PrintWriter out;

    Main(Map<String, String> env, InputStream stdin) {
        this.env = env;
        this.stdin = stdin;
    }

    /** Runs the command line and exits with its status. */
    public static void main(String[] args) {
        System.exit(execute(args, System.getenv(), System.in, new PrintWriter(System.out, true, StandardCharsets.UTF_8),
                new PrintWriter(System.err, true, StandardCharsets.UTF_8)));
    }

    /** Runs the command line against the given environment and streams; returns the exit status. */
    static int execute(String[] args, Map<String, String> env, InputStream stdin, PrintWriter out, PrintWriter err) {
        Main main = new Main(env, stdin);
        main.out = out;
        CommandLine cli = new CommandLine(main);
        cli.setOut(out);
        cli.setErr(err);
        cli.setParameterExceptionHandler((e, a) -> {
            err.println("cf-triage: " + e.getMessage() + " (see --help)");
            return 2;
        });
        cli.setExecutionExceptionHandler((e, c, p) -> {
            if (e instanceof BadInputException) {
                err.println("cf-triage: " + e.getMessage());
                return 2;
            }
            throw e;
        });
        return cli.execute(args);
    }

    @Override
    public Integer call() throws IOException {
        TriageConfig config = config();
        String input = text.isEmpty() ? readStdin() : String.join(" ", text);
        try (CfTriage engine = CfTriage.create(config)) {
            TriageReport report = engine.run(new TriageRequest(input, code, origins));
            out.print(json ? ReportJson.write(report) + "\n"
                    : verbose ? TextReport.render(report) : FirstScreenText.render(report));
            out.flush();
        }
        return 0;
    }

    /**
     * The settings: file, then environment, then options. A one-shot command never refreshes the edge ranges from
     * Cloudflare's API (that is for the long-running bots); it uses the built-in list or {@code --cloudflare-ranges}.
     */
    private TriageConfig config() {
        Map<String, String> effective = new HashMap<>(env);
        if (configFile != null) {
            effective.put("CFTRIAGE_CONFIG", configFile.toString());
        }
        TriageConfig.Builder config = ConfigLoader.load(effective).toBuilder().refreshRanges(false);
        if (!resolvers.isEmpty()) {
            config.resolvers(resolvers);
        }
        if (!allowTargets.isEmpty()) {
            config.allowTargets(allowTargets);
        }
        if (caFile != null) {
            config.caFile(caFile);
        }
        if (cloudflareRanges != null) {
            config.cloudflareRanges(cloudflareRanges);
        }
        if (!ports.isEmpty()) {
            config.ports(ports);
        }
        if (timeout != null) {
            config.timeout(Durations.parse(timeout));
        }
        if (offline) {
            config.offline(true);
        }
        return config.build();
    }

    /** Reads standard input up to one character past the paste limit, so an oversized paste is refused, not read whole. */
    private String readStdin() throws IOException {
        Reader reader = new InputStreamReader(stdin, StandardCharsets.UTF_8);
        StringBuilder s = new StringBuilder();
        char[] buffer = new char[8192];
        int n;
        while (s.length() <= PasteParser.MAX_PASTE_CHARS && (n = reader.read(buffer)) > 0) {
            s.append(buffer, 0, n);
        }
        return s.toString();
    }
}
