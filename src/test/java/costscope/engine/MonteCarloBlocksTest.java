package costscope.engine;

import costscope.files.ScenarioFiles;
import costscope.model.Scenario;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Monte Carlo over blocks of samples (each step's columnar form) gives exactly what one sample at a time gives: every
 * sample scenario with a range on every driver, every node and a formula with functions as outputs.
 */
class MonteCarloBlocksTest {
    static Scenario everyDriverUncertain(String file) throws Exception {
        return BlocksCheck.everyDriverUncertain(Files.readString(Path.of("sample-scenarios", file)), file);
    }

    @ParameterizedTest
    @ValueSource(strings = {"awsomebuilder2.json", "beatsight.json", "billion-users.json", "innerworld.json",
            "provider-examples.json", "raptorflow.json"})
    void blocksGiveExactlyTheSampleBySampleValues(String file) throws Exception {
        Scenario sc = everyDriverUncertain(file);
        CompiledScenario c = CompiledScenario.compile(sc);
        Evaluator e = c.newEvaluator(sc);
        // every step and output has a columnar form: the comparison is of the two paths
        assertTrue(BlocksCheck.runsInBlocks(sc));
        // 1,000 samples: several blocks and a part block
        BlocksCheck.assertSameInBlocks(sc, 1_000);
        // a banded sweep of the first uncertain driver
        String driver = MonteCarlo.uncertain(sc).get(0).id();
        double v = e.driverValue(driver);
        double[] points = {v * 0.5, v, v * 2 + 1};
        List<String> bandOutputs = MonteCarlo.bandOutputs(sc);
        MonteCarlo.Bands bb = MonteCarlo.sweep(e, driver, points, bandOutputs, new MonteCarlo.Options(600, 5, 2), () -> false, true);
        MonteCarlo.Bands bs = MonteCarlo.sweep(e, driver, points, bandOutputs, new MonteCarlo.Options(600, 5, 2), () -> false, false);
        for (int j = 0; j < bandOutputs.size(); j++) {
            MonteCarlo.Band x = bb.bands().get(j);
            MonteCarlo.Band y = bs.bands().get(j);
            assertArrayEquals(y.mean(), x.mean(), 0);
            assertArrayEquals(y.p5(), x.p5(), 0);
            assertArrayEquals(y.p50(), x.p50(), 0);
            assertArrayEquals(y.p95(), x.p95(), 0);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"awsomebuilder2.json", "beatsight.json", "billion-users.json", "raptorflow.json"})
    void theSamplesRangesRunInBlocks(String file) throws Exception {
        // the samples' own ranges, their default outputs, the band outputs: every step has a columnar form
        Scenario sc = ScenarioFiles.load(Path.of("sample-scenarios", file));
        CompiledScenario c = CompiledScenario.compile(sc);
        Evaluator e = c.newEvaluator(sc);
        assertTrue(MonteCarlo.inBlocks(e, MonteCarlo.defaultOutputs(sc), Set.of()));
        assertTrue(MonteCarlo.inBlocks(e, MonteCarlo.bandOutputs(sc), Set.of(MonteCarlo.uncertain(sc).get(0).id())));
    }

    @Test
    void aLeverSavingRunsSampleBySample() throws Exception {
        // saving() evaluates the model again with the lever switched: no block form
        Scenario sc = ScenarioFiles.load(Path.of("sample-scenarios", "awsomebuilder2.json"));
        CompiledScenario c = CompiledScenario.compile(sc);
        String lever = sc.levers().get(0).id();
        assertFalse(MonteCarlo.inBlocks(c.newEvaluator(sc), List.of("saving(" + lever + ")"), Set.of()));
    }
}
