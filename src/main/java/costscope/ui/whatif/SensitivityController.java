package costscope.ui.whatif;

import costscope.ui.charts.HistogramChart;
import costscope.ui.charts.InfluenceChart;
import costscope.ui.charts.TornadoChart;
import costscope.model.Scenario;
import costscope.model.ScenarioException;
import costscope.export.chart.ChartKind;
import costscope.ui.base.AppContext;
import costscope.ui.base.TextConverter;
import costscope.ui.base.WhenShowing;
import costscope.ui.export.ChartExporter;
import costscope.ui.export.FxExportPrompts;
import costscope.ui.recalc.LatestResult;
import costscope.whatif.Output;
import costscope.whatif.Sensitivity;
import costscope.whatif.SensitivityText;
import costscope.whatif.WhatIfInput;
import javafx.fxml.FXML;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

import java.util.List;

/**
 * Controller of whatif_sensitivity.fxml: the tornado of the chosen output at the current slider values. It recomputes
 * on every scenario edit while the view is showing (hidden, it catches up when shown), in the background, where the newest
 * change's result wins ({@link LatestResult}). Beside it, the same output's uncertainty ({@link UncertaintyView}).
 */
public final class SensitivityController {
    /** Rows shown before "Show all". */
    static final int TOP_ROWS = 12;

    private final AppContext ctx;
    @FXML
    private BorderPane view;
    @FXML
    private ComboBox<Output> outputBox;
    @FXML
    private Spinner<Integer> swingSpinner;
    @FXML
    private CheckBox showAll;
    @FXML
    private Label caption;
    @FXML
    private HBox legend;
    @FXML
    private Label legendLow;
    @FXML
    private Label legendHigh;
    @FXML
    private Label legendBase;
    @FXML
    private ScrollPane scroll;
    @FXML
    private TornadoChart chart;
    @FXML
    private Label message;
    @FXML
    private Label noEffect;
    @FXML
    private SplitPane body;
    @FXML
    private ScrollPane uncertaintyPane;
    @FXML
    private VBox uncertaintyCharts;
    @FXML
    private Label uncertaintyHint;
    @FXML
    private ComboBox<Integer> samplesBox;
    @FXML
    private TextField seedField;
    @FXML
    private ProgressIndicator uncertaintyProgress;
    @FXML
    private Label uncertaintyStatus;
    @FXML
    private Label uncertaintyCaption;
    @FXML
    private Label histogramTitle;
    @FXML
    private HistogramChart histogram;
    @FXML
    private Label influenceTitle;
    @FXML
    private InfluenceChart influence;

    private WhenShowing whenShowing;
    private boolean updatingChoices;
    /** The newest computation wins; an older result never replaces a newer one. */
    private final LatestResult runs;
    private Sensitivity current;
    private String currency = "USD";
    private UncertaintyView uncertainty;

    public SensitivityController(AppContext ctx) {
        this.ctx = ctx;
        this.runs = new LatestResult(ctx.tasks());
    }

    @FXML
    private void initialize() {
        outputBox.setConverter(TextConverter.of(Output::label));
        SpinnerValueFactory.IntegerSpinnerValueFactory swing = new SpinnerValueFactory.IntegerSpinnerValueFactory(1, 100,
                (int) Math.round(Sensitivity.DEFAULT_SWING * 100));
        swing.setConverter(percentConverter(swing));
        swingSpinner.setValueFactory(swing);
        whenShowing = new WhenShowing(view, this::compute);
        ctx.document().scenarioProperty().addListener((o, a, s) -> {
            updateChoices(s);
            whenShowing.changed();
        });
        outputBox.valueProperty().addListener((o, a, v) -> {
            if (!updatingChoices) whenShowing.changed();
        });
        swingSpinner.valueProperty().addListener((o, a, v) -> whenShowing.changed());
        showAll.selectedProperty().addListener((o, a, v) -> showResult());
        // thinner rows when that keeps the whole tornado, axis included, in view
        scroll.viewportBoundsProperty().addListener((o, a, b) -> chart.setFitHeight(b.getHeight()));
        updateChoices(ctx.document().scenario());
        whenShowing.changed();
        // right-click: the tornado for a slide, with this output and swing
        new ChartExporter(ctx, new FxExportPrompts(() -> view.getScene() == null ? null : view.getScene().getWindow()),
                () -> current == null ? null : new WhatIfInput(List.of(), null, null, null, null, current))
                .attachMenu(chart, ChartKind.TORNADO);
        uncertainty = new UncertaintyView(ctx, view, outputBox.valueProperty(), new UncertaintyView.Nodes(body, uncertaintyPane,
                uncertaintyCharts, uncertaintyHint, samplesBox, seedField, uncertaintyProgress, uncertaintyStatus,
                uncertaintyCaption, histogramTitle, histogram, influenceTitle, influence));
    }

    /** Whole percents typed as 20, 20% or 0.2 (a share); anything else keeps the value. */
    private static StringConverter<Integer> percentConverter(SpinnerValueFactory<Integer> f) {
        return new StringConverter<>() {
            @Override
            public String toString(Integer v) {
                return v == null ? "" : v.toString();
            }

            @Override
            public Integer fromString(String s) {
                Integer v = SensitivityText.wholePercent(s);
                return v == null ? f.getValue() : v;
            }
        };
    }

    /** The outputs of the scenario, keeping the chosen one when it still exists (else the monthly total). */
    private void updateChoices(Scenario s) {
        List<Output> choices = s == null ? List.of() : Output.choices(s);
        if (choices.equals(outputBox.getItems())) return;
        String keep = outputBox.getValue() == null ? "total" : outputBox.getValue().formula();
        updatingChoices = true;
        try {
            outputBox.getItems().setAll(choices);
            outputBox.setValue(choices.stream().filter(o -> o.formula().equals(keep)).findFirst()
                    .orElse(choices.stream().filter(o -> o.formula().equals("total")).findFirst().orElse(null)));
        } finally {
            updatingChoices = false;
        }
    }

    private void compute() {
        Scenario sc = ctx.document().scenario();
        Output output = outputBox.getValue();
        if (sc == null || output == null) {
            showMessage("Open a scenario to see which drivers its costs hang on.");
            return;
        }
        double swing = swingSpinner.getValue() / 100.0;
        runs.run(() -> Sensitivity.run(sc, output, swing), r -> show(r, sc.currency()), this::showError);
    }

    private void show(Sensitivity result, String cur) {
        current = result;
        currency = cur;
        showResult();
    }

    private void showError(Throwable error) {
        current = null;
        showMessage(error instanceof ScenarioException
                ? "The model has problems; fix them in the Model tab to see its sensitivity.\n" + error.getMessage()
                : "Cannot compute the sensitivity: " + error.getMessage());
    }

    private void showMessage(String text) {
        message.setText(text);
        message.setVisible(true);
        scroll.setVisible(false);
        legend.setVisible(false);
        caption.setText("");
        noEffect.setText("");
        showAll.setVisible(false);
        chart.show(null, currency, 0);
    }

    private void showResult() {
        Sensitivity s = current;
        if (s == null) return;
        message.setVisible(false);
        scroll.setVisible(true);
        legend.setVisible(true);
        List<Sensitivity.Bar> moving = s.bars().stream().filter(TornadoChart::hasEffect).toList();
        List<Sensitivity.Bar> still = s.bars().stream().filter(b -> !TornadoChart.hasEffect(b)).toList();
        showAll.setVisible(moving.size() > TOP_ROWS);
        showAll.setText("Show all " + moving.size() + " drivers");
        chart.show(s, currency, showAll.isSelected() ? moving.size() : TOP_ROWS);
        legendLow.setText(TornadoChart.lowLegend(s));
        legendHigh.setText(TornadoChart.highLegend(s));
        legendBase.setText(TornadoChart.baseLegend(s));
        caption.setText(SensitivityText.caption(s, moving, currency));
        noEffect.setText(SensitivityText.noEffect(s, still));
    }

    /** The result on show (for tests). */
    Sensitivity current() {
        return current;
    }

    /** The uncertainty on show, or null (for tests). */
    Uncertainty uncertainty() {
        return uncertainty.shown();
    }
}
