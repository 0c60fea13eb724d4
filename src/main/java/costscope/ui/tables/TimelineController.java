package costscope.ui.tables;

import costscope.engine.Months;
import costscope.export.Reports;
import costscope.model.Category;
import costscope.model.Scenario;
import costscope.ui.base.AppContext;
import costscope.ui.base.WhenShowing;
import costscope.ui.charts.CategoryColors;
import costscope.ui.charts.ChartData;
import costscope.ui.charts.RangeAreaChart;
import costscope.ui.charts.RangeLineChart;
import costscope.ui.charts.TimelineCharts;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.fxml.FXML;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * Controller of timeline_view.fxml: the scenario's timeline month by month, live with the sliders (computed with the
 * audit in the background, {@code Recalculator.timelineProperty}). Monthly cost stacked by category with revenue over
 * it, the cash after each month with the month it runs out, events marked on both; a table by month, quarter or
 * year; the runway, break-even and paybacks in one line. Hidden, it does no work while a slider moves.
 */
public final class TimelineController {
    private final AppContext ctx;
    private List<String> categoryKey = List.of();

    @FXML
    private BorderPane view;
    @FXML
    private Label caption;
    @FXML
    private ChoiceBox<String> period;
    @FXML
    private RangeAreaChart costChart;
    @FXML
    private RangeLineChart cashChart;
    @FXML
    private javafx.scene.control.CheckBox costLog;
    @FXML
    private Label summary;
    @FXML
    private TableView<TimelineRow> table;

    public TimelineController(AppContext ctx) {
        this.ctx = ctx;
    }

    @FXML
    private void initialize() {
        period.getItems().setAll("month", "quarter", "year");
        period.setValue("month");
        costChart.xAxis().setLogarithmic(false);
        cashChart.xAxis().setLogarithmic(false);
        cashChart.yAxis().setLogarithmic(false);
        costChart.getXAxis().setLabel("Month (from 0)");
        costLog.selectedProperty().addListener((o, was, on) -> costChart.yAxis().setLogarithmic(on));
        cashChart.getXAxis().setLabel("Month (from 0)");
        columns();
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(TimelineRow r, boolean empty) {
                super.updateItem(r, empty);
                getStyleClass().remove("timeline-negative");
                if (!empty && r != null && r.negativeCash()) getStyleClass().add("timeline-negative");
            }
        });
        // right-click a chart: export it for a slide, copy it, export all charts (as the range charts)
        costscope.ui.export.ChartExporter exporter = new costscope.ui.export.ChartExporter(ctx,
                new costscope.ui.export.FxExportPrompts(() -> view.getScene() == null ? null : view.getScene().getWindow()));
        exporter.attachMenu(costChart, costscope.export.chart.ChartKind.TIMELINE);
        exporter.attachMenu(cashChart, costscope.export.chart.ChartKind.CASH);
        WhenShowing whenShowing = new WhenShowing(table, () -> show(ctx.recalc().timelineProperty().get()));
        ctx.recalc().timelineProperty().addListener((o, a, r) -> whenShowing.changed());
        // without a timeline the result stays null from one scenario to the next: the caption follows the scenario
        ctx.document().scenarioProperty().addListener((o, a, s) -> {
            if (a == null || s == null || s.timeline() == null || a.timeline() == null) whenShowing.changed();
        });
        period.valueProperty().addListener((o, a, p) -> show(ctx.recalc().timelineProperty().get()));
        show(ctx.recalc().timelineProperty().get());
    }

    private void columns() {
        table.getColumns().add(column("Month", TimelineRow::period, false));
        table.getColumns().add(column("Date", TimelineRow::date, false));
        table.getColumns().add(column("Total", TimelineRow::total, true));
        table.getColumns().add(column("Revenue", TimelineRow::revenue, true));
        table.getColumns().add(column("Profit", TimelineRow::profit, true));
        table.getColumns().add(column("One-off", TimelineRow::oneOff, true));
        table.getColumns().add(column("Funding", TimelineRow::funding, true));
        table.getColumns().add(column("Cash after", TimelineRow::cash, true));
        table.getColumns().add(column("Spent so far", TimelineRow::cumulative, true));
        TableColumn<TimelineRow, String> events = column("Events", TimelineRow::events, false);
        events.setPrefWidth(320);
        table.getColumns().add(events);
    }

    private static TableColumn<TimelineRow, String> column(String title, Function<TimelineRow, String> value, boolean numeric) {
        TableColumn<TimelineRow, String> c = new TableColumn<>(title);
        c.setId("timeline-" + title.toLowerCase(Locale.ROOT).replace(' ', '-'));
        c.setSortable(false);
        c.setCellValueFactory(p -> new ReadOnlyStringWrapper(value.apply(p.getValue())));
        if (numeric) c.getStyleClass().add("numeric");
        c.setPrefWidth(numeric ? 120 : 90);
        return c;
    }

    private Months.Period by() {
        return switch (period.getValue()) {
            case "quarter" -> Months.Period.QUARTER;
            case "year" -> Months.Period.YEAR;
            default -> Months.Period.MONTH;
        };
    }

    /** Shows a timeline, or says there is none. */
    void show(Months.Result r) {
        Scenario sc = ctx.document().scenario();
        if (r == null || sc == null || sc.timeline() == null) {
            caption.setText(sc != null && sc.timeline() == null
                    ? "This scenario has no timeline. Start one in the Model tab, under Timeline."
                    : "The timeline appears once the scenario has no problems.");
            summary.setText("");
            table.getItems().clear();
            costChart.getData().clear();
            categoryKey = List.of();
            costChart.setOverlay(null, null);
            cashChart.getData().clear();
            return;
        }
        String currency = sc.currency();
        int n = r.months().size();
        caption.setText(n + " months" + (r.start() == null ? "" : " from " + r.start()) + ", numbered from 0; each month's"
                + " cash is the balance after that month. The sliders move the whole timeline.");
        if (!categoryKey.equals(key(sc.categories()))) {
            categoryKey = key(sc.categories());
            view.setStyle(CategoryColors.definitions(sc.categories()));
            costChart.getData().clear();
        }
        TimelineCharts.cost(costChart, r, sc);
        costChart.setTitle(r.sells() ? "Monthly cost by category; revenue dashed" : "Monthly cost by category");
        costChart.getYAxis().setLabel(ChartData.monthlyAxis(sc));
        TimelineCharts.cash(cashChart, r, sc);
        cashChart.getYAxis().setLabel(currency);
        summary.setText(String.join("   \u00b7   ", Reports.timelineSummary(r, currency)));
        table.getItems().setAll(TimelineRow.of(r, by(), currency));
        table.getColumns().get(1).setVisible(r.start() != null);
        table.getColumns().get(3).setVisible(r.sells());
        table.getColumns().get(4).setVisible(r.sells());
    }

    private static List<String> key(List<Category> cats) {
        List<String> key = new ArrayList<>();
        for (int i = 0; i < cats.size(); i++) key.add(cats.get(i).id() + "|" + CategoryColors.value(cats.get(i), i));
        return key;
    }
}
