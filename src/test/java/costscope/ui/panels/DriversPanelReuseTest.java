package costscope.ui.panels;

import costscope.model.Driver;
import costscope.model.Scenario;
import costscope.ui.TestWindow;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.stage.Stage;
import org.controlsfx.control.ToggleSwitch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The drivers panel keeps its controls when the structure changes (an edit in the Model tab, another file): a new
 * slider or text field costs milliseconds of CSS on the FX thread, and rebuilding every row froze the window for
 * longer than a frame. The rows shown must still be exactly the scenario's drivers, with their ids.
 */
@ExtendWith(ApplicationExtension.class)
class DriversPanelReuseTest {
    static final Path AWSOME = Path.of("sample-scenarios/awsomebuilder2.json");
    static final Path INNERWORLD = Path.of("sample-scenarios/innerworld.json");
    TestWindow window;

    @Start
    void start(Stage stage) {
        window = TestWindow.open(stage, AWSOME);
    }

    static List<String> rowIds(FxRobot robot) {
        return robot.lookup(".driver-row").queryAll().stream().filter(Node::isVisible).map(costscope.ui.base.NodeKeys::of).toList();
    }

    static List<String> expected(Scenario s) {
        Set<String> business = PanelInputs.businessDrivers(s);
        List<String> plain = s.drivers().stream().map(Driver::id).filter(id -> !business.contains(id)).map(id -> "driver-" + id).toList();
        List<String> biz = s.drivers().stream().map(Driver::id).filter(business::contains).map(id -> "driver-" + id).toList();
        return java.util.stream.Stream.concat(plain.stream(), biz.stream()).toList();
    }

    @Test
    void anEditOfTheStructureKeepsEveryControl(FxRobot robot) {
        Node row = robot.lookup(costscope.ui.base.NodeKeys.is("driver-mau")).query();
        Slider slider = robot.lookup(costscope.ui.base.NodeKeys.is("slider-mau")).queryAs(Slider.class);
        String lever = window.scenario().levers().get(0).id();
        ToggleSwitch toggle = robot.lookup(costscope.ui.base.NodeKeys.is("lever-" + lever)).queryAs(ToggleSwitch.class);
        robot.interact(() -> window.context().document().edit("Rename", s -> s.with(b -> b.drivers(s.drivers().stream()
                .map(d -> d.id().equals("mau") ? d.withLabel("Monthly active users (renamed)") : d).toList()))));
        assertSame(row, robot.lookup(costscope.ui.base.NodeKeys.is("driver-mau")).query());
        assertSame(slider, robot.lookup(costscope.ui.base.NodeKeys.is("slider-mau")).queryAs(Slider.class));
        assertSame(toggle, robot.lookup(costscope.ui.base.NodeKeys.is("lever-" + lever)).queryAs(ToggleSwitch.class));
        assertEquals("Monthly active users (renamed)", robot.from(row).lookup(".driver-label").queryAs(Label.class).getText());
        assertEquals(expected(window.scenario()), rowIds(robot));
    }

    @Test
    void anotherFileShowsItsOwnDriversInTheRowsKept(FxRobot robot) {
        Slider first = robot.lookup(costscope.ui.base.NodeKeys.is("slider-mau")).queryAs(Slider.class);
        robot.interact(() -> window.context().files().open(INNERWORLD));
        assertEquals(expected(window.scenario()), rowIds(robot));
        assertTrue(robot.lookup(costscope.ui.base.NodeKeys.is("slider-mau")).tryQuery().isEmpty(), "no row left for a driver the file does not have");
        assertSame(first, robot.lookup(costscope.ui.base.NodeKeys.is("slider-concurrent_users")).queryAs(Slider.class), "the first row shows the new first driver");
        // the slider drives its new driver
        robot.interact(() -> first.setValue(first.getMax()));
        assertEquals(window.scenario().driver("concurrent_users").effectiveMax(), window.scenario().driver("concurrent_users").value(), 1e-6);
        robot.interact(() -> window.context().document().undo());
        robot.interact(() -> window.context().files().open(AWSOME));
        assertEquals(expected(window.scenario()), rowIds(robot));
        robot.clickOn("#driverFilter").write("nat");
        assertEquals(List.of("driver-nat_gateways", "driver-nat_data_gb"), rowIds(robot));
    }
}
