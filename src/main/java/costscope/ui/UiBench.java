package costscope.ui;

import costscope.ui.files.Dialogs;
import costscope.ui.base.Headless;
import costscope.model.Scenario;
import costscope.ui.files.RecentFiles;
import costscope.ui.recalc.FramePulse;
import costscope.ui.recalc.TaskRunner;
import javafx.stage.Stage;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;

/**
 * {@code costscope bench-ui [FILE]...}: the cost of one frame of a slider drag in the real window, headless. For each
 * scenario, drags its scale driver across the slider's range in 120 steps (after three warm-up drags) and measures per
 * step: the update (engine, every listener, charts and tables), CSS and layout (what a JavaFX pulse does before
 * drawing), and a full software-rendered frame (a snapshot; a GPU draws faster). Prints one JSON line per scenario
 * with medians and the 95th percentile, in milliseconds. Joins the command line's root through {@link #command()};
 * not listed in the root's usage.
 */
@Command(name = "bench-ui", hidden = true)
public final class UiBench implements Callable<Integer> {
    static final int STEPS = 120;

    @Spec
    CommandSpec spec;
    /** The scenario files; every argument is one, as this command always read them (default: the five samples). */
    @Parameters(arity = "0..*")
    List<String> args = new ArrayList<>();

    /** This command for the command line's root: every argument a file, even one that starts with "--". */
    public static CommandLine command() {
        return new CommandLine(new UiBench()).setUnmatchedOptionsArePositionalParams(true);
    }

    @Override
    public Integer call() {
        List<Path> files = new ArrayList<>();
        for (String a : args) files.add(Path.of(a));
        if (files.isEmpty()) {
            for (String n : List.of("innerworld", "billion-users", "raptorflow", "beatsight", "awsomebuilder2")) {
                files.add(Path.of("sample-scenarios", n + ".json"));
            }
        }
        try {
            List<String> lines = Headless.onHeadlessToolkit(600, done -> runFiles(files, 0, new ArrayList<>(), done));
            for (String line : lines) spec.commandLine().getOut().println(line);
            return 0;
        } catch (Exception e) {
            spec.commandLine().getErr().println(Headless.failed("bench-ui", e));
            return 2;
        }
    }

    /** Per-step timings of one drag, filled in over real pulses. */
    private static final class Drag {
        final double[] update = new double[STEPS];
        final double[] pulse = new double[STEPS];
        final double[] total = new double[STEPS];
    }

    private static void runFiles(List<Path> files, int k, List<String> lines, CompletableFuture<List<String>> done) {
        if (k >= files.size()) {
            done.complete(lines);
            return;
        }
        try {
            Path file = files.get(k);
            Stage stage = new Stage();
            CostscopeApp.Window w = CostscopeApp.build(stage, TaskRunner.background(), FramePulse.immediate(), Dialogs.headless(new ArrayList<>()), new RecentFiles(null));
            stage.setWidth(1440);
            stage.setHeight(900);
            stage.show();
            Scenario s = costscope.files.ScenarioFiles.load(file);
            w.context().document().open(s, file);
            String id = s.sweep() != null ? s.sweep().driver() : s.drivers().get(0).id();
            var m = costscope.ui.panels.SliderMapping.of(s.driver(id));
            double[] range = {m.min(), m.max(), m.log() ? 1 : 0};
            Drag d = new Drag();
            // three warm-up drags (the JIT compiles the UI code), then the measured one
            boolean ranges = !costscope.engine.MonteCarlo.uncertain(s).isEmpty();
            double[] first = new double[RELEASES];
            double[] full = new double[RELEASES];
            drag(w, id, range, null, () -> drag(w, id, range, null, () -> drag(w, id, range, null, () -> drag(w, id, range, d, () -> {
                Runnable finish = () -> {
                    String line = String.format(Locale.ROOT,
                            "{\"scenario\":\"%s\",\"driver\":\"%s\",\"steps\":%d,\"updateMillisMedian\":%.3f,"
                                    + "\"pulseCssAndLayoutMillisMedian\":%.3f,\"frameWorkMillisMedian\":%.3f,\"frameWorkMillisP95\":%.3f",
                            file, id, STEPS, median(d.update), median(d.pulse), median(d.total), p95(d.total));
                    if (ranges) {
                        line += String.format(Locale.ROOT, ",\"bandsFirstEstimateMillisMedian\":%.1f,\"bandsFullMillisMedian\":%.1f",
                                median(first), median(full));
                    }
                    lines.add(line + "}");
                    stage.close();
                    runFiles(files, k + 1, lines, done);
                };
                if (ranges) release(w, id, range, 0, first, full, finish);
                else finish.run();
            }))));
        } catch (Throwable t) {
            done.completeExceptionally(t);
        }
    }


    /**
     * Drags on the FX thread, one step per pulse: the edit (engine, listeners, charts, tables) is timed directly; the
     * pulse's CSS and layout are timed between the scene's pre- and post-layout pulse listeners, so only what a real
     * pulse does is counted (CSS of the nodes that changed, layout of what needs it).
     */
    static void drag(CostscopeApp.Window w, String id, double[] range, Drag out, Runnable done) {
        var doc = w.context().document();
        var scene = w.scene();
        int[] step = {0};
        long[] marks = new long[3];
        Runnable[] next = new Runnable[1];
        Runnable pre = () -> marks[1] = System.nanoTime();
        Runnable post = () -> {
            if (marks[0] == 0) return;
            long t = System.nanoTime();
            int i = step[0];
            if (out != null) {
                out.update[i] = (marks[2] - marks[0]) / 1e6;
                out.pulse[i] = (t - marks[1]) / 1e6;
                out.total[i] = out.update[i] + out.pulse[i];
            }
            marks[0] = 0;
            step[0]++;
            javafx.application.Platform.runLater(next[0]);
        };
        scene.addPreLayoutPulseListener(pre);
        scene.addPostLayoutPulseListener(post);
        next[0] = () -> {
            int i = step[0];
            if (i >= STEPS) {
                scene.removePreLayoutPulseListener(pre);
                scene.removePostLayoutPulseListener(post);
                doc.endGesture();
                done.run();
                return;
            }
            double t = (double) i / (STEPS - 1);
            double v = range[2] > 0 ? Math.pow(10, Math.log10(range[0]) + t * (Math.log10(range[1]) - Math.log10(range[0])))
                    : range[0] + t * (range[1] - range[0]);
            marks[0] = System.nanoTime();
            doc.editInGesture("bench", "Drag", sc -> sc.withDriverValue(id, v));
            marks[2] = System.nanoTime();
            javafx.application.Platform.requestNextPulse();
        };
        javafx.application.Platform.runLater(next[0]);
    }

    /** Slider releases timed for the Monte Carlo bands. */
    static final int RELEASES = 7;

    /**
     * Releases the slider at a new value {@link #RELEASES} times and times, from the release, the first estimate of
     * the bands (and spreads) landing on the FX thread, then the full sample count.
     */
    static void release(CostscopeApp.Window w, String id, double[] range, int k, double[] first, double[] full, Runnable done) {
        if (k >= RELEASES) {
            done.run();
            return;
        }
        var sims = w.context().simulations();
        double t = (k + 1.0) / (RELEASES + 1);
        double v = range[2] > 0 ? Math.pow(10, Math.log10(range[0]) + t * (Math.log10(range[1]) - Math.log10(range[0])))
                : range[0] + t * (range[1] - range[0]);
        long[] t0 = new long[1];
        javafx.beans.value.ChangeListener<costscope.ui.recalc.Simulations.Snapshot> l = new javafx.beans.value.ChangeListener<>() {
            @Override
            public void changed(javafx.beans.value.ObservableValue<? extends costscope.ui.recalc.Simulations.Snapshot> o,
                                costscope.ui.recalc.Simulations.Snapshot a, costscope.ui.recalc.Simulations.Snapshot b) {
                if (b == null) return;
                double ms = (System.nanoTime() - t0[0]) / 1e6;
                if (!b.complete()) {
                    first[k] = ms;
                    return;
                }
                if (first[k] == 0) first[k] = ms;
                full[k] = ms;
                sims.snapshotProperty().removeListener(this);
                javafx.application.Platform.runLater(() -> release(w, id, range, k + 1, first, full, done));
            }
        };
        sims.snapshotProperty().addListener(l);
        t0[0] = System.nanoTime();
        w.context().document().edit("bench", sc -> sc.withDriverValue(id, v));
    }

    static double median(double[] xs) {
        double[] s = xs.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    static double p95(double[] xs) {
        double[] s = xs.clone();
        Arrays.sort(s);
        return s[(int) Math.ceil(0.95 * s.length) - 1];
    }
}
