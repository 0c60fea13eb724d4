package costscope.ui.panels;

import costscope.engine.Results;
import costscope.export.Formats;
import costscope.export.Reports;
import costscope.model.Scenario;
import costscope.ui.AppContext;
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
    private List<String> keys = List.of();

    public HeadlineController(AppContext ctx) {
        this.ctx = ctx;
    }

    @FXML
    private void initialize() {
        ctx.recalc().resultsProperty().addListener((o, a, r) -> show(r));
        show(ctx.recalc().results());
    }

    /** The headline's figures for a scenario: key -> caption. */
    static Map<String, String> captions(Scenario s) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("monthlyTotal", "per month");
        m.put("annualTotal", "per year");
        Map<String, String> metrics = Reports.metricLabels(s);
        for (String k : metrics.keySet()) {
            if (k.equals("costPerUser") || k.startsWith("costPer_")) m.put(k, metrics.get(k).replaceFirst("^Cost per", "per"));
        }
        if (metrics.containsKey("breakEvenConversion")) m.put("breakEvenConversion", "conversion to break even");
        if (metrics.containsKey("runwayMonths")) m.put("runwayMonths", "runway");
        return m;
    }

    /** The text of one headline figure. */
    static String text(String key, Results r) {
        String cur = r.compiled().scenario().currency();
        return switch (key) {
            case "monthlyTotal" -> Formats.money(r.monthlyTotal(), cur);
            case "annualTotal" -> Formats.money(r.annualTotal(), cur);
            case "breakEvenConversion" -> Formats.percent(r.value(key));
            case "runwayMonths" -> {
                double m = r.value(key);
                yield Double.isInfinite(m) ? "unlimited" : Double.isNaN(m) ? "n/a" : Formats.number(m, 1) + " months";
            }
            default -> Formats.money(r.value(key), cur);
        };
    }

    private void show(Results r) {
        if (r == null) return;
        Map<String, String> caps = captions(r.compiled().scenario());
        List<String> now = new ArrayList<>(caps.keySet());
        if (!now.equals(keys)) {
            keys = now;
            figures.getChildren().clear();
            values.clear();
            for (Map.Entry<String, String> e : caps.entrySet()) {
                Label v = new Label();
                v.setId("headline-" + e.getKey());
                v.getStyleClass().add(e.getKey().equals("monthlyTotal") ? "headline-figure" : "headline-figure-secondary");
                Label c = new Label(e.getValue());
                c.getStyleClass().add("headline-caption");
                VBox box = new VBox(0, v, c);
                box.getStyleClass().add("headline-box");
                Tooltip.install(box, new Tooltip(tooltip(e.getKey())));
                values.put(e.getKey(), v);
                figures.getChildren().add(box);
            }
        }
        for (String k : keys) values.get(k).setText(text(k, r));
    }

    private static String tooltip(String key) {
        return switch (key) {
            case "monthlyTotal" -> "Sum of every line item per month";
            case "annualTotal" -> "Monthly total x 12";
            case "breakEvenConversion" -> "Share of users who must pay for revenue to cover the break-even revenue";
            case "runwayMonths" -> "Funding / (monthly total - revenue)";
            default -> "Monthly total / this denominator";
        };
    }
}
