package costscope.whatif;

import costscope.engine.CompiledScenario;
import costscope.engine.Evaluator;
import costscope.formula.Fn;
import costscope.model.Driver;
import costscope.model.InputException;
import costscope.model.Scenario;
import costscope.model.ScenarioException;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A tornado: how much one output moves when each driver swings across its low/high range (by default its value
 * minus and plus 20%, kept inside the driver's declared min and max) with every other driver fixed. Bars are sorted by
 * effect, largest first: the top bar is the assumption the answer hangs on.
 *
 * @param base  the output at the current values
 * @param swing the relative swing used (0.2 for plus and minus 20%)
 */
public record Sensitivity(Output output, double base, double swing, List<Bar> bars) {
    public static final double DEFAULT_SWING = 0.2;

    public Sensitivity {
        bars = List.copyOf(bars);
    }

    /**
     * One driver's bar.
     *
     * @param value   the driver's current value
     * @param low     the low end of its range
     * @param high    the high end
     * @param outLow  the output with the driver at {@code low}
     * @param outHigh the output with the driver at {@code high}
     */
    public record Bar(String driver, String label, String unit, double value, double low, double high,
                      double outLow, double outHigh, double base) {
        /** The span the output covers over the range, the current value included: the bar's length. */
        public double effect() {
            double lo = Math.min(base, Math.min(outLow, outHigh));
            double hi = Math.max(base, Math.max(outLow, outHigh));
            double e = hi - lo;
            return Double.isNaN(e) ? 0 : e;
        }

        /** Whether the output has a value over the whole bar (else {@link #effect} is 0 only to sort and draw it last). */
        public boolean defined() {
            return !Double.isNaN(base) && !Double.isNaN(outLow) && !Double.isNaN(outHigh);
        }

        /** The effect as a fraction of the output (NaN when the output is 0). */
        public double relativeEffect() {
            return base == 0 ? Double.NaN : effect() / Math.abs(base);
        }
    }

    /** A swing as typed (0.2, 20%): parsed and checked, or an InputException that says what is wrong. */
    public static double parseSwing(String text) {
        double s;
        try {
            s = costscope.formula.NumberInput.parse(text);
        } catch (InputException x) {
            throw new InputException("swing " + text + ": " + x.getMessage());
        }
        if (!inRange(s)) throw new InputException(swingRange(text));
        return s;
    }

    private static boolean inRange(double s) {
        return s > 0 && s <= 10;
    }

    private static String swingRange(String text) {
        return "swing " + text + ": expected above 0 and at most 10 (1000%)";
    }

    /**
     * Compiles the scenario as it is now (its structure may have changed since it was last compiled) and swings every
     * driver from its current value.
     */
    public static Sensitivity run(Scenario sc, Output output, double swing) throws ScenarioException {
        return run(CompiledScenario.evaluatorAt(sc), output, swing);
    }

    /**
     * Swings every driver of the evaluator's model. {@code ev} holds the current values and is not changed.
     *
     * @param swing relative swing, above 0 (0.2: each driver from 80% to 120% of its value)
     */
    public static Sensitivity run(Evaluator ev, Output output, double swing) {
        if (!inRange(swing)) throw new IllegalArgumentException(swingRange(Double.toString(swing)));
        Evaluator e = ev.copy();
        Fn f = output.compile(e.compiled());
        double base = e.value(f);
        Scenario sc = e.compiled().scenario();
        List<Bar> bars = new ArrayList<>();
        for (Driver d : sc.drivers()) {
            double v = e.driverValue(d.id());
            double a = v * (1 - swing);
            double b = v * (1 + swing);
            double low = Math.min(a, b);
            double high = Math.max(a, b);
            // inside the declared range; without a declared min, a value that is not negative stays so (a count or a
            // share below 0 means nothing), however wide the swing
            double floor = d.min() != null ? d.min() : v >= 0 ? 0 : Double.NEGATIVE_INFINITY;
            low = Math.max(floor, Math.min(low, high));
            if (d.max() != null) high = Math.min(d.max(), Math.max(high, low));
            e.setDriver(d.id(), low);
            double outLow = e.value(f);
            e.setDriver(d.id(), high);
            double outHigh = e.value(f);
            e.setDriver(d.id(), v);
            bars.add(new Bar(d.id(), d.label(), d.unit(), v, low, high, outLow, outHigh, base));
        }
        bars.sort(Comparator.comparingDouble(Bar::effect).reversed());
        return new Sensitivity(output, base, swing, bars);
    }
}
