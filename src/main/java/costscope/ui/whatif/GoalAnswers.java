package costscope.ui.whatif;

import costscope.export.Formats;
import costscope.model.Driver;
import costscope.model.Scenario;
import costscope.model.ScenarioException;
import costscope.ui.document.ScenarioDocument;
import costscope.whatif.Goal;
import costscope.whatif.GoalSeek;
import costscope.whatif.WhatIfTables;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import java.util.ArrayList;
import java.util.List;

/**
 * The Goal seek view's results: the hint before the first solve, the answers (each with a button that sets the
 * driver as one undoable edit, and one that rounds it up to the driver's step), or why the goal cannot be solved.
 * Marked stale while the answers on show are for a scenario that has changed since.
 */
final class GoalAnswers {
    private static final PseudoClass STALE = PseudoClass.getPseudoClass("stale");

    private final VBox results;
    private final ScenarioDocument document;

    GoalAnswers(VBox results, ScenarioDocument document) {
        this.results = results;
        this.document = document;
    }

    void stale(boolean on) {
        results.pseudoClassStateChanged(STALE, on);
    }

    static String driverLabel(Scenario s, String id) {
        Driver d = s == null ? null : s.driver(id);
        return d == null ? id : d.label();
    }

    void showHint() {
        results.getChildren().setAll(sentence("Pick a driver, an output and a target, then Solve (Enter). Every value of the "
                + "driver in the search range where the output hits the target is listed, each with a button that sets it.",
                "goal-hint"));
    }

    void showError(Throwable e) {
        stale(true);
        String why = e instanceof ScenarioException ? "the model has problems; fix them in the Model tab. " + e.getMessage()
                : e.getMessage();
        results.getChildren().setAll(sentence("Cannot solve: " + why, "goal-problem"));
    }

    void show(Scenario sc, Goal.Answer a) {
        stale(false);
        GoalSeek g = a.seek();
        String label = driverLabel(sc, g.driver());
        List<String> lines = WhatIfTables.goalSeek(g, label, sc.currency());
        List<Node> nodes = new ArrayList<>();
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
        b.setOnAction(e -> document.edit("Goal seek: " + label + " = " + value, s -> s.withDriverValue(driver, x)));
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
