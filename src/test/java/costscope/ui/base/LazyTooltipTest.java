package costscope.ui.base;

import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

/** Headless: a lazy tooltip is built once, when the mouse first comes over its node, and installed there. */
@ExtendWith(ApplicationExtension.class)
class LazyTooltipTest {
    Label label;
    Region box;
    javafx.scene.control.Button save;
    javafx.scene.control.CheckBox log;
    Label spread;
    int asked;
    int built;
    Tooltip boxTip;

    @Start
    void start(Stage stage) {
        label = new Label("hover me");
        label.setMinSize(120, 40);
        box = new Region();
        box.setMinSize(120, 40);
        LazyTooltip.install(label, () -> {
            built++;
            return new Tooltip("made on hover");
        });
        LazyTooltip.install(box, () -> boxTip = new Tooltip("the box's"));
        // help declared as in the FXML, in a tool bar and in a tab's content (neither lists them as children before
        // their skins exist)
        save = new javafx.scene.control.Button("Save");
        save.setAccessibleHelp("Save (Ctrl+S)");
        log = new javafx.scene.control.CheckBox("log");
        log.setAccessibleHelp("Log scale");
        javafx.scene.control.TabPane tabs = new javafx.scene.control.TabPane(new javafx.scene.control.Tab("t", new HBox(log)));
        HBox root = new HBox(20, label, box, new javafx.scene.control.ToolBar(save), tabs);
        spread = new Label("P10-P90");
        LazyTooltip.showing(spread, 440, () -> "asked " + (++asked));
        root.getChildren().add(spread);
        LazyTooltip.fromHelp(root);
        stage.setScene(new Scene(root, 800, 100));
        stage.show();
    }

    @Test
    void builtOnceWhenTheMouseFirstComesOver(FxRobot robot) {
        assertNull(label.getTooltip());
        assertEquals(0, built);
        robot.moveTo(label);
        assertEquals("made on hover", label.getTooltip().getText());
        Tooltip first = label.getTooltip();
        robot.moveTo(box);
        robot.moveTo(label);
        assertEquals(1, built, "built once");
        assertSame(first, label.getTooltip());
        // a node that is not a Control gets it installed (JavaFX keeps it in the node's properties)
        assertSame(boxTip, box.getProperties().get("javafx.scene.control.Tooltip"));
    }

    @Test
    void helpDeclaredOnAControlBecomesItsTooltipOnTheFirstHover(FxRobot robot) {
        assertNull(save.getTooltip());
        assertNull(log.getTooltip());
        robot.moveTo(save);
        assertEquals("Save (Ctrl+S)", save.getTooltip().getText());
        robot.moveTo(log);
        assertEquals("Log scale", log.getTooltip().getText());
    }

    @Test
    void aTooltipMadeAsItShowsIsWrappedAndAsksForItsTextEachTime(FxRobot robot) {
        assertNull(spread.getTooltip());
        robot.moveTo(spread);
        Tooltip t = spread.getTooltip();
        assertEquals(440, t.getMaxWidth());
        assertEquals(true, t.isWrapText());
        assertEquals(0, asked, "not before it shows");
        robot.interact(() -> t.getOnShowing().handle(new javafx.stage.WindowEvent(t, javafx.stage.WindowEvent.WINDOW_SHOWING)));
        assertEquals("asked 1", t.getText());
        robot.interact(() -> t.getOnShowing().handle(new javafx.stage.WindowEvent(t, javafx.stage.WindowEvent.WINDOW_SHOWING)));
        assertEquals("asked 2", t.getText());
    }
}
