package costscope.ui.panels;

import costscope.engine.Results;
import costscope.export.Formats;
import costscope.formula.Compiler;
import costscope.formula.Expr;
import costscope.formula.FormulaException;
import costscope.formula.Parser;
import costscope.model.Business;
import costscope.model.Driver;
import costscope.model.Lever;
import costscope.model.ScalePoint;
import costscope.model.Scenario;
import costscope.ui.AppContext;
import javafx.fxml.FXML;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.controlsfx.control.ToggleSwitch;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Everything a user changes: drivers (sliders and fields), levers (switches with their savings), scale points
 * (buttons that set the report's columns) and the business inputs. Rows are rebuilt when the scenario's structure
 * changes and updated in place when only values change.
 */
public final class DriversPanelController {
    private final AppContext ctx;
    @FXML
    private VBox content;

    private final Map<String, DriverRow> rows = new LinkedHashMap<>();
    private final Map<String, ToggleSwitch> switches = new LinkedHashMap<>();
    private final Map<String, Label> savings = new LinkedHashMap<>();
    private final Map<String, ToggleButton> pointButtons = new LinkedHashMap<>();
    private VariantsBar variants;
    private Scenario structure;
    private boolean updating;

    public DriversPanelController(AppContext ctx) {
        this.ctx = ctx;
    }

    @FXML
    private void initialize() {
        ctx.document().scenarioProperty().addListener((o, a, s) -> show(s));
        ctx.recalc().resultsProperty().addListener((o, a, r) -> showSavings(r));
        show(ctx.document().scenario());
    }

    private void show(Scenario s) {
        if (s == null) {
            content.getChildren().clear();
            structure = null;
            return;
        }
        Scenario st = s.structure();
        if (!st.equals(structure)) {
            structure = st;
            rebuild(s);
            // results may have been computed before these rows existed
            showSavings(ctx.recalc().results());
        }
        updating = true;
        try {
            for (Driver d : s.drivers()) {
                DriverRow row = rows.get(d.id());
                if (row != null) row.show(d);
            }
            for (Lever l : s.levers()) {
                ToggleSwitch t = switches.get(l.id());
                if (t != null) t.setSelected(l.enabled());
            }
            for (ScalePoint p : s.scalePoints()) {
                ToggleButton b = pointButtons.get(p.id());
                if (b != null) b.setSelected(matches(s, p));
            }
            if (variants != null) variants.show(s);
        } finally {
            updating = false;
        }
    }

    /** A scale point is "current" when every driver it sets has its value. */
    static boolean matches(Scenario s, ScalePoint p) {
        for (var e : p.values().entrySet()) {
            Driver d = s.driver(e.getKey());
            if (d == null || Math.abs(d.value() - e.getValue()) > 1e-9 * Math.max(1, Math.abs(e.getValue()))) return false;
        }
        return true;
    }

    private void rebuild(Scenario s) {
        content.getChildren().clear();
        rows.clear();
        switches.clear();
        savings.clear();
        pointButtons.clear();
        Set<String> business = businessDrivers(s);
        List<Driver> plain = new ArrayList<>();
        List<Driver> biz = new ArrayList<>();
        for (Driver d : s.drivers()) (business.contains(d.id()) ? biz : plain).add(d);

        content.getChildren().add(heading("Variants", "Named what-ifs (plans, phases, options) saved in the file: switch between"
                + " them here, compare them in the What-if tab"));
        variants = new VariantsBar(ctx, s);
        content.getChildren().add(variants.node());
        if (!s.scalePoints().isEmpty()) {
            content.getChildren().add(heading("Scale points", "The report's columns: each sets the drivers it names"));
            FlowPane flow = new FlowPane(6, 6);
            flow.getStyleClass().add("scale-points");
            for (ScalePoint p : s.scalePoints()) {
                ToggleButton b = new ToggleButton(p.id());
                b.setId("point-" + p.id());
                b.getStyleClass().add("scale-point-button");
                b.setTooltip(new Tooltip((p.label() != null ? p.label() + "\n" : "") + describe(p)));
                b.setOnAction(e -> {
                    if (updating) return;
                    ctx.document().edit("Jump to " + p.id(), sc -> sc.atScalePoint(p.id()));
                    b.setSelected(matches(ctx.document().scenario(), p));
                });
                pointButtons.put(p.id(), b);
                flow.getChildren().add(b);
            }
            content.getChildren().add(flow);
        }
        content.getChildren().add(heading("Drivers", "The inputs of the model: drag a slider or type a value (100k, 2.5M, 1e9)"));
        if (s.drivers().size() > 8) {
            TextField filter = new TextField();
            filter.setId("driverFilter");
            filter.setPromptText("Filter drivers (" + s.drivers().size() + ")");
            filter.textProperty().addListener((o, a, t) -> filterRows(t));
            content.getChildren().add(filter);
        }
        for (Driver d : plain) addRow(d);
        if (!s.levers().isEmpty()) {
            content.getChildren().add(heading("Levers", "Optimizations: switch one on to see what it saves"));
            for (Lever l : s.levers()) content.getChildren().add(leverRow(l));
        }
        if (!biz.isEmpty()) {
            content.getChildren().add(heading("Business", "Price, conversion and funding: break-even and runway follow"));
            for (Driver d : biz) addRow(d);
        }
    }

    private String describe(ScalePoint p) {
        StringBuilder b = new StringBuilder();
        for (var e : p.values().entrySet()) {
            Driver d = ctx.document().scenario().driver(e.getKey());
            if (b.length() > 0) b.append('\n');
            b.append(d != null ? d.label() : e.getKey()).append(" = ").append(Formats.number(e.getValue()));
        }
        return b.toString();
    }

    /** Shows only the drivers whose label, id or description contains the text. */
    private void filterRows(String text) {
        String q = text == null ? "" : text.trim().toLowerCase(java.util.Locale.ROOT);
        for (DriverRow row : rows.values()) {
            Driver d = ctx.document().scenario().driver(row.driverId());
            boolean show = q.isEmpty() || d == null || (d.label() + " " + d.id() + " " + (d.description() == null ? "" : d.description()))
                    .toLowerCase(java.util.Locale.ROOT).contains(q);
            row.setVisible(show);
            row.setManaged(show);
        }
    }

    private void addRow(Driver d) {
        DriverRow row = new DriverRow(ctx.document(), d);
        rows.put(d.id(), row);
        content.getChildren().add(row);
    }

    private Node leverRow(Lever l) {
        ToggleSwitch t = new ToggleSwitch();
        t.setId("lever-" + l.id());
        t.setSelected(l.enabled());
        t.selectedProperty().addListener((o, was, on) -> {
            if (updating) return;
            ctx.document().edit((on ? "Switch on " : "Switch off ") + l.label(), sc -> sc.withLeverEnabled(l.id(), on));
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

    private void showSavings(Results r) {
        if (r == null) return;
        String currency = r.compiled().scenario().currency();
        for (Results.LeverResult l : r.levers()) {
            Label lab = savings.get(l.id());
            if (lab == null) continue;
            lab.setText(savingText(l.saving(), currency));
            // change style classes only when the sign changes: a style-class change re-styles the node every frame
            String want = l.saving() < 0 ? "saving-negative" : "saving-positive";
            String other = l.saving() < 0 ? "saving-positive" : "saving-negative";
            if (!lab.getStyleClass().contains(want)) {
                lab.getStyleClass().remove(other);
                lab.getStyleClass().add(want);
            }
        }
    }

    /** "saves $3,672.00/mo", "costs $120.00/mo more", "no effect here". */
    static String savingText(double saving, String currency) {
        if (!Double.isFinite(saving)) return "";
        if (Math.abs(saving) < 0.005) return "no effect at these values";
        return saving > 0 ? "saves " + Formats.money(saving, currency) + "/mo" : "costs " + Formats.money(-saving, currency) + "/mo more";
    }

    private Node heading(String text, String tip) {
        Label l = new Label(text.toUpperCase());
        l.getStyleClass().add("section-heading");
        l.setTooltip(new Tooltip(tip));
        l.setMaxWidth(Region.USE_PREF_SIZE);
        return l;
    }

    /** Drivers the business model's formulas name (price, conversion, funding...): shown under "Business". */
    static Set<String> businessDrivers(Scenario s) {
        Set<String> out = new HashSet<>();
        Business b = s.business();
        if (b == null) return out;
        for (String f : new String[]{b.price(), b.conversion(), b.funding(), b.markup()}) {
            if (f == null) continue;
            try {
                Expr e = Parser.parse(f);
                for (Expr.Name n : Compiler.names(e)) if (s.driver(n.name()) != null) out.add(n.name());
            } catch (FormulaException ignored) {
                // an invalid formula names nothing
            }
        }
        return out;
    }

    /** For tests: the row of a driver. */
    DriverRow row(String id) {
        return rows.get(id);
    }
}
