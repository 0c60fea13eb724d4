package costscope.ui.whatif;

import costscope.ui.charts.CompareBars;
import costscope.ui.charts.WaterfallChart;
import costscope.export.Formats;
import costscope.export.chart.ChartKind;
import costscope.model.Scenario;
import costscope.ui.base.AppContext;
import costscope.ui.base.WhenShowing;
import costscope.ui.export.ChartExporter;
import costscope.ui.export.FxExportPrompts;
import costscope.ui.recalc.LatestResult;
import costscope.whatif.Compare;
import costscope.whatif.CompareStates;
import costscope.whatif.CompareText;
import costscope.whatif.Waterfall;
import costscope.whatif.WaterfallOrder;
import costscope.whatif.WhatIfInput;
import javafx.fxml.FXML;
import javafx.scene.chart.BarChart;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.controlsfx.control.CheckComboBox;

import java.util.List;
import java.util.Objects;

/**
 * Controller of whatif_compare.fxml: the states the user ticks side by side (the first, or the one picked as
 * reference, is what differences are measured from), grouped bars by category, and the savings waterfall from the
 * reference to one other state in an order the user can change. Recomputes off the FX thread when the scenario
 * changes, only while showing; the newest request's results win ({@link LatestResult}).
 */
public final class CompareController {
    private final AppContext ctx;
    /** The comparison and the waterfall are computed apart (a reorder recomputes only the waterfall); newest wins. */
    private final LatestResult compares;
    private final LatestResult waterfalls;
    private final WaterfallOrder order = new WaterfallOrder();
    private CompareStatePicker picker;
    private CompareTable tableView;
    private CompareBars bars;
    private WaterfallOrderList orderView;
    /** The currency symbol of the figures shown. */
    private String symbol = "$";
    /** What the charts show now, for export. */
    private Compare shownCompare;
    private WaterfallShown shownWaterfall;

    @FXML
    private BorderPane root;
    @FXML
    private HBox toolbar;
    @FXML
    private CheckComboBox<CompareStates.State> statesPicker;
    @FXML
    private ComboBox<CompareStates.State> referenceBox;
    @FXML
    private Label summary;
    @FXML
    private SplitPane content;
    @FXML
    private TableView<Compare.Row> table;
    @FXML
    private BarChart<String, Number> barChart;
    @FXML
    private Label waterfallFrom;
    @FXML
    private ComboBox<CompareStates.State> targetBox;
    @FXML
    private WaterfallChart waterfall;
    @FXML
    private ListView<Waterfall.Step> orderList;
    @FXML
    private Button moveUp;
    @FXML
    private Button moveDown;
    @FXML
    private Button resetOrder;
    @FXML
    private Label waterfallCaption;
    @FXML
    private VBox messagePane;
    @FXML
    private Label messageTitle;
    @FXML
    private Label messageText;

    /** A waterfall as computed, with the labels and currency it is shown with. */
    private record WaterfallShown(Waterfall waterfall, String from, String to, String currency) {
    }

    public CompareController(AppContext ctx) {
        this.ctx = ctx;
        this.compares = new LatestResult(ctx.tasks());
        this.waterfalls = new LatestResult(ctx.tasks());
    }

    @FXML
    private void initialize() {
        tableView = new CompareTable(table);
        bars = new CompareBars(barChart);
        orderView = new WaterfallOrderList(orderList, moveUp, moveDown, resetOrder, () -> symbol, ids -> {
            order.set(ids);
            recomputeWaterfall();
        });
        picker = new CompareStatePicker(statesPicker, referenceBox, targetBox, this::recompute);
        ChartExporter exporter = new ChartExporter(ctx,
                new FxExportPrompts(() -> root.getScene() == null ? null : root.getScene().getWindow()), this::shown);
        exporter.attachMenu(waterfall, ChartKind.WATERFALL);
        exporter.attachMenu(barChart, ChartKind.COMPARE);
        WhenShowing whenShowing = new WhenShowing(root, this::refresh);
        ctx.document().scenarioProperty().addListener((o, a, s) -> whenShowing.changed());
        refresh();
    }

    /** The scenario changed: offer its states (keeping the ticks that still exist) and recompute. */
    private void refresh() {
        Scenario sc = ctx.document().scenario();
        if (sc == null) {
            showMessage("No scenario open", "Open a scenario to compare its variants.", false);
            return;
        }
        if (picker.offer(sc) < 2) {
            showMessage("No variants to compare yet",
                    "Compare puts saved variants of this scenario side by side, with the savings waterfall from one to "
                            + "another. Create variants in the left panel with \"Save as variant\": set the sliders and "
                            + "levers, save, change them, save again.", true);
            return;
        }
        recompute();
    }

    /** Recomputes the comparison and the waterfall in the background; the newest request's results win. */
    private void recompute() {
        Scenario sc = ctx.document().scenario();
        if (sc == null || picker.offered() < 2) return;
        List<CompareStates.State> states = picker.selection().columns();
        if (states.size() < 2) {
            showMessage("Pick at least two states", "Tick two or more states in \"Compare\" above: the current sliders "
                    + "and the scenario's variants.", false);
            return;
        }
        compares.run(() -> Compare.run(states.stream().map(s -> CompareStates.resolve(sc, s)).toList()),
                c -> show(c, sc.currency()), this::showError);
        runWaterfall(sc, states.get(0), targetBox.getValue() != null ? targetBox.getValue() : states.get(1));
    }

    /**
     * The waterfall alone, after a reorder (the comparison does not change). From the document's scenario as it is
     * now: a full recompute still running for it loses its waterfall to this newer one.
     */
    private void recomputeWaterfall() {
        Scenario sc = ctx.document().scenario();
        List<CompareStates.State> states = picker.selection().columns();
        if (sc == null || states.size() < 2 || targetBox.getValue() == null) return;
        runWaterfall(sc, states.get(0), targetBox.getValue());
    }

    private void runWaterfall(Scenario sc, CompareStates.State fromState, CompareStates.State toState) {
        List<String> wanted = order.forPair(fromState.key(), toState.key());
        waterfalls.run(() -> {
            Compare.Named from = CompareStates.resolve(sc, fromState);
            Compare.Named to = CompareStates.resolve(sc, toState);
            return new WaterfallShown(WaterfallOrder.run(from, to, wanted), from.label(), to.label(), sc.currency());
        }, this::showWaterfall, this::showError);
    }

    /** The comparison and waterfall as shown, for exporting them as they are (states, reference, order). */
    WhatIfInput shown() {
        List<Compare.Named> states = shownCompare == null ? List.of() : shownCompare.columns().stream()
                .map(c -> new Compare.Named(c.id(), c.label(), c.results().compiled().scenario())).toList();
        WaterfallShown w = shownWaterfall;
        return new WhatIfInput(states, shownCompare, w == null ? null : w.waterfall(),
                w == null ? null : w.from(), w == null ? null : w.to(), null);
    }

    private void show(Compare c, String currency) {
        shownCompare = c;
        hideMessage();
        tableView.show(c, currency);
        bars.show(c, currency);
        summary.setText(CompareText.summary(c, currency));
    }

    private void showWaterfall(WaterfallShown r) {
        shownWaterfall = r;
        symbol = Formats.symbol(r.currency()).trim();
        waterfallFrom.setText("Waterfall from " + r.from() + " to");
        waterfall.setData(r.waterfall(), r.from(), r.to(), r.currency());
        orderView.show(r.waterfall(), order.isDefault());
        waterfallCaption.setText(CompareText.waterfallCaption(r.waterfall(), r.from(), r.to(), r.currency()));
    }

    private void showError(Throwable e) {
        Throwable cause = e.getCause() != null && e.getMessage() == null ? e.getCause() : e;
        showMessage("The comparison can't be computed", Objects.requireNonNullElse(cause.getMessage(), cause.toString())
                + "\nFix the model's problems (see the Model tab); the comparison follows.", false);
    }

    private void showMessage(String title, String text, boolean noVariants) {
        messageTitle.setText(title);
        messageText.setText(text);
        messagePane.setVisible(true);
        content.setVisible(false);
        toolbar.setVisible(!noVariants);
        toolbar.setManaged(!noVariants);
        summary.setText("");
        if (noVariants) {
            tableView.clear();
            bars.clear();
            waterfall.clear();
            orderView.clear();
        }
    }

    private void hideMessage() {
        messagePane.setVisible(false);
        content.setVisible(true);
        toolbar.setVisible(true);
        toolbar.setManaged(true);
    }

    @FXML
    private void moveUp() {
        orderView.moveUp();
    }

    @FXML
    private void moveDown() {
        orderView.moveDown();
    }

    @FXML
    private void resetOrder() {
        order.reset();
        recomputeWaterfall();
    }
}
