package costscope.ui.export;

import costscope.cli.Cli;
import costscope.cli.StateOptions;
import costscope.export.chart.ChartKind;
import costscope.export.chart.DeckStyle;
import costscope.files.AtomicFiles;
import costscope.files.Outputs;
import costscope.files.ScenarioFiles;
import costscope.formula.NumberInput;
import costscope.engine.MonteCarlo;
import costscope.model.InputException;
import costscope.model.Scenario;
import costscope.model.ScenarioException;
import costscope.ui.base.Headless;
import costscope.whatif.WhatIfInput;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine;

import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.ListResourceBundle;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;

/**
 * {@code export-chart FILE --chart KIND|all --out PATH.png|PATH.svg|DIR [--size WxH] [--scale 1|2|3] [--at POINT]
 * [--set ID=VALUE]... [--lever ID=on|off]... [--title T] [--subtitle T] [--footnote T] [--background white|transparent]
 * [--format png|svg] [--samples N] [--seed S]}: renders a chart of the app for a slide, headless (JavaFX on Monocle,
 * no window), with the same chart code as the app. When drivers have ranges, the cost-per-user and total charts get
 * the app's uncertainty bands, from a Monte Carlo run on this command's thread ({@code --samples}, {@code --seed}). Input is checked before the toolkit starts; bad input exits 2 with a message naming
 * the file. Files are written atomically. Joins the command line's root through {@link #command(boolean)}; not listed
 * in the root's usage.
 */
@Command(name = "export-chart", description = "Export a chart as PNG or SVG for slides, headless.", hidden = true,
        resourceBundle = "costscope.ui.export.ExportChartCommand$Texts")
public final class ExportChartCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;
    @Parameters(index = "0", paramLabel = "FILE")
    Path file;
    @Option(names = "--chart", required = true,
            description = "cost-per-user, total, category-shares, shares-over-scale, compare, waterfall, tornado, timeline, cash or all")
    String chart;
    @Option(names = "--out", required = true, paramLabel = "PATH", description = "PATH.png or PATH.svg (a folder with --chart all)")
    Path out;
    @Option(names = "--format", description = "png or svg (with --chart all; otherwise from the --out extension)")
    String format;
    @Option(names = "--size", defaultValue = "1920x1080", description = "logical size WIDTHxHEIGHT (default ${DEFAULT-VALUE})")
    String size;
    @Option(names = "--scale", defaultValue = "1", description = "pixel scale 1, 2 or 3 (PNG only; default ${DEFAULT-VALUE})")
    int scale;
    @Option(names = "--background", defaultValue = "white", description = "white or transparent")
    String background;
    @Option(names = "--title", description = "the title (default: the chart's)")
    String title;
    @Option(names = "--subtitle", description = "the subtitle (default: scenario name and scale point)")
    String subtitle;
    @Option(names = "--footnote", description = "the footnote (default: total, currency, date)")
    String footnote;
    @CommandLine.Mixin
    StateOptions state;
    @Option(names = "--variants", paramLabel = "A,B", split = ",",
            description = "compare and waterfall: the variants (default: the first two; 'base' is the model as it is)")
    List<String> variants;
    @Option(names = "--order", paramLabel = "ID,ID", split = ",", description = "waterfall: change ids to apply first")
    List<String> order = new ArrayList<>();
    @Option(names = "--output", paramLabel = "ID", defaultValue = "total",
            description = "tornado: the output (total, costPerUser, a category or item id, a formula; default ${DEFAULT-VALUE})")
    String output;
    @Option(names = "--swing", paramLabel = "S", defaultValue = "0.2", description = "tornado: relative swing, 0.2 or 20%% (default ${DEFAULT-VALUE})")
    String swing;
    @Option(names = "--samples", paramLabel = "N", description = "cost-per-user and total, when drivers have ranges: Monte"
            + " Carlo samples of the bands (default 10,000; at most 10,000,000)")
    String samples;
    @Option(names = "--seed", paramLabel = "S", description = "the bands' random seed: the same seed gives the same chart (default 1)")
    Long seed;

    private boolean toolkitStarted;

    /** One file to write. */
    record Job(ChartKind kind, Path out, boolean svg) {
    }

    /** The state options' descriptions as this command's usage has always worded them. */
    public static final class Texts extends ListResourceBundle {
        @Override
        protected Object[][] getContents() {
            return new Object[][] {{"at", "a scale point id"}, {"set", "set a driver; values like 1000, 100k, 2.5M, 5%%"},
                    {"variant", "start from a variant of the model"}};
        }
    }

    /**
     * This command for the command line's root; {@code toolkitStarted}: the FX toolkit is already running (tests, the
     * app), otherwise the command starts it headless when it runs and stops it at the end. Bad arguments are answered
     * as this command always answered them, with its usage as a command of its own ("Usage: export-chart ...").
     */
    public static CommandLine command(boolean toolkitStarted) {
        ExportChartCommand cmd = new ExportChartCommand();
        cmd.toolkitStarted = toolkitStarted;
        CommandLine cl = new CommandLine(cmd);
        cl.setParameterExceptionHandler((ex, args) -> {
            CommandLine failed = ex.getCommandLine();
            PrintWriter err = failed.getErr();
            err.println(failed.getColorScheme().errorText(ex.getMessage()));
            if (!CommandLine.UnmatchedArgumentException.printSuggestions(ex, err)) {
                new CommandLine(new ExportChartCommand()).usage(err, failed.getColorScheme());
            }
            return failed.getCommandSpec().exitCodeOnInvalidInput();
        });
        return cl;
    }

    /** Runs {@code export-chart ...} (args[0] may be "export-chart") on a root with this command; see {@link #command}. */
    public static int run(String[] args, PrintWriter out, PrintWriter err, boolean toolkitStarted) {
        String[] a = args.length > 0 && args[0].equals("export-chart") ? args : prepend("export-chart", args);
        return Cli.execute(Cli.root(List.of(command(toolkitStarted))), a, out, err);
    }

    private static String[] prepend(String first, String[] rest) {
        String[] a = new String[rest.length + 1];
        a[0] = first;
        System.arraycopy(rest, 0, a, 1, rest.length);
        return a;
    }

    @Override
    public Integer call() throws Exception {
        Scenario s = scenario();
        List<Job> jobs = jobs(s);
        for (Job j : jobs) Outputs.checkCreatingFolders(j.out(), file);
        int[] wh;
        try {
            wh = DeckStyle.parseSize(size);
        } catch (InputException e) {
            throw new InputException(file + ": " + e.getMessage());
        }
        DeckStyle base;
        try {
            base = new DeckStyle(wh[0], wh[1], scale, background(), title, null, null);
        } catch (IllegalArgumentException e) {
            throw new InputException(file + ": " + e.getMessage());
        }
        int bandSamples = samples();
        if (jobs.stream().anyMatch(j -> !j.svg())) Headless.checkMemory(out, (long) wh[0] * scale, (long) wh[1] * scale);
        ChartRenderer.Input in;
        if (variants != null && variants.size() < 2 && jobs.stream().anyMatch(j -> j.kind() == ChartKind.COMPARE || j.kind() == ChartKind.WATERFALL)) {
            throw new InputException(file + ": --variants needs at least two ids, e.g. --variants original,optimized");
        }
        boolean whatIf = jobs.stream().anyMatch(j -> j.kind() == ChartKind.COMPARE || j.kind() == ChartKind.WATERFALL
                || j.kind() == ChartKind.TORNADO);
        double sw;
        try {
            sw = costscope.whatif.Sensitivity.parseSwing(swing);
        } catch (InputException e) {
            throw new InputException(file + ": --" + e.getMessage());
        }
        try {
            // the what-if work only when a what-if chart is asked for
            in = ChartRenderer.compute(s, whatIf ? new WhatIfInput.Params(variants, order, output, sw) : null);
        } catch (ScenarioException e) {
            throw e.withSource(file.toString());
        } catch (InputException e) {
            throw new InputException(file + ": " + e.getMessage(), e);
        }
        if (jobs.stream().anyMatch(j -> ChartRenderer.drawsBands(j.kind()))) {
            try {
                in = in.withBands(ChartRenderer.bands(s, bandSamples, seed == null ? MonteCarlo.DEFAULT_SEED : seed));
            } catch (ScenarioException e) {
                throw e.withSource(file.toString());
            } catch (InputException e) {
                throw new InputException(file + ": " + e.getMessage(), e);
            }
        }
        if (!toolkitStarted) {
            Headless.headless();
            CompletableFuture<Void> up = new CompletableFuture<>();
            Platform.startup(() -> up.complete(null));
            up.get(30, TimeUnit.SECONDS);
        }
        try {
            PrintWriter o = spec.commandLine().getOut();
            for (Job j : jobs) {
                DeckStyle style = base.withTexts(title, subtitle != null ? subtitle : ChartRenderer.defaultSubtitle(j.kind(), in, state.at()),
                        footnote != null ? footnote : ChartRenderer.defaultFootnote(j.kind(), in, LocalDate.now()));
                write(j, in, style);
                o.println("wrote " + j.out() + (j.svg() ? " (SVG " + style.width() + "x" + style.height() + ")"
                        : " (" + style.width() * style.scale() + "x" + style.height() * style.scale() + ")"));
            }
            o.flush();
        } finally {
            if (!toolkitStarted) Platform.exit();
        }
        return 0;
    }

    /** Renders on the FX thread; writes the file on this thread, atomically. */
    static void write(Job j, ChartRenderer.Input in, DeckStyle style) throws Exception {
        CompletableFuture<Object> done = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                ChartRenderer.Rendered r = ChartRenderer.render(j.kind(), in, style);
                done.complete(j.svg() ? ChartRenderer.svg(r) : ChartRenderer.image(r));
            } catch (Throwable t) {
                done.completeExceptionally(t);
            }
        });
        // a minute, and more for the largest PNGs (drawn in tiles: 24000x24000 took 15 s on a 2-core machine)
        Object result = done.get(60 + (long) style.width() * style.height() * style.scale() * style.scale() / 5_000_000, TimeUnit.SECONDS);
        Outputs.createFolders(j.out());
        if (result instanceof String svg) {
            AtomicFiles.write(j.out(), svg);
        } else {
            Headless.writePng((BufferedImage) result, j.out());
        }
    }

    /** The bands' sample count: --samples (as simulate reads it) or 10,000. */
    private int samples() {
        if (samples == null) return MonteCarlo.DEFAULT_SAMPLES;
        double v;
        try {
            v = NumberInput.parse(samples);
        } catch (InputException e) {
            v = Double.NaN;
        }
        if (v != Math.rint(v) || v < 1 || v > MonteCarlo.MAX_SAMPLES) {
            throw new InputException(file + ": --samples " + samples + ": expected a whole number from 1 to 10,000,000");
        }
        return (int) v;
    }

    private DeckStyle.Background background() {
        return switch (background.toLowerCase()) {
            case "white" -> DeckStyle.Background.WHITE;
            case "transparent" -> DeckStyle.Background.TRANSPARENT;
            default -> throw new InputException(file + ": --background " + background + ": expected white or transparent");
        };
    }

    private List<Job> jobs(Scenario s) {
        if (chart.equals("all")) {
            String f = format == null ? "png" : format.toLowerCase();
            if (!f.equals("png") && !f.equals("svg")) throw new InputException(file + ": --format " + format + ": expected png or svg");
            if (Files.exists(out) && !Files.isDirectory(out)) throw new InputException(file + ": --out " + out + ": with --chart all, expected a folder");
            List<Job> jobs = new ArrayList<>();
            for (ChartKind k : ChartKind.values()) {
                if (!applies(k, s)) {
                    spec.commandLine().getErr().println(file + ": skipped " + k.id() + ": " + whyNot(k));
                    continue;
                }
                jobs.add(new Job(k, out.resolve(fileName(file, k, f)), f.equals("svg")));
            }
            return jobs;
        }
        ChartKind k = ChartKind.byId(chart);
        if (k == null) {
            throw new InputException(file + ": --chart " + chart + ": no such chart (expected one of "
                    + String.join(", ", ChartKind.ids()) + ", or all)");
        }
        if (!applies(k, s) && !(variants != null && (k == ChartKind.COMPARE || k == ChartKind.WATERFALL))) {
            throw new InputException(file + ": --chart " + chart + ": " + whyNot(k));
        }
        String name = out.getFileName().toString().toLowerCase();
        if (!name.endsWith(".png") && !name.endsWith(".svg")) {
            throw new InputException(file + ": --out " + out + ": expected a .png or .svg file name");
        }
        return List.of(new Job(k, out, name.endsWith(".svg")));
    }

    /** A chart has something to show: cost per user needs the business model's users, compare and waterfall variants, the timeline charts a timeline. */
    static boolean applies(ChartKind k, Scenario s) {
        return switch (k) {
            case COST_PER_USER -> s.business() != null && s.business().users() != null;
            case COMPARE, WATERFALL -> !WhatIfInput.defaultVariants(s).isEmpty();
            case TIMELINE, CASH -> s.timeline() != null;
            default -> true;
        };
    }

    static String whyNot(ChartKind k) {
        return switch (k) {
            case COST_PER_USER -> "the business model defines no users, so there is no cost per user to chart (add business.users to the scenario)";
            case TIMELINE, CASH -> costscope.engine.Months.NO_TIMELINE;
            default -> "the scenario has no variants to compare (add some in the app with Save as variant, or in the file's variants)";
        };
    }

    /** "innerworld-total.png": the scenario file's name without .json (as the app names them), the chart id. */
    public static String fileName(Path scenarioFile, ChartKind k, String ext) {
        return DeckStyle.slug(scenarioFile.getFileName().toString().replaceAll("\\.json$", "")) + "-" + k.id() + "." + ext;
    }

    private Scenario scenario() throws ScenarioException {
        if (!Files.isRegularFile(file)) throw new InputException(file + ": no such file");
        return state.applyTo(file, ScenarioFiles.load(file));
    }
}
