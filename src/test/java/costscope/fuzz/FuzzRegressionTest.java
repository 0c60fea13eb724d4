package costscope.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import costscope.engine.CompiledScenario;
import costscope.engine.Results;
import costscope.files.ScenarioFiles;
import costscope.model.Scenario;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What the fuzzer found, each minimized to the smallest input that shows it, run through the whole pipeline
 * ({@link Pipeline#run(String)}: load, compile, evaluate, every report) on the small example scenario with one
 * formula changed.
 */
class FuzzRegressionTest {
    private static String example;

    @BeforeAll
    static void read() throws IOException {
        example = Files.readString(Path.of("src/test/resources/scenarios/example.json"), StandardCharsets.UTF_8);
    }

    /** The example with the formula of its variable 'tokens' replaced. */
    private static String withTokens(String formula) {
        String json = example.replace("\"active_users * messages * 900\"", "\"" + formula + "\"");
        assertNotEquals(example, json);
        return json;
    }

    private static void runsClean(String json) {
        Pipeline.Outcome o = Pipeline.run(json);
        assertTrue(o.accepted(), "accepted");
        assertEquals(List.of(), o.failures().stream().map(Pipeline.Failure::describe).toList());
    }

    private static double tokens(String formula) throws Exception {
        Scenario sc = ScenarioFiles.parse(withTokens(formula), "regression.json");
        Results r = CompiledScenario.compile(sc).newEvaluator().evaluate();
        return r.value("tokens");
    }

    /**
     * interp() of NaN ran off the end of its table (Arrays.binarySearch puts NaN after every number): an
     * ArrayIndexOutOfBoundsException while loading when the formula is constant, while evaluating otherwise.
     * Found by seed 12, case 6437. Now NaN in, NaN out.
     */
    @Test
    void interpOfNaNIsNaNNotAnIndexOutOfBounds() throws Exception {
        runsClean(withTokens("interp(0/0, 1, 1, 2, 2)"));
        runsClean(withTokens("interp(active_users * 0 / 0, 1, 1, 2, 2)"));
        assertTrue(Double.isNaN(tokens("interp(0/0, 1, 1, 2, 2)")));
        assertTrue(Double.isNaN(tokens("interp(active_users * 0 / 0, 1, 1, 2, 2)")));
        assertTrue(Double.isNaN(tokens("interp(1.5, 1, 1, active_users * 0 / 0, 2)")), "a NaN threshold");
        // a NaN first threshold passes the ascending check (5 < NaN is false) and sorts after 5: the search ran to -1
        runsClean(withTokens("interp(3, 0/0, 1, 5, 2)"));
        runsClean(withTokens("interp(3, active_users * 0 / 0, 1, 5, 2)"));
        assertTrue(Double.isNaN(tokens("interp(3, 0/0, 1, 5, 2)")));
        assertEquals(1.5, tokens("interp(1.5, 1, 1, 2, 2)"));
        assertEquals(1.5, tokens("interp(active_users / active_users + 0.5, 1, 1, 2, 2)"));
    }

    /** step() of NaN gave the first value, a number from no number. Found with the interp() case. Now NaN. */
    @Test
    void stepOfNaNIsNaNNotTheFirstValue() throws Exception {
        runsClean(withTokens("step(0/0, 1, 5, 2, 7)"));
        assertTrue(Double.isNaN(tokens("step(0/0, 1, 5, 2, 7)")));
        assertTrue(Double.isNaN(tokens("step(active_users * 0 / 0, 1, 5, 2, 7)")));
        assertTrue(Double.isNaN(tokens("step(3, 1, 5, active_users * 0 / 0, 7)")), "a NaN threshold");
        assertEquals(5, tokens("step(0, 1, 5, 2, 7)"));
        assertEquals(7, tokens("step(active_users, 1, 5, 2, 7)"));
    }

    /**
     * A table whose thresholds come from names can stop ascending when a driver moves; step() and interp() then gave
     * a number from the wrong row (interp() could also index outside the table). A constant table is refused when the
     * file is read; a table that does not ascend at evaluation gives NaN, shown as not finite.
     */
    @Test
    void aTableThatStopsAscendingIsNaN() throws Exception {
        // active_users is 1000 in the example: thresholds 1000, 10 do not ascend
        runsClean(withTokens("step(50, active_users, 5, 10, 7)"));
        assertTrue(Double.isNaN(tokens("step(50, active_users, 5, 10, 7)")));
        assertTrue(Double.isNaN(tokens("interp(50, active_users, 5, 10, 7, 2000, 9)")));
        assertEquals(5, tokens("step(50, 10, 5, active_users, 7)"));
        assertEquals(6, tokens("interp(505, 10, 5, active_users, 7)"), 1e-12);
    }

    /**
     * round() with more digits than a double holds gave NaN (x * 10^digits overflowed, then infinity / infinity), and
     * with a unit beyond the largest double (digits below -323) too (0 / 0). Found by FormulaFuzzTest, seed 20250601,
     * cases 2484 and 9245. Now x as it is, and 0.
     */
    @Test
    void roundWithDigitsBeyondADoubleIsXOrZeroNotNaN() throws Exception {
        runsClean(withTokens("round(1000, 1e308)"));
        assertEquals(1000, tokens("round(1000, 1e308)"));
        assertEquals(0.25, tokens("round(0.25, active_users * 1e6)"));
        assertEquals(-37.36868051883873, tokens("round(-37.36868051883873, 962)"));
        assertEquals(123456789012345678.0, tokens("round(123456789012345678, 2)"));
        assertEquals(0, tokens("round(5, -400)"));
        assertEquals(0, tokens("round(1e308, -310)"));
        assertEquals(1200, tokens("round(1234, -2)"));
        assertEquals(2.68, tokens("round(2.675, 2)"));
        assertEquals(-3, tokens("round(-2.5)"));
        assertTrue(Double.isNaN(tokens("round(0/0, 2)")));
        assertTrue(Double.isNaN(tokens("round(2, 0/0)")));
        assertEquals(Double.POSITIVE_INFINITY, tokens("round(1/0, 2)"));
    }
}
