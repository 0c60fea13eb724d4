package costscope.engine;

import costscope.model.Driver;
import costscope.model.Lever;
import costscope.model.ScalePoint;
import costscope.model.Scenario;

import java.util.Map;

/**
 * Mutable evaluation state over a {@link CompiledScenario}: driver values and lever states in, results out.
 * Not thread-safe; give each thread its own (see {@link #copy()}).
 */
public final class Evaluator {
    private final CompiledScenario c;
    private final double[] s;

    Evaluator(CompiledScenario c) {
        this.c = c;
        this.s = c.initial.clone();
    }

    private Evaluator(CompiledScenario c, double[] state) {
        this.c = c;
        this.s = state.clone();
    }

    public CompiledScenario compiled() {
        return c;
    }

    /** An independent evaluator with the same inputs. */
    public Evaluator copy() {
        return new Evaluator(c, s);
    }

    private int driver(String id) {
        Integer i = c.driverIndex.get(id);
        if (i == null) throw new IllegalArgumentException("'" + id + "' is not a driver of " + c.scenario.name());
        return i;
    }

    private int lever(String id) {
        Integer i = c.leverIndex.get(id);
        if (i == null) throw new IllegalArgumentException("'" + id + "' is not a lever of " + c.scenario.name());
        return i;
    }

    public void setDriver(String id, double value) {
        s[c.slots.driverInput[driver(id)]] = value;
    }

    /** The driver's input value (before any lever that replaces it). */
    public double driverValue(String id) {
        return s[c.slots.driverInput[driver(id)]];
    }

    void setDriverInput(int index, double value) {
        s[c.slots.driverInput[index]] = value;
    }

    public void setLever(String id, boolean on) {
        s[c.slots.leverSlot[lever(id)]] = on ? 1 : 0;
    }

    public boolean leverOn(String id) {
        return s[c.slots.leverSlot[lever(id)]] != 0;
    }

    /** Sets every driver and lever to its value in {@code s} (the scenario this was compiled from, or an edit of its values). */
    public void setValues(Scenario s) {
        for (Driver d : s.drivers()) setDriver(d.id(), d.value());
        for (Lever l : s.levers()) setLever(l.id(), l.enabled());
    }

    /** Sets every driver the scale point names; the others keep their values. */
    public void applyScalePoint(String id) {
        ScalePoint p = c.scenario.scalePoint(id);
        if (p == null) throw new IllegalArgumentException("'" + id + "' is not a scale point of " + c.scenario.name());
        for (Map.Entry<String, Double> e : p.values().entrySet()) {
            setDriver(e.getKey(), e.getValue());
        }
    }

    /** Runs the compiled program once: every node's value from the current inputs. */
    public void recalc() {
        c.program().run(s);
    }

    /** Runs part of the program (see {@link CompiledScenario#stepsDependingOn}). */
    void recalc(CompiledScenario.Step[] program) {
        for (CompiledScenario.Step step : program) {
            step.run(s);
        }
    }

    /** Runs a fixed program ({@link CompiledScenario#fixed}). */
    void run(CompiledScenario.Step program) {
        program.run(s);
    }

    /** Recalculates with each lever's saving (as {@link #evaluateWithSavings}, without the snapshot). */
    void recalcWithSavings() {
        computeSavings();
        recalc();
    }

    /** Recalculates and returns the monthly total (no snapshot: the fast path for sweeps and benchmarks). */
    public double total() {
        recalc();
        return s[c.slots.totalSlot];
    }

    /** The live slots (not a copy): what a {@link costscope.formula.Block} over this evaluator's state shares. */
    double[] slots() {
        return s;
    }

    double slot(int k) {
        return s[k];
    }

    /** Recalculates and returns an immutable snapshot of every value (lever savings not computed). */
    public Results evaluate() {
        recalc();
        return new Results(c, s.clone(), false);
    }

    /** Like {@link #evaluate()}, with each lever's saving: the total with it off minus the total with it on. */
    public Results evaluateWithSavings() {
        computeSavings();
        recalc();
        return new Results(c, s.clone(), true);
    }

    private void computeSavings() {
        int n = c.slots.leverSlot.length;
        if (n == 0) return;
        double base = total();
        double[] savings = new double[n];
        for (int l = 0; l < n; l++) {
            int ls = c.slots.leverSlot[l];
            double orig = s[ls];
            s[ls] = orig != 0 ? 0 : 1;
            double other = total();
            s[ls] = orig;
            savings[l] = orig != 0 ? other - base : base - other;
        }
        for (int l = 0; l < n; l++) s[c.slots.savingSlot[l]] = savings[l];
    }

    /** A compiled formula's value at the last recalculation (no recalculation). */
    double valueNow(costscope.formula.Fn f) {
        return f.eval(s);
    }

    /** Recalculates and returns the value of a formula compiled against this model (see {@link CompiledScenario#compileResultFormula}). */
    public double value(costscope.formula.Fn f) {
        recalc();
        return f.eval(s);
    }
}
