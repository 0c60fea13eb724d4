package costscope.engine;

import costscope.model.FigureFormat;
import costscope.model.StatedFigure;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Compares every figure a report states with what the model computes at the figure's context. */
public final class Audit {
    private Audit() {
    }

    /**
     * One stated figure beside its computed value. {@code agrees} when the difference is within half the report's
     * display rounding.
     */
    public record Line(String label, String at, Integer month, String of, double stated, Double low, Double high,
                       double computed, double difference, boolean agrees, double rounding, FigureFormat format,
                       String note) {
        /** The figure's context as text: its scale point, its month ("month 24"), both, or "". */
        public String context() {
            String m = month == null ? null : "month " + month;
            if (at == null) return m == null ? "" : m;
            return m == null ? at : at + ", " + m;
        }
    }

    /** The audit with the file's own driver values and lever states as the base of every figure. */
    public static List<Line> run(CompiledScenario c) {
        return run(c.newEvaluator());
    }

    /** The audit from a given state: each figure starts from {@code base} (not changed), then its own context. */
    public static List<Line> run(Evaluator base) {
        CompiledScenario c = base.compiled();
        List<Line> out = new ArrayList<>();
        List<StatedFigure> figs = c.scenario.statedFigures();
        for (int i = 0; i < figs.size(); i++) {
            StatedFigure f = figs.get(i);
            Evaluator e = f.month() == null ? base.copy() : Months.at(base, f.month());
            if (f.at() != null) e.applyScalePoint(f.at());
            for (Map.Entry<String, Boolean> l : f.levers().entrySet()) e.setLever(l.getKey(), l.getValue());
            for (Map.Entry<String, Double> d : f.set().entrySet()) e.setDriver(d.getKey(), d.getValue());
            Results r = e.evaluateWithSavings();
            double computed = r.evalCompiled(c.statedOf[i]);
            double diff = computed - f.value();
            out.add(new Line(f.label(), f.at(), f.month(), f.of(), f.value(), f.low(), f.high(), computed, diff,
                    agrees(f.value(), computed, f.effectiveRounding()), f.effectiveRounding(), f.effectiveFormat(), f.note()));
        }
        return out;
    }

    /** Within half the display rounding, with a relative hair for binary fractions (0.125 vs 0.12 at 0.01). */
    static boolean agrees(double stated, double computed, double rounding) {
        // a figure that is not finite never agrees, whatever the tolerance
        if (!Double.isFinite(computed) || !Double.isFinite(stated) || !Double.isFinite(rounding)) return false;
        double tol = rounding / 2 + 1e-9 * Math.max(1, Math.abs(stated));
        return Math.abs(computed - stated) <= tol;
    }
}
