package costscope.ui;

import costscope.engine.CompiledScenario;
import costscope.engine.Evaluator;
import costscope.export.Formats;
import costscope.files.ScenarioFiles;
import costscope.model.Scenario;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.controlsfx.control.ToggleSwitch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The user of the explorer issue, headless: opens innerworld.json, drags "Concurrent users", types 100k, flips
 * "Haiku for safety checks", jumps to a scale point, undoes and redoes, saves under a new name, reopens it, and
 * opens a broken file. After every step the figures shown equal the engine's figures for that state.
 */
@ExtendWith(ApplicationExtension.class)
class ExplorerStoryTest {
    static final Path INNERWORLD = Path.of("sample-scenarios/innerworld.json");
    TestWindow window;
    TestDialogs dialogs = new TestDialogs();
    Stage stage;

    @TempDir
    Path dir;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        window = TestWindow.open(stage, INNERWORLD, dialogs);
    }

    /** The engine's monthly total for a scenario, computed independently of the UI. */
    static double engineTotal(Scenario s) throws Exception {
        Evaluator e = CompiledScenario.compile(s).newEvaluator();
        return e.evaluate().monthlyTotal();
    }

    String shown(FxRobot robot, String key) {
        return robot.lookup("#headline-" + key).queryAs(Label.class).getText();
    }

    void assertHeadlineMatchesEngine(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        Scenario s = window.scenario();
        var r = CompiledScenario.compile(s).newEvaluator().evaluate();
        assertEquals(Formats.money(r.monthlyTotal(), "USD"), shown(robot, "monthlyTotal"));
        assertEquals(Formats.money(r.annualTotal(), "USD"), shown(robot, "annualTotal"));
        assertEquals(Formats.money(r.value("costPerUser"), "USD"), shown(robot, "costPerUser"));
    }

    @Test
    void theReportsFigureIsShownOnOpening(FxRobot robot) throws Exception {
        assertEquals("$2,309.00", shown(robot, "monthlyTotal"), "InnerWorld at 1K, as the report says");
        assertHeadlineMatchesEngine(robot);
        assertEquals("innerworld.json - Costscope", stage.getTitle());
    }

    @Test
    void draggingTheSliderMovesEveryFigureAndIsOneUndoStep(FxRobot robot) throws Exception {
        Slider slider = robot.lookup(costscope.ui.base.NodeKeys.is("slider-concurrent_users")).queryAs(Slider.class);
        Node thumb = slider.lookup(".thumb");
        robot.drag(thumb).moveBy(20, 0).moveBy(20, 0).moveBy(20, 0).release(javafx.scene.input.MouseButton.PRIMARY);
        double users = window.scenario().driver("concurrent_users").value();
        assertTrue(users > 1000, "the drag increased concurrent users: " + users);
        assertHeadlineMatchesEngine(robot);
        assertEquals(Formats.number(users), robot.lookup(costscope.ui.base.NodeKeys.is("field-concurrent_users")).queryAs(TextField.class).getText());
        assertTrue(stage.getTitle().startsWith("*"), "unsaved mark in the title");
        robot.interact(() -> window.context().document().undo());
        assertEquals(1000, window.scenario().driver("concurrent_users").value(), 0, "the whole drag undoes in one step");
        assertFalse(window.context().document().canUndoProperty().get());
        assertHeadlineMatchesEngine(robot);
    }

    @Test
    void typing100kSetsTheDriver(FxRobot robot) throws Exception {
        robot.doubleClickOn(robot.lookup(costscope.ui.base.NodeKeys.is("field-concurrent_users")).queryAs(TextField.class)).press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL);
        robot.write("100k").type(KeyCode.ENTER);
        assertEquals(100_000, window.scenario().driver("concurrent_users").value(), 0);
        assertEquals("100,000", robot.lookup(costscope.ui.base.NodeKeys.is("field-concurrent_users")).queryAs(TextField.class).getText());
        assertHeadlineMatchesEngine(robot);
        assertEquals(Formats.money(engineTotal(window.scenario()), "USD"), shown(robot, "monthlyTotal"));
    }

    @Test
    void invalidTypingIsMarkedAndNeverReachesTheModel(FxRobot robot) throws Exception {
        Scenario before = window.scenario();
        robot.doubleClickOn(robot.lookup(costscope.ui.base.NodeKeys.is("field-concurrent_users")).queryAs(TextField.class)).press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL);
        robot.write("lots").type(KeyCode.ENTER);
        TextField f = robot.lookup(costscope.ui.base.NodeKeys.is("field-concurrent_users")).queryAs(TextField.class);
        assertTrue(f.getStyleClass().contains("invalid"));
        assertEquals("'lots' is not a number (examples: 1000, 1,000, 100k, 2.5M, 1B, 1e9, 5%)", f.getTooltip().getText());
        assertEquals(before, window.scenario());
        robot.type(KeyCode.ESCAPE);
        assertEquals("1,000", f.getText());
    }

    @Test
    void theHaikuLeverShowsItsSavingAndChangesTheTotal(FxRobot robot) throws Exception {
        Scenario before = window.scenario();
        Evaluator e = CompiledScenario.compile(before).newEvaluator();
        double saving = e.evaluateWithSavings().leverSaving("haiku");
        assertEquals("saves " + Formats.money(saving, "USD") + "/mo", robot.lookup(costscope.ui.base.NodeKeys.is("saving-haiku")).queryAs(Label.class).getText());
        robot.clickOn(robot.lookup(costscope.ui.base.NodeKeys.is("lever-haiku")).queryAs(ToggleSwitch.class));
        assertTrue(window.scenario().levers().stream().filter(l -> l.id().equals("haiku")).findFirst().orElseThrow().enabled());
        assertEquals(Formats.money(engineTotal(before) - saving, "USD"), shown(robot, "monthlyTotal"));
        assertHeadlineMatchesEngine(robot);
    }

    @Test
    void scalePointButtonsSetTheReportsColumnsAndUndoRedoWalkBack(FxRobot robot) throws Exception {
        robot.clickOn("#point-10K");
        assertEquals(10_000, window.scenario().driver("concurrent_users").value(), 0);
        assertEquals(250_000, window.scenario().driver("funding").value(), 0);
        assertEquals("$18,504.00", shown(robot, "monthlyTotal"), "the report's 10K total");
        robot.clickOn("#point-100K");
        assertHeadlineMatchesEngine(robot);
        robot.press(KeyCode.CONTROL, KeyCode.Z).release(KeyCode.Z, KeyCode.CONTROL);
        assertEquals(10_000, window.scenario().driver("concurrent_users").value(), 0);
        assertEquals("$18,504.00", shown(robot, "monthlyTotal"));
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.Z).release(KeyCode.Z, KeyCode.SHIFT, KeyCode.CONTROL);
        assertEquals(100_000, window.scenario().driver("concurrent_users").value(), 0);
        assertHeadlineMatchesEngine(robot);
    }

    @Test
    void saveUnderANewNameAndReopenExactlyAsItWas(FxRobot robot) throws Exception {
        robot.clickOn("#point-50K");
        robot.clickOn(robot.lookup(costscope.ui.base.NodeKeys.is("lever-haiku")).queryAs(ToggleSwitch.class));
        Scenario edited = window.scenario();
        Path target = dir.resolve("innerworld-50k.json");
        dialogs.files.add(target);
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.S).release(KeyCode.S, KeyCode.SHIFT, KeyCode.CONTROL);
        assertTrue(Files.isRegularFile(target));
        assertEquals("innerworld-50k.json - Costscope", stage.getTitle());
        String shownBefore = shown(robot, "monthlyTotal");
        robot.interact(() -> window.context().files().open(INNERWORLD));
        assertNotEquals(shownBefore, shown(robot, "monthlyTotal"));
        robot.interact(() -> window.context().files().open(target));
        assertEquals(edited, window.scenario(), "reopened exactly as it was");
        assertEquals(shownBefore, shown(robot, "monthlyTotal"));
        assertEquals(ScenarioFiles.load(target), edited);
    }

    @Test
    void theBreakdownExportsAsCsvFromTheMenu(FxRobot robot) throws Exception {
        Path out = dir.resolve("breakdown.csv");
        dialogs.files.add(out);
        robot.clickOn("File").clickOn("Export").clickOn("Breakdown as CSV...");
        WaitForAsyncUtils.waitForFxEvents();
        var results = CompiledScenario.compile(window.scenario()).newEvaluator().evaluateWithSavings();
        assertEquals(costscope.export.Reports.breakdown(results).toCsv(), Files.readString(out));
        assertTrue(Files.readString(out).startsWith("Category,Item,Quantity,Unit,Unit price,Per,Monthly,Share\n"));
        assertEquals("save:innerworld-breakdown.csv", dialogs.asked.get(dialogs.asked.size() - 1));
    }

    @Test
    void aBrokenFileOpensNothingAndShowsLineAndColumn(FxRobot robot) throws Exception {
        Scenario before = window.scenario();
        Path bad = dir.resolve("broken.json");
        Files.writeString(bad, Files.readString(INNERWORLD).replaceFirst("\"version\": 1,", "\"version\": 1"));
        robot.interact(() -> window.context().files().open(bad));
        assertEquals(before, window.scenario());
        assertEquals("innerworld.json - Costscope", stage.getTitle());
        assertEquals(1, dialogs.errors.size());
        assertTrue(dialogs.errors.get(0).matches("(?s)Cannot open broken\\.json: .*broken\\.json: line 4, column 3: malformed JSON.*"),
                dialogs.errors.get(0));
    }
}
