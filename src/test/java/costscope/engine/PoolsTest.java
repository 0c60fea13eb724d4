package costscope.engine;

import costscope.export.Explain;
import costscope.files.ScenarioFiles;
import costscope.model.Problem;
import costscope.model.Scenario;
import costscope.model.ScenarioException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Pools: one allowance, increment and set of tiers for several items, the cost shared back by quantity. */
class PoolsTest {
    /** Three Lambda functions' requests under one account's free tier (1M a month, then $0.20 per million). */
    static final String LAMBDA = """
            {"format": "costscope-scenario", "version": 1, "name": "pools", "currency": "USD",
             "drivers": [{"id": "a", "label": "A", "value": 600000}, {"id": "b", "label": "B", "value": 900000},
                         {"id": "c", "label": "C", "value": 0}],
             "categories": [{"id": "compute", "label": "Compute"}],
             "items": [
               {"id": "fa", "label": "Function A", "category": "compute", "quantity": "a", "quantityUnit": "requests"},
               {"id": "fb", "label": "Function B", "category": "compute", "quantity": "b", "quantityUnit": "requests"},
               {"id": "fc", "label": "Function C", "category": "compute", "quantity": "c", "quantityUnit": "requests"}%s],
             "pools": [{"id": "requests", "label": "Lambda requests", "items": ["fa", "fb", "fc"],
                        "freeAllowance": 1000000, "unitPrice": 0.20, "per": 1000000%s}]%s}
            """;

    static Scenario lambda(String moreItems, String poolFields, String rest) throws ScenarioException {
        return ScenarioFiles.parse(LAMBDA.formatted(moreItems, poolFields, rest), "pools.json");
    }

    static Results eval(Scenario s) throws ScenarioException {
        return CompiledScenario.compile(s).newEvaluator().evaluateWithSavings();
    }

    @Test
    void oneFreeTierForEveryFunctionTheCostSharedByQuantity() throws ScenarioException {
        Results r = eval(lambda("", "", ""));
        // 1.5M requests together, 1M free: 0.5M billable at $0.20 per million = $0.10
        assertEquals(0.10, r.value("requests"), 1e-12);
        assertEquals(0.10 * 600_000 / 1_500_000, r.item("fa").monthly(), 1e-15, "A made 40% of the requests");
        assertEquals(0.10 * 900_000 / 1_500_000, r.item("fb").monthly(), 1e-15);
        assertEquals(0.0, r.item("fc").monthly(), "no requests, no share");
        assertEquals(0.10, r.monthlyTotal(), 1e-12, "the free tier is given once, not three times");
        Results.PoolResult p = r.pools().get(0);
        assertEquals(1_500_000, p.quantity());
        assertEquals(500_000, p.billable());
        assertEquals(0.10, p.monthly(), 1e-12);
    }

    @Test
    void theAllocationAddsUpToThePoolsCostToTheCentAtEverySweepPoint() throws ScenarioException {
        Scenario s = lambda("", ", \"increment\": 1000000", "");
        Evaluator e = CompiledScenario.compile(s).newEvaluator();
        double[] values = costscope.engine.Sweep.points(1, 5e9, 400, true);
        for (double a : values) {
            e.setDriver("a", a);
            e.setDriver("b", 3 * a / 7);
            e.setDriver("c", 12_345);
            Results r = e.evaluate();
            double pool = r.value("requests");
            double sum = r.item("fa").monthly() + r.item("fb").monthly() + r.item("fc").monthly();
            assertEquals(Math.round(pool * 100), Math.round(sum * 100), "to the cent at a = " + a);
            assertEquals(pool, sum, Math.ulp(pool) * 4, "and to the last bits at a = " + a);
            double q = a + 3 * a / 7 + 12_345;
            double billed = Tariff.roundUp(Math.max(0, q - 1e6), 1e6);
            assertEquals(billed * 0.20 / 1e6, pool, 1e-9 * Math.max(1, pool), "the pool's own price at a = " + a);
        }
    }

    @Test
    void poolTiersAndIncrementsAtTheirEdges() throws ScenarioException {
        // data transfer out: tiers counted on every service's egress together, per started GB
        String tiers = ", \"tiers\": [{\"upTo\": 10, \"unitPrice\": 1}, {\"unitPrice\": 0.5}]";
        String pool = LAMBDA.replace("\"freeAllowance\": 1000000, \"unitPrice\": 0.20, \"per\": 1000000", "\"increment\": 1" + tiers)
                .replace("%s}]%s}", "%s}]}").formatted("", "");
        Scenario s = ScenarioFiles.parse(pool, "dto.json");
        Evaluator e = CompiledScenario.compile(s).newEvaluator();
        double[][] cases = {{4, 6, 10}, {4, 5.5, 10}, {4, 6.0001, 10 + 0.5}, {9.9, 0.1, 10}, {3, 3, 6}};
        for (double[] c : cases) {
            e.setDriver("a", c[0]);
            e.setDriver("b", c[1]);
            Results r = e.evaluate();
            assertEquals(c[2], r.value("requests"), 1e-12, c[0] + " + " + c[1]);
            assertEquals(c[2] * c[0] / (c[0] + c[1]), r.item("fa").monthly(), 1e-12);
        }
    }

    @Test
    void aLeverChangesThePoolsAllowanceTiersOrPrice() throws ScenarioException {
        String levers = """
                , "levers": [
                  {"id": "bigger", "label": "Bigger free tier", "effects": [{"pool": "requests", "freeAllowance": 1400000}]},
                  {"id": "cheaper", "label": "Cheaper", "effects": [{"pool": "requests", "unitPrice": "0.10"}]},
                  {"id": "tiered", "label": "Tiered", "effects": [{"pool": "requests",
                     "tiers": [{"upTo": 200000, "unitPrice": 0}, {"unitPrice": 1}]}]}]""";
        Scenario s = lambda("", "", levers);
        Results base = eval(s);
        assertEquals(0.10, base.monthlyTotal(), 1e-12);
        assertEquals(0.02, eval(s.withLeverEnabled("bigger", true)).monthlyTotal(), 1e-12, "0.1M billable");
        assertEquals(0.05, eval(s.withLeverEnabled("cheaper", true)).monthlyTotal(), 1e-12);
        assertEquals(0.30, eval(s.withLeverEnabled("tiered", true)).monthlyTotal(), 1e-12, "0.2M free in tier 1, 0.3M at $1/M");
        assertEquals(0.08, base.leverSaving("bigger"), 1e-12);
        List<String> lines = Explain.lines(eval(s.withLeverEnabled("bigger", true)), "fa");
        assertTrue(lines.contains("Free allowance (Bigger free tier): 1,500,000 - 1,400,000 free = 100,000 requests billable"), lines.toString());
    }

    @Test
    void twoTierTablesInOneLeverEachKeepTheirOwnPrices() throws ScenarioException {
        // each tier of each effect has its own place (effects[0].tiers[0], effects[1].tiers[0]), so neither takes the other's
        Scenario s = lambda(",\n{\"id\": \"fd\", \"label\": \"D\", \"category\": \"compute\", \"quantity\": 10, \"unitPrice\": 1}", "", """
                , "levers": [{"id": "both", "label": "Both", "enabled": true, "effects": [
                  {"pool": "requests", "tiers": [{"unitPrice": 0.1}]},
                  {"item": "fd", "tiers": [{"unitPrice": 0.3}]}]}]""");
        Results r = eval(s);
        assertEquals(500_000 * 0.1 / 1e6, r.value("requests"), 1e-15, "the pool's own table, per million");
        assertEquals(3.0, r.item("fd").monthly(), 1e-12, "the item's own table");
        List<String> p = check(LAMBDA.formatted("", "", """
                , "levers": [{"id": "both", "label": "Both", "effects": [
                  {"pool": "requests", "tiers": [{"unitPrice": 0.1}]}, {"pool": "requests", "tiers": [{"unitPrice": "0.3 +"}]}]}]"""))
                .stream().map(Problem::describe).toList();
        assertEquals(1, p.size(), p.toString());
        assertTrue(p.get(0).startsWith("levers[0] 'both', effects[1].tiers[0], field unitPrice"), p.toString());
    }

    @Test
    void aVariantReplacesAFlatPoolsPrice() throws ScenarioException {
        Scenario s = lambda("", "", ", \"variants\": [{\"id\": \"eu\", \"label\": \"EU\", \"prices\": {\"requests\": \"0.25\"}}]");
        assertEquals(0.125, eval(s.withVariant("eu")).monthlyTotal(), 1e-12);
    }

    @Test
    void detailsShowThePoolsArithmeticAndTheItemsShare() throws ScenarioException {
        Results r = eval(lambda("", "", ""));
        assertEquals(List.of(
                "Quantity: a = 600,000 requests",
                "Pool Lambda requests: its 3 items together = 1,500,000 requests",
                "Free allowance: 1,500,000 - 1,000,000 free = 500,000 requests billable",
                "Price: 500,000 requests x $0.20 / 1M requests = $0.10",
                "Share: 600,000 / 1,500,000 = 40.0% of $0.10 = $0.04",
                "= $0.04 / month"), Explain.lines(r, "fa"));
    }

    @Test
    void mistakesAreProblemsNamingTheItemAndField() {
        List<Problem> own = problems(",\n{\"id\": \"fd\", \"label\": \"D\", \"category\": \"compute\", \"quantity\": 1,"
                + " \"quantityUnit\": \"requests\", \"unitPrice\": 2}", "", "").stream().toList();
        // fd is not in the pool: fine; put it in
        assertEquals(List.of(), own);
        List<Problem> p = problems(",\n{\"id\": \"fd\", \"label\": \"D\", \"category\": \"compute\", \"quantity\": 1,"
                + " \"quantityUnit\": \"GB\", \"unitPrice\": 2, \"freeAllowance\": 5}", "", "", "fd");
        assertEquals(List.of(
                "items[3] 'fd', field unitPrice: 'fd' is in pool 'requests', which prices it: remove its unitPrice",
                "items[3] 'fd', field freeAllowance: 'fd' is in pool 'requests', which prices it: remove its freeAllowance",
                "pools[0] 'requests', items[3]: the items of a pool must count the same unit: 'fd' counts 'GB', 'fa' counts 'requests'"),
                p.stream().map(Problem::describe).toList());
        assertEquals(List.of("pools[0] 'requests', items[3]: 'fx' is not a line item (did you mean 'fa'?)"),
                problems("", "", "", "fx").stream().map(Problem::describe).toList());
        assertEquals(List.of("pools[0] 'requests', items[3]: 'fa' is listed twice"),
                problems("", "", "", "fa").stream().map(Problem::describe).toList());
        assertEquals(List.of("levers[0] 'l', effects[0]: 'fa' is in pool 'requests', which prices it: change the pool's unitPrice instead"),
                problems("", "", ", \"levers\": [{\"id\": \"l\", \"label\": \"L\", \"effects\": [{\"item\": \"fa\", \"unitPrice\": 1}]}]")
                        .stream().map(Problem::describe).toList());
        assertEquals(List.of("levers[0] 'l', effects[0]: 'compute' is not a pool, it is a category"),
                problems("", "", ", \"levers\": [{\"id\": \"l\", \"label\": \"L\", \"effects\": [{\"pool\": \"compute\", \"freeAllowance\": 1}]}]")
                        .stream().map(Problem::describe).toList());
    }

    @Test
    void anItemWhoseQuantityUsesItsPoolIsACycle() {
        String s = LAMBDA.formatted("", "", "").replace("\"quantity\": \"c\"", "\"quantity\": \"requests * 1000\"");
        List<String> p = check(s).stream().map(Problem::describe).toList();
        assertEquals(List.of("pools[0] 'requests': cycle: requests -> fc quantity -> requests"), p);
    }

    @Test
    void aQuantityThatIsNotANumberLeavesEveryShareNotANumber() throws ScenarioException {
        Scenario s = lambda("", "", "");
        Evaluator e = CompiledScenario.compile(s).newEvaluator();
        e.setDriver("c", Double.NaN);
        Results r = e.evaluate();
        assertTrue(Double.isNaN(r.item("fa").monthly()));
        e.setDriver("a", 0);
        e.setDriver("b", 0);
        e.setDriver("c", 0);
        assertEquals(0.0, e.evaluate().item("fa").monthly(), "nothing used, nothing shared");
    }

    @Test
    void poolsAndTheNewLeverEffectsRoundTripByteForByte() throws ScenarioException {
        Scenario s = lambda("", ", \"increment\": 1000000, \"description\": \"one account\"", """
                , "levers": [{"id": "l", "label": "L", "effects": [{"pool": "requests", "tiers": [{"upTo": 5, "unitPrice": 1}, {"unitPrice": 2}]},
                  {"item": "fa", "upfront": "a / 1000"}, {"pool": "requests", "freeAllowance": "2e6"}]}]""");
        String once = ScenarioFiles.toJson(s);
        Scenario again = ScenarioFiles.parse(once, "again.json");
        assertEquals(s, again);
        assertEquals(once, ScenarioFiles.toJson(again));
        assertTrue(once.contains("\"pools\": [\n"), once);
    }

    /** The problems of a scenario file's text (reading and compiling). */
    private static List<Problem> check(String json) {
        try {
            return CompiledScenario.validate(ScenarioFiles.parse(json, "pools.json"));
        } catch (ScenarioException e) {
            return e.problems();
        }
    }

    /** The problems of the Lambda model with more items, pool fields, more sections and (optionally) one more pool item. */
    private static List<Problem> problems(String moreItems, String poolFields, String rest, String... extraMembers) {
        String s = LAMBDA.formatted(moreItems, poolFields, rest);
        for (String m : extraMembers) s = s.replace("\"items\": [\"fa\", \"fb\", \"fc\"]", "\"items\": [\"fa\", \"fb\", \"fc\", \"" + m + "\"]");
        return check(s);
    }
}
