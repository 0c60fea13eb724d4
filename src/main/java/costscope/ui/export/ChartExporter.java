package costscope.ui.export;

import costscope.export.chart.ChartKind;
import costscope.export.chart.DeckStyle;
import costscope.files.AtomicFiles;
import costscope.files.OutputException;
import costscope.files.Outputs;
import costscope.model.Scenario;
import costscope.model.ScenarioException;
import costscope.ui.base.AppContext;
import costscope.ui.base.Headless;
import costscope.whatif.WhatIfInput;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.scene.image.WritableImage;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;

/**
 * The app's chart export: "Export chart..." (dialog, then a save chooser that asks before replacing), "Copy chart"
 * (image on the clipboard) and "Export all charts..." (a folder, one file per chart named scenario-chart.ext, asking
 * before replacing existing files). Charts are rendered on the FX thread from the document's current scenario, with the
 * uncertainty bands the charts panel shows (the simulations' latest snapshot); files are written off the FX thread
 * through ctx.tasks(), atomically.
 */
public final class ChartExporter {
    private final AppContext ctx;
    private final ExportPrompts prompts;
    private final java.util.function.Supplier<WhatIfInput> shown;

    public ChartExporter(AppContext ctx, ExportPrompts prompts) {
        this(ctx, prompts, () -> null);
    }

    /** An exporter for a What-if view: its charts are exported as the view shows them (states, order, output, swing). */
    public ChartExporter(AppContext ctx, ExportPrompts prompts, java.util.function.Supplier<WhatIfInput> shown) {
        this.ctx = ctx;
        this.prompts = prompts;
        this.shown = shown;
    }

    /**
     * The chart's context menu (right-click): export it, copy it, export all charts. Built when first asked for
     * ({@link #contextMenu}), not with the view: a menu is a popup window with its own scene, which the window's start
     * would build for nothing.
     */
    public void attachMenu(javafx.scene.Node chart, ChartKind kind) {
        chart.getProperties().put(MENU, (java.util.function.Supplier<javafx.scene.control.ContextMenu>) () -> {
            javafx.scene.control.MenuItem export = new javafx.scene.control.MenuItem("Export chart...");
            export.setOnAction(e -> exportChart(kind));
            javafx.scene.control.MenuItem copy = new javafx.scene.control.MenuItem("Copy chart");
            copy.setOnAction(e -> copyChart(kind));
            javafx.scene.control.MenuItem all = new javafx.scene.control.MenuItem("Export all charts...");
            all.setOnAction(e -> exportAll());
            return new javafx.scene.control.ContextMenu(export, copy, all);
        });
        chart.setOnContextMenuRequested(e -> {
            javafx.scene.control.ContextMenu menu = contextMenu(chart);
            if (menu != null) menu.show(chart, e.getScreenX(), e.getScreenY());
        });
    }

    /** Where a chart keeps its context menu's maker, then the menu. */
    private static final Object MENU = new Object();

    /** The context menu {@link #attachMenu} gave {@code chart}, built on the first call (FX thread); null if none. */
    public static javafx.scene.control.ContextMenu contextMenu(javafx.scene.Node chart) {
        Object m = chart.getProperties().get(MENU);
        if (m instanceof java.util.function.Supplier<?> make) {
            m = make.get();
            chart.getProperties().put(MENU, m);
        }
        return m instanceof javafx.scene.control.ContextMenu menu ? menu : null;
    }

    /**
     * The current scenario's chart input, complete for the charts about to be drawn, with the bands on show, or null
     * (after showing why) when it cannot be evaluated.
     */
    private ChartRenderer.Input input(List<ChartKind> kinds) {
        Scenario s = ctx.document().scenario();
        if (s == null) return null;
        try {
            var snap = ctx.simulations().snapshot();
            return ChartRenderer.compute(s).withWhatIf(shown.get()).completeFor(kinds)
                    .withBands(snap == null ? null : snap.bands());
        } catch (ScenarioException | RuntimeException e) {
            ctx.dialogs().error("Cannot export the chart", "Fix the scenario's problems first: " + e.getMessage());
            return null;
        }
    }

    /** The dialog's starting values: a 16:9 slide at 2x, PNG, white, the chart's title, scenario and point, date. */
    public ChartRequest defaults(ChartKind kind, ChartRenderer.Input in) {
        DeckStyle st = DeckStyle.slide().withScale(2).withTexts(ChartRenderer.defaultTitle(kind, in.scenario()),
                ChartRenderer.defaultSubtitle(kind, in, null), ChartRenderer.defaultFootnote(kind, in, LocalDate.now()));
        return new ChartRequest(kind, false, st);
    }

    public void exportChart(ChartKind kind) {
        ChartRenderer.Input in = input(List.of(kind));
        if (in == null) return;
        ChartRequest start = defaults(kind, in);
        prompts.askChart(start, false).map(r -> retitle(r, start, in)).ifPresent(req -> {
            if (!ExportChartCommand.applies(req.kind(), in.scenario())) {
                ctx.dialogs().error("Cannot export the chart", req.kind().title() + ": " + ExportChartCommand.whyNot(req.kind()));
                return;
            }
            Path suggested = folder().resolve(fileName(req.kind(), req.extension()));
            ctx.dialogs().chooseSave(suggested, req.svg() ? "SVG image" : "PNG image", req.extension())
                    .filter(p -> writable(List.of(p), p.getFileName().toString(), req))
                    .ifPresent(p -> write(List.of(new Output(p, render(req, in))), p.getFileName().toString()));
        });
    }

    /** A chart chosen in the dialog gets its own default title unless the user edited the title. */
    private static ChartRequest retitle(ChartRequest r, ChartRequest start, ChartRenderer.Input in) {
        if (r.kind() == start.kind() || !java.util.Objects.equals(r.style().title(), start.style().title())) return r;
        DeckStyle st = r.style();
        return new ChartRequest(r.kind(), r.svg(), st.withTexts(ChartRenderer.defaultTitle(r.kind(), in.scenario()),
                st.subtitle(), st.footnote()));
    }

    public void exportAll() {
        ChartRenderer.Input in = input(exportable());
        if (in == null) return;
        Optional<ChartRequest> asked = prompts.askChart(defaults(ChartKind.TOTAL, in), true);
        if (asked.isEmpty()) return;
        Optional<Path> dir = prompts.chooseFolder(folder());
        if (dir.isEmpty()) return;
        ChartRequest req = asked.get();
        List<Path> targets = new ArrayList<>();
        // charts with nothing to show (cost per user without users) are not exported
        List<ChartKind> kinds = exportable();
        for (ChartKind k : kinds) targets.add(dir.get().resolve(fileName(k, req.extension())));
        List<Path> existing = targets.stream().filter(Files::exists).toList();
        if (!writable(targets, dir.get().getFileName() + "/", req)) return;
        if (!existing.isEmpty() && !prompts.confirmOverwrite(existing)) return;
        List<Output> outputs = new ArrayList<>();
        for (int i = 0; i < targets.size(); i++) {
            ChartKind k = kinds.get(i);
            DeckStyle st = req.style();
            ChartRequest one = new ChartRequest(k, req.svg(), st.withTexts(ChartRenderer.defaultTitle(k, in.scenario()),
                    st.subtitle(), st.footnote()));
            outputs.add(new Output(targets.get(i), render(one, in)));
        }
        write(outputs, dir.get().getFileName() + "/");
    }

    /** Puts the chart (a 16:9 slide at 2x, white) on the clipboard as an image; returns it. */
    public WritableImage copyChart(ChartKind kind) {
        ChartRenderer.Input in = input(List.of(kind));
        if (in == null) return null;
        ChartRequest req = defaults(kind, in);
        WritableImage img = ChartRenderer.snapshot(ChartRenderer.render(kind, in, req.style()));
        ClipboardContent content = new ClipboardContent();
        content.putImage(img);
        Clipboard.getSystemClipboard().setContent(content);
        return img;
    }

    /** The charts the document has something to show in (cost per user needs users, compare and waterfall variants). */
    private List<ChartKind> exportable() {
        Scenario s = ctx.document().scenario();
        return s == null ? List.of() : java.util.Arrays.stream(ChartKind.values()).filter(k -> ExportChartCommand.applies(k, s)).toList();
    }

    /** "innerworld-total.png": the document's name (or the scenario's) and the chart id. */
    public String fileName(ChartKind k, String ext) {
        String name = ctx.document().file() != null ? ctx.document().file().getFileName().toString().replaceAll("\\.json$", "")
                : ctx.document().scenario().name();
        return DeckStyle.slug(name) + "-" + k.id() + "." + ext;
    }

    private Path folder() {
        Path f = ctx.document().file();
        return f == null || f.toAbsolutePath().getParent() == null ? Path.of("").toAbsolutePath() : f.toAbsolutePath().getParent();
    }

    /** A rendered chart: SVG text or PNG pixels (FX thread). */
    private static Object render(ChartRequest req, ChartRenderer.Input in) {
        ChartRenderer.Rendered r = ChartRenderer.render(req.kind(), in, req.style());
        return req.svg() ? ChartRenderer.svg(r) : ChartRenderer.image(r);
    }

    private record Output(Path path, Object content) {
    }

    /**
     * Whether the files can be written, none is the open scenario's file and a PNG of the request's size fits in
     * memory; if not, says why and returns false.
     */
    private boolean writable(List<Path> targets, String what, ChartRequest req) {
        try {
            for (Path p : targets) Outputs.checkCreatingFolders(p, ctx.document().file());
            DeckStyle st = req.style();
            // Export all draws every chart before writing them
            if (!req.svg()) Headless.checkMemory(targets.get(0), (long) st.width() * st.scale(), (long) st.height() * st.scale(), targets.size());
            return true;
        } catch (OutputException e) {
            ctx.dialogs().error("Cannot export " + what, e.getMessage());
            return false;
        }
    }

    private void write(List<Output> outputs, String what) {
        ctx.tasks().run(() -> {
            for (Output o : outputs) {
                Outputs.createFolders(o.path());
                if (o.content() instanceof String svg) {
                    AtomicFiles.write(o.path(), svg);
                } else {
                    Headless.writePng((BufferedImage) o.content(), o.path());
                }
            }
            return outputs.size();
        }, n -> {
        }, e -> ctx.dialogs().error("Cannot export " + what, String.valueOf(e.getMessage())));
    }
}
