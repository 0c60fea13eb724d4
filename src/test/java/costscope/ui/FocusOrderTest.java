package costscope.ui;

import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Labeled;
import javafx.scene.control.Slider;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Headless: the main window walked with Tab, as a keyboard user would: every stop is a visible, focused control;
 * the order runs down the window (toolbar, variants and scale points, each driver's field, slider and range button,
 * the levers, the charts, the tabs and their view) and comes back round; each slider and chart says what it is.
 */
@ExtendWith(ApplicationExtension.class)
class FocusOrderTest {
    TestWindow window;

    @Start
    void start(Stage stage) {
        window = TestWindow.open(stage, Path.of("sample-scenarios/innerworld.json"));
    }

    static boolean shown(Node n) {
        for (Node p = n; p != null; p = p.getParent()) if (!p.isVisible()) return false;
        return true;
    }

    static String describe(Node n) {
        String id = n.getId() != null ? "#" + n.getId() : costscope.ui.base.NodeKeys.of(n) != null ? "key " + costscope.ui.base.NodeKeys.of(n) : "";
        String text = n instanceof Labeled l ? " '" + l.getText() + "'" : n.getAccessibleText() != null ? " '" + n.getAccessibleText() + "'" : "";
        return n.getClass().getSimpleName() + id + text;
    }

    @Test
    void tabWalksTheWindowInOrderAndComesBackRound(FxRobot robot) {
        robot.interact(() -> window.scene().getRoot().requestFocus());
        List<Node> stops = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            robot.type(KeyCode.TAB);
            WaitForAsyncUtils.waitForFxEvents();
            Node f = window.scene().getFocusOwner();
            assertNotNull(f, "focus is never lost (after " + stops.size() + " stops)");
            if (!stops.isEmpty() && f == stops.get(0)) break;
            assertTrue(f.isFocused() && shown(f), "a visible focused control: " + describe(f));
            stops.add(f);
        }
        List<String> seen = stops.stream().map(FocusOrderTest::describe).toList();
        assertTrue(stops.size() < 400, "Tab comes back round to the first stop: " + seen);
        for (Node n : stops) {
            assertTrue(n.isFocusTraversable() && !n.isDisabled(), describe(n));
        }
        int open = index(stops, n -> n instanceof Button b && "Open".equals(b.getText()));
        int firstField = index(stops, n -> n instanceof TextField t && "field-concurrent_users".equals(costscope.ui.base.NodeKeys.of(t)));
        int firstSlider = index(stops, n -> n instanceof Slider s && "slider-concurrent_users".equals(costscope.ui.base.NodeKeys.of(s)));
        int costChart = index(stops, n -> "costPerUserChart".equals(n.getId()));
        int totalChart = index(stops, n -> "totalChart".equals(n.getId()));
        int tabs = index(stops, n -> "tabs".equals(n.getId()));
        assertTrue(open >= 0 && open < firstField && firstField < firstSlider && firstSlider < costChart && costChart < totalChart
                && totalChart < tabs, seen.toString());
        Slider slider = (Slider) stops.get(firstSlider);
        assertEquals("Concurrent users: 1,000 users", slider.getAccessibleText());
        assertEquals("Cost per active user. Concurrent users: 1,000. $1.54", stops.get(costChart).getAccessibleText());
        assertEquals("Monthly cost by category. Concurrent users: 1,000. $2,309.00 a month", stops.get(totalChart).getAccessibleText());
        assertEquals("Haiku for safety checks, off", costscope.ui.base.NodeKeys.find(window.scene().getRoot(), "lever-haiku").getAccessibleText());
        for (Node n : stops) {
            if (n instanceof Slider s) assertTrue(s.getAccessibleText() != null && s.getAccessibleText().contains(": "), describe(n));
            if (n instanceof org.controlsfx.control.ToggleSwitch t) assertTrue(t.getAccessibleText().endsWith(", off") || t.getAccessibleText().endsWith(", on"), describe(n));
        }
    }

    static int index(List<Node> stops, java.util.function.Predicate<Node> p) {
        for (int i = 0; i < stops.size(); i++) if (p.test(stops.get(i))) return i;
        return -1;
    }
}
