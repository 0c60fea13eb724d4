package costscope.ui.panels;

import costscope.ui.base.LazyTooltip;
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
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import java.util.ArrayList;
import java.util.HashMap;
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
    /** Rows of drivers that left the scenario, kept to show new drivers in (at most {@link #SPARE_ROWS}). */
    private final List<DriverRow> spare = new ArrayList<>();
    private static final int SPARE_ROWS = 100;
    private final Map<String, Node> headings = new HashMap<>();
    private TextField filter;
    private LeverRows levers;
    private RangePopover ranges;
    private final Map<String, ToggleButton> pointButtons = new LinkedHashMap<>();
    private VariantsBar variants;
    private Scenario structure;
    private boolean updating;

    public DriversPanelController(AppContext ctx) {
        this.ctx = ctx;
    }

    @FXML
    private void initialize() {
        levers = new LeverRows(ctx.document(), ctx.simulations());
        ranges = new RangePopover(ctx.document());
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
                // a drag changes one driver: the other rows have nothing to show
                if (row != null && !row.shows(d)) row.show(d);
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

    /**
     * Lays the panel out for a new structure. Rows, switches and headings of the previous structure are reused (a
     * driver's row for the same driver, else for a new one), so an edit in the Model tab or opening another file
     * restyles a few nodes instead of creating every control again.
     */
    private void rebuild(Scenario s) {
        List<Node> children = new ArrayList<>();
        Map<String, DriverRow> previous = new LinkedHashMap<>(rows);
        rows.clear();
        Set<String> ids = new HashSet<>();
        for (Driver d : s.drivers()) ids.add(d.id());
        // rows of drivers that left go first in the spares, in panel order: still in the panel, they need not move
        List<DriverRow> leaving = new ArrayList<>();
        previous.values().removeIf(row -> !ids.contains(row.driverId()) && leaving.add(row));
        spare.addAll(0, leaving);
        while (spare.size() > SPARE_ROWS) spare.remove(spare.size() - 1);
        levers.clear(s.levers());
        pointButtons.clear();
        Set<String> business = PanelInputs.businessDrivers(s);
        List<Driver> plain = new ArrayList<>();
        List<Driver> biz = new ArrayList<>();
        for (Driver d : s.drivers()) (business.contains(d.id()) ? biz : plain).add(d);

        children.add(heading("Variants", "Named what-ifs (plans, phases, options) saved in the file: switch between"
                + " them here, compare them in the What-if tab"));
        variants = new VariantsBar(ctx, s);
        children.add(variants.node());
        if (!s.scalePoints().isEmpty()) {
            children.add(heading("Scale points", "The report's columns: each sets the drivers it names"));
            FlowPane flow = new FlowPane(6, 6);
            flow.getStyleClass().add("scale-points");
            for (ScalePoint p : s.scalePoints()) {
                ToggleButton b = new ToggleButton(p.id());
                b.setId("point-" + p.id());
                b.getStyleClass().add("scale-point-button");
                LazyTooltip.install(b, (p.label() != null ? p.label() + "\n" : "") + PanelInputs.describe(s, p));
                b.setOnAction(e -> {
                    if (updating) return;
                    ctx.document().edit("Jump to " + p.id(), sc -> sc.atScalePoint(p.id()));
                    b.setSelected(PanelInputs.matches(ctx.document().scenario(), p));
                });
                pointButtons.put(p.id(), b);
                flow.getChildren().add(b);
            }
            children.add(flow);
        }
        children.add(heading("Drivers", "The inputs of the model: drag a slider or type a value (100k, 2.5M, 1e9)"));
        if (s.drivers().size() > 8) {
            if (filter == null) {
                filter = new TextField();
                filter.setId("driverFilter");
                filter.textProperty().addListener((o, a, t) -> filterRows(t));
            }
            filter.clear();
            filter.setPromptText("Filter drivers (" + s.drivers().size() + ")");
            children.add(filter);
        }
        for (Driver d : plain) addRow(d, previous, children);
        if (!s.levers().isEmpty()) {
            children.add(heading("Levers", "Optimizations: switch one on to see what it saves"));
            for (Lever l : s.levers()) children.add(levers.row(l));
        }
        if (!biz.isEmpty()) {
            children.add(heading("Business", "Price, conversion and funding: break-even and runway follow"));
            for (Driver d : biz) addRow(d, previous, children);
        }
        // the nodes kept stay in the scene, and keep their styles
        Children.sync(content.getChildren(), children);
    }

    /** Shows only the drivers whose label, id or description contains the text. */
    private void filterRows(String text) {
        for (DriverRow row : rows.values()) {
            boolean show = PanelInputs.passes(ctx.document().scenario().driver(row.driverId()), text);
            row.setVisible(show);
            row.setManaged(show);
        }
    }

    /** The row of a driver: its row before the rebuild, else a spare one, else a new one. */
    private void addRow(Driver d, Map<String, DriverRow> previous, List<Node> children) {
        DriverRow row = previous.remove(d.id());
        if (row == null && !spare.isEmpty()) row = spare.remove(0);
        if (row == null) {
            row = new DriverRow(ctx.document(), ranges, d);
        } else {
            row.reuseFor(d);
        }
        rows.put(d.id(), row);
        children.add(row);
    }

    private Node heading(String text, String tip) {
        return headings.computeIfAbsent(text, t -> {
            Label l = new Label(text.toUpperCase());
            l.getStyleClass().add("section-heading");
            LazyTooltip.install(l, tip);
            l.setMaxWidth(Region.USE_PREF_SIZE);
            return l;
        });
    }

    /** For tests: the row of a driver. */
    DriverRow row(String id) {
        return rows.get(id);
    }

    /** For tests: the range editor. */
    RangePopover ranges() {
        return ranges;
    }
}
