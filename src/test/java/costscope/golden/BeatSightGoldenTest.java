package costscope.golden;

import static costscope.golden.GoldenScenario.CENT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import costscope.engine.Evaluator;
import costscope.engine.Results;
import costscope.model.Lever;

import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Golden figures of the "BeatSight Web Compute Cost Model (Draft)" (seed 003), modelled in
 * sample-scenarios/beatsight.json. Expected numbers are typed from the report.
 */
class BeatSightGoldenTest {

    private static GoldenScenario beatSight;

    @BeforeAll
    static void load() throws Exception {
        beatSight = GoldenScenario.load("beatsight.json");
    }

    // ---------------------------------------------------------------- the three scenarios

    @Test
    void scenarioAOneThousandMauMatchesTheReportLineByLine() {
        Results r = beatSight.at("1K");
        assertEquals(1000, r.eval("ai_jobs"), 1e-9);
        assertEquals(55, r.eval("gpu_separation"), CENT);
        assertEquals(0.80, r.eval("fingerprinting + post_processing"), CENT);
        assertEquals(0.60, r.eval("email_notifications"), CENT);
        assertEquals(56.40, r.eval("variable_cost"), CENT);
    }

    @Test
    void scenarioBTenThousandMauMatchesTheReportLineByLine() {
        Results r = beatSight.at("10K");
        assertEquals(10000, r.eval("ai_jobs"), 1e-9);
        assertEquals(550, r.eval("gpu_separation"), CENT);
        assertEquals(14, r.eval("cpu_pipeline + notifications"), CENT);
        assertEquals(564, r.eval("variable_cost"), CENT);
    }

    @Test
    void scenarioCFiftyThousandMauMatchesTheReportLineByLine() {
        Results r = beatSight.at("50K");
        assertEquals(50000, r.eval("ai_jobs"), 1e-9);
        assertEquals(2750, r.eval("gpu_separation"), CENT);
        assertEquals(70, r.eval("cpu_pipeline + notifications"), CENT);
        assertEquals(2820, r.eval("variable_cost"), CENT);
    }

    @Test
    void twoNewSongsPerUserWithHalfVerifiedGiveOneAiJobPerMau() {
        for (String p : List.of("1K", "10K", "50K")) {
            Results r = beatSight.at(p);
            assertEquals(1.0, r.eval("ai_jobs / mau"), 1e-12, p);
            assertEquals(2.0, r.eval("uploads / mau"), 1e-12, p);
        }
    }

    @Test
    void costPerNewSongIsWithinTheReportsRangeOf0051To006() {
        double perSong = beatSight.at("1K").eval("variable_cost / ai_jobs");
        assertTrue(perSong >= 0.051 && perSong <= 0.06, "per new song: " + perSong);
        // $0.055 GPU + $0.0002 fingerprint + $0.0006 post-processing + $0.0006 email
        assertEquals(0.0564, perSong, 1e-12);
    }

    // ---------------------------------------------------------------- baseline and business

    @Test
    void baselineRowsSumToTheReportsTotalOf580() {
        Results r = beatSight.at("10K");
        assertEquals(250, r.eval("aurora_postgres"), CENT);
        assertEquals(90, r.eval("redis_cache"), CENT);
        assertEquals(40, r.eval("s3_storage"), CENT);
        assertEquals(60, r.eval("cloudfront_cdn"), CENT);
        assertEquals(80, r.eval("monitoring"), CENT);
        assertEquals(60, r.eval("misc_services"), CENT);
        assertEquals(580, r.eval("baseline_cost"), CENT);
        assertEquals(580, beatSight.at("1K").eval("baseline_cost"), CENT);
        assertEquals(580, beatSight.at("50K").eval("baseline_cost"), CENT);
    }

    @Test
    void scenarioBRevenueExampleFivePercentOfTenThousandAtEightDollars() {
        Results r = beatSight.at("10K");
        assertEquals(500, r.eval("payingUsers"), 1e-9);
        assertEquals(4000, r.eval("revenue"), CENT);
        assertEquals(1144, r.monthlyTotal(), CENT);
        assertEquals(1144 * 12, r.annualTotal(), CENT);
        assertTrue(r.eval("profit") > 0, "the report's 'healthy margin'");
    }

    @Test
    void usersAreMauSoCostPerUserIsTotalOverMau() {
        Results r = beatSight.at("10K");
        assertEquals(10000, r.eval("users"), 1e-9);
        assertEquals(1144.0 / 10000, r.eval("costPerUser"), 1e-12);
    }

    // ---------------------------------------------------------------- levers

    @Test
    void clientSideInferenceCutsServerGpuByFortyPercentTheMidpointOf30To50() {
        Results off = beatSight.at("10K");
        Results on = beatSight.at("10K", "client_inference");
        double cut = 1 - on.eval("gpu_separation") / off.eval("gpu_separation");
        assertTrue(cut >= 0.30 && cut <= 0.50, "report: 30-50% less server GPU load, was " + cut);
        assertEquals(0.40 * 550, off.eval("saving(client_inference)"), CENT);
        assertEquals(14, on.eval("cpu_pipeline + notifications"), CENT);
    }

    @Test
    void cachingAndDistillationLowerTheGpuBillAndStartOff() {
        Results r = beatSight.at("10K");
        for (Lever l : beatSight.scenario().levers()) {
            assertFalse(l.enabled(), l.id());
            assertTrue(r.eval("saving(" + l.id() + ")") > 0, l.id());
        }
        assertEquals(0.5 * 550, r.eval("saving(model_distillation)"), CENT);
    }

    @Test
    void mauDriverIsALogSliderFromTenToOneBillion() {
        var d = beatSight.scenario().driver("mau");
        assertNotNull(d);
        Evaluator e = beatSight.evaluator(null);
        e.setDriver("mau", 1e9);
        double big = e.evaluate().monthlyTotal();
        e.setDriver("mau", 10);
        double small = e.evaluate().monthlyTotal();
        assertTrue(Double.isFinite(big) && big > small && small > 580);
    }

    // ---------------------------------------------------------------- audit

    /** Every stated figure the model contradicts, by label; each is explained in the scenario's description. */
    private static final List<String> EXPECTED_CONTRADICTIONS = List.of(
            "AI Separation + Transcription ~$0.05 per run (stage table)",
            "Object storage (S3) $40, 2 TB-month (baseline table)");

    /** The report states 20 figures; 18 of them agree with the model and the 2 above contradict it. */
    @Test
    void everyOtherStatedFigureAgrees() {
        beatSight.assertAudit(20, 18, EXPECTED_CONTRADICTIONS);
    }

    @Test
    void aChangedFigureIsCaught() throws Exception {
        // Scenario A's GPU cost stated as $56 (the model: $55); the S3 line stated as the model's 2 TB x $23
        beatSight.assertChangedFiguresAreCaught(20, 18, EXPECTED_CONTRADICTIONS,
                "GPU cost, Scenario A", 56, 55, "Object storage (S3) $40, 2 TB-month (baseline table)", 46);
    }

    @Test
    void auditShowsTheGpuPriceAndS3BasisContradictionsWithBothNumbers() {
        beatSight.assertContradiction("AI Separation + Transcription ~$0.05 per run (stage table)", 0.05, 0.055, 1e-12);
        beatSight.assertContradiction("Object storage (S3) $40, 2 TB-month (baseline table)", 40, 2 * 23, 1e-9);
    }
}
