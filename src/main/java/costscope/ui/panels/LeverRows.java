package costscope.ui.panels;

import costscope.engine.MonteCarlo;
import costscope.engine.Results;
import costscope.export.Formats;
import costscope.model.FigureFormat;
import costscope.model.Lever;
import costscope.model.Scenario;
import costscope.ui.charts.ChartData;
import costscope.ui.document.ScenarioDocument;
import costscope.ui.recalc.Simulations;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.controlsfx.control.ToggleSwitch;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The drivers panel's levers: a switch each (one undoable edit) with what it saves at the current values and, while
 * the simulations have a snapshot, beside it the P10-P90 of the saving over the drivers' ranges (lighter while an
 * estimate or out of date; not shown for a saving that does not vary). Rows are kept across rebuilds (the same
 * lever's row, else a row of a lever that left), so a rebuild creates no new switches.
 */
final class LeverRows {
    /** Rows of levers that left the scenario, kept for new ones (at most this many). */
    private static final int SPARE_ROWS = 50;
    private static final PseudoClass ESTIMATING = PseudoClass.getPseudoClass("estimating");

    private final ScenarioDocument document;
    private final Simulations simulations;
    /** The current levers' rows, by lever id. */
    private final Map<String, Row> rows = new LinkedHashMap<>();
    /** The rows before {@link #clear(List)} of levers still there: reused by {@link #row(Lever)}. */
    private final Map<String, Row> previous = new LinkedHashMap<>();
    private final List<Row> spare = new ArrayList<>();
    private boolean updating;
    /** The scenario's currency, for the savings' spreads. */
    private String currency = "USD";

    LeverRows(ScenarioDocument document, Simulations simulations) {
        this.document = document;
        this.simulations = simulations;
        simulations.snapshotProperty().addListener((o, a, snap) -> showSpreads());
        simulations.runningProperty().addListener((o, a, on) -> showSpreads());
    }

    /** Starts a rebuild for {@code next}: the rows so far are kept for reuse. */
    void clear(List<Lever> next) {
        previous.clear();
        previous.putAll(rows);
        rows.clear();
        Set<String> ids = new HashSet<>();
        for (Lever l : next) ids.add(l.id());
        // rows of levers that left go first in the spares, in panel order: still in the panel, they need not move
        List<Row> leaving = new ArrayList<>();
        previous.values().removeIf(r -> !ids.contains(r.lever.id()) && leaving.add(r));
        spare.addAll(0, leaving);
        while (spare.size() > SPARE_ROWS) spare.remove(spare.size() - 1);
    }

    /** The row of a lever: its row before the rebuild, else a spare one, else a new one. */
    Node row(Lever l) {
        Row r = previous.remove(l.id());
        if (r == null && !spare.isEmpty()) r = spare.remove(0);
        if (r == null) r = new Row();
        r.show(l);
        rows.put(l.id(), r);
        r.showSpread(simulations.snapshot());
        return r.node;
    }

    /** Each row's P10-P90 of its saving from the snapshot on show, or none. */
    private void showSpreads() {
        Simulations.Snapshot snap = simulations.snapshot();
        for (Row r : rows.values()) r.showSpread(snap);
    }

    /**
     * "P10–P90 saves $a – $b" (negative: "costs $a – $b more", or "−$a – $b" when the range spans both), or null when
     * the saving does not vary (P10 and P90 read the same) or is not a number.
     */
    static String spreadText(MonteCarlo.Spread sp, String currency) {
        if (!ChartData.showable(sp)) return null;
        String lo = Formats.money(sp.p10(), currency);
        String hi = Formats.money(sp.p90(), currency);
        if (lo.equals(hi)) return null;
        if (sp.p10() >= 0) return "P10\u2013P90 saves " + lo + " \u2013 " + hi;
        if (sp.p90() <= 0) {
            return "P10\u2013P90 costs " + Formats.money(-sp.p90(), currency) + " \u2013 " + Formats.money(-sp.p10(), currency) + " more";
        }
        return ChartData.p10p90(sp.p10(), sp.p90(), FigureFormat.CURRENCY, currency);
    }

    /** The switches as the scenario has its levers (not an edit). */
    void show(Scenario s) {
        currency = s.currency();
        updating = true;
        try {
            for (Lever l : s.levers()) {
                Row r = rows.get(l.id());
                if (r != null) r.toggle.setSelected(l.enabled());
            }
        } finally {
            updating = false;
        }
    }

    void showSavings(Results r) {
        if (r == null) return;
        currency = r.compiled().scenario().currency();
        for (Results.LeverResult l : r.levers()) {
            Row row = rows.get(l.id());
            if (row == null) continue;
            Label lab = row.saving;
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

    /** One lever's switch, name and saving; shows whichever lever it is given. */
    private final class Row {
        final ToggleSwitch toggle = new ToggleSwitch();
        final Label name = new Label();
        final Label saving = new Label();
        final Label spread = new Label();
        final HBox node;
        Lever lever;

        /** The lever's description as a tooltip, shared by its name and switch; built when first hovered. */
        Tooltip descriptionTip;

        Row() {
            javafx.event.EventHandler<javafx.scene.input.MouseEvent> tip = e -> {
                if (lever == null || lever.description() == null || ((javafx.scene.control.Control) e.getSource()).getTooltip() != null) return;
                if (descriptionTip == null) {
                    descriptionTip = new Tooltip(lever.description());
                    descriptionTip.setWrapText(true);
                    descriptionTip.setMaxWidth(420);
                }
                name.setTooltip(descriptionTip);
                toggle.setTooltip(descriptionTip);
            };
            name.addEventFilter(javafx.scene.input.MouseEvent.MOUSE_ENTERED, tip);
            toggle.addEventFilter(javafx.scene.input.MouseEvent.MOUSE_ENTERED, tip);
            toggle.selectedProperty().addListener((o, was, on) -> {
                if (updating) return;
                Lever l = lever;
                document.edit((on ? "Switch on " : "Switch off ") + l.label(), sc -> sc.withLeverEnabled(l.id(), on));
            });
            name.getStyleClass().add("lever-label");
            name.setWrapText(true);
            saving.getStyleClass().add("lever-saving");
            spread.getStyleClass().add("lever-spread");
            spread.setVisible(false);
            spread.setManaged(false);
            costscope.ui.base.LazyTooltip.showing(spread, 440, this::spreadTooltip);
            FlowPane savings = new FlowPane(8, 0, saving, spread);
            savings.setAlignment(Pos.BASELINE_LEFT);
            VBox text = new VBox(2, name, savings);
            HBox.setHgrow(text, Priority.ALWAYS);
            node = new HBox(10, toggle, text);
            node.setAlignment(Pos.CENTER_LEFT);
            node.getStyleClass().add("lever-row");
        }

        void show(Lever l) {
            Lever was = lever;
            lever = l;
            if (was == null || !was.id().equals(l.id())) {
                // keys, not ids, which would make each row a CSS kind of its own (NodeKeys)
                costscope.ui.base.NodeKeys.set(toggle, "lever-" + l.id());
                costscope.ui.base.NodeKeys.set(saving, "saving-" + l.id());
                costscope.ui.base.NodeKeys.set(spread, "saving-spread-" + l.id());
                saving.setText("");
            }
            updating = true;
            try {
                toggle.setSelected(l.enabled());
            } finally {
                updating = false;
            }
            name.setText(l.label());
            // a screen reader speaks the lever's name and state (the switch itself has no text)
            toggle.setAccessibleText(l.label() + (l.enabled() ? ", on" : ", off"));
            if (was == null || !Objects.equals(was.description(), l.description())) {
                // the description's tooltip is built when the mouse first comes over the name or the switch
                descriptionTip = null;
                name.setTooltip(null);
                toggle.setTooltip(null);
                toggle.setAccessibleHelp(l.description());
                name.setAccessibleHelp(l.description());
            }
        }

        /** The P10-P90 of this lever's saving in {@code snap}, or nothing. */
        void showSpread(Simulations.Snapshot snap) {
            String text = snap == null || lever == null ? null : spreadText(snap.saving(lever.id()), currency);
            spread.setVisible(text != null);
            spread.setManaged(text != null);
            if (text == null) return;
            spread.setText(text);
            spread.pseudoClassStateChanged(ESTIMATING, !snap.complete() || simulations.runningProperty().get());
        }

        private String spreadTooltip() {
            Simulations.Snapshot snap = simulations.snapshot();
            MonteCarlo.Spread sp = snap == null || lever == null ? null : snap.saving(lever.id());
            if (!ChartData.showable(sp)) return "";
            return ChartData.spreadTooltip("What " + lever.label() + " saves a month (negative: costs more)", sp,
                    FigureFormat.CURRENCY, currency, snap.samples(), snap.seed(), snap.complete());
        }
    }
}
