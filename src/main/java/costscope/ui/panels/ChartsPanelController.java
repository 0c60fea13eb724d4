package costscope.ui.panels;

import costscope.ui.charts.*;

import costscope.engine.Results;
import costscope.engine.Sweep;
import costscope.export.Formats;
import costscope.model.Category;
import costscope.model.Driver;
import costscope.model.Scenario;
import costscope.ui.base.AppContext;
import costscope.ui.base.TextConverter;
import costscope.ui.export.ChartExporter;
import costscope.ui.export.FxExportPrompts;
import costscope.ui.recalc.ChartRange;
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
 * charts of the visible tab are updated per frame; the other tab's catch up when it is selected.
 */
public final class ChartsPanelController {
    /** Parts of the charts that a change leaves out of date until their tab is shown. */
    private enum Part { COST_SERIES, COST_POINT, SHARE_SERIES, SHARE_POINT }

    private static final PseudoClass STALE = PseudoClass.getPseudoClass("stale");

    private final AppContext ctx;
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
    @FXML
    private DonutChart sharePie;
    @FXML
    private RangeAreaChart shareChart;
    @FXML
    private Label legendPoint;
    @FXML
    private VBox legendRows;
    @FXML
    private Label legendTotal;

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
        pie = new PieSlices(sharePie);
        costPerUser.setName("cost per user");
        costPerUserChart.getData().add(costPerUser);
        costPerUser.getNode().getStyleClass().add("cost-per-user-line");
        costPerUserChart.yAxis().setTickLabelFormatter(TextConverter.ofNumbers(v -> AxisMath.compactMoney(v, Formats.symbol(currency).trim())));
        totalChart.yAxis().setTickLabelFormatter(TextConverter.ofNumbers(v -> AxisMath.compactMoney(v, Formats.symbol(currency).trim())));
        shareChart.yAxis().setFixedRange(0, 100, false);
        shareChart.yAxis().setMinorTickCount(2);
        shareChart.yAxis().setTickLabelFormatter(TextConverter.ofNumbers(v -> Formats.number(v, 0) + "%"));
        shareChart.yAxis().setLabel("% of monthly total");
        totalLog.selectedProperty().addListener((o, a, on) -> totalChart.yAxis().setLogarithmic(on));
        costTab.selectedProperty().addListener((o, a, on) -> refresh());
        sharesTab.selectedProperty().addListener((o, a, on) -> refresh());
        ctx.recalc().resultsProperty().addListener((o, a, r) -> onResults(r));
        ctx.recalc().rangeProperty().addListener((o, a, r) -> onRange(r));
        ctx.recalc().sweepProperty().addListener((o, a, s) -> onSweep(s));
        onResults(ctx.recalc().results());
        onRange(ctx.recalc().rangeProperty().get());
        onSweep(ctx.recalc().sweepProperty().get());
        ChartExporter exporter = new ChartExporter(ctx,
                new FxExportPrompts(() -> chartsPanel.getScene() == null ? null : chartsPanel.getScene().getWindow()));
        exporter.attachMenu(costPerUserChart, ChartKind.COST_PER_USER);
        exporter.attachMenu(totalChart, ChartKind.TOTAL);
        exporter.attachMenu(sharePie, ChartKind.CATEGORY_SHARES);
        exporter.attachMenu(shareChart, ChartKind.SHARES_OVER_SCALE);
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
        Scenario s = ctx.document().scenario();
        for (LogAxis axis : List.of(costPerUserChart.xAxis(), totalChart.xAxis(), shareChart.xAxis())) {
            axis.setFixedRange(r.from(), r.to(), r.log());
            if (s != null) axis.setLabel(ChartData.driverAxis(s, r.driver(), r.log()));
        }
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
    }

    private void showSharePoint(Results r, ChartRange range) {
        shareChart.markers().setScalePoints(ChartData.scaleMarks(r.compiled().scenario(), range.driver()));
        shareChart.markers().setCurrent(currentX(r, range), Double.NaN, null);
        pie.show(r, currency);
    }

    /** Creates the category series, colour tokens and legend rows when the categories change (not per frame). */
    private void ensureCategories(List<Category> cats) {
        List<String> key = new ArrayList<>();
        for (int i = 0; i < cats.size(); i++) {
            key.add(cats.get(i).id() + "|" + cats.get(i).label() + "|" + CategoryColors.value(cats.get(i), i));
        }
        if (key.equals(categoryKey)) return;
        categoryKey = key;
        chartsPanel.setStyle(CategoryColors.definitions(cats));
        for (RangeAreaChart chart : List.of(totalChart, shareChart)) {
            List<XYChart.Series<Number, Number>> series = new ArrayList<>();
            for (Category c : cats) series.add(new XYChart.Series<>(c.label(), FXCollections.observableArrayList()));
            chart.getData().setAll(series);
            for (int i = 0; i < series.size(); i++) colourArea(series.get(i).getNode(), i);
        }
        legend.rebuild(cats);
        pie.clear();
        dirty.addAll(EnumSet.allOf(Part.class));
    }

    private static void colourArea(Node group, int index) {
        for (Node n : ((Group) group).getChildren()) {
            n.setStyle(n.getStyleClass().contains("chart-series-area-fill") ? CategoryColors.fill(index) : CategoryColors.stroke(index));
        }
    }
}
