package costscope.golden;

import static costscope.golden.GoldenScenario.CENT;
import static costscope.golden.GoldenScenario.PERCENT;
import static costscope.golden.GoldenScenario.TENTH_PERCENT;
import static costscope.golden.GoldenScenario.WHOLE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import costscope.engine.Evaluator;
import costscope.engine.Results;
import costscope.model.Lever;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Golden figures of the InnerWorld Infrastructure Cost Analysis Report (seed 000), modelled in
 * sample-scenarios/innerworld.json. Expected numbers are typed from the report.
 */
class InnerWorldGoldenTest {

    private static GoldenScenario innerWorld;

    @BeforeAll
    static void load() throws Exception {
        innerWorld = GoldenScenario.load("innerworld.json");
    }

    // ---------------------------------------------------------------- the four scale tables

    @Test
    void table1KLineItemsTotalAndSharesMatchTheReport() {
        Results r = innerWorld.at("1K");
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
        Results r = innerWorld.at("10K");
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
        Results r = innerWorld.at("50K");
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
        Results r = innerWorld.at("100K");
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
        assertEquals(4000, innerWorld.at("1K").eval("registered_users"), CENT);
        assertEquals(40000, innerWorld.at("10K").eval("registered_users"), CENT);
        assertEquals(200000, innerWorld.at("50K").eval("registered_users"), CENT);
        assertEquals(400000, innerWorld.at("100K").eval("registered_users"), CENT);
    }

    // ---------------------------------------------------------------- LLM breakdown tables

    @Test
    void sonnetCostsMatchTheLlmTableAtTheReportsPrices() {
        Map<String, Double> expected = Map.of("1K", 1200.0, "10K", 12000.0, "50K", 60000.0, "100K", 120000.0);
        for (Map.Entry<String, Double> e : expected.entrySet()) {
            Results r = innerWorld.at(e.getKey());
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
            Results r = innerWorld.at(e.getKey());
            assertEquals(e.getValue(), r.eval("embeddings"), CENT, e.getKey());
            assertEquals(0.02, r.eval("unitPrice(embeddings)"), 1e-12);
        }
    }

    // ---------------------------------------------------------------- business model

    @Test
    void breakEvenRevenueIsTotalPlusFifteenPercentAndMatchesThreeOfFourRows() {
        assertEquals(2655, innerWorld.at("1K").eval("breakEvenRevenue"), WHOLE);
        assertEquals(21280, innerWorld.at("10K").eval("breakEvenRevenue"), WHOLE);
        assertEquals(105375, innerWorld.at("50K").eval("breakEvenRevenue"), WHOLE);
    }

    @Test
    void breakEvenConversionMatchesTheReportsPercentages() {
        assertEquals(0.53, innerWorld.at("1K").eval("breakEvenConversion"), PERCENT);
        assertEquals(0.43, innerWorld.at("10K").eval("breakEvenConversion"), PERCENT);
        assertEquals(0.42, innerWorld.at("50K").eval("breakEvenConversion"), PERCENT);
        assertEquals(0.42, innerWorld.at("100K").eval("breakEvenConversion"), PERCENT);
    }

    @Test
    void fundingRunwayMatchesWhereTheReportRounds() {
        assertEquals(22, innerWorld.at("1K").eval("runwayMonths"), WHOLE);
        assertEquals(11, innerWorld.at("50K").eval("runwayMonths"), WHOLE);
    }

    @Test
    void keyFindingsLlmShareLowEndAndFixedCostsUnderOnePercentAt100K() {
        assertEquals(0.52, innerWorld.at("1K").eval("llm / total"), PERCENT);
        assertTrue(innerWorld.at("100K").eval("database / total") < 0.01);
    }

    // ---------------------------------------------------------------- levers and drivers

    @Test
    void haikuLeverExistsWithTheReportsLabelAndCutsLlmByThirtyPercent() {
        Lever haiku = innerWorld.scenario().levers().stream().filter(l -> l.id().equals("haiku")).findFirst()
                .orElse(null);
        assertNotNull(haiku);
        assertEquals("Haiku for safety checks", haiku.label());
        assertFalse(haiku.enabled());
        Results off = innerWorld.at("10K");
        Results on = innerWorld.at("10K", "haiku");
        assertEquals(0.30 * 12240, off.monthlyTotal() - on.monthlyTotal(), CENT);
        assertEquals(0.70 * 12240, on.eval("llm"), CENT);
        assertEquals(521, on.eval("neptune"), CENT);
    }

    @Test
    void concurrentUsersDriverIsALogSliderFromTenToOneBillion() {
        var d = innerWorld.scenario().driver("concurrent_users");
        assertNotNull(d);
        assertEquals("Concurrent users", d.label());
        Evaluator e = innerWorld.evaluator(null);
        e.setDriver("concurrent_users", 1e9);
        double big = e.evaluate().monthlyTotal();
        assertTrue(Double.isFinite(big) && big > innerWorld.at("100K").monthlyTotal());
        e.setDriver("concurrent_users", 10);
        assertTrue(e.evaluate().monthlyTotal() > 0);
    }

    // ---------------------------------------------------------------- audit

    /** Every stated figure the model contradicts, by label; each is explained in the scenario's description. */
    private static final List<String> EXPECTED_CONTRADICTIONS = List.of(
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
            "Fixed costs (Neptune) under 1% at 50,000 users (1 = true)");

    /** The report states 105 figures; 76 of them agree with the model and the 29 above contradict it. */
    @Test
    void everyOtherStatedFigureAgrees() {
        innerWorld.assertAudit(105, 76, EXPECTED_CONTRADICTIONS);
    }

    @Test
    void aChangedFigureIsCaught() throws Exception {
        // Neptune at 1K stated as $517 (the model: $516); the 100K total stated as the model's $183,056
        innerWorld.assertChangedFiguresAreCaught(105, 76, EXPECTED_CONTRADICTIONS,
                "Neptune cluster, 1K table", 517, 516, "Monthly infrastructure cost, 100K", 183056);
        // a changed model input: DynamoDB at $0.16 instead of the report's $0.15 per concurrent user
        List<String> price = innerWorld.withUnitPrice("dynamodb_tables", "0.16")
                .auditDiscrepancies(105, 76, EXPECTED_CONTRADICTIONS);
        assertTrue(price.contains("'DynamoDB tables, 1K table' is a new contradiction: stated 150, computed 160"),
                String.join("\n", price));
    }

    @Test
    void auditShowsTheKeyContradictionsWithTheReportsAndTheModelsNumbers() {
        innerWorld.assertContradiction("Monthly infrastructure cost, 100K", 182556, 183056, CENT);
        innerWorld.assertContradiction("LLM API Services, 100K table", 123925, 122425, CENT);
        innerWorld.assertContradiction("Sonnet monthly input tokens, 1K LLM table", 900000, 150000000, 1e-3);
        innerWorld.assertContradiction("Embedding tokens, 1K embedding table", 200000, 450000000, 1e-3);
        innerWorld.assertContradiction("Cost range low end, 10 concurrent users (key findings)", 528, 533.93, CENT);
        innerWorld.assertContradiction("Premium users needed at $4.99/month, 1K", 531, 2309 * 1.15 / 4.99, 1e-6);
        innerWorld.assertContradiction("Funding runway, 10K ($250,000 funding)", 13, 250000.0 / 18504, 1e-9);
    }
}
