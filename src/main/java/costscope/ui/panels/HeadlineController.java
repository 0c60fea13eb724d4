package costscope.ui.panels;

import costscope.engine.Metric;
import costscope.engine.MonteCarlo;
import costscope.engine.Results;
import costscope.export.Formats;
import costscope.model.Scenario;
import costscope.ui.base.AppContext;
import costscope.ui.charts.ChartData;
import costscope.ui.recalc.Simulations;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The headline figures: monthly and annual totals, cost per user and per each denominator, break-even, runway. Under
 * each figure the simulations give a spread for (the monthly total, cost per user), its P10-P90 while there is a
 * snapshot: lighter while it is a first estimate or a newer run is on its way.
 */
public final class HeadlineController {
    private static final PseudoClass ESTIMATING = PseudoClass.getPseudoClass("estimating");

    private final AppContext ctx;
    @FXML
    private FlowPane figures;
    private final Map<String, Label> values = new LinkedHashMap<>();
    /** The P10-P90 line under each figure, by the figure's id (its formula name, as the simulations name outputs). */
    private final Map<String, Label> spreads = new LinkedHashMap<>();
    private List<Metric.Shown> shown = List.of();

    public HeadlineController(AppContext ctx) {
        this.ctx = ctx;
    }

    @FXML
    private void initialize() {
        ctx.recalc().resultsProperty().addListener((o, a, r) -> show(r));
        ctx.simulations().snapshotProperty().addListener((o, a, s) -> showSpreads());
        ctx.simulations().runningProperty().addListener((o, a, on) -> showSpreads());
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
            spreads.clear();
            for (Metric.Shown m : now) {
                Label v = new Label();
                v.setId("headline-" + key(m));
                v.getStyleClass().add(m.metric() == Metric.TOTAL ? "headline-figure" : "headline-figure-secondary");
                Label c = new Label(m.caption());
                c.getStyleClass().add("headline-caption");
                Label spread = new Label();
                spread.setId("headline-spread-" + key(m));
                spread.getStyleClass().add("headline-spread");
                spread.setVisible(false);
                spread.setManaged(false);
                costscope.ui.base.LazyTooltip.showing(spread, 440, () -> spreadTooltip(m));
                VBox box = new VBox(0, v, c, spread);
                box.getStyleClass().add("headline-box");
                costscope.ui.base.LazyTooltip.install(box, () -> new Tooltip(m.tooltip()));
                values.put(key(m), v);
                spreads.put(m.id(), spread);
                figures.getChildren().add(box);
            }
            showSpreads();
        }
        for (Metric.Shown m : shown) {
            Label v = values.get(key(m));
            v.setText(text(m, r));
            // a screen reader speaks the figure with its caption and, when there is one, its spread
            Label spread = spreads.get(m.id());
            v.setAccessibleText(m.caption() + ": " + v.getText() + (spread != null && spread.isVisible() ? ", " + spread.getText() : ""));
        }
    }

    /** The spread of figure {@code m} in the snapshot on show, or null. */
    private MonteCarlo.Spread spread(Simulations.Snapshot snap, Metric.Shown m) {
        if (snap == null) return null;
        MonteCarlo.Spread sp = snap.of(m.id());
        return ChartData.showable(sp) ? sp : null;
    }

    /** "P10–P90 $a – $b" under each figure with a spread; hidden without a snapshot. */
    private void showSpreads() {
        Simulations.Snapshot snap = ctx.simulations().snapshot();
        boolean estimating = snap != null && (!snap.complete() || ctx.simulations().runningProperty().get());
        String currency = ctx.recalc().results() == null ? "USD" : ctx.recalc().results().compiled().scenario().currency();
        for (Metric.Shown m : shown) {
            Label l = spreads.get(m.id());
            MonteCarlo.Spread sp = spread(snap, m);
            l.setVisible(sp != null);
            l.setManaged(sp != null);
            if (sp == null) continue;
            l.setText(ChartData.p10p90(sp.p10(), sp.p90(), m.format(), currency));
            l.pseudoClassStateChanged(ESTIMATING, estimating);
        }
    }

    private String spreadTooltip(Metric.Shown m) {
        Simulations.Snapshot snap = ctx.simulations().snapshot();
        MonteCarlo.Spread sp = spread(snap, m);
        Results r = ctx.recalc().results();
        if (sp == null || r == null) return "";
        return ChartData.spreadTooltip(m.label(), sp, m.format(), r.compiled().scenario().currency(), snap.samples(),
                snap.seed(), snap.complete());
    }
}
