package costscope.ui;

import costscope.ui.recovery.JournalStore;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Headless: a file named at start (command line, or the OS opening it with the app) that is missing or broken gets
 * the same error as File > Open, naming the file and the place, over a usable new scenario that is not "unsaved";
 * an estimate named at start is imported.
 */
@ExtendWith(ApplicationExtension.class)
class StartFileTest {
    Stage stage;
    @TempDir
    Path tmp;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    TestWindow startWith(FxRobot robot, Path file, TestDialogs dialogs) {
        TestWindow[] w = new TestWindow[1];
        robot.interact(() -> w[0] = TestWindow.start(stage, file, dialogs, new JournalStore(null)));
        WaitForAsyncUtils.waitForFxEvents();
        return w[0];
    }

    @Test
    void aMissingFileSaysSoOverANewCleanScenario(FxRobot robot) {
        TestDialogs dialogs = new TestDialogs();
        TestWindow w = startWith(robot, tmp.resolve("missing.json"), dialogs);
        assertEquals(List.of("Cannot open missing.json: " + tmp.resolve("missing.json") + ": no such file"), dialogs.errors);
        assertEquals("New scenario", w.scenario().name());
        assertNull(w.context().document().file());
        assertFalse(w.context().document().isDirty(), "a new untouched scenario is not unsaved");
        assertEquals("Untitled - Costscope", stage.getTitle());
        // an edit makes it unsaved; undoing it, clean again
        String driver = w.scenario().drivers().get(0).id();
        robot.interact(() -> w.context().document().edit("Set", s -> s.withDriverValue(driver, 7)));
        assertTrue(w.context().document().isDirty());
        assertEquals("*Untitled - Costscope", stage.getTitle());
        robot.interact(() -> w.context().document().undo());
        assertFalse(w.context().document().isDirty());
    }

    @Test
    void aBrokenFileNamesTheLineAndColumn(FxRobot robot) throws Exception {
        Path broken = tmp.resolve("broken.json");
        Files.writeString(broken, "{\n  \"name\": \"x\",\n  \"drivers\": [\n");
        TestDialogs dialogs = new TestDialogs();
        TestWindow w = startWith(robot, broken, dialogs);
        assertEquals(1, dialogs.errors.size());
        assertTrue(dialogs.errors.get(0).startsWith("Cannot open broken.json: " + broken + ": line 4, column 1"), dialogs.errors.get(0));
        assertEquals("New scenario", w.scenario().name());
        assertFalse(w.context().document().isDirty());
    }

    @Test
    void anEstimateNamedAtStartIsImported(FxRobot robot) {
        TestDialogs dialogs = new TestDialogs();
        TestWindow w = startWith(robot, Path.of("src/test/resources/imports/calculator.csv"), dialogs);
        assertEquals(List.of(), dialogs.errors);
        assertEquals(1, dialogs.reports.size());
        assertEquals("My Estimate", w.scenario().name());
        assertTrue(w.context().document().hasUnsavedWork(), "an import is in no file yet");
    }
}
