package costscope.ui.panels;

import costscope.ui.charts.*;

import costscope.engine.MonteCarlo;
import costscope.engine.Results;
import costscope.engine.Sweep;
import costscope.export.Formats;
import costscope.model.Category;
import costscope.model.Driver;
import costscope.model.Scenario;
import costscope.ui.base.AppContext;
import costscope.ui.base.TextConverter;
import costscope.ui.base.Views;
import costscope.ui.export.ChartExporter;
import costscope.ui.export.FxExportPrompts;
import costscope.ui.recalc.ChartRange;
import costscope.ui.recalc.Simulations;
import costscope.export.chart.ChartKind;
import javafx.collections.FXCollections;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.chart.XYChart;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Controller of charts_panel.fxml: wires the recalculator's sweep and results into the charts. Series are created
 * only when the categories change; each recalculation writes values into the existing series in place. Only the
 * charts of the visible tab are updated per frame; the other tab's catch up when it is selected. The simulations'
 * snapshots put uncertainty bands on the cost-per-user and total charts (lighter while an estimate or out of date).
 */
public final class ChartsPanelController {
    /** Parts of the charts that a change leaves out of date until their tab is shown. */
    private enum Part { COST_SERIES, COST_POINT, SHARE_SERIES, SHARE_POINT }

    private static final PseudoClass STALE = PseudoClass.getPseudoClass("stale");

    private final AppContext ctx;
    private ChartExporter exporter;
    /** The categories the series were made for (null before the first results). */
    private List<Category> categories;
    @FXML
    private BorderPane chartsPanel;
    @FXML
    private Tab costTab;
    @FXML
    private Tab sharesTab;
    @FXML
    private RangeLineChart costPerUserChart;
    @FXML
    private Label costPerUserEmpty;
    @FXML
    private RangeAreaChart totalChart;
    @FXML
    private CheckBox totalLog;
    /** The "Category shares" tab's charts: null until the tab is first selected ({@link #ensureShares}). */
    private DonutChart sharePie;
    private RangeAreaChart shareChart;
    @FXML
    private Label legendPoint;
    @FXML
    private VBox legendRows;
    @FXML
    private Label legendTotal;
    @FXML
    private VBox bandLegend;
    @FXML
    private Label bandInnerText;
    @FXML
    private Label bandState;

    private final XYChart.Series<Number, Number> costPerUser = new XYChart.Series<>();
    private final Set<Part> dirty = EnumSet.allOf(Part.class);
    private CategoryLegend legend;
    private PieSlices pie;
    private List<String> categoryKey = List.of();
    private String currency = "USD";
    private boolean hasUsers = true;

    public ChartsPanelController(AppContext ctx) {
        this.ctx = ctx;
    }

    @FXML
    private void initialize() {
        legend = new CategoryLegend(legendRows);
        costPerUser.setName("cost per user");
        costPerUserChart.getData().add(costPerUser);
        costPerUser.getNode().getStyleClass().add("cost-per-user-line");
        costPerUserChart.yAxis().setTickLabelFormatter(TextConverter.ofNumbers(v -> AxisMath.compactMoney(v, Formats.symbol(currency).trim())));
        totalChart.yAxis().setTickLabelFormatter(TextConverter.ofNumbers(v -> AxisMath.compactMoney(v, Formats.symbol(currency).trim())));
        totalLog.selectedProperty().addListener((o, a, on) -> totalChart.yAxis().setLogarithmic(on));
        costTab.selectedProperty().addListener((o, a, on) -> refresh());
        sharesTab.selectedProperty().addListener((o, a, on) -> {
            if (on) ensureShares();
            refresh();
        });
        ctx.recalc().resultsProperty().addListener((o, a, r) -> onResults(r));
        ctx.recalc().rangeProperty().addListener((o, a, r) -> onRange(r));
        ctx.recalc().sweepProperty().addListener((o, a, s) -> onSweep(s));
        onResults(ctx.recalc().results());
        onRange(ctx.recalc().rangeProperty().get());
        onSweep(ctx.recalc().sweepProperty().get());
        ctx.simulations().snapshotProperty().addListener((o, a, snap) -> showBands());
        ctx.simulations().runningProperty().addListener((o, a, on) -> showBands());
        costPerUserChart.bands().describe(i -> bandTip("costPerUser", i));
        totalChart.bands().describe(i -> bandTip("total", i));
        costscope.ui.base.LazyTooltip.showing(bandLegend, 420, this::legendTip);
        showBands();
        exporter = new ChartExporter(ctx,
                new FxExportPrompts(() -> chartsPanel.getScene() == null ? null : chartsPanel.getScene().getWindow()));
        exporter.attachMenu(costPerUserChart, ChartKind.COST_PER_USER);
        exporter.attachMenu(totalChart, ChartKind.TOTAL);
    }

    /**
     * Builds the "Category shares" tab's charts the first time it is selected: until then (at start, say) they are
     * neither built, styled nor fed, which the window's first frame is spared.
     */
    private void ensureShares() {
        if (sharePie != null) return;
        javafx.scene.Parent content = Views.load(Views.View.CHARTS_SHARES);
        sharePie = (DonutChart) content.lookup("#sharePie");
        shareChart = (RangeAreaChart) content.lookup("#shareChart");
        pie = new PieSlices(sharePie);
        shareChart.yAxis().setFixedRange(0, 100, false);
        shareChart.yAxis().setMinorTickCount(2);
        shareChart.yAxis().setTickLabelFormatter(TextConverter.ofNumbers(v -> Formats.number(v, 0) + "%"));
        shareChart.yAxis().setLabel("% of monthly total");
        exporter.attachMenu(sharePie, ChartKind.CATEGORY_SHARES);
        exporter.attachMenu(shareChart, ChartKind.SHARES_OVER_SCALE);
        sharesTab.setContent(content);
        // the categories last shown (the results may be gone for now: a model with problems)
        if (categories != null) categorySeries(shareChart, categories);
        rangeAxis(shareChart.xAxis(), ctx.recalc().rangeProperty().get());
        dirty.add(Part.SHARE_SERIES);
        dirty.add(Part.SHARE_POINT);
    }

    private void onResults(Results r) {
        chartsPanel.pseudoClassStateChanged(STALE, r == null);
        if (r == null) return;
        Scenario s = r.compiled().scenario();
        currency = s.currency();
        ensureCategories(s.categories());
        hasUsers = ChartData.userLabel(s) != null;
        costPerUserEmpty.setVisible(!hasUsers);
        costPerUserChart.setVisible(hasUsers);
        costPerUserChart.setTitle(ChartData.costPerUserTitle(s));
        costPerUserChart.yAxis().setLabel(ChartData.costPerUserAxis(s));
        totalChart.yAxis().setLabel(ChartData.monthlyAxis(s));
        legend.show(r);
        legendTotal.setText("Total " + Formats.money(r.monthlyTotal(), currency) + " / month");
        showPointLabel();
        dirty.add(Part.COST_POINT);
        dirty.add(Part.SHARE_POINT);
        refresh();
    }

    private void onRange(ChartRange r) {
        if (r == null) return;
        rangeAxis(costPerUserChart.xAxis(), r);
        rangeAxis(totalChart.xAxis(), r);
        if (shareChart != null) rangeAxis(shareChart.xAxis(), r);
        showPointLabel();
        dirty.add(Part.COST_POINT);
        dirty.add(Part.SHARE_POINT);
        refresh();
    }

    private void onSweep(Sweep.Result sw) {
        if (sw == null) return;
        dirty.add(Part.COST_SERIES);
        dirty.add(Part.SHARE_SERIES);
        refresh();
    }

    /**
     * The bands of the latest snapshot on the cost-per-user and total charts, or none; lighter ("estimating…") while
     * it is a first estimate or a newer run is on its way.
     */
    private void showBands() {
        Simulations.Snapshot snap = ctx.simulations().snapshot();
        MonteCarlo.Band cpu = snap == null || !hasUsers ? null : ChartData.spreading(snap.band("costPerUser"));
        MonteCarlo.Band total = snap == null ? null : ChartData.spreading(snap.band("total"));
        boolean estimating = snap != null && (!snap.complete() || ctx.simulations().runningProperty().get());
        if (cpu != null) costPerUserChart.bands().set(snap.bands().points(), cpu, estimating);
        else costPerUserChart.bands().clear();
        if (total != null) totalChart.bands().set(snap.bands().points(), total, estimating);
        else totalChart.bands().clear();
        boolean any = cpu != null || total != null;
        bandLegend.setVisible(any);
        bandLegend.setManaged(any);
        if (!any) return;
        bandInnerText.setText("P10\u2013P90 of " + ChartData.samples(snap.bands().samples()));
        bandState.setText(!snap.complete() ? "estimating\u2026" : "updating\u2026");
        bandState.setVisible(estimating);   // its line stays: the legend does not jump as runs start and land
    }

    /** The tooltip of a band at point {@code i}: "Monthly active users 12,345: P10–P90 $a – $b, P5–P95 $c – $d". */
    private String bandTip(String output, int i) {
        Simulations.Snapshot snap = ctx.simulations().snapshot();
        MonteCarlo.Band b = snap == null ? null : snap.band(output);
        Scenario s = ctx.document().scenario();
        if (b == null || s == null || i < 0 || i >= b.p10().length) return "";
        MonteCarlo.Bands all = snap.bands();
        var d = s.driver(all.driver());
        String at = (d == null ? all.driver() : d.label()) + " " + AxisMath.compact(all.points()[i]);
        java.util.function.DoubleFunction<String> money = output.equals("total")
                ? v -> ChartData.shortMoney(v, currency) : v -> Formats.money(v, currency);
        return at + ":\nP10\u2013P90 " + money.apply(b.p10()[i]) + " \u2013 " + money.apply(b.p90()[i])
                + "\nP5\u2013P95 " + money.apply(b.p5()[i]) + " \u2013 " + money.apply(b.p95()[i])
                + "\nmedian " + money.apply(b.p50()[i]) + ", " + ChartData.samples(snap.bands().samples())
                + (snap.complete() ? "" : " (first estimate)");
    }

    /** What the bands are. */
    private String legendTip() {
        Simulations.Snapshot snap = ctx.simulations().snapshot();
        if (snap == null) return "";
        return "Monte Carlo over the drivers' ranges (" + ChartData.samples(snap.samples()) + ", seed " + snap.seed()
                + "), at " + Simulations.BAND_POINTS + " points across the range: at each point 80% of the samples lie"
                + " in the darker band (P10\u2013P90) and 90% in the lighter one (P5\u2013P95). The line is the model at"
                + " the drivers' own values." + (snap.complete() ? "" : " This is a first estimate; the full run is on its way.");
    }

    /** "Concurrent users: 1,000" above the legend. */
    private void showPointLabel() {
        ChartRange range = ctx.recalc().rangeProperty().get();
        Scenario s = ctx.document().scenario();
        legendPoint.setText(range == null || s == null ? "" : ChartData.currentPoint(s, range.driver()));
    }

    /** Brings the visible tab's charts up to date. */
    private void refresh() {
        Results r = ctx.recalc().results();
        Sweep.Result sw = ctx.recalc().sweepProperty().get();
        ChartRange range = ctx.recalc().rangeProperty().get();
        if (r == null || range == null) return;
        boolean logX = range.log();
        if (costTab.isSelected()) {
            if (sw != null && dirty.remove(Part.COST_SERIES)) {
                SeriesData.set(costPerUser, sw.x(), hasUsers ? sw.costPerUser() : new double[sw.x().length], logX, true);
                int n = Math.min(sw.categoryMonthly().length, totalChart.getData().size());
                for (int k = 0; k < n; k++) SeriesData.set(totalChart.getData().get(k), sw.x(), sw.categoryMonthly()[k], logX, false);
            }
            if (dirty.remove(Part.COST_POINT)) showCostPoint(r, range);
        }
        if (sharesTab.isSelected()) {
            ensureShares();
            if (sw != null && dirty.remove(Part.SHARE_SERIES)) {
                double[][] shares = ChartData.sharePercents(sw);
                int n = Math.min(shares.length, shareChart.getData().size());
                for (int k = 0; k < n; k++) SeriesData.set(shareChart.getData().get(k), sw.x(), shares[k], logX, false);
            }
            if (dirty.remove(Part.SHARE_POINT)) showSharePoint(r, range);
        }
    }

    private Scenario document(Scenario fallback) {
        Scenario doc = ctx.document().scenario();
        return doc != null ? doc : fallback;
    }

    /** The current value of the range driver, as the document has it. */
    private double currentX(Results r, ChartRange range) {
        Driver d = document(r.compiled().scenario()).driver(range.driver());
        return d == null ? Double.NaN : d.value();
    }

    private void showCostPoint(Results r, ChartRange range) {
        Scenario s = r.compiled().scenario();
        List<RangeMarkers.Mark> marks = ChartData.scaleMarks(s, range.driver());
        double x = currentX(r, range);
        double cpu = hasUsers ? r.value("costPerUser") : Double.NaN;
        costPerUserChart.markers().setScalePoints(marks);
        costPerUserChart.markers().setCurrent(x, cpu, hasUsers ? Formats.money(cpu, currency) : null);
        totalChart.markers().setScalePoints(marks);
        totalChart.markers().setCurrent(x, r.monthlyTotal(), ChartData.shortMoney(r.monthlyTotal(), currency));
        // what a screen reader speaks: the chart's title, the current point and its value
        String at = ChartData.currentPoint(s, range.driver());
        costPerUserChart.setAccessibleText(costPerUserChart.getTitle() + ". " + at + (hasUsers ? ". " + Formats.money(cpu, currency) : ""));
        totalChart.setAccessibleText(totalChart.getTitle() + ". " + at + ". " + Formats.money(r.monthlyTotal(), currency) + " a month");
    }

    private void showSharePoint(Results r, ChartRange range) {
        shareChart.markers().setScalePoints(ChartData.scaleMarks(r.compiled().scenario(), range.driver()));
        shareChart.markers().setCurrent(currentX(r, range), Double.NaN, null);
        pie.show(r, currency);
    }

    /** A chart's x axis across the range {@code r} (nothing when null), labelled with its driver. */
    private void rangeAxis(LogAxis axis, ChartRange r) {
        if (r == null) return;
        Scenario s = ctx.document().scenario();
        axis.setFixedRange(r.from(), r.to(), r.log());
        if (s != null) axis.setLabel(ChartData.driverAxis(s, r.driver(), r.log()));
    }

    /** One empty series per category on {@code chart}, each in its category's colour. */
    private static void categorySeries(RangeAreaChart chart, List<Category> cats) {
        List<XYChart.Series<Number, Number>> series = new ArrayList<>();
        for (Category c : cats) series.add(new XYChart.Series<>(c.label(), FXCollections.observableArrayList()));
        chart.getData().setAll(series);
        for (int i = 0; i < series.size(); i++) CategoryColors.colourArea(series.get(i).getNode(), i);
    }

    /** Creates the category series, colour tokens and legend rows when the categories change (not per frame). */
    private void ensureCategories(List<Category> cats) {
        List<String> key = new ArrayList<>();
        for (int i = 0; i < cats.size(); i++) {
            key.add(cats.get(i).id() + "|" + cats.get(i).label() + "|" + CategoryColors.value(cats.get(i), i));
        }
        if (key.equals(categoryKey)) return;
        categoryKey = key;
        categories = cats;
        chartsPanel.setStyle(CategoryColors.definitions(cats));
        categorySeries(totalChart, cats);
        if (shareChart != null) categorySeries(shareChart, cats);
        legend.rebuild(cats);
        if (pie != null) pie.clear();
        dirty.addAll(EnumSet.allOf(Part.class));
    }
}
