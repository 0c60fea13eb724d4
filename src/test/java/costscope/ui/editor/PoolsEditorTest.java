package costscope.ui.editor;

import costscope.engine.Results;
import costscope.export.Formats;
import costscope.model.LeverEffect;
import costscope.model.LineItem;
import costscope.model.Pool;
import costscope.model.Scenario;
import costscope.model.Tier;
import costscope.ui.TestWindow;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.controlsfx.control.ToggleSwitch;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.List;

import static costscope.ui.editor.ModelEditorTest.add;
import static costscope.ui.editor.ModelEditorTest.field;
import static costscope.ui.editor.ModelEditorTest.headlineTotal;
import static costscope.ui.editor.ModelEditorTest.select;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Headless (Monocle): pools, upfront payments and the new lever effects edited in the Model tab (provider-examples). */
@ExtendWith(ApplicationExtension.class)
class PoolsEditorTest {
    static final Path EXAMPLES = Path.of("sample-scenarios/provider-examples.json");
    TestWindow window;

    @Start
    void start(Stage stage) {
        window = TestWindow.open(stage, EXAMPLES);
    }

    @BeforeEach
    void showModelTab(FxRobot robot) {
        TestWindow.showTab(robot, "Model");
    }

    Results results() {
        return window.context().recalc().results();
    }

    @SuppressWarnings("unchecked")
    ComboBox<String> choice(FxRobot robot, String key) {
        return robot.lookup("#field-" + FormField.idPart(key)).queryAs(ComboBox.class);
    }

    Label message(FxRobot robot, String key) {
        return robot.lookup("#message-" + FormField.idPart(key)).queryAs(Label.class);
    }

    /** Types into a field as a user would (focused, its text selected), wherever the form has it scrolled. */
    void type(FxRobot robot, String key, String text) {
        TextField f = field(robot, key);
        robot.interact(() -> {
            f.requestFocus();
            f.selectAll();
        });
        robot.write(text);
    }

    void enter(FxRobot robot) {
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
    }

    void pick(FxRobot robot, String key, String value) {
        ComboBox<String> c = choice(robot, key);
        robot.interact(() -> c.setValue(value));
        WaitForAsyncUtils.waitForFxEvents();
    }

    static Results.PoolResult pool(Results r, String id) {
        return r.pools().stream().filter(p -> p.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void makesAPoolOfTwoItemsFromTheFormAndTheTotalFollowsToTheCent(FxRobot robot) {
        double before = results().monthlyTotal();
        assertEquals("$124,568.17", headlineTotal(robot));
        select(robot, "items", "s3_put_requests");
        add(robot, "pool");
        Pool started = window.scenario().pool("pool_1");
        assertNotNull(started, "a pool starts with the line item open");
        assertEquals(List.of("s3_put_requests"), started.items());
        assertEquals("s3_put_requests", field(robot, "items").getText());
        assertEquals("0.005", field(robot, "unitPrice").getText());
        assertEquals("1000", field(robot, "per").getText());
        assertEquals(before, results().monthlyTotal(), 1e-9, "priced as the item was: nothing changes yet");
        assertNotNull(robot.lookup("#outline-pools-pool_1").query(), "the outline lists it under Pools");

        type(robot, "items", "s3_put_requests, s3_get_requets");
        Label items = message(robot, "items");
        assertTrue(items.isVisible());
        assertEquals("position 17: 's3_get_requets' is not a line item (did you mean 's3_get_requests'?)", items.getText());
        assertTrue(robot.lookup("#editor-apply").query().isDisabled());

        type(robot, "items", "s3_put_requests, s3_get_requests");
        assertFalse(items.isVisible());
        String note = robot.lookup("#editor-message").queryAs(Label.class).getText();
        assertTrue(note.contains("'s3_get_requests' joins the pool, which prices it: its own unitPrice, per, priceUnit and billing go"), note);
        enter(robot);
        type(robot, "freeAllowance", "100000");
        enter(robot);

        Pool pool = window.scenario().pool("pool_1");
        assertEquals(List.of("s3_put_requests", "s3_get_requests"), pool.items());
        assertEquals("100000", pool.freeAllowance());
        assertEquals("0.005", pool.unitPrice());
        assertEquals(1000.0, pool.per());
        LineItem get = (LineItem) ElementKind.ITEM.find(window.scenario(), "s3_get_requests");
        assertNull(get.unitPrice());
        assertNull(get.per());
        // (310,000 + 620,000 - 100,000) x $0.005 / 1,000 = $4.15 instead of $1.55 + $0.248
        assertEquals(4.15, pool(results(), "pool_1").monthly(), 1e-9);
        assertEquals(124570.5195, results().monthlyTotal(), 1e-6);
        assertEquals(Math.round((before - 1.55 - 0.248 + 4.15) * 100), Math.round(results().monthlyTotal() * 100));
        assertEquals("$124,570.52", headlineTotal(robot));
        String summary = robot.lookup("#editor-form-summary").queryAs(Label.class).getText();
        assertTrue(summary.startsWith("$4.15 a month"), summary);

        robot.interact(() -> window.context().document().undo());
        robot.interact(() -> window.context().document().undo());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("s3_put_requests", field(robot, "items").getText(), "the form follows the undo");
        assertEquals("0.004", ((LineItem) ElementKind.ITEM.find(window.scenario(), "s3_get_requests")).unitPrice());
    }

    @Test
    void theAddItemMenuOffersTheItemsInNoOtherPool(FxRobot robot) {
        select(robot, "pools", "lambda_requests_pool");
        MenuButton menu = robot.lookup("#editor-pool-add-item").queryAs(MenuButton.class);
        robot.clickOn(menu);
        WaitForAsyncUtils.waitForFxEvents();
        List<String> offered = menu.getItems().stream().map(MenuItem::getId).toList();
        assertTrue(offered.contains("editor-pool-item-workers_request_charges"), offered.toString());
        assertFalse(offered.contains("editor-pool-item-lambda_fn1_requests"), "already listed");
        assertFalse(offered.contains("editor-pool-item-fg_a_requests"), "in another pool");
        MenuItem workers = menu.getItems().stream().filter(m -> m.getId().equals("editor-pool-item-workers_request_charges"))
                .findFirst().orElseThrow();
        robot.interact(() -> {
            menu.hide();
            workers.fire();
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of("lambda_fn1_requests", "lambda_fn2_requests", "workers_request_charges"),
                window.scenario().pool("lambda_requests_pool").items());
        assertNull(((LineItem) ElementKind.ITEM.find(window.scenario(), "workers_request_charges")).freeAllowance());
    }

    @Test
    void renamingAnItemRenamesItInItsPool(FxRobot robot) {
        select(robot, "items", "lambda_fn1_requests");
        assertTrue(robot.lookup("#editor-form-summary").queryAs(Label.class).getText().endsWith("priced in pool 'lambda_requests_pool'"));
        type(robot, "id", "fn1_requests");
        enter(robot);
        assertEquals(List.of("fn1_requests", "lambda_fn2_requests"), window.scenario().pool("lambda_requests_pool").items());
        select(robot, "pools", "lambda_requests_pool");
        assertEquals("fn1_requests, lambda_fn2_requests", field(robot, "items").getText());
    }

    @Test
    void anUpfrontPaymentTypedInTheFormCountsAndItsTermIsAWholeNumber(FxRobot robot) {
        double upfront = results().upfrontTotal();
        double amortized = results().amortizedMonthlyTotal();
        select(robot, "items", "s3_ia_retrieval");
        assertEquals("", field(robot, "upfront").getText());
        assertNotNull(field(robot, "upfront").getTooltip(), "the field says what it is");
        type(robot, "termMonths", "0");
        assertEquals("termMonths must be at least 1", message(robot, "termMonths").getText());
        type(robot, "termMonths", "1.5");
        assertEquals("'1.5' is not a whole number", message(robot, "termMonths").getText());
        assertTrue(robot.lookup("#editor-apply").query().isDisabled());
        type(robot, "termMonths", "24");
        assertFalse(message(robot, "termMonths").isVisible());
        type(robot, "upfront", "1200");
        enter(robot);

        LineItem it = (LineItem) ElementKind.ITEM.find(window.scenario(), "s3_ia_retrieval");
        assertEquals("1200", it.upfront());
        assertEquals(24, it.termMonths());
        assertEquals(upfront + 1200, results().upfrontTotal(), 1e-9);
        assertEquals(amortized + 50, results().amortizedMonthlyTotal(), 1e-9);
    }

    @Test
    void aLeverEffectOnAPoolTakesTheModelsChangesAndATierTable(FxRobot robot) {
        add(robot, "lever");
        String id = window.scenario().levers().get(window.scenario().levers().size() - 1).id();
        pick(robot, "effects[0].target", "pool");
        assertEquals(LeverEffect.changes(LeverEffect.Target.POOL), choice(robot, "effects[0].change").getItems());
        pick(robot, "effects[0].targetId", "lambda_requests_pool");
        pick(robot, "effects[0].change", "freeAllowance");
        type(robot, "effects[0].value", "2000000");
        enter(robot);
        LeverEffect e = window.scenario().levers().get(window.scenario().levers().size() - 1).effects().get(0);
        assertEquals("lambda_requests_pool", e.pool());
        assertEquals("2000000", e.freeAllowance());
        assertEquals(new Draft.EffectRow("pool", "lambda_requests_pool", "freeAllowance", "2000000"), Drafts.effectRow(e));
        assertEquals("2000000", field(robot, "effects[0].value").getText());

        ToggleSwitch on = robot.lookup("#field-enabled").queryAs(ToggleSwitch.class);
        robot.interact(on::fire);
        WaitForAsyncUtils.waitForFxEvents();
        // (33M - 2M) x $0.20 / 1M instead of (33M - 1M) x ...
        assertEquals(6.20, pool(results(), "lambda_requests_pool").monthly(), 1e-9);
        assertEquals(Formats.money(results().monthlyTotal(), "USD"), headlineTotal(robot));
        assertEquals("$124,567.97", headlineTotal(robot));

        pick(robot, "effects[0].change", "tiers");
        TextField value = field(robot, "effects[0].value");
        assertTrue(value.getTooltip().getText().contains("10000: 0.10; 80000: 0.07; 0.05"), "the cell's tooltip gives the syntax");
        assertEquals("e.g. 10000: 0.10; 80000: 0.07; 0.05", value.getPromptText());
        type(robot, "effects[0].value", "10 1");
        Label msg = message(robot, "effects[0].value");
        assertTrue(msg.isVisible());
        assertTrue(msg.getText().startsWith("position 3: tier 1: '10 1' is not a unit price"), msg.getText());
        type(robot, "effects[0].value", "10000000: 0.3; 0.1");
        assertFalse(msg.isVisible());
        enter(robot);
        e = window.scenario().levers().stream().filter(l -> l.id().equals(id)).findFirst().orElseThrow().effects().get(0);
        assertEquals(List.of(new Tier(1e7, "0.3"), new Tier(null, "0.1")), e.tiers());
        // 32M billable after the 1M free: 10M at $0.30/M, 22M at $0.10/M
        assertEquals(5.20, pool(results(), "lambda_requests_pool").monthly(), 1e-9);
        assertEquals("10000000: 0.3; 0.1", value.getText());
    }

    @Test
    void removingAPoolPricesItsItemsAgain(FxRobot robot) {
        Scenario before = window.scenario();
        select(robot, "items", "lambda_fn1_requests");
        robot.clickOn("#editor-remove");
        WaitForAsyncUtils.waitForFxEvents();
        String text = robot.lookup("#editor-message").queryAs(Label.class).getText();
        assertTrue(text.contains("pool 'lambda_requests_pool' (items)"), text);
        assertEquals(before, window.scenario());

        select(robot, "pools", "lambda_requests_pool");
        robot.clickOn("#editor-remove");
        WaitForAsyncUtils.waitForFxEvents();
        assertNull(window.scenario().pool("lambda_requests_pool"));
        assertEquals("0.20", ((LineItem) ElementKind.ITEM.find(window.scenario(), "lambda_fn1_requests")).unitPrice());
        // each pays for its own requests now, without the shared million free: 33 x $0.20
        assertEquals(6.60, results().item("lambda_fn1_requests").monthly() + results().item("lambda_fn2_requests").monthly(), 1e-9);
    }
}
