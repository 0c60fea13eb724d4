package costscope.ui;

import costscope.ui.base.AppContext;
import costscope.model.ScalePoint;
import costscope.model.Scenario;
import costscope.whatif.Variants;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;

import java.nio.file.Path;
import java.util.List;

/**
 * The main window's menus that follow the document: File > Open Recent, and the Scenario menu (jump to a scale
 * point with Ctrl+1..9, show the audit, the What-if views, switch to a variant), rebuilt when what they list changes;
 * and the text of Help > Keyboard shortcuts.
 */
final class MainMenus {
    /** Help > Keyboard shortcuts. */
    static final String SHORTCUTS = String.join("\n",
            "Ctrl+N  New scenario", "Ctrl+O  Open", "Ctrl+I  Import an estimate (AWS calculator, Infracost)", "Ctrl+S  Save", "Ctrl+Shift+S  Save as",
            "Ctrl+Z  Undo", "Ctrl+Shift+Z  Redo", "Ctrl+1 ... Ctrl+9  Jump to a scale point",
            "Ctrl+Shift+A  Show the audit", "Ctrl+Shift+W  Compare variants", "Ctrl+Shift+T  Sensitivity (tornado)",
            "Ctrl+Shift+G  Goal seek", "Ctrl+Q  Quit",
            "", "In the waterfall's order of changes: Alt+Up and Alt+Down move the selected change.",
            "", "In a number field: Enter applies, Esc reverts; 100k, 2.5M, 1e9 and 5% are understood.",
            "On a driver's slider, field or \u00b1: Ctrl+R sets or edits its range (Enter applies, Esc cancels).",
            "On a slider: arrow keys step, Page Up/Down jump.");

    private final AppContext ctx;
    private final Menu recentMenu;
    private final Menu scenarioMenu;
    private final Tab auditTab;
    private final Tab whatifTab;

    MainMenus(AppContext ctx, Menu recentMenu, Menu scenarioMenu, Tab auditTab, Tab whatifTab) {
        this.ctx = ctx;
        this.recentMenu = recentMenu;
        this.scenarioMenu = scenarioMenu;
        this.auditTab = auditTab;
        this.whatifTab = whatifTab;
        ctx.recent().files().addListener((ListChangeListener<Path>) c -> rebuildRecent());
        rebuildRecent();
        ctx.document().scenarioProperty().addListener((o, a, s) -> {
            if (a == null || s == null || !a.scalePoints().equals(s.scalePoints()) || !a.variants().equals(s.variants())) {
                rebuildScenarioMenu(s);
            }
        });
        rebuildScenarioMenu(ctx.document().scenario());
    }

    private void rebuildRecent() {
        recentMenu.getItems().clear();
        for (Path p : ctx.recent().files()) {
            MenuItem mi = new MenuItem(p.getFileName() + "  (" + p.getParent() + ")");
            mi.setMnemonicParsing(false);
            mi.setOnAction(e -> ctx.files().open(p));
            recentMenu.getItems().add(mi);
        }
        recentMenu.setDisable(recentMenu.getItems().isEmpty());
    }

    private void rebuildScenarioMenu(Scenario s) {
        scenarioMenu.getItems().clear();
        if (s == null) return;
        List<ScalePoint> points = s.scalePoints();
        for (int i = 0; i < points.size(); i++) {
            ScalePoint p = points.get(i);
            MenuItem mi = new MenuItem("Jump to " + p.id() + (p.label() != null ? " (" + p.label() + ")" : ""));
            mi.setMnemonicParsing(false);
            if (i < 9) mi.setAccelerator(new KeyCodeCombination(KeyCode.getKeyCode(String.valueOf(i + 1)), KeyCombination.SHORTCUT_DOWN));
            mi.setOnAction(e -> ctx.document().edit("Jump to " + p.id(), sc -> sc.atScalePoint(p.id())));
            scenarioMenu.getItems().add(mi);
        }
        if (!points.isEmpty()) scenarioMenu.getItems().add(new SeparatorMenuItem());
        MenuItem audit = new MenuItem("Show audit");
        audit.setAccelerator(new KeyCodeCombination(KeyCode.A, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN));
        audit.setOnAction(e -> auditTab.getTabPane().getSelectionModel().select(auditTab));
        scenarioMenu.getItems().add(audit);
        scenarioMenu.getItems().add(new SeparatorMenuItem());
        scenarioMenu.getItems().add(whatIf("Compare variants", "Compare", KeyCode.W));
        scenarioMenu.getItems().add(whatIf("Sensitivity (tornado)", "Sensitivity", KeyCode.T));
        scenarioMenu.getItems().add(whatIf("Goal seek", "Goal seek", KeyCode.G));
        if (!s.variants().isEmpty()) {
            scenarioMenu.getItems().add(new SeparatorMenuItem());
            for (var v : s.variants()) {
                MenuItem mi = new MenuItem("Switch to " + v.displayName());
                mi.setMnemonicParsing(false);
                mi.setOnAction(e -> ctx.document().edit("Switch to " + v.displayName(), sc -> Variants.switchTo(sc, v.id())));
                scenarioMenu.getItems().add(mi);
            }
        }
    }

    /** A menu item that shows one of the What-if tab's views (Ctrl+Shift+key). */
    private MenuItem whatIf(String text, String tab, KeyCode key) {
        MenuItem mi = new MenuItem(text);
        mi.setAccelerator(new KeyCodeCombination(key, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN));
        mi.setOnAction(e -> {
            whatifTab.getTabPane().getSelectionModel().select(whatifTab);
            if (whatifTab.getContent() instanceof TabPane views) {
                views.getTabs().stream().filter(t -> t.getText().equals(tab)).findFirst()
                        .ifPresent(t -> views.getSelectionModel().select(t));
            }
        });
        return mi;
    }
}
