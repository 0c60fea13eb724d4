package costscope.engine;

import costscope.files.ScenarioFiles;
import costscope.model.Driver;
import costscope.model.Scenario;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Fixed programs run the same steps in the same order as the loop they replace, as hidden copies of one class. */
class ProgramsTest {
    @ParameterizedTest
    @ValueSource(ints = {0, 1, 23, 24, 25, 48, 49, 64})
    void aFixedProgramRunsEveryStepOnceInOrder(int count) {
        CompiledScenario.Step[] steps = new CompiledScenario.Step[count];
        for (int i = 0; i < count; i++) {
            int k = i;
            steps[i] = s -> {
                s[1 + k] = s[0];   // where the counter stood when this step ran
                s[0]++;
            };
        }
        CompiledScenario.Step fixed = new Programs().of(steps);
        assertTrue(fixed.getClass().isHidden(), "a hidden copy of the template, not the loop: " + fixed.getClass());
        double[] s = new double[1 + count];
        fixed.run(s);
        assertEquals(count, s[0], 0.0, "every step ran once");
        for (int i = 0; i < count; i++) assertEquals(i, s[1 + i], 0.0, "step " + i + " ran in its place");
    }

    @Test
    void theSameStepsGiveTheSameProgram() {
        CompiledScenario.Step a = s -> s[0] += 1;
        CompiledScenario.Step b = s -> s[0] *= 2;
        Programs programs = new Programs();
        CompiledScenario.Step ab = programs.of(new CompiledScenario.Step[]{a, b});
        assertSame(ab, programs.of(new CompiledScenario.Step[]{a, b}), "made once, its compiled code reused");
        double[] s = {3};
        ab.run(s);
        assertEquals(8, s[0], 0.0);
        programs.of(new CompiledScenario.Step[]{b, a}).run(s);
        assertEquals(17, s[0], 0.0, "another order, another program");
    }

    @ParameterizedTest
    @ValueSource(strings = {"awsomebuilder2", "billion-users", "innerworld", "raptorflow", "beatsight", "provider-examples"})
    void theWholeProgramFixedLeavesEverySlotAsTheLoopDoes(String name) throws Exception {
        Scenario sc = ScenarioFiles.load(Path.of("sample-scenarios", name + ".json"));
        CompiledScenario c = CompiledScenario.compile(sc);
        assertTrue(c.program().getClass().isHidden());
        CompiledScenario.Step loop = Programs.loop(c.steps);
        Evaluator fixed = c.newEvaluator(sc);
        Evaluator looped = c.newEvaluator(sc);
        SplittableRandom rng = new SplittableRandom(5);
        List<Driver> drivers = sc.drivers();
        for (int trial = 0; trial < 50; trial++) {
            Driver d = drivers.get(rng.nextInt(drivers.size()));
            double v = d.effectiveMin() + rng.nextDouble() * (d.effectiveMax() - d.effectiveMin());
            fixed.setDriver(d.id(), v);
            looped.setDriver(d.id(), v);
            fixed.recalc();
            looped.run(loop);
            for (int k = 0; k < c.slotCount(); k++) {
                assertEquals(Double.doubleToRawLongBits(looped.slot(k)), Double.doubleToRawLongBits(fixed.slot(k)),
                        name + ": slot " + k + " after " + d.id() + " = " + v);
            }
        }
    }
}
