package costscope.golden;

import static costscope.golden.GoldenScenario.CENT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import costscope.engine.Evaluator;
import costscope.engine.Results;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Golden figures of "Production Cost Analysis: 1 Billion Users" (seed 001_4e0f01633a2f6b08),
 * modelled in sample-scenarios/billion-users.json. Every expected number is typed from the report.
 * Figures the report gets wrong are not asserted as right: the audit must flag exactly those.
 */
class BillionUsersGoldenTest {

    /** The report's optimization levers; the optimized table leaves out multi-region pricing. */
    private static final String[] OPTIMIZED_TABLE_LEVERS = {
        "aggressive_autoscaling", "fewer_replicas", "connection_pooling",
        "more_ollama", "cheaper_gpus", "cdn_cache_hits"
    };
    private static final String[] ALL_LEVERS = {
        "aggressive_autoscaling", "fewer_replicas", "connection_pooling",
        "more_ollama", "cheaper_gpus", "cdn_cache_hits", "multi_region_pricing"
    };

    private static GoldenScenario billion;

    @BeforeAll
    static void load() throws Exception {
        billion = GoldenScenario.load("billion-users.json");
    }

    /** The report's original plan at 1B users: every lever off. */
    private static Evaluator original() throws Exception {
        Evaluator e = billion.evaluator("1B");
        for (String lever : ALL_LEVERS) {
            e.setLever(lever, false);
        }
        return e;
    }

    /** The report's optimized table at 1B users: its six levers on, multi-region pricing off. */
    private static Evaluator optimized() throws Exception {
        Evaluator e = original();
        for (String lever : OPTIMIZED_TABLE_LEVERS) {
            e.setLever(lever, true);
        }
        return e;
    }

    private static Evaluator onlyLever(String lever) throws Exception {
        Evaluator e = original();
        e.setLever(lever, true);
        return e;
    }

    // ---- Assumptions ---------------------------------------------------------------------------

    @Test
    void userActivityAndTrafficFollowFromOneBillionUsers() throws Exception {
        Results r = original().evaluate();
        assertEquals(500_000_000, r.eval("mau"), 0.5);
        assertEquals(100_000_000, r.eval("dau"), 0.5);
        assertEquals(10_000_000, r.eval("peak_concurrent"), 0.5);
        assertEquals(5_000_000_000.0, r.eval("daily_requests"), 0.5);
        assertEquals(500_000, r.eval("peak_rps"), 0.5);
        assertEquals(50_000, r.eval("ssr_rps"), 0.5);
    }

    @Test
    void databaseDataAddsUpTo81TerabytesAnd243WithReplication() throws Exception {
        Results r = original().evaluate();
        assertEquals(5, r.eval("profile_tb"), 1e-9);
        assertEquals(50, r.eval("canvas_tb"), 1e-9);
        assertEquals(1, r.eval("forum_tb"), 1e-9);
        assertEquals(20, r.eval("assessment_tb"), 1e-9);
        assertEquals(5, r.eval("transaction_tb"), 1e-9);
        assertEquals(81, r.eval("db_data_tb"), 1e-9);
        assertEquals(243, r.eval("db_storage_tb"), 1e-9);
    }

    // ---- Section 1: compute ------------------------------------------------------------------

    @Test
    void serversSizedForPeakCostWhatTheReportSays() throws Exception {
        Evaluator e = original();
        e.setDriver("autoscale_avg_load", 1);
        Results r = e.evaluate();
        assertEquals(100_000, r.eval("api_servers_peak"), 1e-9);
        assertEquals(10_000, r.eval("frontend_servers_peak"), 1e-9);
        assertEquals(22_680_000.00, r.eval("api_servers"), CENT);
        assertEquals(1_368_000.00, r.eval("frontend_servers"), CENT);
    }

    @Test
    void hourlyPricesAreBilledFor720HoursAMonth() throws Exception {
        Results r = original().evaluate();
        assertEquals(226.80, r.eval("api_servers / quantity(api_servers)"), CENT);
        assertEquals(136.80, r.eval("frontend_servers / quantity(frontend_servers)"), CENT);
        assertEquals(252.00, r.eval("ollama_gpu / ollama_servers"), CENT);
    }

    @Test
    void autoScalingToTwentyPercentAverageLoadIsAlreadyInTheOriginalPlan() throws Exception {
        Results r = original().evaluate();
        assertEquals(20_000, r.eval("quantity(api_servers)"), 1e-6);
        assertEquals(2_000, r.eval("quantity(frontend_servers)"), 1e-6);
        assertEquals(4_536_000.00, r.eval("api_servers"), CENT);
        assertEquals(273_600.00, r.eval("frontend_servers"), CENT);
        assertEquals(4_809_600.00, r.eval("compute"), CENT);
    }

    @Test
    void atTheStated5000RpsPerServerComputeWouldCostAThousandTimesLess() throws Exception {
        Evaluator e = original();
        e.setDriver("rps_per_server", 5000);
        Results r = e.evaluate();
        assertEquals(100, r.eval("api_servers_peak"), 1e-9);
        assertEquals(10, r.eval("frontend_servers_peak"), 1e-9);
        assertEquals(4_809.60, r.eval("compute"), CENT);
    }

    // ---- Sections 2-10 -----------------------------------------------------------------------

    @Test
    void shardedPostgresWithThreeReplicasPerShard() throws Exception {
        Results r = original().evaluate();
        assertEquals(1_000, r.eval("shards"), 1e-9);
        assertEquals(3_000, r.eval("quantity(db_replicas)"), 1e-9);
        assertEquals(1_200_000.00, r.eval("db_primaries"), CENT);
        assertEquals(3_000_000.00, r.eval("db_replicas"), CENT);
        assertEquals(41_310.00, r.eval("db_storage"), CENT);
        assertEquals(4_241_310.00, r.eval("database"), CENT);
    }

    @Test
    void redisAndElasticsearchClusters() throws Exception {
        Results r = original().evaluate();
        assertEquals(100, r.eval("redis_clusters"), 1e-9);
        assertEquals(600.00, r.eval("redis_instances / redis_clusters"), CENT);
        assertEquals(60_000.00, r.eval("caching"), CENT);
        assertEquals(50, r.eval("es_clusters"), 1e-9);
        assertEquals(2_500.00, r.eval("es_nodes / es_clusters"), CENT);
        assertEquals(125_000.00, r.eval("es_nodes"), CENT);
        assertEquals(500, r.eval("es_storage_tb"), 1e-9);
        assertEquals(50_000.00, r.eval("es_storage"), CENT);
        assertEquals(175_000.00, r.eval("search"), CENT);
    }

    @Test
    void allOpenAiWouldCostTwentyMillionAndEightyPercentOllamaLeavesFour() throws Exception {
        Evaluator allOpenAi = original();
        allOpenAi.setDriver("ollama_share", 0);
        assertEquals(20_000_000.00, allOpenAi.evaluate().eval("openai_api"), CENT);

        Results r = original().evaluate();
        assertEquals(10_000_000_000.0, r.eval("ai_requests"), 0.5);
        assertEquals(2_000_000_000.0, r.eval("openai_requests"), 0.5);
        assertEquals(4_000_000.00, r.eval("openai_api"), CENT);
        assertEquals(10_000, r.eval("ollama_servers"), 1e-9);
        assertEquals(2_520_000.00, r.eval("ollama_gpu"), CENT);
        assertEquals(6_520_000.00, r.eval("ai_llm"), CENT);
    }

    @Test
    void cdnFiftyPetabytesAndApiBandwidth() throws Exception {
        Results r = original().evaluate();
        assertEquals(50, r.eval("quantity(cdn_egress) / 1000000"), 1e-9);
        assertEquals(4_000_000.00, r.eval("cdn_egress"), CENT);
        assertEquals(25, r.eval("api_egress_gb / days_per_month / 1000"), 1e-9);
        assertEquals(750, r.eval("api_egress_gb / 1000"), 1e-9);
        assertEquals(90_000.00, r.eval("api_egress"), CENT);
        assertEquals(4_090_000.00, r.eval("cdn_bandwidth"), CENT);
    }

    @Test
    void applyingTheIgnoredTenTerabyteFreeTierTakesEightHundredOff() throws Exception {
        Evaluator e = original();
        e.setDriver("cdn_free_tb", 10);
        assertEquals(3_999_200.00, e.evaluate().eval("cdn_egress"), CENT);
    }

    @Test
    void kubernetesStorageMonitoringAndSecurity() throws Exception {
        Results r = original().evaluate();
        assertEquals(730.00, r.eval("gke_fee"), CENT);
        assertEquals(170, r.eval("gcs_tb"), 1e-9);
        assertEquals(3_400.00, r.eval("gcs"), CENT);
        assertEquals(50_000.00, r.eval("cloud_logging"), CENT);
        assertEquals(5_000.00, r.eval("cloud_armor"), CENT);
    }

    // ---- Total monthly cost summary --------------------------------------------------------

    @Test
    void categoryTableRowsReproduce() throws Exception {
        Results r = original().evaluate();
        assertEquals(4_809_600.00, r.eval("compute"), CENT);
        assertEquals(4_241_310.00, r.eval("database"), CENT);
        assertEquals(6_520_000.00, r.eval("ai_llm"), CENT);
        assertEquals(4_090_000.00, r.eval("cdn_bandwidth"), CENT);
        assertEquals(175_000.00, r.eval("search"), CENT);
        assertEquals(60_000.00, r.eval("caching"), CENT);
        assertEquals(3_400.00, r.eval("object_storage"), CENT);
        assertEquals(50_000.00, r.eval("monitoring"), CENT);
        assertEquals(5_000.00, r.eval("security"), CENT);
        assertEquals(730.00, r.eval("kubernetes"), CENT);
        assertEquals(59_130.00, r.eval("object_storage + monitoring + security + kubernetes"), CENT);
    }

    @Test
    void originalTotalIsTheSumOfTheRowsFourHundredBelowTheStatedTotal() throws Exception {
        Results r = original().evaluate();
        // 4,809,600 + 4,241,310 + 6,520,000 + 4,090,000 + 175,000 + 60,000 + 3,400 + 50,000 + 5,000 + 730
        assertEquals(19_955_040.00, r.monthlyTotal(), CENT);
        assertEquals(19_955_040.00 * 12, r.annualTotal(), CENT);
        assertNotEquals(19_955_440.00, r.monthlyTotal(), 1.0);
    }

    // ---- Optimization strategies -----------------------------------------------------------

    @Test
    void eachLeverSavesWhatTheReportSaysOnItsOwn() throws Exception {
        Results r = original().evaluateWithSavings();
        assertEquals(3_366_720.00, r.eval("saving(aggressive_autoscaling)"), CENT);
        assertEquals(1_000_000.00, r.eval("saving(fewer_replicas)"), CENT);
        assertEquals(848_262.00, r.eval("saving(connection_pooling)"), CENT);
        assertEquals(1_848_262.00, r.eval("saving(fewer_replicas) + saving(connection_pooling)"), CENT);
        assertEquals(2_000_000.00, r.eval("saving(more_ollama)"), CENT);
        assertEquals(500_000.00, r.eval("saving(cheaper_gpus)"), CENT);
        assertEquals(2_500_000.00, r.eval("saving(more_ollama) + saving(cheaper_gpus)"), CENT);
        assertEquals(3_800_000.00, r.eval("saving(cdn_cache_hits)"), CENT);
        assertEquals(500_000.00, r.eval("saving(multi_region_pricing)"), CENT);
        assertEquals(0.70, r.eval("saving(aggressive_autoscaling) / compute"), 1e-9);
    }

    @Test
    void savingsColumnAndFiftyEightPercentAreTheSumOfTheLeversOwnSavings() throws Exception {
        Results r = original().evaluateWithSavings();
        String six = "saving(aggressive_autoscaling) + saving(fewer_replicas) + saving(connection_pooling)"
                + " + saving(more_ollama) + saving(cheaper_gpus) + saving(cdn_cache_hits)";
        assertEquals(11_514_982.00, r.eval(six), CENT);
        assertEquals(0.58, r.eval("(" + six + ") / total"), 0.005);
    }

    @Test
    void singleLeverPlansMatchTheStrategyFigures() throws Exception {
        assertEquals(1_442_880.00, onlyLever("aggressive_autoscaling").evaluate().eval("compute"), CENT);
        assertEquals(2_000_000.00, onlyLever("more_ollama").evaluate().eval("openai_api"), CENT);
        assertEquals(1_000_000_000.0, onlyLever("more_ollama").evaluate().eval("openai_requests"), 0.5);
        assertEquals(2.5, onlyLever("cdn_cache_hits").evaluate().eval("quantity(cdn_egress) / 1000000"), 1e-9);
        assertEquals(2_020_000.00, onlyLever("cheaper_gpus").evaluate().eval("ollama_gpu"), CENT);
    }

    @Test
    void optimizedTableRowsTheReportGetsRight() throws Exception {
        Results r = optimized().evaluate();
        assertEquals(1_442_880.00, r.eval("compute"), CENT);
        assertEquals(4_020_000.00, r.eval("ai_llm"), CENT);
        assertEquals(290_000.00, r.eval("cdn_bandwidth"), CENT);
        assertEquals(175_000.00, r.eval("search"), CENT);
        assertEquals(60_000.00, r.eval("caching"), CENT);
        assertEquals(59_130.00, r.eval("object_storage + monitoring + security + kubernetes"), CENT);
    }

    @Test
    void replicaCutAndPoolingCompoundSoTheOptimizedDatabaseIsTwoHundredThousandMore() throws Exception {
        Results r = optimized().evaluate();
        // (1,000 x 1,200 + 2,000 x 1,000 + 41,310) x 0.8, not the report's 4,241,310 - 1,000,000 - 848,262
        assertEquals(2_593_048.00, r.eval("database"), CENT);
        assertEquals(8_640_058.00, r.monthlyTotal(), CENT);
        assertNotEquals(8_440_058.00, r.monthlyTotal(), 1.0);
    }

    @Test
    void multiRegionPricingIsLeftOutOfTheOptimizedTable() throws Exception {
        Evaluator e = optimized();
        e.setLever("multi_region_pricing", true);
        // 10.4% off the auto-scaled compute: 1,442,880 x 500,000 / 4,809,600
        assertEquals(8_640_058.00 - 150_000.00, e.evaluate().monthlyTotal(), CENT);
    }

    // ---- Executive summary, business model ----------------------------------------------

    @Test
    void optimizedCostFallsInTheExecutiveSummaryRanges() throws Exception {
        Results r = optimized().evaluate();
        assertTrue(r.monthlyTotal() >= 8_000_000 && r.monthlyTotal() <= 15_000_000);
        assertTrue(r.annualTotal() >= 96_000_000 && r.annualTotal() <= 180_000_000);
        double database = r.eval("database / total");
        assertFalse(database >= 0.40 && database <= 0.50, "database share " + database);
    }

    @Test
    void fivePercentOfMauPayingFiftyDollarsBringsOnePointTwoFiveBillion() throws Exception {
        Results r = optimized().evaluate();
        assertEquals(1_250_000_000.00, r.eval("revenue"), CENT);
        assertEquals(0.993, r.eval("margin"), 0.0005);
        assertEquals(333, r.eval("fee_per_transaction / 0.15"), 0.5);
        assertEquals(1_000_000_000, r.eval("users"), 0.5);
    }

    @Test
    void breakEvenNeedsAThousandthOfTheStatedTransactionsPerUser() throws Exception {
        Results r = optimized().evaluate();
        double perUser = r.eval("breakEvenPayingUsers / users");
        assertEquals(8_640_058.00 / 50 / 1_000_000_000, perUser, 1e-12);
        assertTrue(0.168 / perUser > 900, "stated 0.168 vs computed " + perUser);
    }

    // ---- Sliders --------------------------------------------------------------------------

    @Test
    void modelStaysFiniteAndPositiveAcrossTheUserSlider() throws Exception {
        double previous = 0;
        for (double users : new double[] {10, 1_000, 100_000, 10_000_000, 1_000_000_000, 10_000_000_000.0}) {
            Evaluator e = original();
            e.setDriver("total_users", users);
            double total = e.evaluate().monthlyTotal();
            assertTrue(Double.isFinite(total) && total > 0, users + " users: " + total);
            assertTrue(total >= previous, "cost falls from " + previous + " to " + total + " at " + users);
            previous = total;
        }
    }

    // ---- Audit ----------------------------------------------------------------------------

    /** Every stated figure the model contradicts, by label; each is explained in the scenario's description. */
    private static final List<String> EXPECTED_CONTRADICTIONS = List.of(
            "Database infrastructure 40-50% of total (executive summary)",
            "Compute/API servers 20-25% of total (executive summary)",
            "AI/LLM processing 15-20% of total (executive summary)",
            "CDN/Bandwidth 10-15% of total (executive summary)",
            "Search/Caching 5-10% of total (executive summary)",
            "Requests per API server, 5,000 RPS",
            "CDN static assets, 100 GB per user per month",
            "CDN first 10 TB free",
            "Logging price, $0.50/GB ingested",
            "TOTAL, monthly cost summary",
            "Annual Cost, monthly cost summary",
            "TOTAL, optimized cost summary, Original",
            "Database, optimized cost summary, Optimized",
            "TOTAL, optimized cost summary, Optimized",
            "Optimized Monthly Cost, $8,440,058",
            "Optimized Annual Cost, $101,280,696",
            "Cost per user, $0.0084/user/month",
            "Cost per 100 users, $0.84",
            "Annual cost, cost per user section, $101,280,696",
            "Annual cost per user, $0.101/user/year",
            "Break-even monthly revenue, $8,440,058",
            "Break-even revenue per user, $0.0084/user/month",
            "Transactions per user to break even, 0.168/month",
            "Break-even transaction rate, 16.8% of users",
            "Year 1 monthly cost, 100K users, $8,440",
            "Year 2 monthly cost, 1M users, $84,400",
            "Year 3 monthly cost, 10M users, $844,000",
            "Year 4 monthly cost, 100M users, $8,440,000",
            "Year 5 monthly cost, 1B users, $8,440,058 (optimized)",
            "Key takeaway: cost per user $0.0084/user/month",
            "Key takeaway: database is largest cost (1 = true)",
            "Key takeaway: database 28% of total (optimized)",
            "Key takeaway: AI/LLM 48% of total (before optimization)",
            "Key takeaway: break-even at 0.168 transactions/user/month",
            "Conclusion: optimized infrastructure ~$8.4 million/month",
            "Conclusion: ~$101 million/year",
            "Conclusion: cost per user $0.0084/user/month");

    /** The report states 147 figures; 110 of them agree with the model and the 37 above contradict it. */
    @Test
    void everyOtherStatedFigureAgrees() {
        billion.assertAudit(147, 110, EXPECTED_CONTRADICTIONS);
    }

    @Test
    void aChangedFigureIsCaught() throws Exception {
        // canvas data stated as 51 TB (the model: 50); the summary TOTAL stated as the sum of its rows
        billion.assertChangedFiguresAreCaught(147, 110, EXPECTED_CONTRADICTIONS,
                "Canvas data, 50 TB", 51, 50, "TOTAL, monthly cost summary", 19_955_040);
    }

    @Test
    void auditShowsTheComputedValuesOfTheMainContradictions() throws Exception {
        billion.assertContradiction("TOTAL, monthly cost summary", 19_955_440, 19_955_040, CENT);
        billion.assertContradiction("Annual Cost, monthly cost summary", 239_465_280, 239_460_480, CENT);
        billion.assertContradiction("Database, optimized cost summary, Optimized", 2_393_048, 2_593_048, CENT);
        billion.assertContradiction("TOTAL, optimized cost summary, Optimized", 8_440_058, 8_640_058, CENT);
        billion.assertContradiction("Requests per API server, 5,000 RPS", 5_000, 5, 1e-9);
        billion.assertContradiction("CDN static assets, 100 GB per user per month", 100, 0.1, 1e-9);
        billion.assertContradiction("Logging price, $0.50/GB ingested", 0.50, 5.00, 1e-9);
        billion.assertContradiction("Key takeaway: AI/LLM 48% of total (before optimization)",
                0.48, 6_520_000.0 / 19_955_040.0, 1e-9);
        // The report's timeline is ten times a linear share of its own $8,440,058.
        assertEquals(8_440_000, billion.auditLine("Year 4 monthly cost, 100M users, $8,440,000").stated(), 0.5);
        assertTrue(billion.auditLine("Year 4 monthly cost, 100M users, $8,440,000").computed() < 1_000_000);
    }
}
