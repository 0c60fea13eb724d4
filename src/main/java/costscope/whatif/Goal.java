package costscope.whatif;

import costscope.engine.CompiledScenario;
import costscope.engine.Evaluator;
import costscope.formula.Fn;
import costscope.formula.NumberInput;
import costscope.model.Driver;
import costscope.model.InputException;
import costscope.model.Scenario;
import costscope.model.ScenarioException;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * A goal to seek, as the Goal seek view asks it: "set {@code driver} so that {@code output} = {@code target}",
 * searched from {@code lo} to {@code hi}. Solving it also rounds each answer up to the driver's step, when it has
 * one, so that a slider that moves in steps can be set to a value that still meets the target.
 */
public record Goal(String driver, Output output, double target, double lo, double hi) {

    /**
     * A solved goal, and for each solution the driver's value rounded up to its step when the output there still
     * meets the target (else NaN), with the output at that value (NaN when not computed).
     */
    public record Answer(GoalSeek seek, List<Double> stepped, List<Double> steppedOutput) {
        public Answer {
            stepped = List.copyOf(stepped);
            steppedOutput = List.copyOf(steppedOutput);
        }
    }

    /** The fields of the goal form that can hold a wrong number. */
    public enum Field { TARGET, FROM, TO }

    /** A goal as typed: the goal, or (goal null) what is wrong, in sentences, and the fields to mark. */
    public record Reading(Goal goal, List<String> problems, Set<Field> invalid) {
        public Reading {
            problems = List.copyOf(problems);
            invalid = invalid.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(invalid));
        }
    }

    /**
     * Reads a goal as the form has it: the driver and output picked (null when none), and the target and the search
     * range as typed (100k, 2.5M, 5% ... as {@link NumberInput} reads them).
     */
    public static Reading read(String driver, Output output, String target, String from, String to) {
        List<String> problems = new ArrayList<>();
        Set<Field> invalid = EnumSet.noneOf(Field.class);
        if (driver == null) problems.add("Pick a driver to solve for.");
        if (output == null) problems.add("Pick an output.");
        Double t = number(target, Field.TARGET, "Target", problems, invalid);
        Double lo = number(from, Field.FROM, "Search from", problems, invalid);
        Double hi = number(to, Field.TO, "Search to", problems, invalid);
        if (lo != null && hi != null && !(lo < hi)) {
            invalid.add(Field.TO);
            problems.add("The search range must go from a lower to a higher value.");
        }
        return new Reading(problems.isEmpty() ? new Goal(driver, output, t, lo, hi) : null, problems, invalid);
    }

    private static Double number(String text, Field field, String what, List<String> problems, Set<Field> invalid) {
        try {
            return NumberInput.parse(text);
        } catch (InputException e) {
            invalid.add(field);
            problems.add(what + ": " + e.getMessage() + ".");
            return null;
        }
    }

    /** Compiles the scenario as it is now and solves the goal with the other drivers at their current values. */
    public Answer solve(Scenario sc) throws ScenarioException {
        Driver d = sc.driver(driver);
        if (d == null) throw new InputException("'" + driver + "' is no longer a driver of the model");
        Evaluator e = CompiledScenario.evaluatorAt(sc);
        GoalSeek seek = GoalSeek.solve(e, driver, output, target, lo, hi, GoalSeek.DEFAULT_GRID);
        boolean stepped = d.step() != null && d.step() > 0;
        Fn f = stepped ? output.compile(e.compiled()) : null;
        List<Double> xs = new ArrayList<>();
        List<Double> outs = new ArrayList<>();
        for (GoalSeek.Solution s : seek.solutions()) {
            double up = stepped && s.kind() != GoalSeek.Kind.PLATEAU ? nextStep(s.x(), d.step()) : Double.NaN;
            double v = Double.NaN;
            if (up <= hi) {
                e.setDriver(driver, up);
                v = e.value(f);
                // past the target on the side the output goes to after this solution
                if (!(s.rising() ? v >= target : v <= target)) up = Double.NaN;
            } else {
                up = Double.NaN;
            }
            xs.add(up);
            outs.add(v);
        }
        return new Answer(seek, xs, outs);
    }

    /** The next multiple of {@code step} above {@code x}, written with the step's decimals; NaN when x is on a step. */
    public static double nextStep(double x, double step) {
        double up = Math.ceil(x / step - 1e-9) * step;
        if (Math.abs(up - x) <= 1e-9 * step) return Double.NaN;
        int decimals = Math.max(0, BigDecimal.valueOf(step).stripTrailingZeros().scale());
        return BigDecimal.valueOf(up).setScale(decimals, RoundingMode.HALF_UP).doubleValue();
    }
}
