package costscope.ui.whatif;

import costscope.engine.CompiledScenario;
import costscope.engine.Evaluator;
import costscope.export.Formats;
import costscope.formula.Fn;
import costscope.formula.NumberInput;
import costscope.model.Driver;
import costscope.model.Scenario;
import costscope.model.ScenarioException;
import costscope.ui.AppContext;
import costscope.ui.TextConverter;
import costscope.ui.WhenShowing;
import costscope.ui.recalc.LatestResult;
import costscope.whatif.GoalSeek;
import costscope.whatif.Output;
import costscope.whatif.WhatIfTables;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Controller of whatif_goalseek.fxml: "Set [driver] so that [output] = [target]", solved in the background over the
 * driver's search range; every solution gets a button that sets the driver (one undoable edit). The goal on show is
 * solved again whenever the scenario changes while the view is showing (a solve is about a millisecond), so its
 * answers always hold for the current values of the other drivers.
 */
public final class GoalSeekController {
    static final String INVALID = "invalid";
    private static final PseudoClass STALE = PseudoClass.getPseudoClass("stale");

    /** What to solve: a driver, an output, a target and the range searched. */
    record Goal(String driver, Output output, double target, double lo, double hi) {
    }

    /**
     * A solved goal, and for each solution the driver's value rounded up to its step when the output there still
     * meets the target (else NaN), with the output at that value.
     */
    record Answer(GoalSeek seek, List<Double> stepped, List<Double> steppedOutput) {
    }

    /** A ready-made question the model has the inputs for. */
    record Preset(String text, String driver, String output, double target) {
    }

    private final AppContext ctx;
    @FXML
    private BorderPane view;
    @FXML
    private VBox form;
    @FXML
    private ComboBox<String> driverBox;
    @FXML
    private ComboBox<Output> outputBox;
    @FXML
    private TextField targetField;
    @FXML
    private Button solveButton;
    @FXML
    private ProgressIndicator progress;
    @FXML
    private TextField fromField;
    @FXML
    private TextField toField;
    @FXML
    private Label rangeNote;
    @FXML
    private Label formError;
    @FXML
    private FlowPane presets;
    @FXML
    private VBox results;

    private WhenShowing whenShowing;
    private boolean updatingChoices;
    private List<Preset> presetList = List.of();
    private List<String> driverLabels = List.of();
    /** The goal whose answers are on show (solved again when the scenario changes); null before the first solve. */
    private Goal goal;
    /** The newest solve wins; an older answer never replaces a newer one. */
    private final LatestResult runs;

    public GoalSeekController(AppContext ctx) {
        this.ctx = ctx;
        this.runs = new LatestResult(ctx.tasks());
    }

    @FXML
    private void initialize() {
        driverBox.setConverter(TextConverter.of(id -> driverLabel(ctx.document().scenario(), id)));
        outputBox.setConverter(TextConverter.of(Output::label));
        // Enter anywhere in the form solves, and only there (the view shares its scene with the rest of the window)
        solveButton.defaultButtonProperty().bind(form.focusWithinProperty());
        solveButton.setOnAction(e -> solve());
        progress.setMaxSize(18, 18);
        driverBox.valueProperty().addListener((o, a, id) -> {
            if (!updatingChoices) prefillRange(id);
        });
        for (TextField f : List.of(targetField, fromField, toField)) {
            f.textProperty().addListener((o, a, t) -> clearError(f));
        }
        whenShowing = new WhenShowing(view, this::solveAgain);
        ctx.document().scenarioProperty().addListener((o, a, s) -> {
            updateChoices(s);
            if (goal != null && (s == null || s.driver(goal.driver()) == null)) {
                // another file, or the driver was removed: the goal on show no longer has a meaning
                goal = null;
                results.pseudoClassStateChanged(STALE, false);
                showHint();
            } else if (goal != null) {
                results.pseudoClassStateChanged(STALE, true);
                whenShowing.changed();
            }
        });
        updateChoices(ctx.document().scenario());
        showHint();
    }

    private static String driverLabel(Scenario s, String id) {
        Driver d = s == null ? null : s.driver(id);
        return d == null ? id : d.label();
    }

    /** Drivers and outputs of the scenario (rebuilt only when they change, keeping the choices), and the presets. */
    private void updateChoices(Scenario s) {
        List<String> ids = s == null ? List.of() : s.drivers().stream().map(Driver::id).toList();
        List<String> labels = s == null ? List.of() : s.drivers().stream().map(Driver::label).toList();
        List<Output> outputs = s == null ? List.of() : Output.choices(s);
        updatingChoices = true;
        try {
            if (!ids.equals(driverBox.getItems())) {
                String keep = driverBox.getValue();
                driverBox.getItems().setAll(ids);
                String pick = ids.contains(keep) ? keep : s != null && s.sweep() != null && ids.contains(s.sweep().driver())
                        ? s.sweep().driver() : ids.isEmpty() ? null : ids.get(0);
                driverBox.setValue(pick);
                if (!Objects.equals(pick, keep)) prefillRange(pick);
            } else if (!labels.equals(driverLabels)) {
                // a driver was renamed: redraw the button cell
                String v = driverBox.getValue();
                driverBox.setValue(null);
                driverBox.setValue(v);
            }
            driverLabels = labels;
            if (!outputs.equals(outputBox.getItems())) {
                String keep = outputBox.getValue() == null ? "total" : outputBox.getValue().formula();
                outputBox.getItems().setAll(outputs);
                outputBox.setValue(outputs.stream().filter(o -> o.formula().equals(keep)).findFirst()
                        .orElse(outputs.isEmpty() ? null : outputs.get(0)));
            }
        } finally {
            updatingChoices = false;
        }
        List<Preset> p = s == null ? List.of() : presets(s, outputs);
        if (!p.equals(presetList)) {
            presetList = p;
            presets.getChildren().clear();
            if (!p.isEmpty()) {
                Label tryLabel = new Label("Try:");
                tryLabel.getStyleClass().add("goal-word-small");
                presets.getChildren().add(tryLabel);
            }
            for (Preset q : p) {
                Hyperlink link = new Hyperlink(q.text());
                link.getStyleClass().add("goal-preset");
                link.setOnAction(e -> usePreset(q));
                presets.getChildren().add(link);
            }
        }
    }

    /**
     * The questions the model can answer: the conversion that breaks even (when the business conversion is a driver),
     * the sweep driver's value where the monthly total passes $50,000, and where the cost per user drops under $1.
     */
    static List<Preset> presets(Scenario s, List<Output> outputs) {
        List<Preset> out = new ArrayList<>();
        var b = s.business();
        if (b != null && b.conversion() != null && s.driver(b.conversion().trim()) != null && has(outputs, "profit")) {
            out.add(new Preset("What conversion covers the costs (profit 0)?", b.conversion().trim(), "profit", 0));
        }
        if (s.sweep() != null && s.driver(s.sweep().driver()) != null) {
            String d = s.sweep().driver();
            String label = s.driver(d).label();
            out.add(new Preset(label + " before the monthly total passes " + Formats.money(50_000, s.currency(), 0) + "?",
                    d, "total", 50_000));
            if (has(outputs, "costPerUser")) {
                String per = outputs.stream().filter(o -> o.formula().equals("costPerUser")).findFirst().orElseThrow().label();
                out.add(new Preset(per + " under " + Formats.money(1, s.currency(), 0) + "?", d, "costPerUser", 1));
            }
        }
        return out;
    }

    private static boolean has(List<Output> outputs, String formula) {
        return outputs.stream().anyMatch(o -> o.formula().equals(formula));
    }

    private void usePreset(Preset p) {
        updatingChoices = true;
        try {
            driverBox.setValue(p.driver());
            outputBox.getItems().stream().filter(o -> o.formula().equals(p.output())).findFirst().ifPresent(outputBox::setValue);
        } finally {
            updatingChoices = false;
        }
        prefillRange(p.driver());
        targetField.setText(Formats.plain(p.target()));
        solve();
    }

    /** The search range of a newly picked driver: its slider's. */
    private void prefillRange(String id) {
        Scenario s = ctx.document().scenario();
        Driver d = s == null || id == null ? null : s.driver(id);
        if (d == null) {
            fromField.clear();
            toField.clear();
            rangeNote.setText("");
            return;
        }
        fromField.setText(Formats.number(d.effectiveMin()));
        toField.setText(Formats.number(d.effectiveMax()));
        rangeNote.setText("(the slider's range" + (d.unit() == null || d.unit().isBlank() ? "" : ", in " + d.unit()) + ")");
    }

    /** Reads the form, marking each field it cannot use; null when something is missing or invalid. */
    private Goal readForm() {
        List<String> problems = new ArrayList<>();
        String driver = driverBox.getValue();
        Output output = outputBox.getValue();
        if (driver == null) problems.add("Pick a driver to solve for.");
        if (output == null) problems.add("Pick an output.");
        Double target = number(targetField, "Target", problems);
        Double lo = number(fromField, "Search from", problems);
        Double hi = number(toField, "Search to", problems);
        if (lo != null && hi != null && !(lo < hi)) {
            mark(toField);
            problems.add("The search range must go from a lower to a higher value.");
        }
        if (!problems.isEmpty()) {
            formError.setText(String.join(" ", problems));
            formError.setVisible(true);
            formError.setManaged(true);
            return null;
        }
        return new Goal(driver, output, target, lo, hi);
    }

    private Double number(TextField f, String what, List<String> problems) {
        try {
            return NumberInput.parse(f.getText());
        } catch (NumberFormatException e) {
            mark(f);
            problems.add(what + ": " + e.getMessage() + ".");
            return null;
        }
    }

    private static void mark(TextField f) {
        if (!f.getStyleClass().contains(INVALID)) f.getStyleClass().add(INVALID);
    }

    private void clearError(TextField f) {
        f.getStyleClass().remove(INVALID);
        if (List.of(targetField, fromField, toField).stream().noneMatch(t -> t.getStyleClass().contains(INVALID))) {
            formError.setVisible(false);
            formError.setManaged(false);
        }
    }

    private void solve() {
        Goal g = readForm();
        if (g == null) return;
        goal = g;
        run();
    }

    /** The scenario changed: the goal on show is solved again for the new values. */
    private void solveAgain() {
        if (goal != null) run();
    }

    private void run() {
        Scenario sc = ctx.document().scenario();
        Goal g = goal;
        if (sc == null || g == null) return;
        progress.setVisible(true);
        runs.run(() -> solve(sc, g), r -> {
            progress.setVisible(runs.busy());
            showAnswer(sc, r);
        }, e -> {
            progress.setVisible(runs.busy());
            showError(e);
        });
    }

    /** Compiles the scenario as it is now and solves the goal with the other drivers at their current values. */
    static Answer solve(Scenario sc, Goal g) throws ScenarioException {
        Driver d = sc.driver(g.driver());
        if (d == null) throw new IllegalArgumentException("'" + g.driver() + "' is no longer a driver of the model");
        Evaluator e = CompiledScenario.evaluatorAt(sc);
        GoalSeek seek = GoalSeek.solve(e, g.driver(), g.output(), g.target(), g.lo(), g.hi(), GoalSeek.DEFAULT_GRID);
        boolean stepped = d.step() != null && d.step() > 0;
        Fn f = stepped ? g.output().compile(e.compiled()) : null;
        List<Double> xs = new ArrayList<>();
        List<Double> outs = new ArrayList<>();
        for (GoalSeek.Solution s : seek.solutions()) {
            double up = stepped && s.kind() != GoalSeek.Kind.PLATEAU ? nextStep(s.x(), d.step()) : Double.NaN;
            double v = Double.NaN;
            if (up <= g.hi()) {
                e.setDriver(g.driver(), up);
                v = e.value(f);
                // past the target on the side the output goes to after this solution
                if (!(s.rising() ? v >= g.target() : v <= g.target())) up = Double.NaN;
            } else {
                up = Double.NaN;
            }
            xs.add(up);
            outs.add(v);
        }
        return new Answer(seek, xs, outs);
    }

    /** The next multiple of {@code step} above {@code x}, written with the step's decimals; NaN when x is on a step. */
    static double nextStep(double x, double step) {
        double up = Math.ceil(x / step - 1e-9) * step;
        if (Math.abs(up - x) <= 1e-9 * step) return Double.NaN;
        int decimals = Math.max(0, BigDecimal.valueOf(step).stripTrailingZeros().scale());
        return BigDecimal.valueOf(up).setScale(decimals, RoundingMode.HALF_UP).doubleValue();
    }

    private void showHint() {
        results.getChildren().setAll(sentence("Pick a driver, an output and a target, then Solve (Enter). Every value of the "
                + "driver in the search range where the output hits the target is listed, each with a button that sets it.",
                "goal-hint"));
    }

    private void showError(Throwable e) {
        results.pseudoClassStateChanged(STALE, true);
        String why = e instanceof ScenarioException ? "the model has problems; fix them in the Model tab. " + e.getMessage()
                : e.getMessage();
        results.getChildren().setAll(sentence("Cannot solve: " + why, "goal-problem"));
    }

    private void showAnswer(Scenario sc, Answer a) {
        results.pseudoClassStateChanged(STALE, false);
        GoalSeek g = a.seek();
        String label = driverLabel(sc, g.driver());
        List<String> lines = WhatIfTables.goalSeek(g, label, sc.currency());
        List<javafx.scene.Node> nodes = new ArrayList<>();
        int summary = lines.size() - g.solutions().size();
        for (int i = 0; i < summary; i++) nodes.add(sentence(lines.get(i), g.solved() ? "goal-summary" : "goal-none"));
        for (int k = 0; k < g.solutions().size(); k++) {
            GoalSeek.Solution s = g.solutions().get(k);
            Label text = sentence(lines.get(summary + k), "goal-solution");
            HBox.setHgrow(text, Priority.ALWAYS);
            HBox row = new HBox(text, applyButton(sc, g.driver(), label, s.x(), "Set " + label + " to " + Formats.number(s.x())));
            double up = a.stepped().get(k);
            if (!Double.isNaN(up)) {
                Button step = applyButton(sc, g.driver(), label, up, "Round up to " + Formats.number(up) + " ("
                        + g.output().label() + " " + WhatIfTables.format(a.steppedOutput().get(k), g.output().format(), sc.currency()) + ")");
                step.getStyleClass().add("goal-apply-step");
                row.getChildren().add(step);
            }
            row.getStyleClass().add("goal-solution-row");
            nodes.add(row);
        }
        Label how = sentence("Searched " + label + " from " + Formats.number(g.lo()) + " to " + Formats.number(g.hi())
                + " (" + Formats.number(g.evaluations()) + " evaluations), the other drivers at their current values; "
                + label + " is now " + Formats.number(g.current()) + ".", "goal-note");
        nodes.add(how);
        results.getChildren().setAll(nodes);
    }

    private Button applyButton(Scenario sc, String driver, String label, double x, String text) {
        String value = Formats.number(x);
        Button b = new Button(text);
        b.getStyleClass().add("goal-apply");
        b.setMinWidth(Button.USE_PREF_SIZE);
        double now = sc.driver(driver).value();
        if (Math.abs(now - x) <= 1e-12 * Math.max(1, Math.abs(x))) {
            b.setText(label + " is at " + value);
            b.setDisable(true);
        }
        b.setTooltip(new Tooltip("Sets the slider to " + Formats.plain(x) + " (undo with Ctrl+Z)"));
        b.setOnAction(e -> ctx.document().edit("Goal seek: " + label + " = " + value, s -> s.withDriverValue(driver, x)));
        return b;
    }

    private static Label sentence(String text, String style) {
        Label l = new Label(text);
        l.setWrapText(true);
        l.getStyleClass().addAll("goal-sentence", style);
        l.setMaxWidth(Double.MAX_VALUE);
        return l;
    }

}
