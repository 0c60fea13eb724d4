package costscope.ui;

import costscope.engine.CompiledScenario;
import costscope.engine.Results;
import costscope.export.Formats;
import costscope.files.ScenarioFiles;
import javafx.scene.control.Label;
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
    TestWindow window;
    Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        window = TestWindow.open(stage, EXAMPLE);
    }

    @Test
    void showsTheEnginesFiguresForTheScenario(FxRobot robot) throws Exception {
        Results r = CompiledScenario.compile(ScenarioFiles.load(EXAMPLE)).newEvaluator().evaluate();
        assertEquals("$1,064.04", Formats.money(r.monthlyTotal(), "USD"));
        assertEquals("$1,064.04", robot.lookup("#headline-monthlyTotal").queryAs(Label.class).getText());
        assertEquals("$12,768.48", robot.lookup("#headline-annualTotal").queryAs(Label.class).getText());
        assertEquals("$1.06", robot.lookup("#headline-costPerUser").queryAs(Label.class).getText());
        assertEquals("example.json - Costscope", stage.getTitle());
    }
}
