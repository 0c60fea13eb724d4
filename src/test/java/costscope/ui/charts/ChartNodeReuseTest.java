package costscope.ui.charts;

import costscope.files.ScenarioFiles;
import costscope.model.Scenario;
import costscope.whatif.Compare;
import costscope.whatif.Output;
import costscope.whatif.Sensitivity;
import costscope.whatif.Waterfall;
import costscope.whatif.WaterfallOrder;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The tornado and the waterfall are redrawn on every frame of a slider drag while their view shows: they reuse their
 * nodes (new ones, each with a tooltip, were styled from scratch each frame, over 100 ms a frame with Compare showing)
 * and hide the ones a smaller chart does not need.
 */
@ExtendWith(ApplicationExtension.class)
class ChartNodeReuseTest {
    TornadoChart tornado;
    WaterfallChart waterfall;

    @Start
    void start(Stage stage) {
        tornado = new TornadoChart();
        waterfall = new WaterfallChart();
        stage.setScene(new Scene(new StackPane(tornado, waterfall), 900, 600));
        stage.show();
    }

    /** The same nodes, in any order (layout brings a bar's shorter half to the front). */
    static boolean sameNodes(List<Node> a, List<Node> b) {
        return a.size() == b.size() && new java.util.HashSet<>(a).equals(new java.util.HashSet<>(b));
    }

    static Scenario billion() throws Exception {
        return ScenarioFiles.load(Path.of("sample-scenarios/billion-users.json"));
    }

    static Sensitivity sensitivity(Scenario s) throws Exception {
        Output total = Output.choices(s).stream().filter(o -> o.formula().equals("total")).findFirst().orElseThrow();
        return Sensitivity.run(s, total, 0.2);
    }

    @Test
    void theTornadoKeepsItsRowsAndHidesTheOnesNotShown(FxRobot robot) throws Exception {
        Scenario s = billion();
        Sensitivity a = sensitivity(s);
        Sensitivity b = sensitivity(s.withDriverValue("total_users", 5e8));
        robot.interact(() -> tornado.show(a, "USD", 12));
        List<TornadoChart.RowNodes> first = tornado.rows();
        List<Node> children = List.copyOf(tornado.getChildrenUnmodifiable());
        robot.interact(() -> tornado.show(b, "USD", 12));
        assertEquals(first.size(), tornado.rows().size());
        for (int i = 0; i < first.size(); i++) assertSame(first.get(i).hit(), tornado.rows().get(i).hit());
        assertTrue(sameNodes(children, tornado.getChildrenUnmodifiable()), "no node added or taken out");
        assertEquals(b.bars().get(0).driver(), tornado.rows().get(0).hit().getId().substring("tornado-row-".length()));
        robot.interact(() -> tornado.show(b, "USD", 3));
        assertEquals(3, tornado.rows().size());
        assertTrue(sameNodes(children, tornado.getChildrenUnmodifiable()));
        assertFalse(first.get(5).hit().isVisible(), "a row not shown hides");
        assertFalse(first.get(5).name().isVisible());
        robot.interact(() -> tornado.show(null, "USD", 12));
        assertTrue(tornado.rows().isEmpty());
        assertTrue(tornado.getChildrenUnmodifiable().stream().filter(n -> n != tornado.baseLine()).noneMatch(n -> n.isVisible() && n instanceof javafx.scene.control.Label l && !l.getText().isEmpty()));
    }

    @Test
    void theWaterfallKeepsItsBars(FxRobot robot) throws Exception {
        Scenario s = billion();
        Compare.Named original = new Compare.Named("original", "Original plan", s.withVariant("original"));
        Compare.Named optimized = new Compare.Named("optimized", "Optimized plan", s.withVariant("optimized"));
        Waterfall w = WaterfallOrder.run(original, optimized, List.of());
        Waterfall back = WaterfallOrder.run(optimized, original, List.of());
        robot.interact(() -> waterfall.setData(w, "Original plan", "Optimized plan", "USD"));
        Node bar = waterfall.barNode(1);
        List<Node> children = List.copyOf(waterfall.getChildrenUnmodifiable());
        robot.interact(() -> waterfall.setData(back, "Optimized plan", "Original plan", "USD"));
        assertSame(bar, waterfall.barNode(1));
        assertTrue(sameNodes(children, waterfall.getChildrenUnmodifiable()));
        assertEquals(back.steps().size() + 2, waterfall.bars().size());
        assertTrue(waterfall.barNode(1).getStyleClass().contains(back.steps().get(0).delta() <= 0 ? "waterfall-saving" : "waterfall-increase"));
        robot.interact(() -> waterfall.clear());
        assertTrue(waterfall.getChildrenUnmodifiable().stream().noneMatch(Node::isVisible), "an empty waterfall shows nothing");
    }
}
