package costscope.ui;

import costscope.ui.base.AppContext;
import costscope.model.Scenario;
import costscope.ui.files.RecentFiles;
import costscope.ui.recalc.FramePulse;
import costscope.ui.recalc.HeldTasks;
import costscope.ui.recalc.TaskRunner;
import costscope.ui.recovery.JournalStore;
import javafx.scene.Scene;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;

/**
 * The one window fixture of the TestFX tests: the app's real main window built on the test's stage by the composition
 * root, with the next frame run at once, background work done by the given runner (synchronous unless a test holds
 * work), scripted dialogs and no recent-files store; shown, with a scenario file open. Also the tabs tests go to.
 * Call {@link #open} from the test's {@code @Start} method.
 */
public final class TestWindow {
    private final CostscopeApp.Window window;
    private final TestDialogs dialogs;

    private TestWindow(CostscopeApp.Window window, TestDialogs dialogs) {
        this.window = window;
        this.dialogs = dialogs;
    }

    /** The window with synchronous background work, {@code file} open. */
    public static TestWindow open(Stage stage, Path file) {
        return open(stage, file, TaskRunner.synchronous(), new TestDialogs());
    }

    /** The window with the given dialogs, {@code file} open. */
    public static TestWindow open(Stage stage, Path file, TestDialogs dialogs) {
        return open(stage, file, TaskRunner.synchronous(), dialogs);
    }

    /** The window with the given runner (one that holds work, say), {@code file} open. */
    public static TestWindow open(Stage stage, Path file, TaskRunner tasks) {
        return open(stage, file, tasks, new TestDialogs());
    }

    /** {@code file} null: the window with no scenario open. */
    public static TestWindow open(Stage stage, Path file, TaskRunner tasks, TestDialogs dialogs) {
        CostscopeApp.Window w = CostscopeApp.build(stage, tasks, FramePulse.immediate(), dialogs, new RecentFiles(null));
        stage.show();
        if (file != null) w.context().files().open(file);
        return new TestWindow(w, dialogs);
    }

    /**
     * The window keeping crash-recovery journals in {@code journals}, started as the app starts
     * ({@link CostscopeApp#showAndOpen}, the file read ahead by {@link Opening}): work left by an instance that ended without closing is
     * offered first (the dialogs answer), else {@code file} is opened.
     */
    public static TestWindow start(Stage stage, Path file, TestDialogs dialogs, JournalStore journals) {
        HeldTasks tasks = new HeldTasks(TaskRunner.synchronous());
        CostscopeApp.Window w = CostscopeApp.build(stage, tasks, FramePulse.immediate(), dialogs, new RecentFiles(null), journals);
        // the file found and read as the app's start does it (while the toolkit starts; here, while the window is built)
        Opening opening = file == null ? null : Opening.begin(java.util.List.of(file.toString()), null, null);
        CostscopeApp.showAndOpen(w, stage, file, opening == null ? null : opening.reading(), tasks, FramePulse.immediate());
        return new TestWindow(w, dialogs);
    }

    public AppContext context() {
        return window.context();
    }

    public Scene scene() {
        return window.scene();
    }

    public MainWindowController controller() {
        return window.controller();
    }

    public TestDialogs dialogs() {
        return dialogs;
    }

    /** The document's scenario now. */
    public Scenario scenario() {
        return window.context().document().scenario();
    }

    /** Selects the results area's tab whose title starts with {@code title} ("Breakdown", "What-if", "Model"...). */
    public static void showTab(FxRobot robot, String title) {
        robot.interact(() -> select(robot.lookup("#tabs").queryAs(TabPane.class), title));
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Selects the What-if tab and its view {@code view} ("Compare", "Sensitivity", "Goal seek"). */
    public static void showWhatIf(FxRobot robot, String view) {
        robot.interact(() -> {
            select(robot.lookup("#tabs").queryAs(TabPane.class), "What-if");
            select(robot.lookup("#whatifTabs").queryAs(TabPane.class), view);
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    static void select(TabPane tabs, String title) {
        Tab tab = tabs.getTabs().stream().filter(t -> t.getText().startsWith(title)).findFirst()
                .orElseThrow(() -> new AssertionError("no tab " + title));
        tabs.getSelectionModel().select(tab);
    }
}
