package costscope.ui.panels;

import costscope.ui.TestWindow;
import costscope.ui.TestDialogs;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The sidebar's variants on billion-users: switch, save the sliders as a new variant, undo. */
@ExtendWith(ApplicationExtension.class)
class VariantsBarTest {
    TestWindow window;
    final TestDialogs dialogs = new TestDialogs();

    @Start
    void start(Stage stage) {
        window = TestWindow.open(stage, Path.of("sample-scenarios/billion-users.json"), dialogs);
    }

    String headline(FxRobot robot) {
        return robot.lookup("#headline-monthlyTotal").queryAs(Label.class).getText();
    }

    @Test
    void clickingAVariantSwitchesToItAndUndoSwitchesBack(FxRobot robot) {
        ToggleButton original = robot.lookup("#variant-original").queryAs(ToggleButton.class);
        ToggleButton optimized = robot.lookup("#variant-optimized").queryAs(ToggleButton.class);
        assertTrue(original.isSelected(), "the file is saved in the original plan's state");
        assertFalse(optimized.isSelected());
        assertEquals("$19,955,040.00", headline(robot));
        robot.clickOn(optimized);
        assertEquals("$8,640,058.00", headline(robot));
        assertTrue(optimized.isSelected());
        assertFalse(original.isSelected());
        assertTrue(window.scenario().levers().stream().filter(l -> l.id().equals("cdn_cache_hits")).findFirst().orElseThrow().enabled());
        assertEquals("Undo Switch to Optimized plan", window.context().document().undoLabelProperty().get());
        robot.interact(() -> window.context().document().undo());
        assertEquals("$19,955,040.00", headline(robot));
        assertTrue(robot.lookup("#variant-original").queryAs(ToggleButton.class).isSelected());
    }

    @Test
    void saveAsVariantRecordsTheSlidersAndShowsItPressed(FxRobot robot) {
        robot.interact(() -> window.context().document().edit("x", s -> s.withDriverValue("total_users", 1e8)));
        dialogs.texts.add("100M users");
        robot.clickOn("#saveVariantButton");
        assertEquals(List.of("original", "optimized", "optimized_regions", "v_100m_users"),
                window.scenario().variants().stream().map(v -> v.id()).toList());
        assertEquals(1e8, window.scenario().variant("v_100m_users").drivers().get("total_users"), 0);
        assertEquals("100M users", window.scenario().variant("v_100m_users").label());
        ToggleButton mine = robot.lookup("#variant-v_100m_users").queryAs(ToggleButton.class);
        assertTrue(mine.isSelected());
        assertFalse(robot.lookup("#variant-original").queryAs(ToggleButton.class).isSelected());
        robot.clickOn("#variant-original");
        assertEquals(1e9, window.scenario().driver("total_users").value(), 0, "the original plan sets 1B users");
        robot.clickOn("#variant-v_100m_users");
        assertEquals(1e8, window.scenario().driver("total_users").value(), 0);
        assertTrue(window.context().document().isDirty(), "a new variant is a change to save");
    }

    @Test
    void aVariantsMenuIsBuiltWhenFirstAskedForAndShows(FxRobot robot) {
        ToggleButton optimized = robot.lookup("#variant-optimized").queryAs(ToggleButton.class);
        assertNull(optimized.getContextMenu(), "not built with the bar: a menu is a window of its own");
        javafx.geometry.Bounds b = optimized.localToScreen(optimized.getBoundsInLocal());
        robot.interact(() -> javafx.event.Event.fireEvent(optimized, new javafx.scene.input.ContextMenuEvent(
                javafx.scene.input.ContextMenuEvent.CONTEXT_MENU_REQUESTED, 5, 5, b.getMinX() + 5, b.getMinY() + 5, false, null)));
        javafx.scene.control.ContextMenu menu = optimized.getContextMenu();
        assertNotNull(menu, "built when asked for");
        assertTrue(menu.isShowing(), "and shown at once");
        assertEquals(List.of("Update to the current sliders and levers", "Rename\u2026", "Delete (Ctrl+Z brings it back)"),
                menu.getItems().stream().map(javafx.scene.control.MenuItem::getText).toList());
        robot.interact(menu::hide);
        robot.interact(() -> javafx.event.Event.fireEvent(optimized, new javafx.scene.input.ContextMenuEvent(
                javafx.scene.input.ContextMenuEvent.CONTEXT_MENU_REQUESTED, 5, 5, b.getMinX() + 5, b.getMinY() + 5, false, null)));
        assertSame(menu, optimized.getContextMenu(), "built once");
        robot.interact(menu::hide);
    }

    @Test
    void cancellingTheNameSavesNothing(FxRobot robot) {
        robot.clickOn("#saveVariantButton");
        assertEquals(3, window.scenario().variants().size());
        assertEquals(List.of("text:Name of the new variant (it records every slider and lever as they are now)"), dialogs.asked);
    }

    @Test
    void theScenarioMenuSwitchesVariantsAndShortcutsOpenTheWhatIfViews(FxRobot robot) {
        javafx.scene.control.MenuBar bar = robot.lookup(".menu-bar").queryAs(javafx.scene.control.MenuBar.class);
        javafx.scene.control.Menu menu = bar.getMenus().stream().filter(m -> m.getText().equals("_Scenario")).findFirst().orElseThrow();
        javafx.scene.control.MenuItem optimized = menu.getItems().stream()
                .filter(i -> "Switch to Optimized plan".equals(i.getText())).findFirst().orElseThrow();
        robot.interact(optimized::fire);
        assertEquals("$8,640,058.00", headline(robot));
        robot.press(javafx.scene.input.KeyCode.CONTROL, javafx.scene.input.KeyCode.SHIFT, javafx.scene.input.KeyCode.T)
                .release(javafx.scene.input.KeyCode.T, javafx.scene.input.KeyCode.SHIFT, javafx.scene.input.KeyCode.CONTROL);
        javafx.scene.control.TabPane tabs = robot.lookup("#tabs").queryAs(javafx.scene.control.TabPane.class);
        javafx.scene.control.TabPane views = robot.lookup("#whatifTabs").queryAs(javafx.scene.control.TabPane.class);
        assertEquals("What-if", tabs.getSelectionModel().getSelectedItem().getText());
        assertEquals("Sensitivity", views.getSelectionModel().getSelectedItem().getText());
        robot.press(javafx.scene.input.KeyCode.CONTROL, javafx.scene.input.KeyCode.SHIFT, javafx.scene.input.KeyCode.G)
                .release(javafx.scene.input.KeyCode.G, javafx.scene.input.KeyCode.SHIFT, javafx.scene.input.KeyCode.CONTROL);
        assertEquals("Goal seek", views.getSelectionModel().getSelectedItem().getText());
    }
}
