package costscope.fuzz;

import costscope.engine.ProgramCheck;
import costscope.files.ScenarioFiles;
import costscope.model.Scenario;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every sample and the fuzzer's mutants of them: one pass of the compiled program is enough (running it again changes
 * no slot), at the file's values and at random states. A step ordered before a step whose slot it reads fails this
 * (as a formula over firstYearTotal did: it read the previous recalculation's annual total).
 */
class ProgramOrderFuzzTest {
    @Test
    void onePassOfTheProgramIsEnough() {
        List<Mutator.Sample> samples = Mutator.samples();
        for (Mutator.Sample s : samples) {
            try {
                String problem = ProgramCheck.onePassIsEnough(ScenarioFiles.parse(s.text(), s.name()), 5, 1);
                assertTrue(problem == null, s.name() + ": " + problem);
            } catch (costscope.model.ScenarioException e) {
                throw new AssertionError(s.name() + " does not load", e);
            }
        }
        Random r = new Random(4_052_026);
        int checked = 0;
        for (int i = 0; i < 2_000; i++) {
            Mutator.Mutant m = new Mutator(r, samples.get(i % samples.size())).mutant();
            if (m.text() == null) continue;
            Scenario sc;
            String problem;
            try {
                sc = ScenarioFiles.parse(m.text(), "mutant-" + i + ".json");
                problem = ProgramCheck.onePassIsEnough(sc, 2, i);
            } catch (Exception e) {
                continue;   // does not load or compile: FuzzTest checks it says why
            }
            if (problem != null) throw new AssertionError("mutant " + i + " of " + m.sample().name() + " (" + m.kind() + ": " + m.changes()
                    + "): " + problem + "\n" + m.excerpt());
            checked++;
        }
        assertTrue(checked >= 200, "mutants checked: " + checked);
    }
}
