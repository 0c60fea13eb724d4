package costscope.engine;

import costscope.files.ScenarioFiles;
import costscope.model.Problem;
import costscope.model.Scenario;
import costscope.model.ScenarioException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

public class EngineTest {

    /** A scenario from its body (drivers, items... without the header). */
    public static Scenario scenario(String body) throws ScenarioException {
        return ScenarioFiles.parse("{\"format\": \"costscope-scenario\", \"version\": 1, \"name\": \"t\", " + body + "}", "test.json");
    }

    static CompiledScenario compile(String body) throws ScenarioException {
        return CompiledScenario.compile(scenario(body));
    }

    static final String ONE_DRIVER = "\"drivers\": [{\"id\": \"n\", \"label\": \"N\", \"value\": 1000}], "
            + "\"categories\": [{\"id\": \"c\", \"label\": \"C\"}, {\"id\": \"d\", \"label\": \"D\"}], ";

    @Test
    void perUnitPriceWithPer() throws Exception {
        CompiledScenario c = compile(ONE_DRIVER + "\"items\": [{\"id\": \"tok\", \"label\": \"Tokens\", \"category\": \"c\","
                + " \"quantity\": \"n * 900\", \"unitPrice\": 3.00, \"per\": 1000000, \"billing\": \"perUnit\"}]");
        Results r = c.newEvaluator().evaluate();
        assertEquals(2.70, r.monthlyTotal(), 1e-12);
        assertEquals(900_000, r.item("tok").quantity(), 0);
        assertEquals(3.00, r.item("tok").unitPrice(), 0);
    }

    @Test
    void hourlyUsesHoursPerMonthOrTheItemsHours() throws Exception {
        CompiledScenario c = compile("\"hoursPerMonth\": 720, " + ONE_DRIVER + "\"items\": ["
                + "{\"id\": \"a\", \"label\": \"A\", \"category\": \"c\", \"quantity\": 2, \"unitPrice\": 0.315, \"billing\": \"hourly\"},"
                + "{\"id\": \"b\", \"label\": \"B\", \"category\": \"c\", \"quantity\": 1, \"unitPrice\": 0.045, \"billing\": \"hourly\", \"hours\": 730}]");
        Results r = c.newEvaluator().evaluate();
        assertEquals(453.60, r.value("a"), 1e-9);
        assertEquals(32.85, r.value("b"), 1e-9);
    }

    @Test
    void freeAllowanceThenGraduatedTiers() throws Exception {
        // KMS-like: 20,000 free, then $0.03 per 10K; API-Gateway-like: $1.00/1M to 300M, then $0.90/1M
        CompiledScenario c = compile(ONE_DRIVER + "\"items\": ["
                + "{\"id\": \"kms\", \"label\": \"KMS\", \"category\": \"c\", \"quantity\": 500000, \"unitPrice\": 0.03, \"per\": 10000, \"freeAllowance\": 20000},"
                + "{\"id\": \"api\", \"label\": \"API\", \"category\": \"d\", \"quantity\": \"n * 1000000\", \"per\": 1000000,"
                + " \"tiers\": [{\"upTo\": 300000000, \"unitPrice\": 1.00}, {\"unitPrice\": 0.90}]}]");
        Evaluator e = c.newEvaluator();
        Results r = e.evaluate();
        assertEquals(1.44, r.value("kms"), 1e-12);
        assertEquals(480_000, r.item("kms").billable(), 0);
        // 1e9 requests: 300M at $1.00/1M + 700M at $0.90/1M = 300 + 630
        assertEquals(930.0, r.value("api"), 1e-9);
        assertEquals(0.93, r.item("api").unitPrice(), 1e-12);
        e.setDriver("n", 10);
        assertEquals(10.0, e.evaluate().value("api"), 1e-12);
        e.setDriver("n", 0);
        assertEquals(0.0, e.evaluate().value("api"), 0);
    }

    @Test
    void freeAllowanceLargerThanQuantityCostsNothing() throws Exception {
        CompiledScenario c = compile(ONE_DRIVER + "\"items\": [{\"id\": \"cog\", \"label\": \"Cognito\", \"category\": \"c\","
                + " \"quantity\": \"n\", \"unitPrice\": 0.0055, \"freeAllowance\": 50000}]");
        Evaluator e = c.newEvaluator();
        assertEquals(0, e.evaluate().monthlyTotal(), 0);
        e.setDriver("n", 60000);
        assertEquals(55.0, e.evaluate().monthlyTotal(), 1e-9);
    }

    @Test
    void volumeTiersPriceEverythingAtTheReachedTier() throws Exception {
        CompiledScenario c = compile(ONE_DRIVER + "\"items\": [{\"id\": \"v\", \"label\": \"V\", \"category\": \"c\", \"quantity\": \"n\","
                + " \"tierMode\": \"volume\", \"tiers\": [{\"upTo\": 500, \"unitPrice\": 2}, {\"upTo\": 5000, \"unitPrice\": 1}, {\"unitPrice\": 0.5}]}]");
        Evaluator e = c.newEvaluator();
        assertEquals(1000.0, e.evaluate().monthlyTotal(), 0);
        e.setDriver("n", 500);
        assertEquals(1000.0, e.evaluate().monthlyTotal(), 0);
        e.setDriver("n", 10000);
        assertEquals(5000.0, e.evaluate().monthlyTotal(), 0);
    }

    static final String LEVERS = ONE_DRIVER
            + "\"variables\": [{\"id\": \"share\", \"label\": \"Share\", \"formula\": 0.8}],"
            + "\"items\": ["
            + "{\"id\": \"llm\", \"label\": \"LLM\", \"category\": \"c\", \"quantity\": \"n * share\", \"unitPrice\": 2},"
            + "{\"id\": \"emb\", \"label\": \"Emb\", \"category\": \"c\", \"quantity\": \"n\", \"unitPrice\": 0.5},"
            + "{\"id\": \"db\", \"label\": \"DB\", \"category\": \"d\", \"quantity\": 1, \"unitPrice\": 100, \"fixedMonthly\": 120}],"
            + "\"levers\": ["
            + "{\"id\": \"haiku\", \"label\": \"Haiku\", \"effects\": [{\"item\": \"llm\", \"factor\": 0.7}]},"
            + "{\"id\": \"cache\", \"label\": \"Cache\", \"effects\": [{\"category\": \"c\", \"factor\": 0.5}]},"
            + "{\"id\": \"more\", \"label\": \"More local\", \"effects\": [{\"set\": \"share\", \"formula\": \"0.9 - 0.8\"}]},"
            + "{\"id\": \"cheap\", \"label\": \"Cheap DB\", \"effects\": [{\"item\": \"db\", \"fixedMonthly\": 50}]},"
            + "{\"id\": \"q\", \"label\": \"Fewer\", \"effects\": [{\"item\": \"emb\", \"quantity\": \"n / 2\"}, {\"item\": \"emb\", \"unitPrice\": 1}]}"
            + "]";

    @Test
    void leversApplyAndReportSavings() throws Exception {
        CompiledScenario c = compile(LEVERS);
        Evaluator e = c.newEvaluator();
        Results base = e.evaluateWithSavings();
        // llm 1000*0.8*2 = 1600, emb 500, db fixed 120 (basis 100)
        assertEquals(2220, base.monthlyTotal(), 1e-9);
        assertEquals(100, base.eval("basis(db)"), 1e-9);
        assertEquals(480, base.leverSaving("haiku"), 1e-9);
        assertEquals(1050, base.leverSaving("cache"), 1e-9);
        assertEquals(1400, base.leverSaving("more"), 1e-9);
        assertEquals(70, base.leverSaving("cheap"), 1e-9);
        assertEquals(0, base.leverSaving("q"), 1e-9); // 500 units at $1 = 500: same cost
        e.setLever("haiku", true);
        e.setLever("cache", true);
        Results both = e.evaluateWithSavings();
        assertEquals(1600 * 0.7 * 0.5 + 250 + 120, both.monthlyTotal(), 1e-9);
        // saving of a lever that is on: total with it off minus total with it on
        assertEquals(1600 * 0.5 - 1600 * 0.7 * 0.5, both.leverSaving("haiku"), 1e-9);
        assertTrue(both.levers().get(0).enabled());
        e.setLever("more", true);
        assertEquals(0.1, e.evaluate().value("share"), 1e-12);
    }

    @Test
    void resultsWithoutSavingsSayNaNNotZero() throws Exception {
        Results r = compile(LEVERS).newEvaluator().evaluate();
        assertTrue(Double.isNaN(r.leverSaving("haiku")));
        IllegalStateException x = assertThrows(IllegalStateException.class, () -> r.eval("saving(haiku) * 2"));
        assertEquals("formula 'saving(haiku) * 2' uses saving(), but this snapshot was taken without lever savings:"
                + " use Evaluator.evaluateWithSavings()", x.getMessage());
    }

    @Test
    void businessMetrics() throws Exception {
        CompiledScenario c = compile(ONE_DRIVER + "\"items\": [{\"id\": \"x\", \"label\": \"X\", \"category\": \"c\", \"quantity\": \"n\", \"unitPrice\": 2}],"
                + "\"business\": {\"users\": {\"label\": \"user\", \"formula\": \"n\"}, \"denominators\": [{\"id\": \"req\", \"label\": \"request\", \"formula\": \"n * 50\"}],"
                + " \"price\": 5, \"conversion\": 0.1, \"markup\": 0.15, \"funding\": 30000}");
        Results r = c.newEvaluator().evaluate();
        assertEquals(2000, r.monthlyTotal(), 0);
        assertEquals(24000, r.annualTotal(), 0);
        assertEquals(2.0, r.value("costPerUser"), 0);
        assertEquals(0.04, r.value("costPer_req"), 1e-15);
        assertEquals(100, r.value("payingUsers"), 1e-12);
        assertEquals(500, r.value("revenue"), 1e-12);
        assertEquals(-1500, r.value("profit"), 1e-12);
        assertEquals(-3, r.value("margin"), 1e-12);
        assertEquals(2300, r.value("breakEvenRevenue"), 1e-9);
        assertEquals(460, r.value("breakEvenPayingUsers"), 1e-9);
        assertEquals(0.46, r.value("breakEvenConversion"), 1e-12);
        assertEquals(20, r.value("runwayMonths"), 1e-12);
        assertEquals(List.of("users", "costPerUser", "costPer_req", "payingUsers", "revenue", "profit", "margin",
                "breakEvenRevenue", "breakEvenPayingUsers", "breakEvenConversion", "runwayMonths"), List.copyOf(r.metrics().keySet()));
    }

    @Test
    void runwayIsInfiniteWhenRevenueCoversCostsAndUnknownWithoutFunding() throws Exception {
        CompiledScenario c = compile(ONE_DRIVER + "\"items\": [{\"id\": \"x\", \"label\": \"X\", \"category\": \"c\", \"quantity\": 1, \"unitPrice\": 10}],"
                + "\"business\": {\"users\": {\"label\": \"user\", \"formula\": \"n\"}, \"price\": 1, \"conversion\": 0.5, \"funding\": 100}");
        assertEquals(Double.POSITIVE_INFINITY, c.newEvaluator().evaluate().value("runwayMonths"));
        CompiledScenario none = compile(ONE_DRIVER + "\"items\": [{\"id\": \"x\", \"label\": \"X\", \"category\": \"c\", \"quantity\": 1, \"unitPrice\": 10}]");
        assertTrue(Double.isNaN(none.newEvaluator().evaluate().value("runwayMonths")));
    }

    @Test
    void categoriesAndSharesFollowTheItems() throws Exception {
        Results r = compile(LEVERS).newEvaluator().evaluate();
        assertEquals(2100, r.category("c").monthly(), 1e-9);
        assertEquals(120, r.category("d").monthly(), 1e-9);
        assertEquals(2100 / 2220.0, r.category("c").share(), 1e-12);
        assertEquals(1.0, r.categories().stream().mapToDouble(Results.CategoryResult::share).sum(), 1e-12);
    }

    @Test
    void formulasMayUseItemsCategoriesAndTotals() throws Exception {
        CompiledScenario c = compile(ONE_DRIVER + "\"items\": ["
                + "{\"id\": \"compute\", \"label\": \"Compute\", \"category\": \"c\", \"quantity\": \"n\", \"unitPrice\": 1},"
                + "{\"id\": \"support\", \"label\": \"Support\", \"category\": \"d\", \"quantity\": \"c * 0.1\", \"unitPrice\": 1}]");
        Results r = c.newEvaluator().evaluate();
        assertEquals(1100, r.monthlyTotal(), 1e-9);
        assertEquals(List.of("compute", "c"), c.evaluationOrder().subList(c.evaluationOrder().indexOf("compute"), c.evaluationOrder().indexOf("compute") + 2));
        assertTrue(c.evaluationOrder().indexOf("c") < c.evaluationOrder().indexOf("support"));
    }

    @Test
    void scalePointsSetTheirDrivers() throws Exception {
        CompiledScenario c = compile(LEVERS + ", \"scalePoints\": [{\"id\": \"1K\", \"values\": {\"n\": 1000}}, {\"id\": \"10K\", \"values\": {\"n\": 10000}}]");
        Evaluator e = c.newEvaluator();
        e.applyScalePoint("10K");
        assertEquals(16000 + 5000 + 120, e.evaluate().monthlyTotal(), 1e-9);
        List<ScaleTable.Column> cols = ScaleTable.build(c);
        assertEquals(List.of("1K", "10K"), cols.stream().map(ScaleTable.Column::id).toList());
        assertEquals(2220, cols.get(0).results().monthlyTotal(), 1e-9);
        assertThrows(IllegalArgumentException.class, () -> e.applyScalePoint("1M"));
    }

    @Test
    void sweepEqualsPointwiseEvaluation() throws Exception {
        CompiledScenario c = compile(LEVERS + ", \"business\": {\"users\": {\"label\": \"u\", \"formula\": \"n\"}}");
        Evaluator e = c.newEvaluator();
        Sweep.Result s = Sweep.run(e, "n", 10, 1_000_000, 5, true);
        assertEquals(10, s.x()[0], 0);
        assertEquals(3162.27766017, s.x()[2], 0, "log points are snapped to 12 significant digits");
        assertEquals(1_000_000, s.x()[4], 0);
        for (int i = 0; i < 5; i++) {
            Evaluator p = c.newEvaluator();
            p.setDriver("n", s.x()[i]);
            Results r = p.evaluate();
            assertEquals(r.monthlyTotal(), s.total()[i], 0);
            assertEquals(r.value("costPerUser"), s.costPerUser()[i], 0);
            assertEquals(r.category("d").monthly(), s.categoryMonthly()[1][i], 0);
        }
        assertEquals(1000, e.driverValue("n"), 0, "the base evaluator is not changed by a sweep");
        // exact decades, so step() thresholds at round numbers are hit (99999.99999999984 would miss 100000)
        assertEquals(List.of(10.0, 100.0, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9),
                java.util.Arrays.stream(Sweep.points(10, 1e9, 9, true)).boxed().toList());
        double[] lin = Sweep.points(0, 100, 5, false);
        assertEquals(25, lin[1], 0);
    }

    @Test
    void auditComparesWithinDisplayRounding() throws Exception {
        CompiledScenario c = compile(LEVERS + ", \"scalePoints\": [{\"id\": \"10K\", \"values\": {\"n\": 10000}}], \"statedFigures\": ["
                + "{\"label\": \"total\", \"of\": \"total\", \"value\": 2220},"
                + "{\"label\": \"rounded total\", \"of\": \"total\", \"value\": 2200, \"rounding\": 100},"
                + "{\"label\": \"wrong total\", \"of\": \"total\", \"value\": 2221},"
                + "{\"label\": \"at 10K with haiku\", \"at\": \"10K\", \"levers\": {\"haiku\": true}, \"of\": \"llm\", \"value\": 11200},"
                + "{\"label\": \"set n\", \"set\": {\"n\": 10}, \"of\": \"quantity(emb)\", \"value\": 10, \"format\": \"number\"},"
                + "{\"label\": \"share\", \"of\": \"d / total\", \"value\": 0.054, \"rounding\": 0.001, \"format\": \"percent\"},"
                + "{\"label\": \"saving\", \"of\": \"saving(cache)\", \"value\": 1050}]");
        List<Audit.Line> lines = Audit.run(c);
        assertEquals(List.of(true, true, false, true, true, true, true), lines.stream().map(Audit.Line::agrees).toList());
        Audit.Line wrong = lines.get(2);
        assertEquals(2221, wrong.stated(), 0);
        assertEquals(2220, wrong.computed(), 1e-9);
        assertEquals(-1, wrong.difference(), 1e-9);
        assertTrue(Audit.agrees(0.125, 0.12, 0.01));
        assertFalse(Audit.agrees(0.126, 0.12, 0.01));
        assertFalse(Audit.agrees(1, Double.NaN, 1));
    }

    // --- errors -----------------------------------------------------------------------------------------------

    static List<Problem> problems(String body) {
        ScenarioException e = assertThrows(ScenarioException.class, () -> compile(body));
        return e.problems();
    }

    @Test
    void cycleIsReportedWithItsWholePath() {
        List<Problem> p = problems(ONE_DRIVER + "\"variables\": ["
                + "{\"id\": \"a\", \"label\": \"A\", \"formula\": \"b + 1\"},"
                + "{\"id\": \"b\", \"label\": \"B\", \"formula\": \"c * 2\"},"
                + "{\"id\": \"c\", \"label\": \"C\", \"formula\": \"a + n\"}],"
                + "\"items\": [{\"id\": \"x\", \"label\": \"X\", \"category\": \"c\", \"quantity\": \"a\", \"unitPrice\": 1}]");
        // 'c' is both a category and a variable here: that is reported, so use distinct ids below
        assertEquals(List.of("categories[0].id: id 'c' is already used by a variable"), p.stream().map(Problem::describe).toList());
        List<Problem> q = problems(ONE_DRIVER + "\"variables\": ["
                + "{\"id\": \"a\", \"label\": \"A\", \"formula\": \"b + 1\"},"
                + "{\"id\": \"b\", \"label\": \"B\", \"formula\": \"e * 2\"},"
                + "{\"id\": \"e\", \"label\": \"E\", \"formula\": \"a + n\"}],"
                + "\"items\": [{\"id\": \"x\", \"label\": \"X\", \"category\": \"c\", \"quantity\": \"a\", \"unitPrice\": 1}]");
        assertEquals(1, q.size());
        assertEquals("variables[0] 'a': cycle: a -> b -> e -> a", q.get(0).describe());
    }

    @Test
    void selfReferenceAndCycleThroughTotalAreCycles() {
        assertEquals("variables[0] 'a': cycle: a -> a", problems(ONE_DRIVER + "\"variables\": [{\"id\": \"a\", \"label\": \"A\", \"formula\": \"a + 1\"}],"
                + "\"items\": [{\"id\": \"x\", \"label\": \"X\", \"category\": \"c\", \"quantity\": 1, \"unitPrice\": 1}]").get(0).describe());
        String m = problems(ONE_DRIVER + "\"items\": [{\"id\": \"x\", \"label\": \"X\", \"category\": \"c\", \"quantity\": \"total * 0.1\", \"unitPrice\": 1}]")
                .get(0).describe();
        assertEquals("items[0] 'x': cycle: x -> total -> c -> x", m);
    }

    @Test
    void everyFormulaProblemIsReportedAtOnceWithFieldAndPosition() {
        List<Problem> p = problems(ONE_DRIVER + "\"variables\": [{\"id\": \"v\", \"label\": \"V\", \"formula\": \"nn * 2\"}],"
                + "\"items\": [{\"id\": \"x\", \"label\": \"X\", \"category\": \"cc\", \"quantity\": \"n *\", \"unitPrice\": \"sqrt(1, 2)\"}],"
                + "\"levers\": [{\"id\": \"l\", \"label\": \"L\", \"effects\": [{\"item\": \"y\", \"factor\": 0.5}]}],"
                + "\"statedFigures\": [{\"label\": \"s\", \"at\": \"X\", \"of\": \"totl\", \"value\": 1}]");
        List<String> d = p.stream().map(Problem::describe).toList();
        assertEquals(List.of(
                "levers[0] 'l', effects[0]: 'y' is not an item",
                "variables[0] 'v', field formula, position 0: unknown name 'nn' (did you mean 'n'?)",
                "items[0] 'x', field category: 'cc' is not a category (did you mean 'c'?)",
                "items[0] 'x', field quantity, position 3: formula ends where a value was expected",
                "items[0] 'x', field unitPrice, position 0: sqrt() takes 1 argument, got 2"), d);
    }

    @Test
    void statedFigureProblemsNameTheFigure() {
        List<Problem> p = problems(ONE_DRIVER + "\"items\": [{\"id\": \"x\", \"label\": \"X\", \"category\": \"c\", \"quantity\": 1, \"unitPrice\": 1}],"
                + "\"statedFigures\": [{\"label\": \"s\", \"at\": \"X\", \"of\": \"totl\", \"value\": 1},"
                + "{\"label\": \"t\", \"of\": \"saving(x)\", \"value\": 1}]");
        assertEquals(List.of("statedFigures[0] 's', field at: 'X' is not a scale point",
                "statedFigures[0] 's', field of, position 0: unknown name 'totl' (did you mean 'total'?)",
                "statedFigures[1] 't', field of, position 7: 'x' is not a lever id"), p.stream().map(Problem::describe).toList());
    }

    @Test
    void reservedAndDuplicateIdsAreRefused() {
        List<String> d = problems("\"drivers\": [{\"id\": \"total\", \"label\": \"T\", \"value\": 1}, {\"id\": \"max\", \"label\": \"M\", \"value\": 1},"
                + "{\"id\": \"k\", \"label\": \"K\", \"value\": 1}, {\"id\": \"k\", \"label\": \"K2\", \"value\": 1}, {\"id\": \"2x\", \"label\": \"X\", \"value\": 1}],"
                + "\"categories\": [{\"id\": \"c\", \"label\": \"C\"}], \"items\": []").stream().map(Problem::describe).toList();
        assertEquals(List.of("drivers[0].id: 'total' is a built-in name; choose another id",
                "drivers[1].id: 'max' is a function name; choose another id",
                "drivers[3].id: id 'k' is already used by a driver",
                "drivers[4].id: '2x' is not a valid id (letters, digits and _, not starting with a digit)"), d);
    }

    @Test
    void divisionByZeroGivesNonFiniteNotAnException() throws Exception {
        CompiledScenario c = compile(ONE_DRIVER + "\"items\": [{\"id\": \"x\", \"label\": \"X\", \"category\": \"c\", \"quantity\": \"1 / (n - 1000)\", \"unitPrice\": 1}]");
        assertEquals(Double.POSITIVE_INFINITY, c.newEvaluator().evaluate().monthlyTotal());
    }
}
