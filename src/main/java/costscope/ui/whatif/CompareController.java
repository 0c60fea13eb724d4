package costscope.ui.whatif;

import costscope.export.Formats;
import costscope.model.FigureFormat;
import costscope.model.Scenario;
import costscope.ui.AppContext;
import costscope.ui.WhenShowing;
import costscope.ui.recalc.LatestResult;
import costscope.whatif.Compare;
import costscope.whatif.WhatIfTables;
import costscope.whatif.Waterfall;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.chart.BarChart;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.controlsfx.control.CheckComboBox;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Controller of whatif_compare.fxml: the states the user ticks side by side (the first, or the one picked as
 * reference, is what differences are measured from), grouped bars by category, and the savings waterfall from the
 * reference to one other state in an order the user can change. Recomputes off the FX thread when the scenario
 * changes, only while showing; the newest request's results win ({@link LatestResult}).
 */
public final class CompareController {
    private final AppContext ctx;
    private List<CompareStates.State> offered = List.of();
    /** The user's waterfall order (change ids), for the reference and target it was made for. */
    private List<String> order = List.of();
    private String orderFor = "";
    /** The comparison and the waterfall are computed apart (a reorder recomputes only the waterfall); newest wins. */
    private final LatestResult compares;
    private final LatestResult waterfalls;
    private boolean updating;
    private CompareTable tableView;
    private CompareBars bars;
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

    public CompareController(AppContext ctx) {
        this.ctx = ctx;
        this.compares = new LatestResult(ctx.tasks());
        this.waterfalls = new LatestResult(ctx.tasks());
    }

    @FXML
    private void initialize() {
        tableView = new CompareTable(table);
        bars = new CompareBars(barChart);
        orderList.setCellFactory(l -> new CompareOrderCell(this::moveTo, () -> symbol));
        orderList.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (!e.isAltDown()) return;
            if (e.getCode() == KeyCode.UP) {
                moveUp();
                e.consume();
            } else if (e.getCode() == KeyCode.DOWN) {
                moveDown();
                e.consume();
            }
        });
        orderList.getSelectionModel().selectedIndexProperty().addListener((o, a, b) -> updateMoveButtons());
        statesPicker.getCheckModel().getCheckedItems().addListener((ListChangeListener<CompareStates.State>) c -> selectionChanged());
        referenceBox.valueProperty().addListener((o, a, b) -> selectionChanged());
        targetBox.valueProperty().addListener((o, a, b) -> {
            if (!updating) recompute();
        });
        costscope.ui.export.ChartExporter exporter = new costscope.ui.export.ChartExporter(ctx,
                new costscope.ui.export.FxExportPrompts(() -> root.getScene() == null ? null : root.getScene().getWindow()),
                this::shown);
        exporter.attachMenu(waterfall, costscope.export.chart.ChartKind.WATERFALL);
        exporter.attachMenu(barChart, costscope.export.chart.ChartKind.COMPARE);
        WhenShowing whenShowing = new WhenShowing(root, this::refresh);
        ctx.document().scenarioProperty().addListener((o, a, s) -> whenShowing.changed());
        refresh();
    }

    // ---- states ----------------------------------------------------------------------------------------------

    /** The scenario changed: offer its states (keeping the ticks that still exist) and recompute. */
    private void refresh() {
        Scenario sc = ctx.document().scenario();
        if (sc == null) {
            showMessage("No scenario open", "Open a scenario to compare its variants.", false);
            return;
        }
        List<CompareStates.State> now = CompareStates.offered(sc);
        if (!now.equals(offered)) {
            Set<String> ticked = new HashSet<>(checked().stream().map(CompareStates.State::key).toList());
            offered = now;
            updating = true;
            try {
                statesPicker.getCheckModel().clearChecks();
                statesPicker.getItems().setAll(now);
                List<CompareStates.State> keep = now.stream().filter(s -> ticked.contains(s.key())).toList();
                for (CompareStates.State s : keep.size() >= 2 ? keep : CompareStates.defaultSelection(now)) {
                    statesPicker.getCheckModel().check(s);
                }
                syncChoices();
            } finally {
                updating = false;
            }
        }
        if (now.size() < 2) {
            showMessage("No variants to compare yet",
                    "Compare puts saved variants of this scenario side by side, with the savings waterfall from one to "
                            + "another. Create variants in the left panel with \"Save as variant\": set the sliders and "
                            + "levers, save, change them, save again.", true);
            return;
        }
        recompute();
    }

    private void selectionChanged() {
        if (updating) return;
        updating = true;
        try {
            syncChoices();
        } finally {
            updating = false;
        }
        recompute();
    }

    /** The ticked states in the offered order. */
    private List<CompareStates.State> checked() {
        List<CompareStates.State> ticked = statesPicker.getCheckModel().getCheckedItems();
        return statesPicker.getItems().stream().filter(ticked::contains).toList();
    }

    /** The reference among the ticked states (kept, else the first), and the waterfall's target among the others. */
    private void syncChoices() {
        List<CompareStates.State> ticked = checked();
        CompareStates.State ref = referenceBox.getValue();
        referenceBox.getItems().setAll(ticked);
        referenceBox.setValue(ticked.contains(ref) ? ref : ticked.isEmpty() ? null : ticked.get(0));
        List<CompareStates.State> others = ticked.stream().filter(s -> !s.equals(referenceBox.getValue())).toList();
        CompareStates.State target = targetBox.getValue();
        targetBox.getItems().setAll(others);
        targetBox.setValue(others.contains(target) ? target : others.isEmpty() ? null : others.get(0));
    }

    /** The states in column order: the reference, then the other ticked states. */
    private List<CompareStates.State> columns() {
        List<CompareStates.State> out = new ArrayList<>();
        if (referenceBox.getValue() != null) out.add(referenceBox.getValue());
        checked().stream().filter(s -> !s.equals(referenceBox.getValue())).forEach(out::add);
        return out;
    }

    // ---- computing -------------------------------------------------------------------------------------------

    /** A waterfall as computed, with the labels and currency it is shown with. */
    private record WaterfallShown(Waterfall waterfall, String from, String to, String currency) {
    }

    /** Recomputes the comparison and the waterfall in the background; the newest request's results win. */
    private void recompute() {
        Scenario sc = ctx.document().scenario();
        if (sc == null || offered.size() < 2) return;
        List<CompareStates.State> states = columns();
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
        List<CompareStates.State> states = columns();
        CompareStates.State target = targetBox.getValue();
        if (sc == null || states.size() < 2 || target == null) return;
        runWaterfall(sc, states.get(0), target);
    }

    private void runWaterfall(Scenario sc, CompareStates.State fromState, CompareStates.State toState) {
        List<String> wanted = orderFor(fromState, toState);
        waterfalls.run(() -> {
            Compare.Named from = CompareStates.resolve(sc, fromState);
            Compare.Named to = CompareStates.resolve(sc, toState);
            return new WaterfallShown(runWaterfall(from, to, wanted), from.label(), to.label(), sc.currency());
        }, this::showWaterfall, this::showError);
    }

    /** The user's order for this pair of states, or the default order (empty) for a new pair. */
    private List<String> orderFor(CompareStates.State from, CompareStates.State to) {
        String key = from.key() + "\u0000" + to.key();
        if (!key.equals(orderFor)) {
            orderFor = key;
            order = List.of();
        }
        return order;
    }

    /** The waterfall with the user's order, keeping only changes that still exist (the sliders may have moved). */
    private static Waterfall runWaterfall(Compare.Named from, Compare.Named to, List<String> wanted) throws Exception {
        List<String> ids = Waterfall.defaultOrder(from.scenario(), to.scenario());
        return Waterfall.run(from.scenario(), to.scenario(), wanted.stream().filter(ids::contains).toList());
    }

    // ---- showing ---------------------------------------------------------------------------------------------

    /** The comparison and waterfall as shown, for exporting them as they are (states, reference, order). */
    costscope.whatif.WhatIfInput shown() {
        List<Compare.Named> states = shownCompare == null ? List.of() : shownCompare.columns().stream()
                .map(c -> new Compare.Named(c.id(), c.label(), c.results().compiled().scenario())).toList();
        WaterfallShown w = shownWaterfall;
        return new costscope.whatif.WhatIfInput(states, shownCompare, w == null ? null : w.waterfall(),
                w == null ? null : w.from(), w == null ? null : w.to(), null);
    }

    private void show(Compare c, String currency) {
        shownCompare = c;
        hideMessage();
        tableView.show(c, currency);
        bars.show(c, currency);
        Compare.Row total = c.row("total");
        StringBuilder s = new StringBuilder("Monthly: ");
        for (int i = 1; i < c.columns().size(); i++) {
            if (i > 1) s.append(" · ");
            s.append(c.columns().get(i).label()).append(" ")
                    .append(WhatIfTables.signed(total.difference(i), FigureFormat.CURRENCY, currency))
                    .append(" (").append(WhatIfTables.relative(total.relative(i))).append(")");
        }
        summary.setText(s.append(" vs ").append(c.columns().get(0).label()).toString());
    }

    private void showWaterfall(WaterfallShown r) {
        shownWaterfall = r;
        Waterfall w = r.waterfall();
        symbol = Formats.symbol(r.currency()).trim();
        waterfallFrom.setText("Waterfall from " + r.from() + " to");
        waterfall.setData(w, r.from(), r.to(), r.currency());
        String selected = orderList.getSelectionModel().getSelectedItem() == null ? null
                : orderList.getSelectionModel().getSelectedItem().change().id();
        orderList.getItems().setAll(w.steps());
        if (selected != null) {
            for (int i = 0; i < w.steps().size(); i++) {
                if (w.steps().get(i).change().id().equals(selected)) orderList.getSelectionModel().select(i);
            }
        }
        updateMoveButtons();
        resetOrder.setDisable(order.isEmpty());
        String cur = r.currency();
        if (w.steps().isEmpty()) {
            waterfallCaption.setText(r.from() + " and " + r.to() + " have the same drivers, levers and prices: nothing to show.");
        } else {
            waterfallCaption.setText("Bars add up to the difference: " + WhatIfTables.signed(w.difference(), FigureFormat.CURRENCY, cur)
                    + " (" + r.from() + " " + Formats.money(w.fromTotal(), cur) + " → " + r.to() + " " + Formats.money(w.toTotal(), cur) + ")."
                    + (w.steps().size() > 1 ? " With interacting changes a bar depends on the order; reorder to see." : ""));
        }
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
            orderList.getItems().clear();
        }
    }

    private void hideMessage() {
        messagePane.setVisible(false);
        content.setVisible(true);
        toolbar.setVisible(true);
        toolbar.setManaged(true);
    }

    // ---- waterfall order -------------------------------------------------------------------------------------

    @FXML
    private void moveUp() {
        int i = orderList.getSelectionModel().getSelectedIndex();
        if (i > 0) moveTo(i, i - 1);
    }

    @FXML
    private void moveDown() {
        int i = orderList.getSelectionModel().getSelectedIndex();
        if (i >= 0 && i + 1 < orderList.getItems().size()) moveTo(i, i + 1);
    }

    @FXML
    private void resetOrder() {
        order = List.of();
        recomputeWaterfall();
    }

    /** Moves the change at {@code from} to {@code to} in the order and recomputes the waterfall; it stays selected. */
    private void moveTo(int from, int to) {
        if (from == to || from < 0 || to < 0 || from >= orderList.getItems().size() || to >= orderList.getItems().size()) return;
        List<Waterfall.Step> items = new ArrayList<>(orderList.getItems());
        items.add(to, items.remove(from));
        // the list shows the new order at once (figures follow with the recomputed waterfall)
        orderList.getItems().setAll(items);
        orderList.getSelectionModel().select(to);
        order = items.stream().map(s -> s.change().id()).toList();
        recomputeWaterfall();
    }

    private void updateMoveButtons() {
        int i = orderList.getSelectionModel().getSelectedIndex();
        moveUp.setDisable(i <= 0);
        moveDown.setDisable(i < 0 || i + 1 >= orderList.getItems().size());
    }
}
