package costscope.fuzz;

import costscope.engine.BlocksCheck;
import costscope.model.Scenario;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The fuzzer's mutants of every sample (changed formulas, values and structure), each with a range on every driver
 * and every node as an output: Monte Carlo over blocks gives exactly the numbers of one sample at a time. A mutant
 * that does not load (most do not: FuzzTest checks they say why), or whose simulation runs one sample at a time anyway
 * (a formula without a columnar form), is passed over; enough must be compared (about 300 of the 2,000 are).
 */
class MonteCarloBlocksFuzzTest {
    @Test
    void mutantsSimulateTheSameInBlocks() {
        List<Mutator.Sample> samples = Mutator.samples();
        Random r = new Random(20_261_204);
        int compared = 0;
        for (int i = 0; i < 2_000; i++) {
            Mutator.Mutant m = new Mutator(r, samples.get(i % samples.size())).mutant();
            if (m.text() == null) continue;   // a byte-level mutant: the loaders' business, not this test's
            Scenario sc;
            try {
                sc = BlocksCheck.everyDriverUncertain(m.text(), "mutant-" + i + ".json");
                if (!BlocksCheck.runsInBlocks(sc)) continue;
            } catch (Exception e) {
                continue;   // does not load or compile: FuzzTest checks it says why
            }
            try {
                BlocksCheck.assertSameInBlocks(sc, 300);
            } catch (AssertionError | RuntimeException | costscope.model.ScenarioException e) {
                throw new AssertionError("mutant " + i + " of " + m.sample().name() + " (" + m.kind() + ": " + m.changes()
                        + "): " + e.getMessage() + "\n" + m.excerpt(), e);
            }
            compared++;
        }
        assertTrue(compared >= 200, "mutants compared: " + compared);
    }
}
