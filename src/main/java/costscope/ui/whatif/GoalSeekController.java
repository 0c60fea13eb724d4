package costscope.ui.whatif;

import costscope.export.Formats;
import costscope.model.Driver;
import costscope.model.Scenario;
import costscope.ui.base.AppContext;
import costscope.ui.base.TextConverter;
import costscope.ui.base.WhenShowing;
import costscope.ui.recalc.LatestResult;
import costscope.whatif.Goal;
import costscope.whatif.GoalPresets;
import costscope.whatif.Output;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;

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
    private GoalAnswers answers;
    private boolean updatingChoices;
    private List<GoalPresets.Preset> presetList = List.of();
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
        answers = new GoalAnswers(results, ctx.document());
        driverBox.setConverter(TextConverter.of(id -> GoalAnswers.driverLabel(ctx.document().scenario(), id)));
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
                answers.stale(false);
                answers.showHint();
            } else if (goal != null) {
                answers.stale(true);
                whenShowing.changed();
            }
        });
        updateChoices(ctx.document().scenario());
        answers.showHint();
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
        List<GoalPresets.Preset> p = s == null ? List.of() : GoalPresets.of(s, outputs);
        if (!p.equals(presetList)) {
            presetList = p;
            presets.getChildren().clear();
            if (!p.isEmpty()) {
                Label tryLabel = new Label("Try:");
                tryLabel.getStyleClass().add("goal-word-small");
                presets.getChildren().add(tryLabel);
            }
            for (GoalPresets.Preset q : p) {
                Hyperlink link = new Hyperlink(q.text());
                link.getStyleClass().add("goal-preset");
                link.setOnAction(e -> usePreset(q));
                presets.getChildren().add(link);
            }
        }
    }

    private void usePreset(GoalPresets.Preset p) {
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
        Goal.Reading r = Goal.read(driverBox.getValue(), outputBox.getValue(), targetField.getText(), fromField.getText(),
                toField.getText());
        for (Goal.Field f : r.invalid()) {
            TextField field = f == Goal.Field.TARGET ? targetField : f == Goal.Field.FROM ? fromField : toField;
            if (!field.getStyleClass().contains(INVALID)) field.getStyleClass().add(INVALID);
        }
        if (r.goal() == null) {
            formError.setText(String.join(" ", r.problems()));
            formError.setVisible(true);
            formError.setManaged(true);
        }
        return r.goal();
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
        runs.run(() -> g.solve(sc), r -> {
            progress.setVisible(runs.busy());
            answers.show(sc, r);
        }, e -> {
            progress.setVisible(runs.busy());
            answers.showError(e);
        });
    }
}
