package costscope.ui;

import costscope.ui.files.AppState;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.control.CheckBox;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;

import java.nio.file.Path;

/**
 * Puts the window back as it was left ({@link AppState}): its place, size and split when it is built, and each file's
 * view (results tab, charts tab, log axis) when that file opens; remembers them when a file gives way to another and
 * when the window closes. A place no screen shows any more is not restored.
 */
final class ViewMemory {
    private final AppState state;
    private final Stage stage;
    private final Scene scene;

    ViewMemory(AppState state, Stage stage, Scene scene, costscope.ui.document.ScenarioDocument document) {
        this.state = state;
        this.stage = stage;
        this.scene = scene;
        AppState.WindowState w = state.window();
        if (w != null && w.width() >= 900 && w.height() >= 600
                && !Screen.getScreensForRectangle(new Rectangle2D(w.x(), w.y(), w.width(), w.height())).isEmpty()) {
            stage.setX(w.x());
            stage.setY(w.y());
            stage.setWidth(w.width());
            stage.setHeight(w.height());
            stage.setMaximized(w.maximized());
        }
        if (w != null && w.resultsSplit() != null) split().setDividerPositions(w.resultsSplit());
        document.fileProperty().addListener((o, was, now) -> {
            if (was != null) rememberView(was);
            if (now != null && !now.equals(was)) restoreView(now);
        });
        stage.addEventHandler(WindowEvent.WINDOW_HIDING, e -> remember(document.file()));
    }

    /**
     * The View menu's themes: light, dark, or the system's (followed until one is chosen); the choice is remembered at
     * once. The system's preference is asked in the background (it runs a command).
     */
    void themes(javafx.scene.control.Menu menu, costscope.ui.recalc.TaskRunner tasks) {
        themes(menu, tasks, null);
    }

    /**
     * As above, with the system's theme asked already ({@code asked}, null if not): when it has answered, the theme
     * it names is the window's at once, so its first frame is drawn in it.
     */
    void themes(javafx.scene.control.Menu menu, costscope.ui.recalc.TaskRunner tasks,
                java.util.concurrent.Future<costscope.ui.base.Theme> asked) {
        javafx.scene.control.ToggleGroup group = new javafx.scene.control.ToggleGroup();
        String chosen = state.theme() == null ? "system" : state.theme();
        for (String[] t : new String[][]{{"light", "_Light theme"}, {"dark", "_Dark theme"}, {"system", "_Follow the system"}}) {
            javafx.scene.control.RadioMenuItem item = new javafx.scene.control.RadioMenuItem(t[1]);
            item.setId("theme-" + t[0]);
            item.setToggleGroup(group);
            item.setSelected(t[0].equals(chosen));
            item.setOnAction(e -> {
                state.theme(t[0]);
                theme(t[0], tasks, null);
                state.save();
            });
            menu.getItems().add(item);
        }
        theme(chosen, tasks, asked);
    }

    private void theme(String choice, costscope.ui.recalc.TaskRunner tasks,
                       java.util.concurrent.Future<costscope.ui.base.Theme> asked) {
        switch (choice) {
            case "dark" -> costscope.ui.base.Theme.DARK.apply(scene);
            case "light" -> costscope.ui.base.Theme.LIGHT.apply(scene);
            default -> {
                costscope.ui.base.Theme known = answered(asked);
                if (known != null) {
                    known.apply(scene);
                    return;
                }
                java.util.concurrent.Callable<costscope.ui.base.Theme> ask = asked != null ? asked::get : costscope.ui.base.Theme::system;
                tasks.run(ask, t -> {
                    if (state.followsSystemTheme()) t.apply(scene);
                }, e -> costscope.ui.base.Theme.LIGHT.apply(scene));
            }
        }
    }

    /** The theme {@code asked} answered, if it has (null: not asked, not yet, or it failed). */
    private static costscope.ui.base.Theme answered(java.util.concurrent.Future<costscope.ui.base.Theme> asked) {
        if (asked == null || !asked.isDone() || asked.isCancelled()) return null;
        try {
            return asked.get();
        } catch (java.util.concurrent.ExecutionException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private SplitPane split() {
        return (SplitPane) scene.lookup("#resultsSplit");
    }

    private TabPane tabs(String id) {
        return (TabPane) scene.lookup(id);
    }

    private static String selected(TabPane t) {
        Tab s = t == null ? null : t.getSelectionModel().getSelectedItem();
        return s == null ? null : s.getText().replaceFirst(" \\(.*\\)$", "");
    }

    private static void select(TabPane t, String title) {
        if (t == null || title == null) return;
        t.getTabs().stream().filter(x -> x.getText().replaceFirst(" \\(.*\\)$", "").equals(title)).findFirst()
                .ifPresent(x -> t.getSelectionModel().select(x));
    }

    private void rememberView(Path file) {
        CheckBox log = (CheckBox) scene.lookup("#totalLog");
        state.view(file, new AppState.FileView(selected(tabs("#tabs")), selected(tabs("#chartTabs")), log == null ? null : log.isSelected()));
    }

    private void restoreView(Path file) {
        AppState.FileView v = state.view(file);
        if (v == null) return;
        select(tabs("#tabs"), v.tab());
        select(tabs("#chartTabs"), v.chartTab());
        CheckBox log = (CheckBox) scene.lookup("#totalLog");
        if (log != null && v.totalLog() != null) log.setSelected(v.totalLog());
    }

    /** Remembers the window, the file open and its view, and writes them. */
    void remember(Path file) {
        String tab = selected(tabs("#tabs"));
        // the Model and What-if tabs take most of the split for themselves: the charts' share is kept as it was
        Double split;
        if ("Model".equals(tab) || "What-if".equals(tab) || split() == null) split = state.window() == null ? null : state.window().resultsSplit();
        else split = Double.valueOf(split().getDividerPositions()[0]);
        state.window(new AppState.WindowState(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight(), stage.isMaximized(), split));
        state.lastFile(file);
        if (file != null) rememberView(file);
        state.save();
    }
}
