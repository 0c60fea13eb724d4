package costscope.export;

import costscope.engine.CompiledScenario;
import costscope.engine.EngineTest;
import costscope.engine.Evaluator;
import costscope.engine.Results;
import costscope.files.ScenarioFiles;
import costscope.model.Scenario;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Explanations against hand-computed arithmetic: every number below was worked out from the files by hand. */
class ExplainTest {
    static final Path EXAMPLE = Path.of("src/test/resources/scenarios/example.json");
    static final Path AWSOME = Path.of("sample-scenarios/awsomebuilder2.json");
    static final Path INNERWORLD = Path.of("sample-scenarios/innerworld.json");

    static Results eval(Scenario s) throws Exception {
        return CompiledScenario.compile(s).newEvaluator().evaluateWithSavings();
    }

    @Test
    void tokensThroughAVariable() throws Exception {
        Results r = eval(ScenarioFiles.load(EXAMPLE));
        assertEquals(List.of(
                "Quantity: tokens = 270,000,000 tokens",
                "  tokens = active_users x messages x 900 = 1,000 x 300 x 900 = 270,000,000 tokens/month",
                "Price: 270,000,000 tokens x $3.00 / 1M tokens = $810.00",
                "= $810.00 / month"), Explain.lines(r, "claude_input"));
    }

    @Test
    void hourlyWithAStepQuantity() throws Exception {
        Results r = eval(ScenarioFiles.load(EXAMPLE));
        // 1 instance x $0.348 x 730 h = $254.04
        assertEquals(String.join("\n",
                "Quantity: step(active_users, 0, 1, 100000, 2) = 1 instances, with active_users = 1,000",
                "Price: 1 instances x $0.348 / instance-hour x 730 h = $254.04",
                "= $254.04 / month"), Explain.text(r, "db"));
    }

    @Test
    void aCategoryLeverThatIsOnShowsItsFactor() throws Exception {
        Results r = eval(ScenarioFiles.load(EXAMPLE).withLeverEnabled("cache", true).withDriverValue("active_users", 10000));
        // 10,000 x 300 x 900 = 2,700,000,000 tokens x $3.00 / 1M = $8,100.00, x 0.8 = $6,480.00
        assertEquals(List.of(
                "Quantity: tokens = 2,700,000,000 tokens",
                "  tokens = active_users x messages x 900 = 10,000 x 300 x 900 = 2,700,000,000 tokens/month",
                "Price: 2,700,000,000 tokens x $3.00 / 1M tokens = $8,100.00",
                "Lever: x 0.8 (Response cache) = $6,480.00",
                "= $6,480.00 / month"), Explain.lines(r, "claude_input"));
        // the database is not in the category: no lever line
        assertEquals("= $254.04 / month", last(Explain.lines(r, "db")));
    }

    @Test
    void innerWorldSonnetInputWithTwoLevers() throws Exception {
        Scenario s = ScenarioFiles.load(INNERWORLD);
        Results r = eval(s);
        assertEquals(List.of(
                "Quantity: concurrent_users x sonnet_input_tokens = 1,000 x 150,000 = 150,000,000 tokens",
                "Price: 150,000,000 tokens x $3.00 / 1M tokens = $450.00",
                "= $450.00 / month"), Explain.lines(r, "sonnet_input"));
        r = eval(s.withLeverEnabled("haiku", true).withLeverEnabled("response_cache", true));
        // $450 x 0.7 = $315; x 0.775 = $244.125, shown half up
        assertEquals(List.of(
                "Quantity: concurrent_users x sonnet_input_tokens = 1,000 x 150,000 = 150,000,000 tokens",
                "Price: 150,000,000 tokens x $3.00 / 1M tokens = $450.00",
                "Lever: x 0.7 (Haiku for safety checks) = $315.00",
                "Lever: x 0.775 (Response caching) = $244.13",
                "= $244.13 / month"), Explain.lines(r, "sonnet_input"));
    }

    @Test
    void aPriceGivenByAFormulaIsShownWithItsInputs() throws Exception {
        Results r = eval(ScenarioFiles.load(INNERWORLD).withDriverValue("concurrent_users", 10000));
        // step(10,000) = 2 instances at step(...) = $260.50 each: $521.00
        assertEquals(List.of(
                "Quantity: neptune_instances = 2 instances",
                "  neptune_instances = step(concurrent_users, 0, 2, 100000, 3) = 2 instances, with concurrent_users = 10,000",
                "Unit price: step(concurrent_users, 0, 258, 10000, 260.5, 50000, 521, 100000, 1543 / 3) = $260.50,"
                        + " with concurrent_users = 10,000",
                "Price: 2 instances x $260.50 / instance-month = $521.00",
                "= $521.00 / month"), Explain.lines(r, "neptune"));
    }

    @Test
    void freeAllowanceIsDeductedBeforePricing() throws Exception {
        Results r = eval(ScenarioFiles.load(AWSOME));
        // (500,000 - 20,000) / 10,000 = 48 units x $0.03 = $1.44
        assertEquals(List.of(
                "Quantity: kms_requests x secrets_scale = 500,000 x 1 = 500,000 requests",
                "  secrets_scale = step(mau, 0, 1, 50000, 2, 100000, 3) = 1 x, with mau = 10,000",
                "Free allowance: 500,000 - 20,000 free = 480,000 requests billable",
                "Price: 480,000 requests x $0.03 / 10K requests = $1.44",
                "= $1.44 / month"), Explain.lines(r, "kms_api_requests"));
    }

    @Test
    void graduatedTiersSplitTheQuantity() throws Exception {
        Scenario s = ScenarioFiles.load(AWSOME).withDriverValue("mau", 1_000_000);
        Results r = eval(s);
        // 1,000,000 MAU x 20 x 50 = 1,000,000,000 requests: 300M at $1.00/1M + 700M at $0.90/1M = $300 + $630 = $930
        assertEquals(List.of(
                "Quantity: api_requests = 1,000,000,000 requests",
                "  api_requests = mau x sessions_per_mau x api_calls_per_session x api_request_factor"
                        + " = 1,000,000 x 20 x 50 x 1 = 1,000,000,000 requests/month",
                "  api_request_factor = 1 share",
                "Tiers: 300,000,000 x $1.00 / 1M + 700,000,000 x $0.90 / 1M = $930.00",
                "= $930.00 / month"), Explain.lines(r, "http_api_requests"));
        // a lever that sets a variable: 850,000,000 requests = $300 + 550M x $0.90/1M = $795
        r = eval(s.withLeverEnabled("request_optimization", true));
        assertEquals(List.of(
                "Quantity: api_requests = 850,000,000 requests",
                "  api_requests = mau x sessions_per_mau x api_calls_per_session x api_request_factor"
                        + " = 1,000,000 x 20 x 50 x 0.85 = 850,000,000 requests/month",
                "  api_request_factor = 0.85 (set by API request optimization)",
                "Tiers: 300,000,000 x $1.00 / 1M + 550,000,000 x $0.90 / 1M = $795.00",
                "= $795.00 / month"), Explain.lines(r, "http_api_requests"));
        // at the baseline only the first tier is used: 10,000,000 x $1.00 / 1M
        assertEquals("Tiers: 10,000,000 x $1.00 / 1M = $10.00",
                Explain.lines(eval(ScenarioFiles.load(AWSOME)), "http_api_requests").get(3));
    }

    @Test
    void aReportFigureIsShownBesideWhatItsInputsGive() throws Exception {
        Scenario s = EngineTest.scenario("\"drivers\": [{\"id\": \"n\", \"label\": \"N\", \"value\": 2}], "
                + "\"categories\": [{\"id\": \"c\", \"label\": \"C\"}], \"items\": ["
                + "{\"id\": \"lambda\", \"label\": \"Lambda\", \"category\": \"c\", \"quantity\": \"n * (3 + 4)\","
                + " \"quantityUnit\": \"GB-s\", \"unitPrice\": 0.0000166667, \"fixedMonthly\": 104.5}], "
                + "\"levers\": [{\"id\": \"arm\", \"label\": \"Graviton\", \"enabled\": true, \"effects\": [{\"item\": \"lambda\", \"factor\": 0.8}]}]");
        Results r = eval(s);
        // 2 x 7 = 14 GB-s x $0.0000166667 = $0.00023; the report says $104.50; x 0.8 = $83.60
        assertEquals(List.of(
                "Quantity: n x (3 + 4) = 2 x (3 + 4) = 14 GB-s",
                "Price: 14 GB-s x $0.00001667 / GB-s = $0.00023",
                "Report figure $104.50; from its inputs $0.00023",
                "Lever: x 0.8 (Graviton) = $83.60",
                "= $83.60 / month"), Explain.lines(r, "lambda"));
    }

    @Test
    void volumeTiersPriceEverythingAtOneTier() throws Exception {
        Scenario s = EngineTest.scenario("\"drivers\": [{\"id\": \"n\", \"label\": \"N\", \"value\": 500}], "
                + "\"categories\": [{\"id\": \"c\", \"label\": \"C\"}], \"items\": ["
                + "{\"id\": \"gb\", \"label\": \"Storage\", \"category\": \"c\", \"quantity\": \"n\", \"tierMode\": \"volume\","
                + " \"tiers\": [{\"upTo\": 100, \"unitPrice\": 0.10}, {\"upTo\": 1000, \"unitPrice\": 0.08}, {\"unitPrice\": 0.05}]}]");
        Results r = eval(s);
        assertEquals(List.of(
                "Quantity: n = 500",
                "Volume tier 2 (above 100): 500 x $0.08 = $40.00",
                "= $40.00 / month"), Explain.lines(r, "gb"));
    }

    @Test
    void priceUnitsAndShortPers() throws Exception {
        assertEquals("1M", Explain.perShort(1_000_000));
        assertEquals("10K", Explain.perShort(10_000));
        assertEquals("1B", Explain.perShort(1e9));
        assertEquals("", Explain.perShort(1));
        assertEquals("1,024", Explain.perShort(1024));
        assertEquals("$0.00001667", Explain.price(0.0000166667, "USD"));
        assertEquals("$3.00", Explain.price(3, "USD"));
    }

    @Test
    void anUnknownItemIsAnError() throws Exception {
        Results r = eval(ScenarioFiles.load(EXAMPLE));
        assertThrows(IllegalArgumentException.class, () -> Explain.lines(r, "nope"));
    }

    private static String last(List<String> l) {
        return l.get(l.size() - 1);
    }
}
