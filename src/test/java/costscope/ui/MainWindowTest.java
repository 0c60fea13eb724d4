package costscope.ui;

import costscope.engine.CompiledScenario;
import costscope.engine.Results;
import costscope.export.Formats;
import costscope.files.ScenarioFiles;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Headless (Monocle): the window shows the engine's figures for the opened scenario. */
@ExtendWith(ApplicationExtension.class)
class MainWindowTest {
    static final Path EXAMPLE = Path.of("src/test/resources/scenarios/example.json");

    @Start
    void start(Stage stage) {
        CostscopeApp.show(stage, EXAMPLE);
    }

    @Test
    void showsTheEnginesFiguresForTheScenario(FxRobot robot) throws Exception {
        Results r = CompiledScenario.compile(ScenarioFiles.load(EXAMPLE)).newEvaluator().evaluate();
        assertEquals("$1,064.04", Formats.money(r.monthlyTotal(), "USD"));
        assertEquals("$1,064.04 / month", robot.lookup("#monthlyTotal").queryAs(Label.class).getText());
        assertEquals("$12,768.48 / year", robot.lookup("#annualTotal").queryAs(Label.class).getText());
        assertEquals("$1.06 per active user", robot.lookup("#costPerUser").queryAs(Label.class).getText());
        TableView<?> table = robot.lookup("#categoryTable").queryAs(TableView.class);
        assertEquals(2, table.getItems().size());
        assertEquals("example.json - Costscope", ((Stage) table.getScene().getWindow()).getTitle());
    }
}
