package costscope.ui.charts;

import javafx.geometry.Side;
import javafx.scene.Group;
import javafx.scene.Scene;
import javafx.scene.chart.Axis;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The LogAxis node, laid out: positions, inverse, ticks and their labels. */
@ExtendWith(ApplicationExtension.class)
class LogAxisTest {
    Group root;

    @Start
    void start(Stage stage) {
        root = new Group();
        stage.setScene(new Scene(root, 800, 600));
        stage.show();
    }

    private LogAxis laidOut(FxRobot robot, LogAxis axis, Side side, double w, double h) {
        robot.interact(() -> {
            axis.setSide(side);
            axis.setManaged(false); // the Group would size it to its preferred size
            root.getChildren().setAll(axis);
            axis.resize(w, h);
            axis.applyCss();
            axis.layout();
        });
        return axis;
    }

    @Test
    void horizontalLogAxisMapsTheEndsAndTheMiddle(FxRobot robot) {
        LogAxis a = laidOut(robot, new LogAxis(10, 1e6), Side.BOTTOM, 600, 40);
        assertEquals(0, a.getDisplayPosition(10), 1e-9);
        assertEquals(600, a.getDisplayPosition(1e6), 1e-9);
        // five decades: 1000 two fifths of the way, 10^3.5 in the middle
        assertEquals(240, a.getDisplayPosition(1000), 1e-9);
        assertEquals(300, a.getDisplayPosition(Math.pow(10, 3.5)), 1e-9);
        assertEquals(1000, a.getValueForDisplay(240).doubleValue(), 1e-9);
        assertEquals(List.of(10.0, 100.0, 1e3, 1e4, 1e5, 1e6), a.majorTickValues());
        List<String> labels = a.majorTickValues().stream().map(a::getTickMarkLabel).toList();
        assertEquals(List.of("10", "100", "1k", "10k", "100k", "1M"), labels);
        // the axis agrees with AxisMath everywhere, inside the range, outside it, and at 0
        for (double v : new double[] {0, 1e-3, 3, 10, 17.5, 999, 1000, 54321, 1e6, 2e6, 1e30}) {
            assertEquals(AxisMath.position(v, 10, 1e6, true, 600, false), a.getDisplayPosition(v), 1e-9, "at " + v);
        }
        // each tick mark sits where the axis maps its value
        for (Axis.TickMark<Number> t : a.getTickMarks()) assertEquals(a.getDisplayPosition(t.getValue()), t.getPosition(), 1e-9);
    }

    @Test
    void verticalLogAxisPutsTheLowerBoundAtTheBottom(FxRobot robot) {
        LogAxis a = laidOut(robot, new LogAxis(10, 1e5), Side.LEFT, 50, 400);
        assertEquals(400, a.getDisplayPosition(10), 1e-9);
        assertEquals(0, a.getDisplayPosition(1e5), 1e-9);
        assertEquals(200, a.getDisplayPosition(1000), 1e-9);
        assertEquals(1000, a.getValueForDisplay(200).doubleValue(), 1e-9);
        assertEquals(List.of(10.0, 100.0, 1e3, 1e4, 1e5), a.majorTickValues());
    }

    @Test
    void autoRangingLogAxisRoundsOutTheData(FxRobot robot) {
        LogAxis a = new LogAxis();
        robot.interact(() -> a.invalidateRange(List.of(1.2077, 35.59)));
        laidOut(robot, a, Side.LEFT, 50, 300);
        assertEquals(1, a.getLowerBound(), 1e-12);
        assertEquals(50, a.getUpperBound(), 1e-12);
        assertEquals(List.of(1.0, 2.0, 5.0, 10.0, 20.0, 50.0), a.majorTickValues());
    }

    @Test
    void linearModeIsAPlainLinearAxis(FxRobot robot) {
        LogAxis a = new LogAxis(0, 100);
        a.setLogarithmic(false);
        laidOut(robot, a, Side.LEFT, 50, 300);
        assertEquals(150, a.getDisplayPosition(50), 1e-9);
        assertEquals(300, a.getDisplayPosition(0), 1e-9);
        // 300 px leave room for 12 labels: a step of 10
        assertEquals(List.of(0.0, 10.0, 20.0, 30.0, 40.0, 50.0, 60.0, 70.0, 80.0, 90.0, 100.0), a.majorTickValues());
    }
}
