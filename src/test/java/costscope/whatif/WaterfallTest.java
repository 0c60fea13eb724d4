package costscope.whatif;

import costscope.engine.Audit;
import costscope.engine.CompiledScenario;
import costscope.engine.Evaluator;
import costscope.files.ScenarioFiles;
import costscope.model.InputException;
import costscope.model.Scenario;
import costscope.model.Variant;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WaterfallTest {
    static Scenario billion() throws Exception {
        return ScenarioFiles.load(Path.of("sample-scenarios/billion-users.json"));
    }

    static double total(Scenario s) throws Exception {
        Evaluator e = CompiledScenario.compile(s).newEvaluator();
        e.setValues(s);
        return e.total();
    }

    /** Each bar starts where the previous ended, the first at the start total, the last at the end total: bit for bit. */
    static void assertChained(Waterfall w) {
        double before = w.fromTotal();
        for (Waterfall.Step s : w.steps()) {
            assertEquals(before, s.before(), 0, s.change().id());
            before = s.after();
        }
        assertEquals(w.toTotal(), before, 0, "the last bar ends at the second total");
        assertEquals(w.difference(), w.sumOfSteps(), 1e-6, "the bars add up to the difference of the totals");
    }

    @Test
    void billionUsersOriginalToOptimizedReproducesTheReportsSavingsTableWhereItsArithmeticHolds() throws Exception {
        Scenario sc = billion();
        Scenario original = sc.withVariant("original");
        Scenario optimized = sc.withVariant("optimized");
        Waterfall w = Waterfall.run(original, optimized, null);
        assertEquals(List.of("aggressive_autoscaling", "fewer_replicas", "connection_pooling", "more_ollama", "cheaper_gpus",
                "cdn_cache_hits"), w.steps().stream().map(s -> s.change().id()).toList(), "levers in the report's order");
        double[] bars = w.steps().stream().mapToDouble(Waterfall.Step::delta).toArray();
        // The report's "Optimized Cost Summary", Savings column: compute $3,366,720; AI $2,500,000 (2,000,000 + 500,000);
        // CDN $3,800,000; the replicas' $1,000,000. All reproduced to the cent.
        assertEquals(-3_366_720.00, bars[0], 0.005);
        assertEquals(-1_000_000.00, bars[1], 0.005);
        assertEquals(-2_000_000.00, bars[3], 0.005);
        assertEquals(-500_000.00, bars[4], 0.005);
        assertEquals(-2_500_000.00, bars[3] + bars[4], 0.005);
        assertEquals(-3_800_000.00, bars[5], 0.005);
        // Where it does not hold: pooling saves 20% of a database the replicas already cut, $648,262, not $848,262;
        // so the optimized total is $8,640,058, not the report's $8,440,058 (and its original total is $400 off too).
        assertEquals(-648_262.00, bars[2], 0.005);
        assertEquals(19_955_040.00, w.fromTotal(), 0.005);
        assertEquals(8_640_058.00, w.toTotal(), 0.005);
        assertEquals(-11_314_982.00, w.difference(), 0.005);
        assertChained(w);
        assertEquals(total(optimized), w.toTotal(), 0);

        // ...and the audit says so, figure by figure.
        Map<String, Audit.Line> audit = new java.util.HashMap<>();
        for (Audit.Line l : Audit.run(CompiledScenario.compile(sc))) audit.put(l.label(), l);
        Audit.Line db = audit.get("Database, optimized cost summary, Optimized");
        assertFalse(db.agrees());
        assertEquals(2_393_048, db.stated(), 0);
        assertEquals(2_593_048, db.computed(), 0.005);
        Audit.Line tot = audit.get("TOTAL, optimized cost summary, Optimized");
        assertFalse(tot.agrees());
        assertEquals(8_640_058, tot.computed(), 0.005);
        assertFalse(audit.get("TOTAL, optimized cost summary, Original").agrees());
        assertTrue(audit.get("Compute, optimized cost summary, Savings").agrees());
        assertTrue(audit.get("CDN/Bandwidth, optimized cost summary, Savings").agrees());
    }

    @Test
    void theOrderChangesTheBarsOfInteractingChangesButNeverTheirSum() throws Exception {
        Scenario sc = billion();
        Scenario original = sc.withVariant("original");
        Scenario optimized = sc.withVariant("optimized");
        Waterfall w = Waterfall.run(original, optimized, List.of("connection_pooling", "fewer_replicas"));
        assertEquals(List.of("connection_pooling", "fewer_replicas", "aggressive_autoscaling", "more_ollama", "cheaper_gpus",
                "cdn_cache_hits"), w.steps().stream().map(s -> s.change().id()).toList(), "named first, the rest in order");
        // Pooling first saves 20% of the whole original database: the report's $848,262. Replicas then save $800,000.
        assertEquals(-848_262.00, w.steps().get(0).delta(), 0.005);
        assertEquals(-800_000.00, w.steps().get(1).delta(), 0.005);
        assertEquals(-11_314_982.00, w.difference(), 0.005);
        assertChained(w);
    }

    @Test
    void driverPriceAndLeverChangesEachGetABarComputedInOrder() throws Exception {
        Scenario sc = ScenarioFiles.parse("""
                {"format": "costscope-scenario", "version": 1, "name": "t",
                 "drivers": [{"id": "people", "label": "Users", "value": 1000}],
                 "categories": [{"id": "c", "label": "C"}],
                 "items": [{"id": "tokens", "label": "Tokens", "category": "c", "quantity": "people * 100", "unitPrice": 0.01},
                           {"id": "servers", "label": "Servers", "category": "c", "quantity": "ceil(people / 500)", "unitPrice": 50}],
                 "levers": [{"id": "cache", "label": "Cache", "effects": [{"item": "tokens", "factor": 0.5}]}],
                 "variants": [{"id": "a", "label": "A"},
                              {"id": "b", "label": "B", "drivers": {"people": 2000}, "levers": {"cache": true}, "prices": {"tokens": 0.02}}]}
                """, "t.json");
        Waterfall w = Waterfall.run(sc.withVariant("a"), sc.withVariant("b"), null);
        // A: tokens 100,000 x 0.01 = 1,000; servers 2 x 50 = 100; total 1,100.
        assertEquals(1100, w.fromTotal(), 1e-9);
        // users 2,000: tokens 2,000; servers 4 x 50 = 200 -> 2,200 (+1,100)
        // cache: tokens x 0.5 -> 1,000 + 200 = 1,200 (-1,000)
        // price 0.02: tokens 200,000 x 0.02 x 0.5 = 2,000 -> 2,200 (+1,000)
        assertEquals(List.of(Change.Kind.DRIVER, Change.Kind.LEVER, Change.Kind.PRICE), w.steps().stream().map(s -> s.change().kind()).toList());
        assertEquals(1100, w.steps().get(0).delta(), 1e-9);
        assertEquals(-1000, w.steps().get(1).delta(), 1e-9);
        assertEquals(1000, w.steps().get(2).delta(), 1e-9);
        assertEquals(2200, w.toTotal(), 1e-9);
        assertChained(w);
        assertEquals("Tokens price: 0.01 → 0.02", w.steps().get(2).change().describe());
        assertEquals("Users: 1,000 → 2,000", w.steps().get(0).change().describe());

        Waterfall priceFirst = Waterfall.run(sc.withVariant("a"), sc.withVariant("b"), List.of("tokens"));
        assertEquals(1000, priceFirst.steps().get(0).delta(), 1e-9, "price first: 100,000 x 0.01 more");
        assertChained(priceFirst);
    }

    @Test
    void anOrderNamingWhatDoesNotChangeIsRefusedWithTheChanges() throws Exception {
        Scenario sc = billion();
        var x = assertThrows(InputException.class, () -> Waterfall.run(sc.withVariant("original"),
                sc.withVariant("optimized"), List.of("multi_region_pricing")));
        assertTrue(x.getMessage().startsWith("'multi_region_pricing' does not change between the two (changes: aggressive_autoscaling, "),
                x.getMessage());
        var twice = assertThrows(InputException.class, () -> Waterfall.run(sc.withVariant("original"),
                sc.withVariant("optimized"), List.of("fewer_replicas", "fewer_replicas")));
        assertEquals("'fewer_replicas' is named twice in the order", twice.getMessage());
    }

    @Test
    void identicalStatesHaveNoBars() throws Exception {
        Scenario sc = billion();
        Waterfall w = Waterfall.run(sc.withVariant("optimized"), sc.withVariant("optimized"), null);
        assertEquals(0, w.steps().size());
        assertEquals(0, w.difference(), 0);
    }

    @Test
    void aSnapshotVariantRecordsEveryDriverAndLever() throws Exception {
        Scenario sc = billion().withVariant("optimized").withDriverValue("total_users", 1e8);
        Variant v = sc.snapshot("mine", "Mine", null);
        assertEquals(sc.drivers().size(), v.drivers().size());
        assertEquals(1e8, v.drivers().get("total_users"), 0);
        assertEquals(true, v.levers().get("cdn_cache_hits"));
        Scenario back = billion().withOverrides(v);
        assertEquals(total(sc), total(back), 0);
    }
}
