package costscope.golden;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import costscope.engine.Audit;
import costscope.engine.CompiledScenario;
import costscope.engine.Evaluator;
import costscope.engine.Results;
import costscope.files.ScenarioFiles;
import costscope.model.Lever;
import costscope.model.Scenario;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Golden figures of the InnerWorld Infrastructure Cost Analysis Report (seed 000), modelled in
 * sample-scenarios/innerworld.json. Expected numbers are typed from the report.
 */
class InnerWorldGoldenTest {

    private static final double CENT = 0.005;
    /** Half of the report's display precision for whole dollars / whole users / whole months. */
    private static final double WHOLE = 0.5 + 1e-6;
    /** Half of the report's display precision for shares printed to 0.1% (as fractions). */
    private static final double TENTH_PERCENT = 0.0005 + 1e-9;
    /** Half of the report's display precision for shares printed to 1%. */
    private static final double PERCENT = 0.005 + 1e-9;

    private static CompiledScenario compiled;

    @BeforeAll
    static void load() throws Exception {
        Scenario s = ScenarioFiles.load(Path.of("sample-scenarios/innerworld.json"));
        compiled = CompiledScenario.compile(s);
    }

    private static Results at(String scalePoint) {
        Evaluator e = compiled.newEvaluator();
        e.applyScalePoint(scalePoint);
        return e.evaluate();
    }

    private static Results at(String scalePoint, String lever) {
        Evaluator e = compiled.newEvaluator();
        e.applyScalePoint(scalePoint);
        e.setLever(lever, true);
        return e.evaluate();
    }

    // ---------------------------------------------------------------- the four scale tables

    @Test
    void table1KLineItemsTotalAndSharesMatchTheReport() {
        Results r = at("1K");
        assertEquals(516, r.eval("neptune"), CENT);
        assertEquals(150, r.eval("dynamodb_tables"), CENT);
        assertEquals(28, r.eval("lambda_functions"), CENT);
        assertEquals(403, r.eval("websocket_api"), CENT);
        assertEquals(3, r.eval("security_services"), CENT);
        assertEquals(0, r.eval("elasticache"), CENT);
        assertEquals(1209, r.eval("llm"), CENT);
        assertEquals(2309, r.monthlyTotal(), CENT);
        assertEquals(2309 * 12, r.annualTotal(), CENT);
        // shares the report gets right (22.4% for Neptune is 22.35%, see the audit test)
        assertEquals(0.065, r.eval("dynamodb / total"), TENTH_PERCENT);
        assertEquals(0.012, r.eval("compute / total"), TENTH_PERCENT);
        assertEquals(0.175, r.eval("api_gateway / total"), TENTH_PERCENT);
        assertEquals(0.001, r.eval("security / total"), TENTH_PERCENT);
        assertEquals(0.524, r.eval("llm / total"), TENTH_PERCENT);
    }

    @Test
    void table10KLineItemsTotalCostPerUserAndSharesMatchTheReport() {
        Results r = at("10K");
        assertEquals(521, r.eval("neptune"), CENT);
        assertEquals(1500, r.eval("dynamodb_tables"), CENT);
        assertEquals(203, r.eval("lambda_functions"), CENT);
        assertEquals(4025, r.eval("websocket_api"), CENT);
        assertEquals(15, r.eval("security_services"), CENT);
        assertEquals(12240, r.eval("llm"), CENT);
        assertEquals(18504, r.monthlyTotal(), CENT);
        assertEquals(1.23, r.eval("costPerUser"), CENT);
        assertEquals(0.028, r.eval("database / total"), TENTH_PERCENT);
        assertEquals(0.081, r.eval("dynamodb / total"), TENTH_PERCENT);
        assertEquals(0.011, r.eval("compute / total"), TENTH_PERCENT);
        assertEquals(0.218, r.eval("api_gateway / total"), TENTH_PERCENT);
        assertTrue(r.eval("security / total") < 0.001, "report: Security & Secrets <0.1%");
    }

    @Test
    void table50KLineItemsTotalCostPerUserAndSharesMatchTheReport() {
        Results r = at("50K");
        assertEquals(1042, r.eval("neptune"), CENT);
        assertEquals(7500, r.eval("dynamodb_tables"), CENT);
        assertEquals(850, r.eval("lambda_functions"), CENT);
        assertEquals(20125, r.eval("websocket_api"), CENT);
        assertEquals(838, r.eval("security_services"), CENT);
        assertEquals(61275, r.eval("llm"), CENT);
        assertEquals(91630, r.monthlyTotal(), CENT);
        assertEquals(1.22, r.eval("costPerUser"), CENT);
        assertEquals(0.011, r.eval("database / total"), TENTH_PERCENT);
        assertEquals(0.082, r.eval("dynamodb / total"), TENTH_PERCENT);
        assertEquals(0.009, r.eval("compute / total"), TENTH_PERCENT);
        assertEquals(0.220, r.eval("api_gateway / total"), TENTH_PERCENT);
        assertEquals(0.009, r.eval("security / total"), TENTH_PERCENT);
        assertEquals(0.669, r.eval("llm / total"), TENTH_PERCENT);
    }

    @Test
    void table100KRowsThatAgreeMatchTheReportAndTheTotalFollowsTheLlmBreakdown() {
        Results r = at("100K");
        assertEquals(1543, r.eval("neptune"), CENT);
        assertEquals(15000, r.eval("dynamodb_tables"), CENT);
        assertEquals(1653, r.eval("lambda_functions"), CENT);
        assertEquals(40250, r.eval("websocket_api"), CENT);
        assertEquals(560, r.eval("elasticache"), CENT);
        assertEquals(1625, r.eval("security_services"), CENT);
        // LLM row follows Sonnet $120,000 + embeddings $2,425 (the report's row says $123,925)
        assertEquals(120000 + 2425, r.eval("llm"), CENT);
        assertEquals(1543 + 15000 + 1653 + 40250 + 560 + 1625 + 120000 + 2425, r.monthlyTotal(), CENT);
        assertEquals(1.22, r.eval("costPerUser"), CENT);
        assertEquals(0.008, r.eval("database / total"), TENTH_PERCENT);
        assertEquals(0.082, r.eval("dynamodb / total"), TENTH_PERCENT);
        assertEquals(0.009, r.eval("compute / total"), TENTH_PERCENT);
        assertEquals(0.220, r.eval("api_gateway / total"), TENTH_PERCENT);
        assertEquals(0.003, r.eval("caching / total"), TENTH_PERCENT);
        assertEquals(0.009, r.eval("security / total"), TENTH_PERCENT);
    }

    @Test
    void registeredUsersAreFourTimesConcurrentUsers() {
        assertEquals(4000, at("1K").eval("registered_users"), CENT);
        assertEquals(40000, at("10K").eval("registered_users"), CENT);
        assertEquals(200000, at("50K").eval("registered_users"), CENT);
        assertEquals(400000, at("100K").eval("registered_users"), CENT);
    }

    // ---------------------------------------------------------------- LLM breakdown tables

    @Test
    void sonnetCostsMatchTheLlmTableAtTheReportsPrices() {
        Map<String, Double> expected = Map.of("1K", 1200.0, "10K", 12000.0, "50K", 60000.0, "100K", 120000.0);
        for (Map.Entry<String, Double> e : expected.entrySet()) {
            Results r = at(e.getKey());
            assertEquals(e.getValue(), r.eval("sonnet_input + sonnet_output"), CENT, e.getKey());
            assertEquals(3.00, r.eval("unitPrice(sonnet_input)"), 1e-12);
            assertEquals(15.00, r.eval("unitPrice(sonnet_output)"), 1e-12);
            // the report's 3:1 input:output token ratio
            assertEquals(3.0, r.eval("quantity(sonnet_input) / quantity(sonnet_output)"), 1e-9);
        }
    }

    @Test
    void embeddingCostsMatchTheEmbeddingTableAtTwoCentsPerMillion() {
        Map<String, Double> expected = Map.of("1K", 9.0, "10K", 240.0, "50K", 1275.0, "100K", 2425.0);
        for (Map.Entry<String, Double> e : expected.entrySet()) {
            Results r = at(e.getKey());
            assertEquals(e.getValue(), r.eval("embeddings"), CENT, e.getKey());
            assertEquals(0.02, r.eval("unitPrice(embeddings)"), 1e-12);
        }
    }

    // ---------------------------------------------------------------- business model

    @Test
    void breakEvenRevenueIsTotalPlusFifteenPercentAndMatchesThreeOfFourRows() {
        assertEquals(2655, at("1K").eval("breakEvenRevenue"), WHOLE);
        assertEquals(21280, at("10K").eval("breakEvenRevenue"), WHOLE);
        assertEquals(105375, at("50K").eval("breakEvenRevenue"), WHOLE);
    }

    @Test
    void breakEvenConversionMatchesTheReportsPercentages() {
        assertEquals(0.53, at("1K").eval("breakEvenConversion"), PERCENT);
        assertEquals(0.43, at("10K").eval("breakEvenConversion"), PERCENT);
        assertEquals(0.42, at("50K").eval("breakEvenConversion"), PERCENT);
        assertEquals(0.42, at("100K").eval("breakEvenConversion"), PERCENT);
    }

    @Test
    void fundingRunwayMatchesWhereTheReportRounds() {
        assertEquals(22, at("1K").eval("runwayMonths"), WHOLE);
        assertEquals(11, at("50K").eval("runwayMonths"), WHOLE);
    }

    @Test
    void keyFindingsLlmShareLowEndAndFixedCostsUnderOnePercentAt100K() {
        assertEquals(0.52, at("1K").eval("llm / total"), PERCENT);
        assertTrue(at("100K").eval("database / total") < 0.01);
    }

    // ---------------------------------------------------------------- levers and drivers

    @Test
    void haikuLeverExistsWithTheReportsLabelAndCutsLlmByThirtyPercent() {
        Lever haiku = compiled.scenario().levers().stream().filter(l -> l.id().equals("haiku")).findFirst()
                .orElse(null);
        assertNotNull(haiku);
        assertEquals("Haiku for safety checks", haiku.label());
        assertFalse(haiku.enabled());
        Results off = at("10K");
        Results on = at("10K", "haiku");
        assertEquals(0.30 * 12240, off.monthlyTotal() - on.monthlyTotal(), CENT);
        assertEquals(0.70 * 12240, on.eval("llm"), CENT);
        assertEquals(521, on.eval("neptune"), CENT);
    }

    @Test
    void concurrentUsersDriverIsALogSliderFromTenToOneBillion() {
        var d = compiled.scenario().driver("concurrent_users");
        assertNotNull(d);
        assertEquals("Concurrent users", d.label());
        Evaluator e = compiled.newEvaluator();
        e.setDriver("concurrent_users", 1e9);
        double big = e.evaluate().monthlyTotal();
        assertTrue(Double.isFinite(big) && big > at("100K").monthlyTotal());
        e.setDriver("concurrent_users", 10);
        assertTrue(e.evaluate().monthlyTotal() > 0);
    }

    // ---------------------------------------------------------------- audit

    private static final Set<String> EXPECTED_CONTRADICTIONS = new TreeSet<>(List.of(
            "Neptune cluster share, 1K table",
            "Cost per active user, 1K",
            "LLM API Services share, 10K table",
            "LLM API Services, 100K table",
            "LLM API Services share, 100K table",
            "Monthly infrastructure cost, 100K",
            "Sonnet monthly input tokens, 1K LLM table",
            "Sonnet monthly output tokens, 1K LLM table",
            "Embedding tokens, 1K embedding table",
            "Sonnet monthly input tokens, 10K LLM table",
            "Sonnet monthly output tokens, 10K LLM table",
            "Embedding tokens, 10K embedding table",
            "Sonnet monthly input tokens, 50K LLM table",
            "Sonnet monthly output tokens, 50K LLM table",
            "Embedding tokens, 50K embedding table",
            "Sonnet monthly input tokens, 100K LLM table",
            "Sonnet monthly output tokens, 100K LLM table",
            "Embedding tokens, 100K embedding table",
            "Premium users needed at $4.99/month, 1K",
            "Premium users needed at $4.99/month, 10K",
            "Premium users needed at $4.99/month, 50K",
            "Premium users needed at $4.99/month, 100K",
            "Break-even revenue required, 100K",
            "Funding runway, 10K ($250,000 funding)",
            "Funding runway, 100K ($2,500,000 funding)",
            "Cost range low end, 10 concurrent users (key findings)",
            "Cost per active user at 10 concurrent users (key findings)",
            "LLM share of total, high end (key findings: 52-68%)",
            "Fixed costs (Neptune) under 1% at 50,000 users (1 = true)"));

    @Test
    void auditFlagsExactlyTheReportsContradictions() {
        List<Audit.Line> lines = Audit.run(compiled);
        assertEquals(105, lines.size(), "every stated figure is audited");
        Set<String> flagged = lines.stream().filter(l -> !l.agrees()).map(Audit.Line::label)
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(EXPECTED_CONTRADICTIONS, flagged);
        assertEquals(lines.size(), lines.stream().map(Audit.Line::label).distinct().count(), "labels are unique");
    }

    @Test
    void auditShowsTheKeyContradictionsWithTheReportsAndTheModelsNumbers() {
        Map<String, Audit.Line> byLabel = Audit.run(compiled).stream()
                .collect(Collectors.toMap(Audit.Line::label, Function.identity()));
        Audit.Line total = byLabel.get("Monthly infrastructure cost, 100K");
        assertEquals(182556, total.stated(), 0);
        assertEquals(183056, total.computed(), CENT);
        Audit.Line llm = byLabel.get("LLM API Services, 100K table");
        assertEquals(123925, llm.stated(), 0);
        assertEquals(122425, llm.computed(), CENT);
        Audit.Line tokens = byLabel.get("Sonnet monthly input tokens, 1K LLM table");
        assertEquals(900000, tokens.stated(), 0);
        assertEquals(150000000, tokens.computed(), 1e-3);
        Audit.Line embed = byLabel.get("Embedding tokens, 1K embedding table");
        assertEquals(200000, embed.stated(), 0);
        assertEquals(450000000, embed.computed(), 1e-3);
        Audit.Line headline = byLabel.get("Cost range low end, 10 concurrent users (key findings)");
        assertEquals(528, headline.stated(), 0);
        assertEquals(533.93, headline.computed(), CENT);
        Audit.Line premium = byLabel.get("Premium users needed at $4.99/month, 1K");
        assertEquals(531, premium.stated(), 0);
        assertEquals(2309 * 1.15 / 4.99, premium.computed(), 1e-6);
        Audit.Line runway = byLabel.get("Funding runway, 10K ($250,000 funding)");
        assertEquals(250000.0 / 18504, runway.computed(), 1e-9);
    }

    @Test
    void everyStatedFigureOutsideTheContradictionsAgrees() {
        for (Audit.Line l : Audit.run(compiled)) {
            if (!EXPECTED_CONTRADICTIONS.contains(l.label())) {
                assertTrue(l.agrees(), l.label() + ": stated " + l.stated() + ", computed " + l.computed());
            }
        }
    }
}
