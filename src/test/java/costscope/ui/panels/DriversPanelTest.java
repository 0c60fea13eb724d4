package costscope.ui.panels;

import costscope.ui.TestWindow;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

@ExtendWith(ApplicationExtension.class)
class DriversPanelTest {
    TestWindow window;

    @Start
    void start(Stage stage) {
        window = TestWindow.open(stage, Path.of("sample-scenarios/awsomebuilder2.json"));
    }

    List<String> visibleDrivers(FxRobot robot) {
        return robot.lookup(".driver-row").queryAll().stream().filter(Node::isVisible).map(costscope.ui.base.NodeKeys::of).toList();
    }

    /**
     * A driver's and a lever's nodes are named by keys, not ids: an id per row made each row a CSS kind of its own,
     * matched against every stylesheet at the first show (NodeKeys).
     */
    @Test
    void rowsAreNamedByKeysNotIds(FxRobot robot) {
        var s = window.context().document().scenario();
        List<Node> rows = robot.lookup(".driver-row").queryAll().stream().filter(Node::isVisible).toList();
        assertEquals(s.drivers().size(), rows.size(), "every driver has a row (the business ones too)");
        for (Node row : rows) {
            String key = costscope.ui.base.NodeKeys.of(row);
            String id = key.substring("driver-".length());
            assertNotNull(s.driver(id), key);
            for (String part : List.of("slider-", "field-", "range-button-", "range-band-")) {
                Node n = costscope.ui.base.NodeKeys.find(row, part + id);
                assertNotNull(n, part + id);
                assertNull(n.getId(), part + id);
            }
            assertNull(row.getId(), key);
        }
        List<Node> toggles = robot.lookup(".lever-row").queryAll().stream()
                .map(r -> (Node) ((javafx.scene.layout.HBox) r).getChildren().get(0)).toList();
        assertEquals(s.levers().stream().map(l -> "lever-" + l.id()).toList(),
                toggles.stream().map(costscope.ui.base.NodeKeys::of).toList());
        toggles.forEach(t -> assertNull(t.getId()));
        assertEquals(s.levers().stream().map(l -> "saving-" + l.id()).toList(), s.levers().stream()
                .map(l -> costscope.ui.base.NodeKeys.of(robot.lookup(costscope.ui.base.NodeKeys.is("saving-" + l.id())).query()))
                .toList());
    }

    @Test
    void aLongDriverListCanBeFiltered(FxRobot robot) {
        assertEquals(window.context().document().scenario().drivers().size()
                        - PanelInputs.businessDrivers(window.context().document().scenario()).size(),
                visibleDrivers(robot).size());
        robot.clickOn("#driverFilter").write("nat");
        assertEquals(List.of("driver-nat_gateways", "driver-nat_data_gb"), visibleDrivers(robot));
        robot.eraseText(3).write("lambda weighted");
        assertEquals(List.of("driver-lambda_avg_memory_gb", "driver-lambda_avg_duration_s"), visibleDrivers(robot));
    }

    @Test
    void scalePointButtonShowsWhichColumnIsCurrent(FxRobot robot) {
        var b10 = robot.lookup("#point-10K").queryAs(javafx.scene.control.ToggleButton.class);
        var b100 = robot.lookup("#point-100K").queryAs(javafx.scene.control.ToggleButton.class);
        assertEquals(true, b10.isSelected());
        robot.clickOn(b100);
        assertEquals(false, b10.isSelected());
        assertEquals(true, b100.isSelected());
        assertEquals("$11,509.18", robot.lookup("#headline-monthlyTotal").queryAs(Label.class).getText(),
                "the model's 100K MAU total (the report says $12,403; the audit explains why)");
    }

    @Test
    void savingTextSaysWhichWayALeverGoes() {
        assertEquals("saves $3,672.00/mo", PanelInputs.savingText(3672, "USD"));
        assertEquals("costs $4.20/mo more", PanelInputs.savingText(-4.2, "USD"));
        assertEquals("no effect at these values", PanelInputs.savingText(0.001, "USD"));
    }
}
