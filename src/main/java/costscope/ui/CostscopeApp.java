package costscope.ui;

import costscope.ui.files.Dialogs;
import costscope.ui.base.Views;
import costscope.ui.base.AppContext;
import costscope.ui.document.ScenarioDocument;
import costscope.ui.files.FileActions;
import costscope.ui.files.RecentFiles;
import costscope.ui.recalc.FramePulse;
import costscope.ui.recalc.Recalculator;
import costscope.ui.recalc.Simulations;
import costscope.ui.recalc.TaskRunner;
import costscope.ui.recovery.CrashRecovery;
import costscope.ui.recovery.JournalStore;
import javafx.application.Application;
import javafx.geometry.Rectangle2D;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Screen;
import javafx.stage.Stage;

import java.nio.file.Path;
import java.util.List;

/** The desktop app and its composition root: builds the services once and hands them to the controllers. */
public final class CostscopeApp extends Application {
    static final Path DEFAULT_SCENARIO = Path.of("sample-scenarios", "innerworld.json");

    public static void launchApp(String[] args) {
        Application.launch(CostscopeApp.class, args);
    }

    @Override
    public void start(Stage stage) {
        List<String> args = getParameters().getRaw();
        Path file = args.isEmpty() ? DEFAULT_SCENARIO : Path.of(args.get(0));
        Window w = build(stage, TaskRunner.background(), FramePulse.fx(), null, new RecentFiles(RecentFiles.defaultStore()),
                new JournalStore(JournalStore.defaultDir()));
        stage.show();
        openFirst(w, file);
    }

    /**
     * What the app opens at start: first it offers back unsaved work left by an instance that did not close
     * normally; when none is restored, {@code file} (nothing if null). A file that is missing, unreadable or broken
     * gets the same error as File > Open, and a new scenario opens so the window is usable.
     */
    static void openFirst(Window w, Path file) {
        AppContext ctx = w.context();
        ctx.recovery().offerRestore(() -> {
            if (file != null) ctx.files().openAtStart(file);
        });
    }

    /** The window and its services. */
    public record Window(AppContext context, MainWindowController controller, Scene scene) {
    }

    /** The main window that keeps no crash-recovery journals (headless commands, tests). */
    public static Window build(Stage stage, TaskRunner tasks, FramePulse pulse, Dialogs dialogs, RecentFiles recent) {
        return build(stage, tasks, pulse, dialogs, recent, new JournalStore(null));
    }

    /**
     * Builds the main window on {@code stage} with the given services (tests pass synchronous ones and their own
     * dialogs). {@code dialogs} null means the real ones; {@code journals} is where unsaved work is journaled.
     */
    public static Window build(Stage stage, TaskRunner tasks, FramePulse pulse, Dialogs dialogs, RecentFiles recent,
                               JournalStore journals) {
        ScenarioDocument document = new ScenarioDocument();
        Dialogs d = dialogs != null ? dialogs : new FxDialogs(() -> stage);
        Recalculator recalc = new Recalculator(document, pulse, tasks);
        FileActions files = new FileActions(document, tasks, d, recent);
        CrashRecovery recovery = new CrashRecovery(document, journals, tasks, d);
        Simulations simulations = new Simulations(recalc, tasks.separate("costscope-simulation"));
        AppContext ctx = new AppContext(document, recalc, simulations, tasks, d, recent, files, recovery);
        MainWindowController main = new MainWindowController(ctx);
        Parent root = Views.load(Views.View.MAIN_WINDOW, new Controllers(ctx, main));
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        Scene scene = new Scene(root, Math.min(1440, screen.getWidth() - 40), Math.min(900, screen.getHeight() - 40));
        scene.getStylesheets().addAll(Views.stylesheets());
        stage.setScene(scene);
        stage.setMinWidth(900);
        stage.setMinHeight(600);
        main.attach(stage);
        return new Window(ctx, main, scene);
    }
}
