package costscope.ui;

import costscope.ui.files.AppState;
import costscope.ui.files.Dialogs;
import costscope.ui.base.Views;
import costscope.ui.base.AppContext;
import costscope.ui.document.ScenarioDocument;
import costscope.ui.files.FileActions;
import costscope.ui.files.RecentFiles;
import costscope.ui.recalc.FramePulse;
import costscope.ui.recalc.HeldTasks;
import costscope.ui.recalc.Recalculator;
import costscope.ui.recalc.Simulations;
import costscope.ui.recalc.TaskRunner;
import costscope.ui.recovery.CrashRecovery;
import costscope.ui.recovery.JournalStore;
import javafx.application.Platform;
import javafx.geometry.Rectangle2D;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Screen;
import javafx.stage.Stage;

import java.nio.file.Path;
import java.util.List;

/**
 * The desktop app and its composition root: builds the services once and hands them to the controllers. Started with
 * {@link Platform#startup} rather than as an {@code Application}, so that what it opens is found and read while the
 * toolkit starts ({@link Opening}) and handed to the window without a static field.
 */
public final class CostscopeApp {
    static final Path DEFAULT_SCENARIO = Path.of("sample-scenarios", "innerworld.json");

    private CostscopeApp() {
    }

    /** Opens the app's window on {@code args} (none, or the file to open); returns once the toolkit has started. */
    public static void launchApp(String[] args) {
        Opening opening = Opening.begin(List.of(args), LaunchProbe.target() == null ? AppState.defaultStore() : null,
                System.getProperty("jpackage.app-path"));
        Platform.startup(() -> {
            nameTheApp();
            try {
                start(new Stage(), opening);
            } catch (RuntimeException | Error e) {
                // as Application.launch does when its start fails: say why and end (no window would ever show)
                System.err.println("Costscope could not start:");
                e.printStackTrace();
                Platform.exit();
                System.exit(1);
            }
        });
    }

    /** The name the desktop knows the app's windows by (their X11 class on Linux; the .desktop file's StartupWMClass). */
    static final String WINDOW_CLASS = "Costscope";

    /**
     * Names the app before its first window: Application.launch names it after the Application class, Platform.startup
     * does not ("java"). JavaFX has no public call for it, so this uses glass's, where it can be reached (it cannot
     * when JavaFX runs as named modules): a name is a hint, never a reason not to start.
     */
    private static void nameTheApp() {
        try {
            com.sun.glass.ui.Application.GetApplication().setName(WINDOW_CLASS);
        } catch (RuntimeException | LinkageError e) {
            // the desktop shows "java"
        }
    }

    static void start(Stage stage, Opening opening) {
        Opening.Choice choice = opening.choice();
        Path file = choice.file();
        // the file is read while the toolkit starts and the window is built
        java.util.concurrent.Future<costscope.model.Scenario> reading = file == null ? null : opening.reading();
        HeldTasks tasks = new HeldTasks(TaskRunner.background());
        FramePulse pulse = FramePulse.fx();
        Window w = build(stage, tasks, pulse, null, new RecentFiles(RecentFiles.defaultStore()),
                new JournalStore(JournalStore.defaultDir()), choice.state(), choice.systemTheme());
        showAndOpen(w, stage, file, reading, tasks, pulse);
        LaunchProbe.whenReady(w.context().recalc().resultsProperty(), () -> w.context().document().scenario().name()
                + " | " + costscope.export.Formats.money(w.context().recalc().results().monthlyTotal(), w.context().document().scenario().currency()));
    }

    /**
     * The sample opened when no file is named: the project's (run from a checkout), else the one packaged with the
     * app (jpackage's launcher names itself in {@code jpackage.app-path}: its samples are in lib/app on Linux, app on
     * Windows and macOS); null when neither is there (a new scenario opens).
     */
    static Path defaultScenario(Path project, String appPath) {
        if (java.nio.file.Files.isRegularFile(project)) return project;
        if (appPath == null || appPath.isBlank()) return null;
        Path launcher = Path.of(appPath).toAbsolutePath().getParent();
        for (String dir : new String[]{"../lib/app", "app", "../app"}) {
            Path p = launcher.resolve(dir).resolve(project).normalize();
            if (java.nio.file.Files.isRegularFile(p)) return p;
        }
        return null;
    }

    /** How long the window waits for the file named at start to be read before it is first shown without it. */
    static final long READ_WAIT_MILLIS = 500;

    /**
     * Shows the window with {@code file} (nothing if null) open. When the file has been read by the time the window is
     * built ({@code reading}, within {@link #READ_WAIT_MILLIS}) and no unsaved work of a crashed instance is to be
     * offered, the scenario is opened and its results computed before the window is first shown, so its first frame
     * lays out and draws them once (not an empty window, then the rows, then the charts). Otherwise the window is
     * shown first and {@link #openFirst} follows. When the file was opened before the show, {@code tasks} holds the
     * background work (audit, scale table, simulations) until the first two frames are drawn, so it does not compete
     * with them for the CPU; otherwise it is released before the show (the file's reading goes through it).
     */
    static void showAndOpen(Window w, Stage stage, Path file, java.util.concurrent.Future<costscope.model.Scenario> reading,
                            HeldTasks tasks, FramePulse pulse) {
        AppContext ctx = w.context();
        boolean opened = false;
        try {
            opened = file != null && reading != null && ctx.recovery().nothingToOffer()
                    && ctx.files().openNow(file, reading, READ_WAIT_MILLIS);
            if (opened) ctx.recalc().recalculate();
        } catch (RuntimeException e) {
            // a view or the engine failing on this file: as when a file opens later, say so and keep the window
            Thread.currentThread().getUncaughtExceptionHandler().uncaughtException(Thread.currentThread(), e);
            opened = ctx.document().scenario() != null;
        }
        if (!opened) tasks.release();
        stage.show();
        if (opened) pulse.afterNextFrame(() -> pulse.afterNextFrame(tasks::release));
        else openFirst(w, file, reading);
    }

    /**
     * What the app opens at start: first it offers back unsaved work left by an instance that did not close
     * normally; when none is restored, {@code file} (nothing if null). A file that is missing, unreadable or broken
     * gets the same error as File > Open, and a new scenario opens so the window is usable.
     */
    static void openFirst(Window w, Path file) {
        openFirst(w, file, null);
    }

    static void openFirst(Window w, Path file, java.util.concurrent.Future<costscope.model.Scenario> reading) {
        AppContext ctx = w.context();
        ctx.recovery().offerRestore(() -> {
            if (file != null) ctx.files().openAtStart(file, reading);
            else if (ctx.document().scenario() == null) ctx.document().open(FileActions.template(), null);
        });
    }

    /** The window and its services. */
    public record Window(AppContext context, MainWindowController controller, Scene scene, ViewMemory memory) {
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
        return build(stage, tasks, pulse, dialogs, recent, journals, new costscope.ui.files.AppState(null));
    }

    /** As above, with what the app remembers between runs ({@code state}): the window and each file's view. */
    public static Window build(Stage stage, TaskRunner tasks, FramePulse pulse, Dialogs dialogs, RecentFiles recent,
                               JournalStore journals, costscope.ui.files.AppState state) {
        return build(stage, tasks, pulse, dialogs, recent, journals, state, null);
    }

    /** As above, with the system's theme asked while the toolkit started ({@link Opening}; null if not asked). */
    static Window build(Stage stage, TaskRunner tasks, FramePulse pulse, Dialogs dialogs, RecentFiles recent,
                        JournalStore journals, costscope.ui.files.AppState state,
                        java.util.concurrent.Future<costscope.ui.base.Theme> systemTheme) {
        ScenarioDocument document = new ScenarioDocument();
        Dialogs d = dialogs != null ? dialogs : new FxDialogs(() -> stage);
        Recalculator recalc = new Recalculator(document, pulse, tasks);
        FileActions files = new FileActions(document, tasks, d, recent);
        CrashRecovery recovery = new CrashRecovery(document, journals, tasks, d);
        Simulations simulations = new Simulations(recalc, tasks.separate("costscope-simulation"));
        AppContext ctx = new AppContext(document, recalc, simulations, tasks, d, recent, files, recovery);
        MainWindowController main = new MainWindowController(ctx);
        Controllers controllers = new Controllers(ctx, main);
        main.controllers(controllers);
        Parent root = Views.load(Views.View.MAIN_WINDOW, controllers);
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        Scene scene = new Scene(root, Math.min(1440, screen.getWidth() - 40), Math.min(900, screen.getHeight() - 40));
        scene.getStylesheets().addAll(Views.stylesheets());
        stage.setScene(scene);
        stage.setMinWidth(900);
        stage.setMinHeight(600);
        main.attach(stage);
        ViewMemory memory = new ViewMemory(state, stage, scene, document);
        memory.themes(main.viewMenu(), tasks.unheld(), systemTheme);
        return new Window(ctx, main, scene, memory);
    }
}
