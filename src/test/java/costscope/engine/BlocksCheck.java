package costscope.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import costscope.files.ScenarioFiles;
import costscope.model.Scenario;
import costscope.model.ScenarioException;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Monte Carlo over blocks against one sample at a time, for tests here and in other packages (the fuzzer's mutants):
 * a scenario with a range on every driver, every node as an output.
 */
public final class BlocksCheck {
    private static final ObjectMapper JSON = new ObjectMapper();

    private BlocksCheck() {
    }

    /** The scenario (JSON text) with a uniform range of +-20% on every driver that has none (within its min and max). */
    public static Scenario everyDriverUncertain(String json, String source) throws java.io.IOException, ScenarioException {
        ObjectNode root = (ObjectNode) JSON.readTree(json);
        for (var d : root.withArray("drivers")) {
            if (!(d instanceof ObjectNode driver) || driver.has("range") || !driver.path("value").isNumber()) continue;
            double v = driver.get("value").asDouble();
            double lo = v == 0 ? 0 : Math.min(0.8 * v, 1.2 * v);
            double hi = v == 0 ? 1 : Math.max(0.8 * v, 1.2 * v);
            if (driver.path("min").isNumber()) lo = Math.max(lo, driver.get("min").asDouble());
            if (driver.path("max").isNumber()) hi = Math.min(hi, driver.get("max").asDouble());
            if (!(hi > lo) || !Double.isFinite(hi - lo)) continue;
            driver.putObject("range").put("distribution", "uniform").put("low", lo).put("high", hi);
        }
        return ScenarioFiles.parse(JSON.writeValueAsString(root), source);
    }

    /** Every node that is a valid output, and two formulas over the total. */
    public static List<String> everyOutput(CompiledScenario c) {
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

    /** Whether simulating every output of the scenario runs in blocks (else there is nothing to compare). */
    public static boolean runsInBlocks(Scenario sc) throws ScenarioException {
        CompiledScenario c = CompiledScenario.compile(sc);
        return MonteCarlo.inBlocks(c.newEvaluator(sc), everyOutput(c), Set.of());
    }

    /**
     * Simulates every output of the scenario ({@code samples}, 2 threads) one sample at a time and in blocks, and
     * asserts the same numbers to the last bit: each output's spread and histogram and each driver's influence.
     */
    public static void assertSameInBlocks(Scenario sc, int samples) throws ScenarioException {
        CompiledScenario c = CompiledScenario.compile(sc);
        Evaluator e = c.newEvaluator(sc);
        List<String> outputs = everyOutput(c);
        MonteCarlo.Options o = new MonteCarlo.Options(samples, 3, 2);
        MonteCarlo.Result single = MonteCarlo.run(e, outputs, Set.of(), o, () -> false, false);
        MonteCarlo.Result blocks = MonteCarlo.run(e, outputs, Set.of(), o, () -> false, true);
        assertEquals(outputs.size(), blocks.outputs().size());
        for (int j = 0; j < outputs.size(); j++) {
            assertSame(single.outputs().get(j), blocks.outputs().get(j));
            assertEquals(single.influence().get(j), blocks.influence().get(j), outputs.get(j));
        }
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
}
