package costscope.ui.export;

import costscope.engine.CompiledScenario;
import costscope.engine.Evaluator;
import costscope.engine.MonteCarlo;
import costscope.engine.Months;
import costscope.engine.Results;
import costscope.engine.Sweep;
import costscope.export.Formats;
import costscope.export.chart.ChartKind;
import costscope.export.chart.DeckStyle;
import costscope.export.chart.SvgWriter;
import costscope.model.Category;
import costscope.model.Driver;
import costscope.model.Scenario;
import costscope.model.ScenarioException;
import costscope.ui.base.Headless;
import costscope.ui.base.TextConverter;
import costscope.ui.base.Views;
import costscope.ui.charts.AxisMath;
import costscope.ui.charts.CategoryColors;
import costscope.ui.charts.ChartData;
import costscope.ui.charts.DonutChart;
import costscope.ui.charts.PieSlices;
import costscope.ui.charts.LogAxis;
import costscope.ui.charts.RangeAreaChart;
import costscope.ui.charts.RangeBands;
import costscope.ui.charts.RangeLineChart;
import costscope.ui.charts.SeriesData;
import costscope.ui.charts.TimelineCharts;
import costscope.ui.recalc.ChartRange;
import costscope.ui.recalc.Simulations;
import costscope.whatif.WhatIfInput;

import java.awt.image.BufferedImage;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import javafx.collections.FXCollections;
import javafx.geometry.Rectangle2D;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.SnapshotParameters;
import javafx.scene.chart.Chart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.transform.Scale;

/**
 * Renders one chart of the app for a slide, on the FX thread: a fresh chart node of the kind (the same classes as the
 * charts panel: RangeLineChart, RangeAreaChart, DonutChart, LogAxis, the category colour tokens) filled from the
 * engine, with a title, subtitle, legend and footnote, in its own Scene with the app's stylesheets and styles/deck.css
 * (larger fonts, white or transparent background). The laid-out scene is snapshotted for PNG (scaled for 2x/3x) or
 * walked by {@link SvgWriter} for SVG, so both are the same chart.
 */
public final class ChartRenderer {
    /**
     * What a chart shows: the scenario at its current values, its results and its sweep over the range; the bands of
     * the total and cost per user over the range ({@link Simulations#bands}) when drivers have ranges and they were
     * computed, else null.
     */
    public record Input(Scenario scenario, Results results, Sweep.Result sweep, String driver, double from, double to,
                        boolean log, WhatIfInput whatIf, MonteCarlo.Bands bands) {
        public Input(Scenario scenario, Results results, Sweep.Result sweep, String driver, double from, double to,
                     boolean log, WhatIfInput whatIf) {
            this(scenario, results, sweep, driver, from, to, log, whatIf, null);
        }

        /** The same input showing what a What-if view shows (its states, waterfall order, tornado) where it has them. */
        public Input withWhatIf(WhatIfInput shown) {
            return new Input(scenario, results, sweep, driver, from, to, log, whatIf == null ? shown : whatIf.with(shown), bands);
        }

        /** The same input with uncertainty bands over the range (or none: null). */
        public Input withBands(MonteCarlo.Bands b) {
            return new Input(scenario, results, sweep, driver, from, to, log, whatIf, b);
        }

        /**
         * The same input with everything the charts need to render {@code kinds} computed now, once: rendering then
         * finds it rather than computing the what-if defaults again for the subtitle, the chart and each kind.
         */
        public Input completeFor(java.util.Collection<ChartKind> kinds) {
            for (ChartKind k : kinds) {
                WhatIfInput w = whatIfFor(k);
                if (w != whatIf) return new Input(scenario, results, sweep, driver, from, to, log, w, bands);
            }
            return this;
        }

        /**
         * What a what-if chart shows: the what-if input given, with the defaults (the first two variants, the monthly
         * total at plus and minus 20%) computed only when the chart needs a part it lacks.
         */
        public WhatIfInput whatIfFor(ChartKind kind) {
            boolean missing = whatIf == null || switch (kind) {
                case COMPARE -> whatIf.compare() == null;
                case WATERFALL -> whatIf.waterfall() == null;
                case TORNADO -> whatIf.sensitivity() == null;
                default -> false;
            };
            if (!missing) return whatIf;
            try {
                return WhatIfInput.compute(scenario, WhatIfInput.Params.defaults()).with(whatIf);
            } catch (ScenarioException e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        }
    }

    /** A laid-out deck chart: the root of its scene, and the style it was built with. */
    public record Rendered(Region root, DeckStyle style) {
    }

    private ChartRenderer() {
    }

    /**
     * Evaluates the scenario at its current driver and lever values and sweeps its range driver (no JavaFX). The
     * what-if charts' input is left to {@link Input#whatIfFor}, computed only for them.
     */
    public static Input compute(Scenario s) throws ScenarioException {
        return compute(s, null);
    }

    /** Like {@link #compute(Scenario)}, with the what-if charts' variants, waterfall order, output and swing (or null). */
    public static Input compute(Scenario s, WhatIfInput.Params whatIfParams) throws ScenarioException {
        WhatIfInput whatIf = whatIfParams == null ? null : WhatIfInput.compute(s, whatIfParams);
        CompiledScenario c = CompiledScenario.compile(s);
        Evaluator e = c.newEvaluator(s);
        Results r = e.evaluateWithSavings();
        ChartRange range = ChartRange.of(s);
        if (range == null) return new Input(s, r, null, null, 0, 1, false, whatIf);
        return new Input(s, r, range.sweep(e), range.driver(), range.from(), range.to(), range.log(), whatIf);
    }

    /**
     * The bands of the total and cost per user across the scenario's range, from {@code samples} samples and
     * {@code seed}, on this thread (not the FX thread): null when no driver has a range or there is no range.
     */
    public static MonteCarlo.Bands bands(Scenario s, int samples, long seed) throws ScenarioException {
        ChartRange range = ChartRange.of(s);
        if (range == null || MonteCarlo.uncertain(s).isEmpty()) return null;
        CompiledScenario c = CompiledScenario.compile(s);
        return Simulations.bands(c.newEvaluator(s), range, MonteCarlo.Options.of(samples, seed), () -> false);
    }

    /** Whether a chart draws bands when its input has them. */
    public static boolean drawsBands(ChartKind kind) {
        return kind == ChartKind.COST_PER_USER || kind == ChartKind.TOTAL;
    }

    /** The default title of a chart for a scenario. */
    public static String defaultTitle(ChartKind kind, Scenario s) {
        return switch (kind) {
            case COST_PER_USER -> ChartData.costPerUserTitle(s) + " across the range";
            case TOTAL -> "Monthly cost by category";
            case CATEGORY_SHARES -> "Share of the monthly cost by category";
            case SHARES_OVER_SCALE -> "Category shares across the range";
            case COMPARE -> "Monthly cost by category, side by side";
            case WATERFALL -> "From one plan to the other, change by change";
            case TORNADO -> "What the answer hangs on";
            case TIMELINE -> "Monthly cost by category over the months";
            case CASH -> "Cash after each month";
        };
    }

    /** The default subtitle of a chart: the what-if charts say what they compare, the others where the model stands. */
    public static String defaultSubtitle(ChartKind kind, Input in, String scalePoint) {
        String cur = in.scenario().currency();
        if (kind == ChartKind.TIMELINE || kind == ChartKind.CASH) {
            // the drivers move along the timeline: the slider's value now would mislead
            String start = in.scenario().timeline() == null ? null : in.scenario().timeline().start();
            return in.scenario().name() + (start == null ? "" : ", from " + start);
        }
        if (kind != ChartKind.COMPARE && kind != ChartKind.WATERFALL && kind != ChartKind.TORNADO) return defaultSubtitle(in, scalePoint);
        WhatIfInput w = in.whatIfFor(kind);
        return switch (kind) {
            case COMPARE -> in.scenario().name() + ": " + String.join(" vs ", w.states().stream().map(n -> n.label()).toList());
            case WATERFALL -> in.scenario().name() + ": " + w.fromLabel() + " " + Formats.money(w.waterfall().fromTotal(), cur)
                    + " \u2192 " + w.toLabel() + " " + Formats.money(w.waterfall().toTotal(), cur) + " a month ("
                    + costscope.whatif.WhatIfTables.relative(w.waterfall().difference() / w.waterfall().fromTotal()) + ")";
            case TORNADO -> defaultSubtitle(in, scalePoint) + " \u2014 " + w.sensitivity().output().label() + " "
                    + costscope.whatif.WhatIfTables.format(w.sensitivity().base(), w.sensitivity().output().format(), cur)
                    + ", each driver " + costscope.whatif.WhatIfTables.swing(w.sensitivity().swing());
            default -> defaultSubtitle(in, scalePoint);
        };
    }

    /** The default footnote of a chart. */
    public static String defaultFootnote(ChartKind kind, Input in, java.time.LocalDate date) {
        String cur = in.scenario().currency();
        return switch (kind) {
            case WATERFALL -> "Each bar is the change in the monthly total when that change is made after the ones to its left;"
                    + " the bars add up to the difference. List prices in " + cur + ". Costscope, " + date + ".";
            case TORNADO -> "Each driver moved down and up with the others fixed, kept inside its declared range; largest"
                    + " effect first. Costscope, " + date + ".";
            case COMPARE -> "Monthly cost by category of each variant; list prices in " + cur + ". Costscope, " + date + ".";
            case TIMELINE, CASH -> timelineFootnote(in, kind) + " List prices in " + cur + ". Costscope, " + date + ".";
            default -> defaultFootnote(in, date);
        };
    }

    /** What a timeline slide says under the chart: months numbered from 0, and the runway or the revenue line. */
    private static String timelineFootnote(Input in, ChartKind kind) {
        Months.Result r = timeline(in);
        String months = r.months().size() + " months" + (r.start() == null ? "" : " from " + r.start()) + ", numbered from 0.";
        if (kind == ChartKind.TIMELINE) return months + (r.sells() ? " Dashed: revenue." : "");
        return months + " Cash is the balance after each month" + (r.runwayMonth() == null ? "."
                : "; it runs out in month " + r.runwayMonth() + ".");
    }

    /** The scenario's timeline at its current values (the timeline charts' data; cheap: one compile, a few recalcs). */
    static Months.Result timeline(Input in) {
        try {
            return Months.run(CompiledScenario.compile(in.scenario()).newEvaluator(in.scenario()));
        } catch (ScenarioException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /** The default subtitle: "Inner World at launch: Concurrent users: 1,000". */
    public static String defaultSubtitle(Input in, String scalePoint) {
        Scenario s = in.scenario();
        String at = scalePoint != null ? " at " + label(s, scalePoint) : "";
        String point = in.driver() == null ? "" : " \u2014 " + ChartData.currentPoint(s, in.driver());
        return s.name() + at + point;
    }

    private static String label(Scenario s, String point) {
        var p = s.scalePoint(point);
        return p == null || p.label() == null || p.label().isBlank() ? point : p.label();
    }

    /** The default footnote: the total now, the currency and the date. */
    public static String defaultFootnote(Input in, java.time.LocalDate date) {
        String cur = in.scenario().currency();
        return "Monthly total " + Formats.money(in.results().monthlyTotal(), cur) + " at the current values; list prices in "
                + cur + ". Costscope, " + date + ".";
    }

    /** Builds and lays out the deck chart (FX thread). */
    public static Rendered render(ChartKind kind, Input in, DeckStyle style) {
        Scenario s = in.scenario();
        List<Category> cats = s.categories();
        VBox root = new VBox();
        root.getStyleClass().addAll("charts-panel", "deck", style.background() == DeckStyle.Background.TRANSPARENT
                ? "deck-transparent" : "deck-white");
        root.setStyle(CategoryColors.definitions(cats));
        root.setId("deck-" + kind.id());
        String title = style.title() == null || style.title().isBlank() ? defaultTitle(kind, s) : style.title();
        root.getChildren().add(text(title, "deck-title"));
        if (style.subtitle() != null && !style.subtitle().isBlank()) root.getChildren().add(text(style.subtitle(), "deck-subtitle"));
        Region chart = switch (kind) {
            case COMPARE, WATERFALL, TORNADO -> WhatIfCharts.node(kind, in.whatIfFor(kind), s.currency());
            default -> chart(kind, in);
        };
        chart.setId("deck-chart");
        chart.setMinSize(0, 0);
        VBox.setVgrow(chart, Priority.ALWAYS);
        root.getChildren().add(chart);
        if (kind == ChartKind.TOTAL || kind == ChartKind.SHARES_OVER_SCALE || kind == ChartKind.CATEGORY_SHARES
                || kind == ChartKind.TIMELINE) {
            FlowPane legend = legend(in, kind == ChartKind.CATEGORY_SHARES);
            if (kind == ChartKind.TOTAL && in.bands() != null) legend.getChildren().addAll(bandLegend(in.bands()));
            root.getChildren().add(legend);
        } else if (kind == ChartKind.COST_PER_USER && in.bands() != null) {
            FlowPane legend = new FlowPane();
            legend.getStyleClass().add("deck-legend");
            legend.setId("deck-legend");
            legend.getChildren().addAll(bandLegend(in.bands()));
            root.getChildren().add(legend);
        }
        if (style.footnote() != null && !style.footnote().isBlank()) root.getChildren().add(text(style.footnote(), "deck-footnote"));
        Scene scene = new Scene(root, style.width(), style.height(),
                style.background() == DeckStyle.Background.TRANSPARENT ? Color.TRANSPARENT : Color.WHITE);
        scene.getStylesheets().addAll(Views.stylesheets());
        scene.getStylesheets().add(deckCss());
        for (int i = 0; i < 3; i++) {
            root.applyCss();
            root.layout();
        }
        return new Rendered(root, style);
    }

    /** The pixels in one snapshot, width*scale x height*scale (FX thread): for the clipboard; at most 2^27 pixels. */
    public static WritableImage snapshot(Rendered r) {
        DeckStyle st = r.style();
        int k = st.scale();
        SnapshotParameters p = new SnapshotParameters();
        p.setFill(st.background() == DeckStyle.Background.TRANSPARENT ? Color.TRANSPARENT : Color.WHITE);
        p.setTransform(new Scale(k, k));
        p.setViewport(new Rectangle2D(0, 0, st.width() * k, st.height() * k));
        WritableImage img = new WritableImage(st.width() * k, st.height() * k);
        return r.root().snapshot(p, img);
    }

    /**
     * The PNG's pixels, width*scale x height*scale, drawn in tiles (FX thread): any size {@link DeckStyle} allows, up
     * to 24000x24000, where one {@link #snapshot} stops at 2^27 pixels.
     */
    public static BufferedImage image(Rendered r) {
        DeckStyle st = r.style();
        int k = st.scale();
        return Headless.snapshot(r.root(), st.width() * k, st.height() * k, k,
                st.background() == DeckStyle.Background.TRANSPARENT ? Color.TRANSPARENT : Color.WHITE);
    }

    /** The SVG document of the same laid-out chart (FX thread). */
    public static String svg(Rendered r) {
        DeckStyle st = r.style();
        return SvgWriter.write(r.root(), st.width(), st.height(),
                st.background() == DeckStyle.Background.TRANSPARENT ? null : Color.WHITE);
    }

    static String deckCss() {
        URL u = ChartRenderer.class.getResource("/styles/deck.css");
        if (u == null) throw new IllegalStateException("missing stylesheet /styles/deck.css");
        return u.toExternalForm();
    }

    private static Chart chart(ChartKind kind, Input in) {
        return switch (kind) {
            case COST_PER_USER -> costPerUser(in);
            case TOTAL -> stacked(in, false);
            case SHARES_OVER_SCALE -> stacked(in, true);
            case CATEGORY_SHARES -> donut(in);
            case TIMELINE -> {
                RangeAreaChart c = new RangeAreaChart(deckAxis(), deckAxis());
                c.setTitle(null);
                TimelineCharts.cost(c, timeline(in), in.scenario());
                c.getXAxis().setLabel("Month (from 0)");
                c.getYAxis().setLabel(ChartData.monthlyAxis(in.scenario()));
                yield c;
            }
            case CASH -> {
                RangeLineChart c = new RangeLineChart(deckAxis(), deckAxis());
                c.setTitle(null);
                TimelineCharts.cash(c, timeline(in), in.scenario());
                c.getXAxis().setLabel("Month (from 0)");
                c.getYAxis().setLabel("Cash (" + in.scenario().currency() + ")");
                yield c;
            }
            case COMPARE, WATERFALL, TORNADO -> throw new IllegalArgumentException(kind + " is a what-if chart");
        };
    }

    private static void range(Input in, LogAxis x) {
        if (in.driver() == null) return;
        x.setFixedRange(in.from(), in.to(), in.log());
        x.setLabel(ChartData.driverAxis(in.scenario(), in.driver(), in.log()));
    }

    private static double currentX(Input in) {
        Driver d = in.driver() == null ? null : in.scenario().driver(in.driver());
        return d == null ? Double.NaN : d.value();
    }

    private static Chart costPerUser(Input in) {
        Scenario s = in.scenario();
        String currency = s.currency();
        RangeLineChart c = new RangeLineChart(deckAxis(), deckAxis());
        c.setTitle(null);
        XYChart.Series<Number, Number> series = new XYChart.Series<>();
        series.setName("cost per user");
        c.getData().add(series);
        series.getNode().getStyleClass().add("cost-per-user-line");
        series.getNode().getProperties().put(SvgWriter.CLASS, "series");
        series.getNode().getProperties().put(SvgWriter.SERIES, "costPerUser");
        c.yAxis().setTickLabelFormatter(TextConverter.ofNumbers(v -> AxisMath.compactMoney(v, ChartData.symbol(s))));
        c.yAxis().setLabel(ChartData.costPerUserAxis(s));
        range(in, c.xAxis());
        boolean users = ChartData.userLabel(s) != null;
        if (in.sweep() != null && users) SeriesData.set(series, in.sweep().x(), in.sweep().costPerUser(), in.log(), true);
        bands(c.bands(), in, "costPerUser");
        if (in.driver() != null) {
            c.markers().setScalePoints(ChartData.scaleMarks(s, in.driver()));
            double cpu = users ? in.results().value("costPerUser") : Double.NaN;
            c.markers().setCurrent(currentX(in), cpu, users ? Formats.money(cpu, currency) : null);
        }
        return c;
    }

    private static Chart stacked(Input in, boolean shares) {
        Scenario s = in.scenario();
        RangeAreaChart c = new RangeAreaChart(deckAxis(), deckAxis());
        c.setTitle(null);
        List<Category> cats = s.categories();
        List<XYChart.Series<Number, Number>> series = new ArrayList<>();
        for (Category cat : cats) series.add(new XYChart.Series<>(cat.label(), FXCollections.observableArrayList()));
        c.getData().setAll(series);
        for (int i = 0; i < series.size(); i++) {
            for (Node n : ((Group) series.get(i).getNode()).getChildren()) {
                boolean fill = n.getStyleClass().contains("chart-series-area-fill");
                n.setStyle(fill ? CategoryColors.fill(i) : CategoryColors.stroke(i));
                n.getProperties().put(SvgWriter.CLASS, fill ? "series" : "series-edge");
                n.getProperties().put(SvgWriter.SERIES, cats.get(i).id());
            }
        }
        if (shares) {
            c.yAxis().setFixedRange(0, 100, false);
            c.yAxis().setMinorTickCount(2);
            c.yAxis().setTickLabelFormatter(TextConverter.ofNumbers(v -> Formats.number(v, 0) + "%"));
            c.yAxis().setLabel("% of monthly total");
        } else {
            c.yAxis().setTickLabelFormatter(TextConverter.ofNumbers(v -> AxisMath.compactMoney(v, ChartData.symbol(s))));
            c.yAxis().setLabel(ChartData.monthlyAxis(s));
        }
        range(in, c.xAxis());
        Sweep.Result sw = in.sweep();
        if (sw != null) {
            double[][] values = shares ? ChartData.sharePercents(sw) : sw.categoryMonthly();
            int n = Math.min(values.length, series.size());
            for (int k = 0; k < n; k++) SeriesData.set(series.get(k), sw.x(), values[k], in.log(), false);
        }
        if (!shares) bands(c.bands(), in, "total");
        if (in.driver() != null) {
            c.markers().setScalePoints(ChartData.scaleMarks(s, in.driver()));
            double total = in.results().monthlyTotal();
            if (shares) c.markers().setCurrent(currentX(in), Double.NaN, null);
            else c.markers().setCurrent(currentX(in), total, ChartData.shortMoney(total, s.currency()));
        }
        return c;
    }

    /** Puts output {@code id}'s bands from the input (if it has them) on a chart's bands, named for SVG. */
    private static void bands(RangeBands b, Input in, String id) {
        MonteCarlo.Band band = in.bands() == null ? null : band(in.bands(), id);
        if (band == null) return;
        b.set(in.bands().points(), band, false);
        b.outer().getProperties().put(SvgWriter.CLASS, "band");
        b.outer().getProperties().put(SvgWriter.SERIES, id + "-p5-p95");
        b.inner().getProperties().put(SvgWriter.CLASS, "band");
        b.inner().getProperties().put(SvgWriter.SERIES, id + "-p10-p90");
        b.curve().getProperties().put(SvgWriter.CLASS, "series-edge");
        b.curve().getProperties().put(SvgWriter.SERIES, id);
    }

    private static MonteCarlo.Band band(MonteCarlo.Bands all, String id) {
        for (MonteCarlo.Band b : all.bands()) if (b.id().equals(id)) return b;
        return null;
    }

    /** The bands' key: "P10–P90 of 10,000 samples" and "P5–P95", each with its swatch. */
    private static List<Node> bandLegend(MonteCarlo.Bands b) {
        List<Node> out = new ArrayList<>();
        String[][] items = {{"band-swatch-inner", "P10\u2013P90 of " + ChartData.samples(b.samples())},
                {"band-swatch-outer", "P5\u2013P95"}};
        for (String[] it : items) {
            Region swatch = new Region();
            swatch.getStyleClass().addAll("deck-swatch", "band-swatch", it[0]);
            swatch.getProperties().put(SvgWriter.CLASS, "swatch band-swatch");
            Label name = new Label(it[1]);
            name.getStyleClass().add("deck-legend-name");
            HBox item = new HBox(swatch, name);
            item.getStyleClass().addAll("deck-legend-item", "deck-band-legend-item");
            out.add(item);
        }
        return out;
    }

    /** A line of the slide's text (title, subtitle, footnote) that wraps; its style class is also its id. */
    private static Label text(String text, String styleClass) {
        Label l = new Label(text);
        l.getStyleClass().add(styleClass);
        l.setId(styleClass);
        l.setWrapText(true);
        l.setMinHeight(Region.USE_PREF_SIZE);
        return l;
    }

    private static Chart donut(Input in) {
        DonutChart c = new DonutChart();
        c.setTitle(null);
        c.setLabelLineLength(18);
        List<ChartData.Slice> slices = ChartData.slices(in.results());
        List<Node> nodes = PieSlices.fill(c, slices);
        for (int i = 0; i < slices.size(); i++) {
            Node node = nodes.get(i);
            node.getProperties().put(SvgWriter.CLASS, "series slice");
            node.getProperties().put(SvgWriter.SERIES, slices.get(i).id());
        }
        c.caption().setText(ChartData.shortMoney(in.results().monthlyTotal(), in.scenario().currency()) + "\nper month");
        return c;
    }

    private static FlowPane legend(Input in, boolean sharesNow) {
        FlowPane pane = new FlowPane();
        pane.getStyleClass().add("deck-legend");
        pane.setId("deck-legend");
        List<Category> cats = in.scenario().categories();
        for (ChartData.LegendRow row : ChartData.legend(in.results())) {
            if (sharesNow && row.zero()) continue;
            Region swatch = new Region();
            swatch.getStyleClass().add("deck-swatch");
            swatch.setStyle(CategoryColors.background(row.category()));
            swatch.getProperties().put(SvgWriter.CLASS, "swatch");
            swatch.getProperties().put(SvgWriter.SERIES, cats.get(row.category()).id());
            String text = sharesNow ? row.label() + " " + Formats.percent(row.share()) : row.label();
            Label name = new Label(text);
            name.getStyleClass().add("deck-legend-name");
            HBox item = new HBox(swatch, name);
            item.getStyleClass().add("deck-legend-item");
            pane.getChildren().add(item);
        }
        return pane;
    }

    /** The app's axis with tick labels spaced for slide-sized fonts (about twice the screen spacing). */
    private static LogAxis deckAxis() {
        return new LogAxis().labelSpacing(150, 80);
    }
}
