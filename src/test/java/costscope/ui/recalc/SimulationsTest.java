package costscope.ui.recalc;

import costscope.engine.CompiledScenario;
import costscope.engine.MonteCarlo;
import costscope.engine.Sweep;
import costscope.files.ScenarioFiles;
import costscope.model.Range;
import costscope.model.Distribution;
import costscope.model.Scenario;
import costscope.ui.document.ScenarioDocument;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The app's live Monte Carlo on the example model with messages per user uncertain (uniform 200 to 400). */
class SimulationsTest {
    final ScenarioDocument document = new ScenarioDocument();
    final HoldingRunner tasks = new HoldingRunner();
    Recalculator recalc;
    Simulations sims;

    @BeforeEach
    void open() throws Exception {
        recalc = new Recalculator(document, FramePulse.immediate(), tasks);
        sims = new Simulations(recalc, tasks);
        Scenario s = ScenarioFiles.load(Path.of("src/test/resources/scenarios/example.json"));
        document.open(s.withDrivers(s.drivers().stream().map(d -> d.id().equals("messages")
                ? d.withRange(new Range(Distribution.UNIFORM, 200.0, 400.0, null, null, null)) : d).toList()), null);
    }

    /** The engine's own answer at the document's current state. */
    MonteCarlo.Result direct(int samples) throws Exception {
        Scenario s = document.scenario();
        return MonteCarlo.run(CompiledScenario.compile(s).newEvaluator(s), Simulations.outputs(s),
                new MonteCarlo.Options(samples, 1, 1), () -> false);
    }

    @Test
    void theSnapshotIsTheEnginesAnswerAtTheCurrentPointWithBandsAndLeverSavings() throws Exception {
        Simulations.Snapshot snap = sims.snapshot();
        assertTrue(snap.complete());
        assertEquals(10_000, snap.samples());
        MonteCarlo.Spread want = direct(10_000).outputs().get(0);
        MonteCarlo.Spread got = snap.of("total");
        assertArrayEquals(new double[]{want.mean(), want.p5(), want.p10(), want.p50(), want.p90(), want.p95()},
                new double[]{got.mean(), got.p5(), got.p10(), got.p50(), got.p90(), got.p95()}, 0.0);
        // total = 1,000 users x messages x 900 x $3 / 1M + $254.04: messages uniform on [200, 400] gives P10 of 220
        assertEquals(1000 * 220 * 900 * 3 / 1e6 + 0.348 * 730, got.p10(), 1000 * 4 * 0.003 * 900 * 3 / 1e3);
        // the cache lever saves 20% of the LLM cost: P50 of 20% x 1,000 x 300 x 900 x $3 / 1M = $162
        assertEquals(0.2 * 1000 * 300 * 900 * 3 / 1e6, snap.saving("cache").p50(), 2.0);
        MonteCarlo.Band band = snap.band("total");
        assertEquals(Simulations.BAND_POINTS, band.p50().length);
        ChartRange r = ChartRange.of(document.scenario());
        double[] x = Sweep.points(r.from(), r.to(), Simulations.BAND_POINTS, r.log());
        assertEquals(x[0] * 300 * 900 * 3 / 1e6 + 0.348 * 730, band.p50()[0], x[0] * 10 * 900 * 3 / 1e6,
                "the median at the first point of the users axis");
    }

    @Test
    void aFirstEstimateLandsBeforeTheFullCountAndAStaleRunNeverLands() throws Exception {
        tasks.holding = true;
        document.edit("older", s -> s.withDriverValue("active_users", 2000));
        document.edit("newer", s -> s.withDriverValue("active_users", 5000));
        Simulations.Snapshot before = sims.snapshot();
        assertTrue(sims.runningProperty().get());
        // the stale run's stages do nothing; the newest first estimate lands
        tasks.holding = false;
        var held = new java.util.ArrayList<>(tasks.held);
        tasks.held.clear();
        tasks.holding = true;
        for (Runnable r : held) r.run();
        Simulations.Snapshot first = sims.snapshot();
        assertFalse(first == before);
        assertFalse(first.complete());
        assertEquals(Simulations.FIRST_SAMPLES, first.samples());
        assertTrue(first.of("total").min() >= 5000 * 200 * 900 * 3 / 1e6, "not the older point (2,000 users)");
        assertTrue(sims.runningProperty().get(), "the full count is still to come");
        tasks.finishNewestFirst();
        assertTrue(sims.snapshot().complete());
        assertEquals(10_000, sims.snapshot().samples());
        assertEquals(direct(10_000).outputs().get(0).p90(), sims.snapshot().of("total").p90(), 0.0);
        assertFalse(sims.runningProperty().get());
    }

    @Test
    void theSampleCountAndSeedRestartTheRunAndNoRangeMeansNoSnapshot() {
        sims.samplesProperty().set(2_000);
        assertEquals(2_000, sims.snapshot().samples());
        double p90 = sims.snapshot().of("total").p90();
        sims.seedProperty().set(7);
        assertEquals(7, sims.snapshot().seed());
        assertTrue(p90 != sims.snapshot().of("total").p90(), "another seed, other samples");
        document.edit("no range", s -> s.withDrivers(s.drivers().stream().map(d -> d.withRange(null)).toList()));
        assertNull(sims.snapshot());
    }

    @Test
    void theBandsTakeAtMostTwentyThousandSamplesAPoint() {
        sims.samplesProperty().set(50_000);
        assertEquals(50_000, sims.snapshot().samples());
        assertEquals(Simulations.BAND_SAMPLES, sims.snapshot().bands().samples());
    }

    @Test
    void anotherModelsFiguresAreClearedAtOnceNotShownUntilItsOwnLand() throws Exception {
        assertTrue(sims.snapshot() != null);
        tasks.holding = true;
        Scenario other = document.scenario().withName("Another model");
        document.open(other, null);
        assertNull(sims.snapshot(), "the first model's bands must not stand for the second's");
        tasks.finishNewestFirst();
        assertTrue(sims.snapshot().complete());
    }

    @Test
    void aDragMarksTheFiguresStaleAndTheReleaseStartsTheRun() throws Exception {
        Simulations.Snapshot before = sims.snapshot();
        int submitted = tasks.submitted;
        document.editInGesture("drag", "Drag", s -> s.withDriverValue("active_users", 3000));
        document.editInGesture("drag", "Drag", s -> s.withDriverValue("active_users", 4000));
        assertTrue(sims.runningProperty().get(), "the figures on show are stale");
        assertTrue(sims.snapshot() == before, "and stay on show while the slider moves");
        int duringDrag = tasks.submitted - submitted;
        document.endGesture();
        assertTrue(tasks.submitted - submitted > duringDrag, "the release starts the run");
        assertTrue(sims.snapshot().complete());
        assertFalse(sims.runningProperty().get());
        assertEquals(direct(10_000).outputs().get(0).p50(), sims.snapshot().of("total").p50(), 0.0, "at 4,000 users");
    }
}
