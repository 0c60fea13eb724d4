package costscope.ui;

import costscope.cli.AtOption;
import costscope.files.OutputException;
import costscope.files.Outputs;
import costscope.ui.base.Headless;
import costscope.ui.files.Dialogs;
import costscope.ui.files.RecentFiles;
import costscope.ui.recalc.FramePulse;
import costscope.ui.recalc.TaskRunner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import javafx.scene.Scene;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;

/**
 * {@code costscope screenshot FILE --out PNG [--size WxH] [--at POINT] [--set ID=VALUE]... [--tab NAME]}: renders the app's own main
 * window on a scenario, headless (JavaFX on Monocle, no display), and writes a PNG. The README's screenshot is made
 * with it. Joins the command line's root through {@link #command()}; not listed in the root's usage.
 */
@Command(name = "screenshot", hidden = true)
public final class Screenshot implements Callable<Integer> {
    private static final String USAGE = "usage: costscope screenshot FILE --out PNG [--size WxH] [--at POINT] [--set ID=VALUE]..."
            + " [--tab breakdown|scale|audit|timeline|what-if|compare|sensitivity|goal|model] [--theme light|dark]";

    /** The main window's smallest size (CostscopeApp sets it): a smaller --size would silently be this. */
    static final int MIN_WIDTH = 900;
    static final int MIN_HEIGHT = 600;
    /** The largest side, as for export-chart's logical size. */
    static final int MAX_SIDE = 8000;

    @Spec
    CommandSpec spec;
    /** FILE (the last one counts) and, as this command always read them, unknown options: refused in {@link #call}. */
    @Parameters(arity = "0..*")
    List<String> args = new ArrayList<>();
    @Option(names = "--out")
    Path out;
    @Option(names = "--size")
    String size;
    @Mixin
    AtOption point;
    @Option(names = "--tab")
    String tab;
    @Option(names = "--theme")
    String theme;
    /** Drivers moved before the picture, as a user would with their sliders. */
    @Option(names = "--set")
    List<String> set = new ArrayList<>();

    /**
     * This command for the command line's root, parsing as it always has: a later option overrides an earlier one,
     * an option's value may start with "--", an unknown "--option" is refused in the usage's words, not picocli's.
     */
    public static CommandLine command() {
        CommandLine cl = new CommandLine(new Screenshot());
        cl.setOverwrittenOptionsAllowed(true);
        cl.setAllowOptionsAsOptionParameters(true);
        cl.setUnmatchedOptionsArePositionalParams(true);
        cl.setParameterExceptionHandler((ex, args) -> {
            String problem = ex.getMessage();
            if (ex instanceof CommandLine.MissingParameterException m && !m.getMissing().isEmpty()
                    && m.getMissing().get(0) instanceof CommandLine.Model.OptionSpec o) {
                problem = o.longestName().equals("--size") ? sizeProblem(null) : o.longestName() + " needs a value";
            }
            return usage(ex.getCommandLine().getErr(), problem);
        });
        return cl;
    }

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        Path file = null;
        for (String a : args) {
            if (a.startsWith("--")) return usage(err, "unknown option " + a);
            file = Path.of(a);
        }
        int w = 1440;
        int h = 900;
        if (size != null) {
            String[] p = size.toLowerCase().split("x", -1);
            try {
                if (p.length != 2) throw new IllegalArgumentException(size);
                w = Integer.parseInt(p[0]);
                h = Integer.parseInt(p[1]);
            } catch (RuntimeException e) {
                return usage(err, sizeProblem(size));
            }
            if (w < MIN_WIDTH || h < MIN_HEIGHT || w > MAX_SIDE || h > MAX_SIDE) {
                return usage(err, "--size " + size + ": expected " + MIN_WIDTH + "x" + MIN_HEIGHT + " (the window's smallest) to "
                        + MAX_SIDE + "x" + MAX_SIDE);
            }
        }
        if (file == null || out == null) return usage(err, "FILE and --out PNG are required");
        if (theme != null && !theme.equals("light") && !theme.equals("dark")) return usage(err, "--theme " + theme + ": expected light or dark");
        if (!Files.isRegularFile(file)) {
            err.println(file + ": no such file");
            return 2;
        }
        try {
            Outputs.check(out, file);
            Headless.checkMemory(out, w, h);
        } catch (OutputException e) {
            err.println(e.getMessage());
            return 2;
        }
        Path f = file;
        int width = w;
        int height = h;
        try {
            List<String> errors = Headless.onHeadlessToolkit(60, done -> done.complete(render(f, out, width, height, point.at(), set, tab, theme)));
            if (!errors.isEmpty()) {
                errors.forEach(err::println);
                return 2;
            }
            spec.commandLine().getOut().println("wrote " + out + " (" + w + "x" + h + ")");
            return 0;
        } catch (Exception e) {
            if (e.getCause() instanceof OutputException o) {
                err.println(o.getMessage());
                return 2;
            }
            err.println(Headless.failed("screenshot", e));
            return 1;
        }
    }

    private static String sizeProblem(String value) {
        return "--size " + value + ": expected WIDTHxHEIGHT, e.g. 1440x900";
    }

    private static int usage(PrintWriter err, String problem) {
        err.println("screenshot: " + problem + "\n" + USAGE);
        return 2;
    }

    static List<String> render(Path file, Path out, int w, int h, String at, List<String> set, String tab) throws IOException {
        return render(file, out, w, h, at, set, tab, null);
    }

    static List<String> render(Path file, Path out, int w, int h, String at, List<String> set, String tab, String theme) throws IOException {
        List<String> errors = new ArrayList<>();
        Dialogs dialogs = Dialogs.headless(errors);
        Stage stage = new Stage();
        CostscopeApp.Window window = CostscopeApp.build(stage, TaskRunner.synchronous(), FramePulse.immediate(), dialogs, new RecentFiles(null));
        stage.setWidth(w);
        stage.setHeight(h);
        costscope.ui.base.Theme.valueOf(theme == null ? "LIGHT" : theme.toUpperCase(java.util.Locale.ROOT)).apply(window.scene());
        stage.show();
        window.context().files().open(file);
        if (!errors.isEmpty()) return errors;
        if (at != null) {
            if (window.context().document().scenario().scalePoint(at) == null) {
                errors.add(file + ": --at " + at + ": no such scale point");
                return errors;
            }
            window.context().document().edit("Jump to " + at, s -> s.atScalePoint(at));
        }
        for (String kv : set) {
            int eq = kv.indexOf('=');
            String id = eq < 0 ? kv : kv.substring(0, eq).strip();
            if (eq < 0 || window.context().document().scenario().driver(id) == null) {
                errors.add(file + ": --set " + kv + ": expected ID=VALUE with the id of a driver");
                return errors;
            }
            double v;
            try {
                v = costscope.formula.NumberInput.parse(kv.substring(eq + 1));
            } catch (costscope.model.InputException e) {
                errors.add(file + ": --set " + kv + ": " + e.getMessage());
                return errors;
            }
            window.context().document().edit("Set " + id, s -> s.withDriverValue(id, v));
        }
        if (tab != null) {
            TabPane tabs = (TabPane) window.scene().lookup("#tabs");
            String want = tab.toLowerCase();
            boolean found = false;
            for (var t : tabs.getTabs()) {
                if (t.getText().toLowerCase().startsWith(want)) {
                    tabs.getSelectionModel().select(t);
                    found = true;
                }
            }
            // the What-if tab's own tabs: compare, sensitivity, goal seek (its view loads when the tab is first shown)
            if (!found && List.of("compare", "sensitivity", "goal").stream().anyMatch(v -> v.startsWith(want) || want.startsWith(v))) {
                tabs.getTabs().stream().filter(x -> x.getText().startsWith("What-if")).findFirst()
                        .ifPresent(x -> tabs.getSelectionModel().select(x));
            }
            TabPane whatif = (TabPane) window.scene().lookup("#whatifTabs");
            for (var t : whatif == null || found ? List.<javafx.scene.control.Tab>of() : whatif.getTabs()) {
                if (t.getText().toLowerCase().startsWith(want)) {
                    whatif.getSelectionModel().select(t);
                    found = true;
                }
            }
            if (!found) {
                errors.add("--tab " + tab + ": no such tab");
                return errors;
            }
        }
        var root = window.scene().getRoot();
        root.applyCss();
        root.layout();
        Scene scene = window.scene();
        BufferedImage img = Headless.snapshot(root, (int) Math.round(scene.getWidth()), (int) Math.round(scene.getHeight()), 1, scene.getFill());
        Headless.writePng(img, out);
        stage.close();
        return errors;
    }
}
