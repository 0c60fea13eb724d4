package costscope.ui.whatif;

import costscope.engine.Evaluator;
import costscope.engine.MonteCarlo;
import costscope.whatif.Output;

import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * How uncertain one output is at the current state: its value now (the drivers at their values), and its Monte Carlo
 * spread with each uncertain driver's influence, from {@code samples} samples and the seed. {@code complete} is false
 * for the first estimate of a progressive run. No JavaFX: computed off the FX thread.
 */
public record Uncertainty(Output output, double now, MonteCarlo.Spread spread, List<MonteCarlo.Influence> influence,
                          int samples, long seed, boolean complete) {

    public Uncertainty {
        influence = List.copyOf(influence);
    }

    /**
     * Simulates {@code output} from the state of {@code at} (not changed); null when {@code cancelled} says the answer
     * is no longer wanted.
     */
    public static Uncertainty compute(Evaluator at, Output output, int samples, long seed, boolean complete,
                                      BooleanSupplier cancelled) {
        double now = at.copy().value(output.compile(at.compiled()));
        MonteCarlo.Result r = MonteCarlo.run(at, List.of(output.formula()), MonteCarlo.Options.leavingACore(samples, seed), cancelled);
        if (r == null) return null;
        return new Uncertainty(output, now, r.outputs().get(0), r.influence().get(0), samples, seed, complete);
    }

    /** Whether the output takes more than one value over the samples (else there is no spread to speak of). */
    public boolean varies() {
        return spread.max() > spread.min();
    }

    /** Whether every sample gave a finite number: the histogram can be drawn. */
    public boolean finite() {
        return Double.isFinite(spread.min()) && Double.isFinite(spread.max()) && spread.notANumber() == 0;
    }
}
