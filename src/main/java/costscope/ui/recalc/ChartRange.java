package costscope.ui.recalc;

import costscope.engine.Evaluator;
import costscope.engine.Sweep;
import costscope.model.Driver;
import costscope.model.Scenario;
import costscope.model.SliderScale;

/**
 * The range of the cost charts, one rule for the live charts and the exported ones: the scenario's sweep section, or
 * else its first driver over its slider range (log when its slider is and the range starts above 0), swept at
 * {@link #SWEEP_POINTS} points. No JavaFX.
 */
public record ChartRange(String driver, double from, double to, boolean log) {
    /** Points of the chart sweep. */
    public static final int SWEEP_POINTS = 240;

    /** The range of a scenario's charts, or null when it has no driver to sweep. */
    public static ChartRange of(Scenario s) {
        if (s.sweep() != null) return new ChartRange(s.sweep().driver(), s.sweep().from(), s.sweep().to(), s.sweep().log());
        if (s.drivers().isEmpty()) return null;
        Driver d = s.drivers().get(0);
        return new ChartRange(d.id(), d.effectiveMin(), d.effectiveMax(), d.scale() == SliderScale.LOG && d.effectiveMin() > 0);
    }

    /** Totals, cost per user and category costs across the range, at the evaluator's values of the other drivers. */
    public Sweep.Result sweep(Evaluator e) {
        return Sweep.run(e, driver, from, to, SWEEP_POINTS, log);
    }
}
