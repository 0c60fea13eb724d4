package costscope.ui.whatif;

import costscope.ui.charts.WaterfallChart;
import costscope.ui.TestWindow;
import costscope.ui.recalc.HoldingRunner;
import org.controlsfx.control.CheckComboBox;
import costscope.model.Scenario;
import costscope.whatif.CompareStates;
import costscope.whatif.Variants;
import costscope.whatif.Waterfall;
import javafx.scene.control.ListView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Headless: with background work finishing out of order, the Compare view shows the newest request's results only. */
@ExtendWith(ApplicationExtension.class)
class CompareViewAsyncTest {
    final HoldingRunner tasks = new HoldingRunner();
    TestWindow window;

    @Start
    void start(Stage stage) {
        window = TestWindow.open(stage, Path.of("sample-scenarios/billion-users.json"), tasks);
    }

    @Test
    void anOlderResultArrivingLateIsDropped(FxRobot robot) {
        TestWindow.showTab(robot, "What-if");
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
        // each request is two tasks: the comparison and its waterfall (computed apart, so a reorder recomputes only
        // the waterfall)
        assertEquals(4, tasks.held.size());
        // the newer request finishes first, then the older one arrives
        robot.interact(tasks::finishNewestFirst);
        // label, two states, one difference and its relative difference: the older three-state result was dropped
        assertEquals(5, CompareViewTest.table(robot).getColumns().size());
        assertEquals("$8,640,058", CompareViewTest.cell(CompareViewTest.table(robot), "compare-col-1", "total"));
    }

    @Test
    void aReorderWhileTheModelIsRecomputingUsesTheNewModel(FxRobot robot) throws Exception {
        TestWindow.showTab(robot, "What-if");
        ListView<Waterfall.Step> list = CompareViewTest.orderList(robot);
        robot.interact(() -> {
            tasks.holding = true;
            // the plans do not set the requests per daily user: both totals change
            window.context().document().edit("more requests", s -> s.withDriverValue("requests_per_dau", 100));
            list.getSelectionModel().select(2);
        });
        robot.clickOn("#compareMoveUp");
        assertTrue(tasks.held.size() >= 2, "the recalculation and the comparison for the edit, then the reorder's waterfall");
        robot.interact(tasks::finishInOrder);
        Scenario sc = window.context().document().scenario();
        Waterfall expected = Waterfall.run(Variants.resolve(sc, "original").scenario(), Variants.resolve(sc, "optimized").scenario(),
                List.of("aggressive_autoscaling", "connection_pooling"));
        assertEquals(List.of("aggressive_autoscaling", "connection_pooling", "fewer_replicas"),
                CompareViewTest.order(robot).subList(0, 3));
        List<WaterfallChart.Bar> bars = CompareViewTest.waterfall(robot).bars();
        assertNotEquals(19_955_040.00, expected.fromTotal(), 0.5);
        assertEquals(expected.fromTotal(), bars.get(0).end(), 0.005);
        for (int i = 0; i < expected.steps().size(); i++) {
            assertEquals(expected.steps().get(i).delta(), bars.get(i + 1).delta(), 0.005, expected.steps().get(i).change().id());
        }
    }
}
