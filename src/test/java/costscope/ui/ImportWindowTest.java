package costscope.ui;

import costscope.engine.CompiledScenario;
import costscope.export.Formats;
import costscope.model.Scenario;
import javafx.scene.control.Label;
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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Headless: File > Import (Ctrl+I) and a file dropped on the window open an estimate as a new unsaved document with
 * its report shown; its offered drivers are sliders that move the total; a file that is no estimate opens nothing and
 * says why.
 */
@ExtendWith(ApplicationExtension.class)
class ImportWindowTest {
    static final Path FIXTURES = Path.of("src/test/resources/imports");
    TestWindow window;
    Stage stage;
    final TestDialogs dialogs = new TestDialogs();

    @Start
    void start(Stage stage) {
        this.stage = stage;
        window = TestWindow.open(stage, Path.of("sample-scenarios/innerworld.json"), dialogs);
    }

    static double total(Scenario s) throws Exception {
        return CompiledScenario.compile(s).newEvaluator(s).evaluate().monthlyTotal();
    }

    @Test
    void ctrlIImportsAnEstimateAsANewUnsavedDocumentWithSlidersThatMeanSomething(FxRobot robot) throws Exception {
        dialogs.files.add(FIXTURES.resolve("calculator.json"));
        robot.press(KeyCode.CONTROL, KeyCode.I).release(KeyCode.I, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(dialogs.asked.contains("import"), dialogs.asked.toString());
        Scenario s = window.scenario();
        assertEquals("Shop backend", s.name());
        assertNull(window.context().document().file(), "a new document: in no file yet");
        assertTrue(window.context().document().hasUnsavedWork());
        assertEquals("*Untitled - Costscope", stage.getTitle());
        assertEquals(1, dialogs.reports.size());
        assertTrue(dialogs.reports.get(0).startsWith("Imported calculator.json: Imported " + FIXTURES.resolve("calculator.json")
                + " (AWS Pricing Calculator JSON export): 5 line items"), dialogs.reports.get(0));
        assertEquals("$1,000.01", robot.lookup("#headline-monthlyTotal").queryAs(Label.class).getText());

        // the offered driver is a slider: 4 instances to 8 doubles the app servers' line
        TextField instances = robot.lookup(costscope.ui.base.NodeKeys.is("field-web_amazon_ec2_app_servers_m5_large_instances")).queryAs(TextField.class);
        robot.doubleClickOn(instances).press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL);
        robot.write("8").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(8, window.scenario().driver("web_amazon_ec2_app_servers_m5_large_instances").value());
        assertEquals(Formats.money(1700.01, "USD"), robot.lookup("#headline-monthlyTotal").queryAs(Label.class).getText());
        assertEquals(1700.01, total(window.scenario()), 1e-9);
        assertTrue(robot.lookup(costscope.ui.base.NodeKeys.is("slider-web_amazon_ec2_app_servers_m5_large_instances")).tryQuery().isPresent());
        Slider slider = robot.lookup(costscope.ui.base.NodeKeys.is("slider-web_amazon_ec2_app_servers_m5_large_instances")).queryAs(Slider.class);
        assertEquals(8, slider.getValue(), 1e-9);
    }

    @Test
    void aDroppedEstimateIsImportedAScenarioOpenedAndABadFileSaysWhy(FxRobot robot) throws Exception {
        robot.interact(() -> window.context().files().dropped(FIXTURES.resolve("infracost.json")));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(165.16, total(window.scenario()), 1e-9);
        assertTrue(window.context().document().hasUnsavedWork());
        assertEquals("before", window.scenario().variants().get(0).id());

        dialogs.unsavedAnswers.add(costscope.ui.files.Dialogs.Unsaved.DISCARD);
        robot.interact(() -> window.context().files().dropped(Path.of("sample-scenarios/beatsight.json")));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(Path.of("sample-scenarios/beatsight.json"), window.context().document().file(), "a scenario is opened");
        assertFalse(window.context().document().hasUnsavedWork());

        Scenario before = window.scenario();
        robot.interact(() -> window.context().files().dropped(FIXTURES.resolve("other.csv")));
        WaitForAsyncUtils.waitForFxEvents();
        assertSame(before, window.scenario(), "nothing is lost");
        assertEquals(1, dialogs.errors.size());
        assertTrue(dialogs.errors.get(0).startsWith("Cannot import other.csv: " + FIXTURES.resolve("other.csv")
                + ": not an estimate Costscope imports"), dialogs.errors.get(0));
    }
}
