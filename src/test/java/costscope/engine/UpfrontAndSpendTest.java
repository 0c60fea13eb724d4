package costscope.engine;

import costscope.export.Explain;
import costscope.files.ScenarioFiles;
import costscope.model.Problem;
import costscope.model.Scenario;
import costscope.model.ScenarioException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Upfront payments (first-year and amortized totals, a lever with a cash shape) and spend(category, ...). */
class UpfrontAndSpendTest {
    /** A reserved m4.xlarge, 1-year partial upfront: $648.00 once and $0.074 an hour (the AWS Simple Monthly Calculator). */
    static final String RESERVED = """
            {"format": "costscope-scenario", "version": 1, "name": "upfront", "currency": "USD",
             "drivers": [{"id": "instances", "label": "Instances", "value": 1}],
             "categories": [{"id": "compute", "label": "Compute"}, {"id": "storage", "label": "Storage"},
                            {"id": "support", "label": "Support"}],
             "items": [
               {"id": "ri", "label": "m4.xlarge reserved", "category": "compute", "quantity": "instances",
                "unitPrice": 0.074, "billing": "hourly", "upfront": "648 * instances"%s},
               {"id": "disk", "label": "Disk", "category": "storage", "quantity": 100, "unitPrice": 0.1}%s]%s}
            """;

    static Scenario model(String riFields, String items, String rest) throws ScenarioException {
        return ScenarioFiles.parse(RESERVED.formatted(riFields, items, rest), "upfront.json");
    }

    static Results eval(Scenario s) throws ScenarioException {
        return CompiledScenario.compile(s).newEvaluator().evaluateWithSavings();
    }

    @Test
    void firstYearAndAmortizedTotals() throws ScenarioException {
        Results r = eval(model("", "", ""));
        double monthly = 0.074 * 730 + 10;   // $54.02 + $10.00
        assertEquals(64.02, r.monthlyTotal(), 1e-9);
        assertEquals(648.0, r.upfrontTotal());
        assertEquals(12 * monthly + 648, r.firstYearTotal(), 1e-9);
        assertEquals(1416.24, r.firstYearTotal(), 1e-9);
        assertEquals(monthly + 648.0 / 12, r.amortizedMonthlyTotal(), 1e-9, "a 12-month term by default");
        assertEquals(118.02, r.amortizedMonthlyTotal(), 1e-9);
        assertEquals(648.0, r.item("ri").upfront());
        assertEquals(0.0, r.item("disk").upfront());
        Results three = eval(model(", \"termMonths\": 36", "", ""));
        assertEquals(64.02 + 18, three.amortizedMonthlyTotal(), 1e-9, "$648 over 36 months");
        assertEquals(1416.24, three.firstYearTotal(), 1e-9, "the first year pays the whole upfront");
        Results two = eval(model("", "", "").withDriverValue("instances", 2));
        assertEquals(1296.0, two.upfrontTotal(), "the upfront is a formula");
    }

    @Test
    void theUpfrontTotalsAreShownOnlyWhenThereIsOne() throws ScenarioException {
        Scenario with = model("", "", "");
        assertEquals(List.of("total", "annualTotal", "upfrontTotal", "firstYearTotal", "amortizedMonthlyTotal"),
                Metric.totals(with).stream().map(Metric.Shown::id).toList());
        Scenario without = with.withItems(with.items().stream().map(i -> i.withUpfront(null)).toList());
        assertEquals(List.of("total", "annualTotal"), Metric.totals(without).stream().map(Metric.Shown::id).toList());
        Results r = eval(without);
        assertEquals(0.0, r.upfrontTotal());
        assertEquals(r.annualTotal(), r.firstYearTotal());
        assertEquals(r.monthlyTotal(), r.amortizedMonthlyTotal());
    }

    @Test
    void aLeverGivesThreeYearsAllUpfrontItsRealCashShape() throws ScenarioException {
        // on demand $0.192 an hour; 3-year all upfront $2,600 and nothing a month
        String lever = """
                , "levers": [{"id": "ri3", "label": "3-year reserved, all upfront", "effects": [
                   {"item": "vm", "unitPrice": 0}, {"item": "vm", "upfront": "2600 * instances"}]}]""";
        String vm = ",\n{\"id\": \"vm\", \"label\": \"VM\", \"category\": \"compute\", \"quantity\": \"instances\","
                + " \"unitPrice\": 0.192, \"billing\": \"hourly\", \"termMonths\": 36}";
        Scenario s = model("", vm, lever);
        Results off = eval(s);
        Results on = eval(s.withLeverEnabled("ri3", true));
        assertEquals(0.192 * 730, off.item("vm").monthly(), 1e-9);
        assertEquals(0.0, on.item("vm").monthly());
        assertEquals(648.0, off.upfrontTotal());
        assertEquals(648.0 + 2600, on.upfrontTotal());
        assertEquals(off.firstYearTotal() - 12 * 0.192 * 730 + 2600, on.firstYearTotal(), 1e-9);
        assertEquals(on.monthlyTotal() + 648.0 / 12 + 2600.0 / 36, on.amortizedMonthlyTotal(), 1e-9);
        assertEquals(0.192 * 730, on.leverSaving("ri3"), 1e-9, "the saving is the monthly one; the upfront is shown apart");
        List<String> lines = Explain.lines(on, "vm");
        assertTrue(lines.contains("Upfront (3-year reserved, all upfront): 2600 x instances = 2,600 x 1 = $2,600.00 once, over 36 months"
                + " = $72.22 a month amortized"), lines.toString());
        assertEquals("Upfront: 648 x instances = 648 x 1 = $648.00 once, over 12 months = $54.00 a month amortized",
                Explain.lines(off, "ri").get(Explain.lines(off, "ri").size() - 2));
    }

    @Test
    void statedFiguresCanCheckUpfrontFigures() throws ScenarioException {
        Scenario s = model("", "", """
                , "statedFigures": [
                  {"label": "one-time fee", "of": "upfront(ri)", "value": 648.00},
                  {"label": "first 12 months", "of": "firstYearTotal", "value": 1416.24},
                  {"label": "amortized", "of": "amortizedMonthlyTotal", "value": 118.02}]""");
        List<Audit.Line> rows = Audit.run(CompiledScenario.compile(s));
        assertEquals(3, rows.size());
        for (Audit.Line row : rows) assertTrue(row.agrees(), row.toString());
        Scenario off = model("", "", ", \"statedFigures\": [{\"label\": \"x\", \"of\": \"upfront(ri)\", \"value\": 649}]");
        assertFalse(Audit.run(CompiledScenario.compile(off)).get(0).agrees(), "a dollar off does not agree");
    }

    @Test
    void aTermOfNoMonthsIsAProblemAtItsField() {
        assertEquals(List.of("items[0] 'ri', field termMonths: termMonths must be at least 1"),
                problems(model0(", \"termMonths\": 0", "", "")));
    }

    // --- spend() ------------------------------------------------------------------------------------------------

    /** AWS Business Support: the greater of $100 or 10% of the first $10K of the month's spend, 7% to $80K, 5% to $250K, 3% above. */
    static final String SUPPORT = ",\n{\"id\": \"business_support\", \"label\": \"AWS Business Support\", \"category\": \"support\","
            + " \"quantity\": \"spend(compute, storage)\", \"quantityUnit\": \"USD\", \"minimumMonthly\": 100,"
            + " \"tiers\": [{\"upTo\": 10000, \"unitPrice\": 0.10}, {\"upTo\": 80000, \"unitPrice\": 0.07},"
            + " {\"upTo\": 250000, \"unitPrice\": 0.05}, {\"unitPrice\": 0.03}]}";

    @Test
    void spendPricesASupportPlanOnTheOtherCategories() throws ScenarioException {
        Scenario s = model("", SUPPORT, "");
        Results r = eval(s);
        assertEquals(64.02, r.value("compute") + r.value("storage"), 1e-9);
        assertEquals(100.0, r.item("business_support").monthly(), "10% of $64.02 is below the $100 minimum");
        // the published example: $85,000 of usage comes to $1,000 + $4,900 + $250 = $6,150
        Results big = eval(s.withDriverValue("instances", (85_000 - 10) / (0.074 * 730)));
        assertEquals(85_000, big.item("business_support").quantity(), 1e-6);
        assertEquals(6150.0, big.item("business_support").monthly(), 1e-6);
        assertEquals(85_000 + 6150, big.monthlyTotal(), 1e-6);
    }

    @Test
    void spendOfItsOwnCategoryIsACycleAndOnlyCategoriesAreSpend() {
        assertEquals(List.of("items[2] 'business_support': cycle: business_support -> support -> business_support"),
                problems(model0("", SUPPORT.replace("spend(compute, storage)", "spend(compute, support)"), "")));
        assertEquals(List.of("items[2] 'business_support', field quantity, position 15: spend() takes category ids;"
                        + " 'instances' is not a category"),
                problems(model0("", SUPPORT.replace("spend(compute, storage)", "spend(compute, instances)"), "")));
        assertEquals(List.of("items[2] 'business_support', field quantity, position 6: spend() takes category ids"),
                problems(model0("", SUPPORT.replace("spend(compute, storage)", "spend(2 * compute)"), "")));
        assertEquals(List.of("items[2] 'business_support', field quantity, position 6: unknown name 'compte' (did you mean 'compute'?)"),
                problems(model0("", SUPPORT.replace("spend(compute, storage)", "spend(compte)"), "")));
    }

    private static String model0(String riFields, String items, String rest) {
        return RESERVED.formatted(riFields, items, rest);
    }

    private static List<String> problems(String json) {
        try {
            return CompiledScenario.validate(ScenarioFiles.parse(json, "x.json")).stream().map(Problem::describe).toList();
        } catch (ScenarioException e) {
            return e.problems().stream().map(Problem::describe).toList();
        }
    }
}
