package costscope.ui.panels;

import costscope.model.Distribution;
import costscope.model.Range;
import costscope.ui.TestWindow;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Headless (Monocle): the range popover in a window as large as the screen allows, its row low on it. The popover grows
 * past the screen's bottom when its range shows a problem and the distribution asks for more numbers; it must stay on
 * the screen and settle. (A ControlsFX PopOver, which puts itself back beside its button while JavaFX moves it onto the
 * screen, spun the FX thread here: the window froze.)
 */
@ExtendWith(ApplicationExtension.class)
class RangePopoverScreenTest {
    TestWindow window;

    @Start
    void start(Stage stage) {
        stage.setWidth(1260);
        stage.setHeight(780);
        window = TestWindow.open(stage, Path.of("sample-scenarios/beatsight.json"));
    }

    DriverRow row(FxRobot robot, String id) {
        return (DriverRow) robot.lookup(costscope.ui.base.NodeKeys.is("driver-" + id)).query();
    }

    Node popover(FxRobot robot, String id) {
        return row(robot, id).ranges().content();
    }

    TextField popoverField(FxRobot robot, String id, String key) {
        return robot.from(popover(robot, id)).lookup("#field-" + key.replace(".", "-")).queryAs(TextField.class);
    }

    @SuppressWarnings("unchecked")
    void pickDistribution(FxRobot robot, String id, String distribution) {
        ComboBox<String> c = robot.from(popover(robot, id)).lookup("#field-range-distribution").queryAs(ComboBox.class);
        robot.interact(() -> c.setValue(distribution));
        WaitForAsyncUtils.waitForFxEvents();
    }

    void type(FxRobot robot, String id, String key, String text) {
        TextField f = popoverField(robot, id, key);
        robot.clickOn(f);
        robot.interact(f::selectAll);
        robot.write(text);
    }

    @Test
    @Timeout(value = 90, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void staysOnTheScreenAndSettlesAsItGrows(FxRobot robot) {
        String id = "gpu_cost_per_run";
        robot.interact(() -> window.context().document().edit("Range", s -> s.withDrivers(s.drivers().stream()
                .map(x -> x.id().equals(id) ? x.withRange(new Range(Distribution.PERT, 0.041, 0.069, 0.055, null, null)) : x).toList())));
        DriverRow row = row(robot, id);
        robot.clickOn(row.rangeButton());
        WaitForAsyncUtils.waitForFxEvents();
        type(robot, id, "range.low", "0.08");
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> popover(robot, id).snapshot(null, null));   // rendered, as a screenshot does
        pickDistribution(robot, id, "normal");
        pickDistribution(robot, id, "triangular");
        pickDistribution(robot, id, "normal");
        javafx.stage.Window popup = popover(robot, id).getScene().getWindow();
        javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getVisualBounds();
        assertTrue(popup.getY() >= screen.getMinY() && popup.getY() + popup.getHeight() <= screen.getMaxY() + 1,
                "on screen: " + popup.getY() + " + " + popup.getHeight() + " in " + screen);
        assertTrue(popoverField(robot, id, "range.sd").getParent().isVisible());
        assertTrue(robot.from(popover(robot, id)).lookup("#message-range-high").queryAs(Label.class).isVisible());
        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(row.ranges().isShowing());
        assertTrue(row.rangeButton().isFocused(), "focus goes back to the button");
    }

}
