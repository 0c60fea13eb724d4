package costscope.engine;

import costscope.model.Driver;
import costscope.model.Scenario;
import costscope.model.ScenarioException;

import java.util.List;
import java.util.SplittableRandom;

/** Checks of the compiled program's order, for tests here and in other packages (the fuzzer's mutants). */
public final class ProgramCheck {
    private ProgramCheck() {
    }

    /**
     * One pass of the program is enough: every step runs after every step whose slot it reads, so running the whole
     * program again leaves every slot as it was (a step ordered too early would read the previous pass's value). Checked
     * at the file's values and at {@code trials} random states of the drivers; null when it holds, else what differs.
     */
    public static String onePassIsEnough(Scenario s, int trials, long seed) throws ScenarioException {
        CompiledScenario c = CompiledScenario.compile(s);
        SplittableRandom rng = new SplittableRandom(seed);
        List<Driver> drivers = s.drivers();
        for (int t = 0; t <= trials; t++) {
            Evaluator e = c.newEvaluator(s);
            if (t > 0) {
                for (Driver d : drivers) {
                    double lo = d.effectiveMin();
                    double hi = d.effectiveMax();
                    if (Double.isFinite(lo) && Double.isFinite(hi) && hi > lo) e.setDriver(d.id(), lo + rng.nextDouble() * (hi - lo));
                }
            }
            e.recalc();
            double[] once = e.slots().clone();
            e.recalc();
            for (int k = 0; k < once.length; k++) {
                if (Double.doubleToLongBits(once[k]) != Double.doubleToLongBits(e.slot(k))) {
                    return "slot " + k + " (" + nameOf(c, k) + ") is " + once[k] + " after one pass, " + e.slot(k)
                            + " after two (state " + t + ")";
                }
            }
        }
        return null;
    }

    private static String nameOf(CompiledScenario c, int k) {
        return c.slots.nameSlot.entrySet().stream().filter(x -> x.getValue() == k).map(java.util.Map.Entry::getKey)
                .findFirst().orElse("an item's or hidden slot");
    }
}
