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
 * Golden figures of the "BeatSight Web Compute Cost Model (Draft)" (seed 003), modelled in
 * sample-scenarios/beatsight.json. Expected numbers are typed from the report.
 */
class BeatSightGoldenTest {

    private static final double CENT = 0.005;

    private static CompiledScenario compiled;

    @BeforeAll
    static void load() throws Exception {
        Scenario s = ScenarioFiles.load(Path.of("sample-scenarios/beatsight.json"));
        compiled = CompiledScenario.compile(s);
    }

    private static Results at(String scalePoint, String... leversOn) {
        Evaluator e = compiled.newEvaluator();
        e.applyScalePoint(scalePoint);
        for (String l : leversOn) e.setLever(l, true);
        return e.evaluateWithSavings();
    }

    // ---------------------------------------------------------------- the three scenarios

    @Test
    void scenarioAOneThousandMauMatchesTheReportLineByLine() {
        Results r = at("1K");
        assertEquals(1000, r.eval("ai_jobs"), 1e-9);
        assertEquals(55, r.eval("gpu_separation"), CENT);
        assertEquals(0.80, r.eval("fingerprinting + post_processing"), CENT);
        assertEquals(0.60, r.eval("email_notifications"), CENT);
        assertEquals(56.40, r.eval("variable_cost"), CENT);
    }

    @Test
    void scenarioBTenThousandMauMatchesTheReportLineByLine() {
        Results r = at("10K");
        assertEquals(10000, r.eval("ai_jobs"), 1e-9);
        assertEquals(550, r.eval("gpu_separation"), CENT);
        assertEquals(14, r.eval("cpu_pipeline + notifications"), CENT);
        assertEquals(564, r.eval("variable_cost"), CENT);
    }

    @Test
    void scenarioCFiftyThousandMauMatchesTheReportLineByLine() {
        Results r = at("50K");
        assertEquals(50000, r.eval("ai_jobs"), 1e-9);
        assertEquals(2750, r.eval("gpu_separation"), CENT);
        assertEquals(70, r.eval("cpu_pipeline + notifications"), CENT);
        assertEquals(2820, r.eval("variable_cost"), CENT);
    }

    @Test
    void twoNewSongsPerUserWithHalfVerifiedGiveOneAiJobPerMau() {
        for (String p : List.of("1K", "10K", "50K")) {
            Results r = at(p);
            assertEquals(1.0, r.eval("ai_jobs / mau"), 1e-12, p);
            assertEquals(2.0, r.eval("uploads / mau"), 1e-12, p);
        }
    }

    @Test
    void costPerNewSongIsWithinTheReportsRangeOf0051To006() {
        double perSong = at("1K").eval("variable_cost / ai_jobs");
        assertTrue(perSong >= 0.051 && perSong <= 0.06, "per new song: " + perSong);
        // $0.055 GPU + $0.0002 fingerprint + $0.0006 post-processing + $0.0006 email
        assertEquals(0.0564, perSong, 1e-12);
    }

    // ---------------------------------------------------------------- baseline and business

    @Test
    void baselineRowsSumToTheReportsTotalOf580() {
        Results r = at("10K");
        assertEquals(250, r.eval("aurora_postgres"), CENT);
        assertEquals(90, r.eval("redis_cache"), CENT);
        assertEquals(40, r.eval("s3_storage"), CENT);
        assertEquals(60, r.eval("cloudfront_cdn"), CENT);
        assertEquals(80, r.eval("monitoring"), CENT);
        assertEquals(60, r.eval("misc_services"), CENT);
        assertEquals(580, r.eval("baseline_cost"), CENT);
        assertEquals(580, at("1K").eval("baseline_cost"), CENT);
        assertEquals(580, at("50K").eval("baseline_cost"), CENT);
    }

    @Test
    void scenarioBRevenueExampleFivePercentOfTenThousandAtEightDollars() {
        Results r = at("10K");
        assertEquals(500, r.eval("payingUsers"), 1e-9);
        assertEquals(4000, r.eval("revenue"), CENT);
        assertEquals(1144, r.monthlyTotal(), CENT);
        assertEquals(1144 * 12, r.annualTotal(), CENT);
        assertTrue(r.eval("profit") > 0, "the report's 'healthy margin'");
    }

    @Test
    void usersAreMauSoCostPerUserIsTotalOverMau() {
        Results r = at("10K");
        assertEquals(10000, r.eval("users"), 1e-9);
        assertEquals(1144.0 / 10000, r.eval("costPerUser"), 1e-12);
    }

    // ---------------------------------------------------------------- levers

    @Test
    void clientSideInferenceCutsServerGpuByFortyPercentTheMidpointOf30To50() {
        Results off = at("10K");
        Results on = at("10K", "client_inference");
        double cut = 1 - on.eval("gpu_separation") / off.eval("gpu_separation");
        assertTrue(cut >= 0.30 && cut <= 0.50, "report: 30-50% less server GPU load, was " + cut);
        assertEquals(0.40 * 550, off.eval("saving(client_inference)"), CENT);
        assertEquals(14, on.eval("cpu_pipeline + notifications"), CENT);
    }

    @Test
    void cachingAndDistillationLowerTheGpuBillAndStartOff() {
        Results r = at("10K");
        for (Lever l : compiled.scenario().levers()) {
            assertFalse(l.enabled(), l.id());
            assertTrue(r.eval("saving(" + l.id() + ")") > 0, l.id());
        }
        assertEquals(0.5 * 550, r.eval("saving(model_distillation)"), CENT);
    }

    @Test
    void mauDriverIsALogSliderFromTenToOneBillion() {
        var d = compiled.scenario().driver("mau");
        assertNotNull(d);
        Evaluator e = compiled.newEvaluator();
        e.setDriver("mau", 1e9);
        double big = e.evaluate().monthlyTotal();
        e.setDriver("mau", 10);
        double small = e.evaluate().monthlyTotal();
        assertTrue(Double.isFinite(big) && big > small && small > 580);
    }

    // ---------------------------------------------------------------- audit

    private static final Set<String> EXPECTED_CONTRADICTIONS = new TreeSet<>(List.of(
            "AI Separation + Transcription ~$0.05 per run (stage table)",
            "Object storage (S3) $40, 2 TB-month (baseline table)"));

    @Test
    void auditFlagsExactlyTheReportsContradictions() {
        List<Audit.Line> lines = Audit.run(compiled);
        assertEquals(20, lines.size(), "every stated figure is audited");
        Set<String> flagged = lines.stream().filter(l -> !l.agrees()).map(Audit.Line::label)
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(EXPECTED_CONTRADICTIONS, flagged);
        assertEquals(lines.size(), lines.stream().map(Audit.Line::label).distinct().count(), "labels are unique");
    }

    @Test
    void auditShowsTheGpuPriceAndS3BasisContradictionsWithBothNumbers() {
        Map<String, Audit.Line> byLabel = Audit.run(compiled).stream()
                .collect(Collectors.toMap(Audit.Line::label, Function.identity()));
        Audit.Line gpu = byLabel.get("AI Separation + Transcription ~$0.05 per run (stage table)");
        assertEquals(0.05, gpu.stated(), 0);
        assertEquals(0.055, gpu.computed(), 1e-12);
        Audit.Line s3 = byLabel.get("Object storage (S3) $40, 2 TB-month (baseline table)");
        assertEquals(40, s3.stated(), 0);
        assertEquals(2 * 23, s3.computed(), 1e-9);
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
