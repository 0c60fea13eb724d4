package costscope.engine;

import costscope.export.Explain;
import costscope.files.ScenarioFiles;
import costscope.model.Problem;
import costscope.model.Scenario;
import costscope.model.ScenarioException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Billing increments and monthly minimums, pinned at their edges: exactly at, just below and just above. */
class BillingRulesTest {
    private static Scenario model(String itemFields, double usage) throws ScenarioException {
        return ScenarioFiles.parse("""
                {"format": "costscope-scenario", "version": 1, "name": "billing", "currency": "USD",
                 "drivers": [{"id": "usage", "label": "Usage", "value": %s}],
                 "categories": [{"id": "c", "label": "C"}],
                 "items": [{"id": "it", "label": "Item", "category": "c", "quantity": "usage", "quantityUnit": "requests", %s}]}
                """.formatted(Double.toString(usage), itemFields), "billing.json");
    }

    private static double monthly(String itemFields, double usage) throws ScenarioException {
        return CompiledScenario.compile(model(itemFields, usage)).newEvaluator().evaluate().item("it").monthly();
    }

    @Test
    void usageAfterTheAllowanceIsBilledInWholeIncrements() throws ScenarioException {
        // Cloudflare Durable Objects: 1M requests included, then $0.15 per million, billed per started million
        String fields = "\"unitPrice\": 0.15, \"per\": 1000000, \"freeAllowance\": 1000000, \"increment\": 1000000";
        assertEquals(0.0, monthly(fields, 0));
        assertEquals(0.0, monthly(fields, 1_000_000), "exactly the allowance: nothing billable");
        assertEquals(0.15, monthly(fields, 1_000_001), 1e-12, "one request over: a whole million billed");
        assertEquals(0.15, monthly(fields, 1_500_000), 1e-12, "500,000 billable is billed as 1 million");
        assertEquals(0.15, monthly(fields, 2_000_000), 1e-12, "exactly one million billable");
        assertEquals(0.30, monthly(fields, 2_000_001), 1e-12, "just above: two millions");
        assertEquals(0.15, monthly(fields, 1_999_999), 1e-12, "just below: one million");
    }

    @Test
    void anExactMultipleStaysWhateverTheBinaryFractions() throws ScenarioException {
        String fields = "\"unitPrice\": 0.09, \"increment\": 0.1";
        assertEquals(0.3 * 0.09, monthly(fields, 0.3), 1e-15, "0.3 / 0.1 is 2.9999999999999996 in binary: still 3 increments");
        assertEquals(0.4 * 0.09, monthly(fields, 0.30001), 1e-12, "just above: 4 increments");
        assertEquals(Math.ceil(10.2) * 0.09, monthly("\"unitPrice\": 0.09, \"increment\": 1", 10.2), 1e-12, "per started GB");
        assertEquals(10 * 0.09, monthly("\"unitPrice\": 0.09, \"increment\": 1", 10), 1e-12);
        assertEquals(0.3, Tariff.roundUp(0.3, 0.1), 1e-15);
        assertEquals(1e6, Tariff.roundUp(1, 1e6));
        assertTrue(Double.isNaN(Tariff.roundUp(5, 0)), "no increment of zero");
        assertTrue(Double.isNaN(Tariff.roundUp(Double.NaN, 1)));
    }

    @Test
    void tiersCountTheRoundedQuantity() throws ScenarioException {
        String tiers = "\"tiers\": [{\"upTo\": 10, \"unitPrice\": 1}, {\"unitPrice\": 0.5}], \"increment\": 5";
        assertEquals(10.0, monthly(tiers, 10), "exactly at the boundary");
        assertEquals(10 + 5 * 0.5, monthly(tiers, 10.5), "just above: 15 billed, 5 of them in the second tier");
        assertEquals(10.0, monthly(tiers, 9.5), "just below: 10 billed");
        String volume = tiers + ", \"tierMode\": \"volume\"";
        assertEquals(15 * 0.5, monthly(volume, 10.5), "volume: 15 billed, all at the second tier's price");
    }

    @Test
    void theMinimumAppliesOnlyWithUsageAndOnlyBelowIt() throws ScenarioException {
        // AWS Business Support: the greater of $100 or 10% of the first $10K, 7% of $10K-80K, ...
        String fields = "\"tiers\": [{\"upTo\": 10000, \"unitPrice\": 0.10}, {\"upTo\": 80000, \"unitPrice\": 0.07},"
                + " {\"upTo\": 250000, \"unitPrice\": 0.05}, {\"unitPrice\": 0.03}], \"minimumMonthly\": 100";
        assertEquals(0.0, monthly(fields, 0), "no spend, no minimum");
        assertEquals(100.0, monthly(fields, 1), "a cent of spend: the minimum");
        assertEquals(100.0, monthly(fields, 999.99), 1e-9, "just below $1,000: 10% is under $100");
        assertEquals(100.0, monthly(fields, 1000), 1e-9, "exactly at: 10% is $100");
        assertEquals(100.001, monthly(fields, 1000.01), 1e-9, "just above: 10%");
        assertEquals(1000 + 0.07 * 70_000 + 0.05 * 20_000, monthly(fields, 100_000), 1e-9);
    }

    @Test
    void detailsShowUsedFreeBillableRoundedAndWhenTheMinimumApplies() throws ScenarioException {
        String fields = "\"unitPrice\": 0.15, \"per\": 1000000, \"freeAllowance\": 1000000, \"increment\": 1000000, \"minimumMonthly\": 5";
        Results r = CompiledScenario.compile(model(fields, 1_500_000)).newEvaluator().evaluate();
        List<String> lines = Explain.lines(r, "it");
        assertTrue(lines.contains("Free allowance: 1,500,000 - 1,000,000 free = 500,000 requests billable"), lines.toString());
        assertTrue(lines.contains("Increment: 500,000 requests billable rounded up to a multiple of 1,000,000 = 1,000,000 requests billed"), lines.toString());
        assertTrue(lines.contains("Minimum: $5.00 a month applies (the usage comes to $0.15)"), lines.toString());
        assertEquals("= $5.00 / month", lines.get(lines.size() - 1));
        Results none = CompiledScenario.compile(model(fields, 0)).newEvaluator().evaluate();
        assertTrue(Explain.lines(none, "it").contains("Minimum $5.00 a month: does not apply without usage"));
    }

    @Test
    void impossibleValuesAreProblemsAtTheirFields() {
        ScenarioException e = assertThrows(ScenarioException.class, () -> model("\"unitPrice\": 1, \"increment\": 0, \"minimumMonthly\": -1", 5));
        assertEquals(List.of("items[0] 'it', field increment: increment must be above 0",
                        "items[0] 'it', field minimumMonthly: minimumMonthly must be 0 or more"),
                e.problems().stream().map(Problem::describe).toList());
        // a formula increment that comes to 0 leaves no answer rather than a wrong one
        assertTrue(Double.isNaN(assertDoesNotThrow(() -> monthly("\"unitPrice\": 1, \"increment\": \"usage - 5\"", 5))));
    }

    @Test
    void theFieldsRoundTripByteForByte() throws ScenarioException {
        Scenario sc = model("\"unitPrice\": 0.15, \"per\": 1000000, \"freeAllowance\": 1000000, \"increment\": \"1e6\","
                + " \"minimumMonthly\": 5", 1);
        String json = ScenarioFiles.toJson(sc);
        assertTrue(json.contains("\"increment\": 1e6,"), json);
        assertTrue(json.contains("\"minimumMonthly\": 5\n"), json);
        assertEquals(json, ScenarioFiles.toJson(ScenarioFiles.parse(json, "again.json")));
    }

    private interface Value {
        double get() throws Exception;
    }

    private static double assertDoesNotThrow(Value v) {
        try {
            return v.get();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
