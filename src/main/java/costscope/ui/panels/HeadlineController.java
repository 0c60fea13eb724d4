package costscope.ui.panels;

import costscope.engine.Metric;
import costscope.engine.Results;
import costscope.export.Formats;
import costscope.model.Scenario;
import costscope.ui.base.AppContext;
import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The headline figures: monthly and annual totals, cost per user and per each denominator, break-even, runway. */
public final class HeadlineController {
    private final AppContext ctx;
    @FXML
    private FlowPane figures;
    private final Map<String, Label> values = new LinkedHashMap<>();
    private List<Metric.Shown> shown = List.of();

    public HeadlineController(AppContext ctx) {
        this.ctx = ctx;
    }

    @FXML
    private void initialize() {
        ctx.recalc().resultsProperty().addListener((o, a, r) -> show(r));
        show(ctx.recalc().results());
    }

    /**
     * The headline's figures for a scenario: the totals, then the metrics with a headline caption (cost per user and per
     * each denominator, conversion to break even, runway). The monthly total's key is "monthlyTotal".
     */
    static List<Metric.Shown> shownFor(Scenario s) {
        List<Metric.Shown> out = new ArrayList<>(Metric.totals(s));
        for (Metric.Shown m : Metric.of(s)) if (m.caption() != null) out.add(m);
        return out;
    }

    private static String key(Metric.Shown m) {
        return m.metric() == Metric.TOTAL ? "monthlyTotal" : m.id();
    }

    /** The text of one headline figure. */
    static String text(Metric.Shown m, Results r) {
        return Formats.figure(r.value(m.id()), m.format(), r.compiled().scenario().currency());
    }

    private void show(Results r) {
        if (r == null) return;
        List<Metric.Shown> now = shownFor(r.compiled().scenario());
        if (!now.equals(shown)) {
            shown = now;
            figures.getChildren().clear();
            values.clear();
            for (Metric.Shown m : now) {
                Label v = new Label();
                v.setId("headline-" + key(m));
                v.getStyleClass().add(m.metric() == Metric.TOTAL ? "headline-figure" : "headline-figure-secondary");
                Label c = new Label(m.caption());
                c.getStyleClass().add("headline-caption");
                VBox box = new VBox(0, v, c);
                box.getStyleClass().add("headline-box");
                Tooltip.install(box, new Tooltip(m.tooltip()));
                values.put(key(m), v);
                figures.getChildren().add(box);
            }
        }
        for (Metric.Shown m : shown) values.get(key(m)).setText(text(m, r));
    }
}
