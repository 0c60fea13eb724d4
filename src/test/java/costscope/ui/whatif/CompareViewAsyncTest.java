package costscope.ui.whatif;

import costscope.ui.CostscopeApp;
import costscope.ui.TestDialogs;
import costscope.ui.files.RecentFiles;
import costscope.ui.recalc.FramePulse;
import costscope.ui.recalc.TaskRunner;
import org.controlsfx.control.CheckComboBox;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Headless: with background work finishing out of order, the Compare view shows the newest request's results only. */
@ExtendWith(ApplicationExtension.class)
class CompareViewAsyncTest {
    /** Runs work at once, or, while holding, keeps it until the test finishes it in an order of its choosing. */
    static final class HoldingRunner implements TaskRunner {
        boolean holding;
        final List<Runnable> held = new ArrayList<>();

        @Override
        public <T> void run(Callable<T> work, Consumer<T> onDone, Consumer<Throwable> onError) {
            Runnable r = () -> TaskRunner.synchronous().run(work, onDone, onError);
            if (holding) held.add(r);
            else r.run();
        }
    }

    final HoldingRunner tasks = new HoldingRunner();
    CostscopeApp.Window window;

    @Start
    void start(Stage stage) {
        window = CostscopeApp.build(stage, tasks, FramePulse.immediate(), new TestDialogs(), new RecentFiles(null));
        stage.show();
        window.context().files().open(Path.of("sample-scenarios/billion-users.json"));
    }

    @Test
    void anOlderResultArrivingLateIsDropped(FxRobot robot) {
        robot.interact(() -> {
            TabPane tabs = robot.lookup("#tabs").queryAs(TabPane.class);
            tabs.getSelectionModel().select(tabs.getTabs().stream().filter(t -> t.getText().startsWith("What-if")).findFirst().orElseThrow());
        });
        WaterfallChart w = robot.lookup("#compareWaterfall").queryAs(WaterfallChart.class);
        assertEquals(8_640_058.00, w.bars().get(w.bars().size() - 1).end(), 0.005);
        CheckComboBox<CompareStates.State> states = CompareViewTest.picker(robot);
        robot.interact(() -> {
            tasks.holding = true;
            // first request: all three plans; second: back to two
            states.getCheckModel().check(3);
            states.getCheckModel().clearCheck(3);
            tasks.holding = false;
        });
        assertEquals(2, tasks.held.size());
        // the newer request finishes first, then the older one arrives
        robot.interact(() -> {
            tasks.held.get(1).run();
            tasks.held.get(0).run();
        });
        // label, two states, one difference and its relative difference: the older three-state result was dropped
        assertEquals(5, CompareViewTest.table(robot).getColumns().size());
        assertEquals("$8,640,058.00", CompareViewTest.cell(CompareViewTest.table(robot), "compare-col-1", "total"));
    }
}
