package costscope.ui.panels;

import costscope.engine.Results;
import costscope.model.Lever;
import costscope.model.Scenario;
import costscope.ui.document.ScenarioDocument;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.controlsfx.control.ToggleSwitch;

import java.util.LinkedHashMap;
import java.util.Map;

/** The drivers panel's levers: a switch each (one undoable edit) with what it saves at the current values. */
final class LeverRows {
    private final ScenarioDocument document;
    private final Map<String, ToggleSwitch> switches = new LinkedHashMap<>();
    private final Map<String, Label> savings = new LinkedHashMap<>();
    private boolean updating;

    LeverRows(ScenarioDocument document) {
        this.document = document;
    }

    void clear() {
        switches.clear();
        savings.clear();
    }

    Node row(Lever l) {
        ToggleSwitch t = new ToggleSwitch();
        t.setId("lever-" + l.id());
        t.setSelected(l.enabled());
        t.selectedProperty().addListener((o, was, on) -> {
            if (updating) return;
            document.edit((on ? "Switch on " : "Switch off ") + l.label(), sc -> sc.withLeverEnabled(l.id(), on));
        });
        Label name = new Label(l.label());
        name.getStyleClass().add("lever-label");
        name.setWrapText(true);
        if (l.description() != null) {
            Tooltip tip = new Tooltip(l.description());
            tip.setWrapText(true);
            tip.setMaxWidth(420);
            name.setTooltip(tip);
            t.setTooltip(tip);
        }
        Label saving = new Label();
        saving.setId("saving-" + l.id());
        saving.getStyleClass().add("lever-saving");
        savings.put(l.id(), saving);
        switches.put(l.id(), t);
        VBox text = new VBox(2, name, saving);
        HBox.setHgrow(text, Priority.ALWAYS);
        HBox row = new HBox(10, t, text);
        row.setAlignment(Pos.CENTER_LEFT);
        row.getStyleClass().add("lever-row");
        return row;
    }

    /** The switches as the scenario has its levers (not an edit). */
    void show(Scenario s) {
        updating = true;
        try {
            for (Lever l : s.levers()) {
                ToggleSwitch t = switches.get(l.id());
                if (t != null) t.setSelected(l.enabled());
            }
        } finally {
            updating = false;
        }
    }

    void showSavings(Results r) {
        if (r == null) return;
        String currency = r.compiled().scenario().currency();
        for (Results.LeverResult l : r.levers()) {
            Label lab = savings.get(l.id());
            if (lab == null) continue;
            lab.setText(PanelInputs.savingText(l.saving(), currency));
            // change style classes only when the sign changes: a style-class change re-styles the node every frame
            String want = l.saving() < 0 ? "saving-negative" : "saving-positive";
            String other = l.saving() < 0 ? "saving-positive" : "saving-negative";
            if (!lab.getStyleClass().contains(want)) {
                lab.getStyleClass().remove(other);
                lab.getStyleClass().add(want);
            }
        }
    }
}
