package costscope.ui.whatif;

import costscope.engine.CompiledScenario;
import costscope.engine.Evaluator;
import costscope.engine.MonteCarlo;
import costscope.model.Scenario;
import costscope.ui.TestWindow;
import costscope.ui.recalc.TaskRunner;
import javafx.application.Platform;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Headless, with the app's real background thread: the uncertainty runs off the FX thread (which keeps answering
 * while 100,000 samples are drawn) and lands the engine's figures for the newest settings.
 */
@ExtendWith(ApplicationExtension.class)
class UncertaintyViewAsyncTest {
    /** One daemon worker, as the app's (not shut down: a window event after the test may still hand it work). */
    final TaskRunner tasks = TaskRunner.background();
    TestWindow window;

    @Start
    void start(Stage stage) {
        window = TestWindow.open(stage, UncertaintyViewTest.UNCERTAIN, tasks);
    }

    /** The caption, or "" before the section shows (the file is read in the background too). */
    String caption(FxRobot robot) {
        return robot.lookup("#uncertaintyCaption").tryQueryAs(Label.class).map(Label::getText).orElse("");
    }

    @Test
    void theFxThreadKeepsAnsweringAndTheNewestSettingsLand(FxRobot robot) throws Exception {
        TestWindow.showWhatIf(robot, "Sensitivity");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> caption(robot).startsWith("10,000 samples, seed 1: "));
        robot.interact(() -> {
            window.context().simulations().samplesProperty().set(100_000);
            window.context().simulations().seedProperty().set(5);
            window.context().simulations().seedProperty().set(6);
        });
        // while the runs go on, the FX thread answers at once
        for (int i = 0; i < 5; i++) {
            long t0 = System.nanoTime();
            CompletableFuture<Void> ping = new CompletableFuture<>();
            Platform.runLater(() -> ping.complete(null));
            ping.get(5, TimeUnit.SECONDS);
            assertTrue((System.nanoTime() - t0) / 1e6 < 1000, "the FX thread is not blocked");
            Thread.sleep(20);
        }
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> caption(robot).startsWith("100,000 samples, seed 6: "));
        Scenario s = window.scenario();
        Evaluator e = CompiledScenario.compile(s).newEvaluator(s);
        MonteCarlo.Result r = MonteCarlo.run(e, List.of("total"), MonteCarlo.Options.of(100_000, 6), () -> false);
        assertEquals(UncertaintyViewTest.caption(r), caption(robot));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !robot.lookup("#uncertaintyProgress").query().isVisible());
    }
}
