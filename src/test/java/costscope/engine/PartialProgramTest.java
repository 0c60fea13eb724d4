package costscope.engine;

import costscope.files.ScenarioFiles;
import costscope.model.Driver;
import costscope.model.Scenario;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Monte Carlo runs only the steps that depend on the sampled drivers. That is right only if every step's uses are
 * declared: for every sample, every driver, and pairs of drivers, the partial program after a change must leave every
 * slot exactly as the whole program does.
 */
class PartialProgramTest {
    @ParameterizedTest
    @ValueSource(strings = {"awsomebuilder2", "billion-users", "innerworld", "raptorflow", "beatsight", "provider-examples"})
    void thePartialProgramLeavesEverySlotAsTheWholeProgramDoes(String name) throws Exception {
        Scenario s = ScenarioFiles.load(Path.of("sample-scenarios", name + ".json"));
        CompiledScenario c = CompiledScenario.compile(s);
        SplittableRandom rng = new SplittableRandom(11);
        List<Driver> drivers = s.drivers();
        int checked = 0;
        for (int a = 0; a < drivers.size(); a++) {
            int b = (a * 7 + 3) % drivers.size();
            List<String> moved = a == b ? List.of(drivers.get(a).id()) : List.of(drivers.get(a).id(), drivers.get(b).id());
            CompiledScenario.Step[] part = c.stepsDependingOn(moved);
            assertTrue(part.length <= c.stepCount());
            Evaluator partial = c.newEvaluator(s);
            partial.recalc();
            Evaluator whole = c.newEvaluator(s);
            for (int trial = 0; trial < 5; trial++) {
                for (String id : moved) {
                    Driver d = s.driver(id);
                    double v = d.effectiveMin() + rng.nextDouble() * (d.effectiveMax() - d.effectiveMin());
                    partial.setDriver(id, v);
                    whole.setDriver(id, v);
                }
                partial.recalc(part);
                whole.recalc();
                for (int k = 0; k < c.slotCount(); k++) {
                    assertEquals(whole.slot(k), partial.slot(k), 0.0,
                            name + ": slot " + k + " after moving " + moved + " (trial " + trial + ")");
                }
                checked++;
            }
        }
        assertEquals(drivers.size() * 5, checked);
    }

    @ParameterizedTest
    @ValueSource(strings = {"awsomebuilder2", "billion-users", "innerworld", "raptorflow", "beatsight", "provider-examples"})
    void theProgramCutToTheOutputsLeavesEachOutputAsTheWholeProgramDoes(String name) throws Exception {
        Scenario s = ScenarioFiles.load(Path.of("sample-scenarios", name + ".json"));
        CompiledScenario c = CompiledScenario.compile(s);
        SplittableRandom rng = new SplittableRandom(12);
        List<String> moved = s.drivers().stream().filter(d -> d.range() != null).map(Driver::id).toList();
        List<String> outputs = MonteCarlo.defaultOutputs(s);
        for (String output : outputs) {
            CompiledScenario.Step[] part = c.stepsDependingOn(moved, List.of(output));
            assertTrue(part.length <= c.stepsDependingOn(moved).length);
            costscope.formula.Fn f = c.compileResultFormula(output);
            Evaluator partial = c.newEvaluator(s);
            partial.recalc();
            Evaluator whole = c.newEvaluator(s);
            for (int trial = 0; trial < 20; trial++) {
                for (String id : moved) {
                    Driver d = s.driver(id);
                    double v = d.range().low() == null ? d.value() * (0.5 + rng.nextDouble())
                            : d.range().low() + rng.nextDouble() * (d.range().high() - d.range().low());
                    partial.setDriver(id, v);
                    whole.setDriver(id, v);
                }
                partial.recalc(part);
                whole.recalc();
                assertEquals(whole.valueNow(f), partial.valueNow(f), 0.0, name + ": " + output + " (trial " + trial + ")");
            }
        }
    }

    @org.junit.jupiter.api.Test
    void aSimulationOfTheTotalSkipsTheBusinessMetricsTheTotalFeeds() throws Exception {
        Scenario s = ScenarioFiles.load(Path.of("sample-scenarios", "awsomebuilder2.json"));
        CompiledScenario c = CompiledScenario.compile(s);
        List<String> moved = s.drivers().stream().filter(d -> d.range() != null).map(Driver::id).toList();
        // 5 items, 4 categories, the total, aurora_io_monthly; not cost per user, profit, margin, break-even, runway...
        assertEquals(11, c.stepsDependingOn(moved, List.of("total")).length);
        assertEquals(22, c.stepsDependingOn(moved).length);
        assertEquals(22, c.stepsDependingOn(moved, List.of("total", "not_a_node")).length, "a name that is no node needs every node");
    }

    @org.junit.jupiter.api.Test
    void aDriverThatFeedsNothingMovesNoStep() throws Exception {
        Scenario s = ScenarioFiles.parse("""
                {"format": "costscope-scenario", "version": 1, "name": "p", "currency": "USD",
                 "drivers": [{"id": "a", "label": "A", "value": 1}, {"id": "b", "label": "B", "value": 2}],
                 "categories": [{"id": "c", "label": "C"}],
                 "items": [{"id": "i", "label": "I", "category": "c", "quantity": "a", "unitPrice": 1}]}
                """, "p.json");
        CompiledScenario c = CompiledScenario.compile(s);
        assertEquals(0, c.stepsDependingOn(List.of("b")).length, "b is used by nothing");
        assertTrue(c.stepsDependingOn(List.of("a")).length >= 3, "a moves the item, its category and the total");
    }
}
