package costscope.whatif;

import costscope.export.Formats;
import costscope.model.Business;
import costscope.model.Scenario;

import java.util.ArrayList;
import java.util.List;

/** The ready-made goals the Goal seek view offers, for the questions the model has the inputs for. */
public final class GoalPresets {
    /** A ready-made question: its text, and the driver, output (a formula of {@link Output}) and target it sets. */
    public record Preset(String text, String driver, String output, double target) {
    }

    private GoalPresets() {
    }

    /**
     * The questions the model can answer: the conversion that breaks even (when the business conversion is a driver),
     * the sweep driver's value where the monthly total passes $50,000, and where the cost per user drops under $1.
     */
    public static List<Preset> of(Scenario s, List<Output> outputs) {
        List<Preset> out = new ArrayList<>();
        Business b = s.business();
        if (b != null && b.conversion() != null && s.driver(b.conversion().trim()) != null && has(outputs, "profit")) {
            out.add(new Preset("What conversion covers the costs (profit 0)?", b.conversion().trim(), "profit", 0));
        }
        if (s.sweep() != null && s.driver(s.sweep().driver()) != null) {
            String d = s.sweep().driver();
            String label = s.driver(d).label();
            out.add(new Preset(label + " before the monthly total passes " + Formats.money(50_000, s.currency(), 0) + "?",
                    d, "total", 50_000));
            if (has(outputs, "costPerUser")) {
                String per = outputs.stream().filter(o -> o.formula().equals("costPerUser")).findFirst().orElseThrow().label();
                out.add(new Preset(per + " under " + Formats.money(1, s.currency(), 0) + "?", d, "costPerUser", 1));
            }
        }
        return out;
    }

    private static boolean has(List<Output> outputs, String formula) {
        return outputs.stream().anyMatch(o -> o.formula().equals(formula));
    }
}
