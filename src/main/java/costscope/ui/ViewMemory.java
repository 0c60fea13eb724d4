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
        Double split = "Model".equals(tab) || "What-if".equals(tab) || split() == null ? (state.window() == null ? null
                : state.window().resultsSplit()) : split().getDividerPositions()[0];
        state.window(new AppState.WindowState(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight(), stage.isMaximized(), split));
        state.lastFile(file);
        if (file != null) rememberView(file);
        state.save();
    }
}
