package costscope.ui;

import costscope.ui.files.AppState;
import costscope.ui.files.RecentFiles;
import costscope.ui.recalc.FramePulse;
import costscope.ui.recalc.TaskRunner;
import costscope.ui.recovery.JournalStore;
import javafx.scene.control.CheckBox;
import javafx.scene.control.TabPane;
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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Headless: what the app remembers between runs ({@code ~/.costscope/state.json} in use, a temporary file here): the
 * window's place and size, the last file open and each file's view (results tab, charts tab, log axis), put back by a
 * new window on the same store; a file's view follows it when another file is opened and it is opened again.
 */
@ExtendWith(ApplicationExtension.class)
class ViewMemoryTest {
    static final Path INNERWORLD = Path.of("sample-scenarios/innerworld.json");
    static final Path BEATSIGHT = Path.of("sample-scenarios/beatsight.json");
    @TempDir
    Path tmp;
    @Start
    void start(Stage stage) {
    }

    CostscopeApp.Window window(Stage stage, AppState state, Path file) {
        CostscopeApp.Window w = CostscopeApp.build(stage, TaskRunner.synchronous(), FramePulse.immediate(), new TestDialogs(),
                new RecentFiles(null), new JournalStore(null), state);
        stage.show();
        CostscopeApp.openFirst(w, file);
        return w;
    }

    static TabPane tabs(CostscopeApp.Window w, String id) {
        return (TabPane) w.scene().lookup(id);
    }

    static String selected(CostscopeApp.Window w, String id) {
        return tabs(w, id).getSelectionModel().getSelectedItem().getText();
    }

    static void select(CostscopeApp.Window w, String id, String title) {
        TabPane t = tabs(w, id);
        t.getSelectionModel().select(t.getTabs().stream().filter(x -> x.getText().startsWith(title)).findFirst().orElseThrow());
    }

    @Test
    void aNewWindowPutsBackTheWindowTheFileAndItsView(FxRobot robot) throws Exception {
        Path store = tmp.resolve("state.json");
        CostscopeApp.Window[] w = new CostscopeApp.Window[1];
        Stage[] own = new Stage[1];
        robot.interact(() -> {
            // a stage of its own: the shared primary stage keeps its place for the tests after this one
            own[0] = new Stage();
            Stage first = own[0];
            w[0] = window(first, new AppState(store), INNERWORLD);
            first.setX(20);
            first.setY(30);
            first.setWidth(1000);
            first.setHeight(700);
            select(w[0], "#tabs", "Timeline");
            select(w[0], "#chartTabs", "Category shares");
            ((CheckBox) w[0].scene().lookup("#totalLog")).setSelected(true);
            first.close();   // the window closing is when it remembers
        });
        assertTrue(Files.isRegularFile(store), "written when the window closed");
        AppState read = new AppState(store);
        assertEquals(INNERWORLD.toAbsolutePath().normalize(), read.lastFile());
        assertEquals(new AppState.WindowState(20, 30, 1000, 700, false, read.window().resultsSplit()), read.window());
        assertEquals(new AppState.FileView("Timeline", "Category shares", true), read.view(INNERWORLD));
        assertFalse(Files.readString(store).contains("drivers"), "no scenario in it");

        robot.interact(() -> {
            Stage second = new Stage();
            w[0] = window(second, read, read.lastFile());
            assertEquals(1000, second.getWidth());
            assertEquals(700, second.getHeight());
            assertEquals(20, second.getX());
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(INNERWORLD.toAbsolutePath().normalize(), w[0].context().document().file());
        assertEquals("Timeline", selected(w[0], "#tabs"));
        assertEquals("Category shares", selected(w[0], "#chartTabs"));
        assertTrue(((CheckBox) w[0].scene().lookup("#totalLog")).isSelected());

        // another file: InnerWorld's view is kept for when it comes back
        robot.interact(() -> {
            select(w[0], "#tabs", "Audit");
            w[0].context().files().open(BEATSIGHT);
        });
        robot.interact(() -> select(w[0], "#tabs", "Breakdown"));
        robot.interact(() -> w[0].context().files().open(INNERWORLD));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Audit", selected(w[0], "#tabs").replaceFirst(" \\(.*", ""));
        assertEquals(new AppState.FileView("Breakdown", "Category shares", true), read.view(BEATSIGHT));
        robot.interact(() -> w[0].scene().getWindow().hide());
    }

    @Test
    void anUnreadableStateIsAFirstStart() throws Exception {
        Path store = tmp.resolve("state.json");
        Files.writeString(store, "{ not json");
        AppState s = new AppState(store);
        assertEquals(null, s.window());
        assertEquals(null, s.lastFile());
        s.lastFile(INNERWORLD);
        s.save();
        assertEquals(INNERWORLD.toAbsolutePath().normalize(), new AppState(store).lastFile());
    }
}
