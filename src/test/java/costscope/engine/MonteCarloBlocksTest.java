package costscope.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import costscope.files.ScenarioFiles;
import costscope.model.Scenario;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Monte Carlo over blocks of samples (each step's columnar form) gives exactly what one sample at a time gives: every
 * sample scenario with a range on every driver, every node and a formula with functions as outputs.
 */
class MonteCarloBlocksTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The sample with a uniform range of +-20% on every driver that has none (within its min and max). */
    static Scenario everyDriverUncertain(String file) throws Exception {
        ObjectNode root = (ObjectNode) JSON.readTree(Files.readString(Path.of("sample-scenarios", file)));
        for (var d : root.withArray("drivers")) {
            ObjectNode driver = (ObjectNode) d;
            if (driver.has("range")) continue;
            double v = driver.get("value").asDouble();
            double lo = v == 0 ? 0 : Math.min(0.8 * v, 1.2 * v);
            double hi = v == 0 ? 1 : Math.max(0.8 * v, 1.2 * v);
            if (driver.hasNonNull("min")) lo = Math.max(lo, driver.get("min").asDouble());
            if (driver.hasNonNull("max")) hi = Math.min(hi, driver.get("max").asDouble());
            if (!(hi > lo)) continue;
            driver.putObject("range").put("distribution", "uniform").put("low", lo).put("high", hi);
        }
        return ScenarioFiles.parse(JSON.writeValueAsString(root), file);
    }

    /** Every node that is a valid output, and two formulas over them. */
    static List<String> everyOutput(CompiledScenario c) {
        List<String> out = new ArrayList<>();
        for (String name : c.evaluationOrder()) {
            try {
                c.compileResultFormula(name);
                out.add(name);
            } catch (Exception e) {
                // a hidden node: not an output
            }
        }
        out.add("round(total / 7, 2) + if(total > 1000, max(total, 5), min(total, 5)) - abs(-total) ^ 0.5");
        out.add("total * 2 - total / 3 + total");
        return out;
    }

    private static void assertSame(MonteCarlo.Spread a, MonteCarlo.Spread b) {
        String at = a.id();
        assertEquals(a.mean(), b.mean(), 0, at);
        assertEquals(a.p5(), b.p5(), 0, at);
        assertEquals(a.p10(), b.p10(), 0, at);
        assertEquals(a.p50(), b.p50(), 0, at);
        assertEquals(a.p90(), b.p90(), 0, at);
        assertEquals(a.p95(), b.p95(), 0, at);
        assertEquals(a.min(), b.min(), 0, at);
        assertEquals(a.max(), b.max(), 0, at);
        assertEquals(a.notANumber(), b.notANumber(), at);
        assertArrayEquals(a.histogram().edges(), b.histogram().edges(), 0, at);
        assertArrayEquals(a.histogram().counts(), b.histogram().counts(), at);
    }

    @ParameterizedTest
    @ValueSource(strings = {"awsomebuilder2.json", "beatsight.json", "billion-users.json", "innerworld.json",
            "provider-examples.json", "raptorflow.json"})
    void blocksGiveExactlyTheSampleBySampleValues(String file) throws Exception {
        Scenario sc = everyDriverUncertain(file);
        CompiledScenario c = CompiledScenario.compile(sc);
        Evaluator e = c.newEvaluator(sc);
        List<String> outputs = everyOutput(c);
        // every step and output has a columnar form: the comparison below is of the two paths
        assertTrue(MonteCarlo.inBlocks(e, outputs, Set.of()));
        // 1,000 samples: several blocks and a part block
        MonteCarlo.Options o = new MonteCarlo.Options(1_000, 3, 2);
        MonteCarlo.Result blocks = MonteCarlo.run(e, outputs, Set.of(), o, () -> false, true);
        MonteCarlo.Result single = MonteCarlo.run(e, outputs, Set.of(), o, () -> false, false);
        assertEquals(outputs.size(), blocks.outputs().size());
        for (int j = 0; j < outputs.size(); j++) assertSame(single.outputs().get(j), blocks.outputs().get(j));
        for (int j = 0; j < outputs.size(); j++) {
            for (int d = 0; d < single.influence().get(j).size(); d++) {
                assertEquals(single.influence().get(j).get(d), blocks.influence().get(j).get(d));
            }
        }
        // a banded sweep of the first uncertain driver
        String driver = blocks.uncertain().get(0);
        double v = e.driverValue(driver);
        double[] points = {v * 0.5, v, v * 2 + 1};
        List<String> bandOutputs = MonteCarlo.bandOutputs(sc);
        MonteCarlo.Bands bb = MonteCarlo.sweep(e, driver, points, bandOutputs, new MonteCarlo.Options(600, 5, 2), () -> false, true);
        MonteCarlo.Bands bs = MonteCarlo.sweep(e, driver, points, bandOutputs, new MonteCarlo.Options(600, 5, 2), () -> false, false);
        for (int j = 0; j < bandOutputs.size(); j++) {
            MonteCarlo.Band x = bb.bands().get(j);
            MonteCarlo.Band y = bs.bands().get(j);
            assertArrayEquals(y.mean(), x.mean(), 0);
            assertArrayEquals(y.p5(), x.p5(), 0);
            assertArrayEquals(y.p50(), x.p50(), 0);
            assertArrayEquals(y.p95(), x.p95(), 0);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"awsomebuilder2.json", "beatsight.json", "billion-users.json", "raptorflow.json"})
    void theSamplesRangesRunInBlocks(String file) throws Exception {
        // the samples' own ranges, their default outputs, the band outputs: every step has a columnar form
        Scenario sc = ScenarioFiles.load(Path.of("sample-scenarios", file));
        CompiledScenario c = CompiledScenario.compile(sc);
        Evaluator e = c.newEvaluator(sc);
        assertTrue(MonteCarlo.inBlocks(e, MonteCarlo.defaultOutputs(sc), Set.of()));
        assertTrue(MonteCarlo.inBlocks(e, MonteCarlo.bandOutputs(sc), Set.of(MonteCarlo.uncertain(sc).get(0).id())));
    }

    @Test
    void aLeverSavingRunsSampleBySample() throws Exception {
        // saving() evaluates the model again with the lever switched: no block form
        Scenario sc = ScenarioFiles.load(Path.of("sample-scenarios", "awsomebuilder2.json"));
        CompiledScenario c = CompiledScenario.compile(sc);
        String lever = sc.levers().get(0).id();
        assertFalse(MonteCarlo.inBlocks(c.newEvaluator(sc), List.of("saving(" + lever + ")"), Set.of()));
    }
}
