package costscope.engine;

import costscope.files.ScenarioFiles;
import costscope.model.Scenario;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Without upfront payments {@code firstYearTotal} reads {@code annualTotal}'s slot and {@code amortizedMonthlyTotal}
 * the total's: a formula over those names runs after the node that computes the slot, so it never reads the value of
 * the previous recalculation. (Found by MonteCarloBlocksFuzzTest: a price of "firstYearTotal" gave different revenue
 * in blocks and one sample at a time, because each read a stale annual total.)
 */
class MetricAliasTest {
    @Test
    void aFormulaOverAnAliasedMetricReadsThisRecalculationsValue() throws Exception {
        String json = Files.readString(Path.of("src/test/resources/scenarios/example.json"))
                .replace("\"price\": 4.99", "\"price\": \"firstYearTotal / 1000 + amortizedMonthlyTotal / 100\"");
        Scenario sc = ScenarioFiles.parse(json, "example.json");
        CompiledScenario c = CompiledScenario.compile(sc);
        // one pass of the program is enough: a second changes no slot
        assertEquals(null, ProgramCheck.onePassIsEnough(sc, 3, 1));
        List<String> order = c.evaluationOrder();
        assertTrue(order.indexOf("annualTotal") < order.indexOf("firstYearTotal"), order.toString());
        assertTrue(order.indexOf("firstYearTotal") < order.indexOf("business.price"), order.toString());

        Evaluator fresh = c.newEvaluator(sc);
        fresh.setDriver("active_users", 2000);
        Results want = fresh.evaluate();
        // the same state reached after another: the price must not carry the other state's annual total
        Evaluator e = c.newEvaluator(sc);
        e.setDriver("active_users", 500);
        e.evaluate();
        e.setDriver("active_users", 2000);
        Results got = e.evaluate();
        assertEquals(got.monthlyTotal() * 12, got.value("firstYearTotal"), 0);
        assertEquals(want.value("revenue"), got.value("revenue"), 0);
        assertEquals(want.value("profit"), got.value("profit"), 0);
        // and revenue is the paying users at this state's price
        double price = got.value("firstYearTotal") / 1000 + got.value("amortizedMonthlyTotal") / 100;
        assertEquals(got.value("payingUsers") * price, got.value("revenue"), 1e-9 * got.value("revenue"));
    }
}
