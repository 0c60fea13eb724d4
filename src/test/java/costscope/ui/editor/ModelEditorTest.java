package costscope.ui.editor;

import costscope.engine.CompiledScenario;
import costscope.export.Formats;
import costscope.model.LineItem;
import costscope.model.Scenario;
import costscope.ui.TestWindow;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TextField;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.controlsfx.control.ToggleSwitch;
import org.controlsfx.control.decoration.Decorator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.NodeQueryUtils;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Headless (Monocle): the Model tab edits the model through forms, validates as you type, and every edit undoes. */
@ExtendWith(ApplicationExtension.class)
class ModelEditorTest {
    static final Path INNERWORLD = Path.of("sample-scenarios/innerworld.json");
    TestWindow window;

    @Start
    void start(Stage stage) {
        window = TestWindow.open(stage, INNERWORLD);
    }

    @BeforeEach
    void showModelTab(FxRobot robot) {
        TestWindow.showTab(robot, "Model");
    }

    static double engineTotal(Scenario s) throws Exception {
        return CompiledScenario.compile(s).newEvaluator().evaluate().monthlyTotal();
    }

    static String headlineTotal(FxRobot robot) {
        return robot.lookup("#headline-monthlyTotal").queryAs(Label.class).getText();
    }

    @SuppressWarnings("unchecked")
    static void select(FxRobot robot, String listName, String id) {
        TreeView<ModelOutline.Entry> tree = robot.lookup("#editor-tree").queryAs(TreeView.class);
        robot.interact(() -> {
            for (TreeItem<ModelOutline.Entry> sec : tree.getRoot().getChildren()) {
                for (TreeItem<ModelOutline.Entry> it : sec.getChildren()) {
                    if (it.getValue().id().equals(id) && it.getValue().kind().listName().equals(listName)) {
                        tree.scrollTo(tree.getRow(it));
                    }
                }
            }
        });
        Node cell = robot.lookup("#outline-" + listName + "-" + id).match(NodeQueryUtils.isVisible()).query();
        robot.clickOn(cell);
        WaitForAsyncUtils.waitForFxEvents();
    }

    static TextField field(FxRobot robot, String key) {
        return robot.lookup("#field-" + FormField.idPart(key)).queryAs(TextField.class);
    }

    void replaceText(FxRobot robot, String key, String text) {
        TextField f = field(robot, key);
        robot.clickOn(f);
        robot.interact(f::selectAll);
        robot.write(text);
    }

    static void add(FxRobot robot, String kindName) {
        robot.clickOn("#editor-add");
        MenuButton mb = robot.lookup("#editor-add").queryAs(MenuButton.class);
        MenuItem item = mb.getItems().stream().filter(m -> m.getId().equals("editor-add-" + kindName)).findFirst().orElseThrow();
        robot.interact(() -> {
            mb.hide();
            item.fire();
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void editsTheUnitPriceOfAnItemAndUndoesIt(FxRobot robot) throws Exception {
        Scenario before = window.scenario();
        String totalBefore = headlineTotal(robot);
        select(robot, "items", "sonnet_input");
        assertEquals("3.0", field(robot, "unitPrice").getText());

        replaceText(robot, "unitPrice", "2.5");
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();

        LineItem it = (LineItem) ElementKind.ITEM.find(window.scenario(), "sonnet_input");
        assertEquals("2.5", it.unitPrice());
        double total = engineTotal(window.scenario());
        assertNotEquals(engineTotal(before), total, 1e-9);
        assertEquals(total, window.context().recalc().results().monthlyTotal(), 1e-9);
        assertEquals(Formats.money(total, "USD"), headlineTotal(robot));

        robot.interact(() -> window.context().document().undo());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("3.0", ((LineItem) ElementKind.ITEM.find(window.scenario(), "sonnet_input")).unitPrice());
        assertEquals(before, window.scenario());
        assertEquals(totalBefore, headlineTotal(robot));
        assertEquals(Formats.money(engineTotal(before), "USD"), totalBefore);
        assertEquals("3.0", field(robot, "unitPrice").getText(), "the form follows the undo");
    }

    @Test
    void setsAnIncrementAndAMinimumFromTheFormAndTheTotalFollows(FxRobot robot) throws Exception {
        select(robot, "items", "sonnet_input");
        assertEquals("", field(robot, "increment").getText());
        replaceText(robot, "increment", "1000000000");
        replaceText(robot, "minimumMonthly", "5000");
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();

        LineItem it = (LineItem) ElementKind.ITEM.find(window.scenario(), "sonnet_input");
        assertEquals("1000000000", it.increment());
        assertEquals("5000", it.minimumMonthly());
        // 900K input tokens at 1,000 concurrent users... billed per started billion tokens, at least $5,000 a month
        double monthly = CompiledScenario.compile(window.scenario()).newEvaluator().evaluate().item("sonnet_input").monthly();
        assertEquals(5000.0, monthly, 1e-9);
        assertEquals(Formats.money(engineTotal(window.scenario()), "USD"), headlineTotal(robot));

        replaceText(robot, "increment", "0");
        Label msg = robot.lookup("#message-increment").queryAs(Label.class);
        assertTrue(msg.isVisible());
        assertEquals("increment must be above 0", msg.getText());
        assertTrue(robot.lookup("#editor-apply").query().isDisabled());
    }

    @Test
    void anUnknownNameIsMarkedAtItsPositionAndNothingIsCommitted(FxRobot robot) {
        Scenario before = window.scenario();
        select(robot, "items", "sonnet_input");
        replaceText(robot, "quantity", "concurrent_users * sonnet_input_tokenz");
        TextField q = field(robot, "quantity");
        Label msg = robot.lookup("#message-quantity").queryAs(Label.class);
        assertTrue(msg.isVisible());
        assertEquals("position 19: unknown name 'sonnet_input_tokenz' (did you mean 'sonnet_input_tokens'?)", msg.getText());
        assertNotNull(Decorator.getDecorations(q));
        assertFalse(Decorator.getDecorations(q).isEmpty(), "a ControlsFX decoration marks the field");
        assertTrue(robot.lookup("#editor-apply").query().isDisabled());

        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(before, window.scenario(), "nothing invalid is committed");
        assertEquals(19, q.getSelection().getStart(), "the caret goes to the error");
        assertEquals(38, q.getSelection().getEnd());

        robot.clickOn(field(robot, "label"));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(before, window.scenario(), "leaving the field commits nothing invalid either");
        assertEquals("concurrent_users * sonnet_input_tokenz", q.getText(), "the invalid input stays in the form");

        replaceText(robot, "quantity", "concurrent_users * sonnet_input_tokens * 2");
        assertFalse(msg.isVisible());
        assertTrue(Decorator.getDecorations(q) == null || Decorator.getDecorations(q).isEmpty());
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("concurrent_users * sonnet_input_tokens * 2", ((LineItem) ElementKind.ITEM.find(window.scenario(), "sonnet_input")).quantity());
    }

    @Test
    void addsAndRemovesAVariableAndALineItem(FxRobot robot) {
        Scenario before = window.scenario();
        add(robot, "variable");
        assertEquals(before.variables().size() + 1, window.scenario().variables().size());
        assertNotNull(ElementKind.VARIABLE.find(window.scenario(), "variable_1"));
        replaceText(robot, "formula", "active_users * 2");
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("active_users * 2", ((costscope.model.Variable) ElementKind.VARIABLE.find(window.scenario(), "variable_1")).formula());

        add(robot, "item");
        assertNotNull(ElementKind.ITEM.find(window.scenario(), "item_1"));
        replaceText(robot, "quantity", "variable_1");
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("variable_1", ((LineItem) ElementKind.ITEM.find(window.scenario(), "item_1")).quantity());

        select(robot, "variables", "variable_1");
        robot.clickOn("#editor-remove");
        WaitForAsyncUtils.waitForFxEvents();
        assertNotNull(ElementKind.VARIABLE.find(window.scenario(), "variable_1"), "a variable in use is not removed");
        String text = robot.lookup("#editor-message").queryAs(Label.class).getText();
        assertTrue(text.contains("line item 'item_1' (quantity)"), text);

        select(robot, "items", "item_1");
        robot.clickOn("#editor-remove");
        WaitForAsyncUtils.waitForFxEvents();
        assertNull(ElementKind.ITEM.find(window.scenario(), "item_1"));
        select(robot, "variables", "variable_1");
        robot.clickOn("#editor-remove");
        WaitForAsyncUtils.waitForFxEvents();
        assertNull(ElementKind.VARIABLE.find(window.scenario(), "variable_1"));
        assertEquals(before, window.scenario());
    }

    @Test
    void addsACategoryAndShowsItInTheList(FxRobot robot) {
        add(robot, "category");
        assertNotNull(ElementKind.CATEGORY.find(window.scenario(), "category_1"));
        Node cell = robot.lookup("#outline-categories-category_1").match(NodeQueryUtils.isVisible()).query();
        assertNotNull(cell);
        replaceText(robot, "label", "Networking");
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Networking", ((costscope.model.Category) ElementKind.CATEGORY.find(window.scenario(), "category_1")).label());
        assertTrue(robot.lookup(".outline-text").queryAllAs(Label.class).stream().anyMatch(l -> l.getText().equals("Networking")));
    }

    @Test
    void togglesALever(FxRobot robot) throws Exception {
        select(robot, "levers", "haiku");
        assertFalse(window.scenario().levers().get(0).enabled());
        ToggleSwitch on = robot.lookup("#field-enabled").queryAs(ToggleSwitch.class);
        robot.interact(on::fire);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(window.scenario().levers().get(0).enabled());
        assertEquals(Formats.money(engineTotal(window.scenario()), "USD"), headlineTotal(robot));
        robot.interact(() -> window.context().document().undo());
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(window.scenario().levers().get(0).enabled());
        assertFalse(on.isSelected(), "the switch follows the undo");
    }

    @Test
    void renamingAnIdRewritesItsReferences(FxRobot robot) {
        select(robot, "drivers", "sonnet_input_tokens");
        replaceText(robot, "id", "sonnet_in_tokens");
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertNotNull(window.scenario().driver("sonnet_in_tokens"));
        assertEquals("concurrent_users * sonnet_in_tokens", ((LineItem) ElementKind.ITEM.find(window.scenario(), "sonnet_input")).quantity());
        robot.interact(() -> window.context().document().undo());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("sonnet_input_tokens", field(robot, "id").getText(), "the form follows the undone rename");
    }

    @Test
    void theFormFollowsChangesFromElsewhereExceptInTheFieldBeingTyped(FxRobot robot) {
        select(robot, "drivers", "concurrent_users");
        assertEquals("1000", field(robot, "value").getText());
        replaceText(robot, "label", "Peak users");
        robot.interact(() -> window.context().document().edit("Move slider", s -> s.withDriverValue("concurrent_users", 25000)));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("25000", field(robot, "value").getText(), "a slider move shows in the form");
        assertEquals("Peak users", field(robot, "label").getText(), "the field being typed in keeps its text");
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Peak users", window.scenario().driver("concurrent_users").label());
        assertEquals(25000, window.scenario().driver("concurrent_users").value(), "the commit keeps the slider's value");
        robot.interact(() -> window.context().document().undo());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Concurrent users", field(robot, "label").getText());
    }
}
