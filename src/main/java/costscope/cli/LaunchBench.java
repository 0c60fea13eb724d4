package costscope.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import costscope.model.InputException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * {@code bench-launch [FILE] [--runs N] [--app PATH]}: cold starts, each in a new process, timed from the moment the
 * process is started to the moment its window shows what it waits for (the launch probe, {@code ui/LaunchProbe}): a
 * bare JavaFX window (the baseline: what JavaFX itself costs here), the app from this jar on a sample with its
 * charts drawn, and the packaged app (its app image) when there is one. Medians of the runs, and each one's distance
 * from the bare window. Without a display (no DISPLAY on Linux) every start is headless (Monocle), the same for all.
 */
@Command(name = "bench-launch", description = "Cold starts of the app, the packaged app and a bare JavaFX window: the time"
        + " to a window showing a sample with its charts drawn (medians).")
final class LaunchBench implements java.util.concurrent.Callable<Integer> {
    static final String PROBE = "costscope.launch-probe";
    /** Where {@code mvn -Ppackage package} puts the app image's launcher. */
    static final Path APP_IMAGE = Path.of("target", "package", "Costscope", "bin", "Costscope");

    @Spec
    CommandSpec spec;
    @Parameters(arity = "0..1", paramLabel = "FILE", description = "the scenario the app opens (default: its first sample)")
    Path file;
    @Option(names = "--runs", paramLabel = "N", defaultValue = "5", description = "cold starts of each (default ${DEFAULT-VALUE})")
    int runs;
    @Option(names = "--app", paramLabel = "PATH", description = "the packaged app's launcher (default: " + "target/package/Costscope/bin/Costscope when built)")
    Path app;
    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", description = "text or json")
    String format;

    /** One kind of start: its name, command line and the environment it adds. */
    record Kind(String name, List<String> command, boolean viaToolOptions) {
    }

    /** A kind's runs: milliseconds to the probe, and what the window showed. */
    record Timing(String name, List<Long> millis, String shown) {
        long median() {
            long[] s = millis.stream().mapToLong(Long::longValue).sorted().toArray();
            return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
        }
    }

    @Override
    public Integer call() throws Exception {
        if (runs < 1 || runs > 50) throw new InputException("--runs " + runs + ": expected 1 to 50");
        if (!format.equals("text") && !format.equals("json")) throw new InputException("--format " + format + ": expected text or json");
        if (file != null && !Files.isRegularFile(file)) throw new InputException(file + ": no such file");
        Path launcher = app != null ? app : Files.isExecutable(APP_IMAGE) ? APP_IMAGE : null;
        if (app != null && !Files.isExecutable(app)) throw new InputException("--app " + app + ": no such launcher");
        boolean headless = headless();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String cp = System.getProperty("java.class.path");
        List<String> probeProps = new ArrayList<>();
        if (headless) probeProps.addAll(List.of("-Dglass.platform=Monocle", "-Dmonocle.platform=Headless", "-Dprism.order=sw", "-Djava.awt.headless=true"));
        List<Kind> kinds = new ArrayList<>();
        kinds.add(new Kind("bare JavaFX window", cmd(java, probeProps, "-cp", cp, "costscope.ui.BareWindow"), false));
        List<String> appArgs = new ArrayList<>(cmd(java, probeProps, "-cp", cp, "costscope.Launcher"));
        appArgs.add(file == null ? "sample-scenarios/innerworld.json" : file.toString());
        kinds.add(new Kind("app (this jar)", appArgs, false));
        if (launcher != null) {
            List<String> packaged = new ArrayList<>(List.of(launcher.toString()));
            if (file != null) packaged.add(file.toAbsolutePath().toString());
            kinds.add(new Kind("packaged app", packaged, true));
        }
        List<Timing> timings = new ArrayList<>();
        for (Kind k : kinds) timings.add(new Timing(k.name(), new ArrayList<>(), ""));
        // interleaved, so a slow moment of the machine falls on every kind alike
        for (int r = 0; r < runs; r++) {
            for (int i = 0; i < kinds.size(); i++) {
                Timing t = timings.get(i);
                String[] shown = new String[1];
                t.millis().add(start(kinds.get(i), probeProps, shown));
                timings.set(i, new Timing(t.name(), t.millis(), shown[0]));
            }
        }
        print(timings, headless);
        return 0;
    }

    private static List<String> cmd(String java, List<String> props, String... rest) {
        List<String> c = new ArrayList<>();
        c.add(java);
        c.add("-Xshare:auto");
        c.addAll(props);
        c.addAll(Arrays.asList(rest));
        return c;
    }

    /** Whether there is no display to open windows on (then every start is headless, on Monocle). */
    static boolean headless() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (os.contains("win") || os.contains("mac")) return false;
        String d = System.getenv("DISPLAY");
        String w = System.getenv("WAYLAND_DISPLAY");
        return (d == null || d.isBlank()) && (w == null || w.isBlank());
    }

    /** One cold start: milliseconds from starting the process to its probe's report. */
    private long start(Kind k, List<String> props, String[] shown) throws IOException, InterruptedException {
        Path report = Files.createTempFile("costscope-launch", ".txt");
        Files.delete(report);
        List<String> command = new ArrayList<>(k.command());
        ProcessBuilder pb = new ProcessBuilder();
        String probe = "-D" + PROBE + "=" + report;
        if (k.viaToolOptions()) {
            // the packaged launcher takes no JVM options: the JVM reads these from its environment
            pb.environment().put("JAVA_TOOL_OPTIONS", String.join(" ", props) + " " + probe);
        } else {
            command.add(1, probe);
        }
        Path output = Files.createTempFile("costscope-launch", ".log");
        pb.command(command).redirectErrorStream(true).redirectOutput(output.toFile());
        long t0 = System.currentTimeMillis();
        Process p = pb.start();
        try {
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new InputException(k.name() + " did not show its window within 120 s: " + String.join(" ", command)
                        + why(output));
            }
            if (!Files.exists(report)) {
                // a machine without a display's libraries (GTK) or fonts: say what the process said, not "a bug"
                throw new InputException(k.name() + " ended (exit " + p.exitValue() + ") without showing its window: "
                        + String.join(" ", command) + why(output));
            }
        } finally {
            Files.deleteIfExists(output);
        }
        String[] line = Files.readString(report, StandardCharsets.UTF_8).strip().split(" ", 2);
        Files.deleteIfExists(report);
        shown[0] = line.length > 1 ? line[1] : "";
        return Long.parseLong(line[0]) - t0;
    }

    /** What a start that failed printed, for the message: its exception lines, else its last lines (at most 3). */
    static String why(Path output) throws IOException {
        List<String> lines = Files.readAllLines(output, StandardCharsets.UTF_8).stream().map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("at ")).toList();
        List<String> errors = lines.stream().filter(l -> l.contains("Exception") || l.contains("Error:")).toList();
        List<String> shown = errors.isEmpty() ? lines.subList(Math.max(0, lines.size() - 3), lines.size())
                : errors.subList(0, Math.min(3, errors.size()));
        return shown.isEmpty() ? " (it printed nothing)" : System.lineSeparator() + "  " + String.join(System.lineSeparator() + "  ", shown);
    }

    /** A median as a multiple of the bare window's, to two decimals. */
    static double timesBare(long median, long bare) {
        return bare <= 0 ? Double.NaN : Math.round(100.0 * median / bare) / 100.0;
    }

    private void print(List<Timing> timings, boolean headless) {
        var out = spec.commandLine().getOut();
        long bare = timings.get(0).median();
        if (format.equals("json")) {
            ObjectNode root = Json.MAPPER.createObjectNode();
            root.put("runs", runs);
            root.put("headless", headless);
            ArrayNode starts = root.putArray("starts");
            for (Timing t : timings) {
                ObjectNode o = starts.addObject();
                o.put("name", t.name());
                o.put("medianMillis", t.median());
                o.put("overBareMillis", t.median() - bare);
                // the same as a multiple of the bare window's median: steadier than the difference on a machine whose
                // speed drifts between runs
                o.put("timesBare", timesBare(t.median(), bare));
                ArrayNode a = o.putArray("millis");
                t.millis().forEach(a::add);
                o.put("shown", t.shown());
            }
            out.println(Json.text(root));
            return;
        }
        out.println("Cold starts to a window showing what it waits for, " + runs + " run" + (runs == 1 ? "" : "s") + " each, interleaved"
                + (headless ? " (no display: headless, Monocle)" : "") + "; medians:");
        for (Timing t : timings) {
            out.println(String.format(Locale.ROOT, "  %-20s %6d ms%s  (runs: %s)%s", t.name(), t.median(),
                    t == timings.get(0) ? "                   " : String.format(Locale.ROOT, "  %+6d ms %4.2fx", t.median() - bare,
                            timesBare(t.median(), bare)),
                    t.millis().stream().map(String::valueOf).reduce((a, b) -> a + ", " + b).orElse(""),
                    t.shown().isEmpty() || t == timings.get(0) ? "" : "  showing " + t.shown()));
        }
        if (timings.size() < 3) out.println("  (no packaged app: mvn -Ppackage package builds it; --app names one)");
        else out.println("  (the packaged app: " + (app != null ? app : APP_IMAGE) + ")");
    }
}
