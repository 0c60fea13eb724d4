package costscope.ui.panels;

import costscope.model.Business;
import costscope.model.Driver;
import costscope.model.Lever;
import costscope.model.ScalePoint;
import costscope.model.Scenario;
import costscope.ui.base.AppContext;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import java.util.ArrayList;
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
    private LeverRows levers;
    private final Map<String, ToggleButton> pointButtons = new LinkedHashMap<>();
    private VariantsBar variants;
    private Scenario structure;
    private boolean updating;

    public DriversPanelController(AppContext ctx) {
        this.ctx = ctx;
    }

    @FXML
    private void initialize() {
        levers = new LeverRows(ctx.document());
        ctx.document().scenarioProperty().addListener((o, a, s) -> show(s));
        ctx.recalc().resultsProperty().addListener((o, a, r) -> levers.showSavings(r));
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
            levers.showSavings(ctx.recalc().results());
        }
        updating = true;
        try {
            for (Driver d : s.drivers()) {
                DriverRow row = rows.get(d.id());
                if (row != null) row.show(d);
            }
            for (ScalePoint p : s.scalePoints()) {
                ToggleButton b = pointButtons.get(p.id());
                if (b != null) b.setSelected(PanelInputs.matches(s, p));
            }
            if (variants != null) variants.show(s);
        } finally {
            updating = false;
        }
        levers.show(s);
    }

    private void rebuild(Scenario s) {
        content.getChildren().clear();
        rows.clear();
        levers.clear();
        pointButtons.clear();
        Set<String> business = PanelInputs.businessDrivers(s);
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
                b.setTooltip(new Tooltip((p.label() != null ? p.label() + "\n" : "") + PanelInputs.describe(s, p)));
                b.setOnAction(e -> {
                    if (updating) return;
                    ctx.document().edit("Jump to " + p.id(), sc -> sc.atScalePoint(p.id()));
                    b.setSelected(PanelInputs.matches(ctx.document().scenario(), p));
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
            for (Lever l : s.levers()) content.getChildren().add(levers.row(l));
        }
        if (!biz.isEmpty()) {
            content.getChildren().add(heading("Business", "Price, conversion and funding: break-even and runway follow"));
            for (Driver d : biz) addRow(d);
        }
    }

    /** Shows only the drivers whose label, id or description contains the text. */
    private void filterRows(String text) {
        for (DriverRow row : rows.values()) {
            boolean show = PanelInputs.passes(ctx.document().scenario().driver(row.driverId()), text);
            row.setVisible(show);
            row.setManaged(show);
        }
    }

    private void addRow(Driver d) {
        DriverRow row = new DriverRow(ctx.document(), d);
        rows.put(d.id(), row);
        content.getChildren().add(row);
    }

    private Node heading(String text, String tip) {
        Label l = new Label(text.toUpperCase());
        l.getStyleClass().add("section-heading");
        l.setTooltip(new Tooltip(tip));
        l.setMaxWidth(Region.USE_PREF_SIZE);
        return l;
    }

    /** For tests: the row of a driver. */
    DriverRow row(String id) {
        return rows.get(id);
    }
}
