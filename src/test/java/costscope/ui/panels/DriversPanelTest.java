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

@ExtendWith(ApplicationExtension.class)
class DriversPanelTest {
    TestWindow window;

    @Start
    void start(Stage stage) {
        window = TestWindow.open(stage, Path.of("sample-scenarios/awsomebuilder2.json"));
    }

    List<String> visibleDrivers(FxRobot robot) {
        return robot.lookup(".driver-row").queryAll().stream().filter(Node::isVisible).map(Node::getId).toList();
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
