package costscope.ui.whatif;

import costscope.engine.CompiledScenario;
import costscope.engine.Evaluator;
import costscope.model.Scenario;
import costscope.ui.TestWindow;
import costscope.whatif.Output;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Headless: goal seek through the real window on the example model, whose total is
 * {@code active_users * 0.81 + $254.04} below 100,000 users (one database instance) and one instance more from there:
 * the answers are known in closed form. Solve, apply, undo, the no-solution and step cases, invalid input, re-solving
 * after an edit, and the presets.
 */
@ExtendWith(ApplicationExtension.class)
class GoalSeekViewTest {
    static final Path EXAMPLE = Path.of("src/test/resources/scenarios/example.json");
    static final Path INNERWORLD = Path.of("sample-scenarios/innerworld.json");
    static final double DB = 0.348 * 730;
    TestWindow window;

    @Start
    void start(Stage stage) {
        window = TestWindow.open(stage, EXAMPLE);
    }

    void showGoalSeek(FxRobot robot) {
        TestWindow.showWhatIf(robot, "Goal seek");
    }

    TextField target(FxRobot robot) {
        return robot.lookup("#goalTarget").queryAs(TextField.class);
    }

    void typeTarget(FxRobot robot, String text) {
        TextField f = target(robot);
        robot.clickOn(f);
        robot.interact(f::clear);
        robot.write(text);
    }

    void solve(FxRobot robot, String text) {
        typeTarget(robot, text);
        robot.clickOn("#goalSolve");
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** The sentences on show, in order. */
    List<String> sentences(FxRobot robot) {
        return robot.lookup("#goalResults .goal-sentence").queryAllAs(Label.class).stream().map(Label::getText).toList();
    }

    List<Button> applyButtons(FxRobot robot) {
        return List.copyOf(robot.lookup("#goalResults .goal-apply").queryAllAs(Button.class));
    }

    static double total(Scenario s) throws Exception {
        Evaluator e = CompiledScenario.compile(s).newEvaluator();
        e.setValues(s);
        return e.total();
    }

    @Test
    void solvesTheTotalForUsersAppliesAndUndoes(FxRobot robot) throws Exception {
        showGoalSeek(robot);
        assertEquals("active_users", robot.lookup("#goalDriver").queryAs(ComboBox.class).getValue(), "the sweep driver first");
        assertEquals("10", robot.lookup("#goalFrom").queryAs(TextField.class).getText(), "the slider's range");
        assertEquals("1,000,000,000", robot.lookup("#goalTo").queryAs(TextField.class).getText());
        solve(robot, "1,500");
        double x = (1500 - DB) / 0.81;
        assertEquals(List.of("Active users = 1,538.22: Monthly total = $1,500.00."), sentences(robot).subList(0, 1));
        List<Button> apply = applyButtons(robot);
        assertEquals(1, apply.size());
        assertEquals("Set Active users to 1,538.22", apply.get(0).getText());

        robot.clickOn(apply.get(0));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(x, window.scenario().driver("active_users").value(), 1e-6);
        assertEquals(1500, total(window.scenario()), 1e-6);
        assertEquals("Undo Goal seek: Active users = 1,538.22", window.context().document().undoLabelProperty().get());
        // solved again for the new values: the same answer, now the current value
        assertEquals("Active users is at 1,538.22", applyButtons(robot).get(0).getText());
        assertTrue(applyButtons(robot).get(0).isDisabled());

        robot.press(KeyCode.CONTROL, KeyCode.Z).release(KeyCode.Z, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1000, window.scenario().driver("active_users").value(), 0);
        assertEquals("Set Active users to 1,538.22", applyButtons(robot).get(0).getText());
    }

    @Test
    void enterSolvesAndAnEditSolvesAgain(FxRobot robot) throws Exception {
        showGoalSeek(robot);
        typeTarget(robot, "50k");
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Active users = 61,414.77: Monthly total = $50,000.00.", sentences(robot).get(0));
        // twice the messages: half the users for the same total, without pressing Solve again
        robot.interact(() -> window.context().document().edit("Messages", s -> s.withDriverValue("messages", 600)));
        WaitForAsyncUtils.waitForFxEvents();
        double x = (50_000 - DB) / 1.62;
        assertEquals("Set Active users to 30,707.38", applyButtons(robot).get(0).getText());
        robot.clickOn(applyButtons(robot).get(0));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(x, window.scenario().driver("active_users").value(), 1e-6);
    }

    @Test
    @SuppressWarnings("unchecked")
    void aDriverWithAStepOffersTheNextStepThatStillMeetsTheTarget(FxRobot robot) throws Exception {
        showGoalSeek(robot);
        robot.interact(() -> robot.lookup("#goalDriver").queryAs(ComboBox.class).setValue("messages"));
        assertEquals("0", robot.lookup("#goalFrom").queryAs(TextField.class).getText(), "the range follows the driver");
        assertEquals("3,000", robot.lookup("#goalTo").queryAs(TextField.class).getText());
        solve(robot, "1500");
        // 1,000 users: total = messages * 2.7 + 254.04
        double m = (1500 - DB) / 2.7;
        assertEquals("Messages per user = " + costscope.export.Formats.number(m) + ": Monthly total = $1,500.00.", sentences(robot).get(0));
        List<Button> apply = applyButtons(robot);
        assertEquals(List.of("Set Messages per user to 461.47", "Round up to 470 (Monthly total $1,523.04)"),
                apply.stream().map(Button::getText).toList());
        robot.clickOn(apply.get(1));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(470, window.scenario().driver("messages").value(), 0);
        assertEquals(1523.04, total(window.scenario()), 1e-9);
        assertEquals("Messages per user is at 470", applyButtons(robot).get(1).getText());
    }

    @Test
    void aStepIsAJumpAndAnUnreachableTargetHasNoSolution(FxRobot robot) throws Exception {
        showGoalSeek(robot);
        // at 100,000 users a second database instance: the total jumps past $81,300
        solve(robot, "81300");
        assertEquals("Active users = 100,000: Monthly total jumps from $81,254.04 to $81,508.08 (a step), passing $81,300.00.",
                sentences(robot).get(0));
        solve(robot, "10");
        assertTrue(sentences(robot).get(0).startsWith("No solution: Monthly total never reaches $10.00 for Active users from 10 "
                + "to 1,000,000,000; it ranges from $262.14 to "), sentences(robot).get(0));
        assertTrue(applyButtons(robot).isEmpty());
    }

    @Test
    void anInvalidTargetIsMarkedAndNotSolved(FxRobot robot) {
        showGoalSeek(robot);
        List<String> hint = sentences(robot);
        solve(robot, "abc");
        assertTrue(target(robot).getStyleClass().contains(GoalSeekController.INVALID));
        Label error = robot.lookup("#goalFormError").queryAs(Label.class);
        assertTrue(error.isVisible());
        assertTrue(error.getText().startsWith("Target: 'abc' is not a number"), error.getText());
        assertEquals(hint, sentences(robot), "nothing solved");
        // a bad search range too
        robot.interact(() -> robot.lookup("#goalFrom").queryAs(TextField.class).setText("5000"));
        robot.interact(() -> robot.lookup("#goalTo").queryAs(TextField.class).setText("100"));
        solve(robot, "1500");
        assertTrue(error.getText().contains("lower to a higher"), error.getText());
        assertEquals(hint, sentences(robot));
        robot.interact(() -> {
            robot.lookup("#goalFrom").queryAs(TextField.class).setText("100");
            robot.lookup("#goalTo").queryAs(TextField.class).setText("2k");
        });
        robot.clickOn("#goalSolve");
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(error.isVisible());
        assertFalse(target(robot).getStyleClass().contains(GoalSeekController.INVALID));
        assertEquals("Active users = 1,538.22: Monthly total = $1,500.00.", sentences(robot).get(0));
    }

    @Test
    void presetsAskWhatTheModelCanAnswer(FxRobot robot) throws Exception {
        showGoalSeek(robot);
        // the example's conversion is a number, not a driver: no break-even question
        assertEquals(List.of("Active users before the monthly total passes $50,000?", "Cost per active user under $1?"),
                robot.lookup("#goalPresets .goal-preset").queryAllAs(Hyperlink.class).stream().map(Hyperlink::getText).toList());

        solve(robot, "1500");
        assertEquals("Active users = 1,538.22: Monthly total = $1,500.00.", sentences(robot).get(0));

        // another model without that driver: the old goal is dropped, not shown as an error
        robot.interact(() -> window.context().files().open(INNERWORLD));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(sentences(robot).get(0).startsWith("Pick a driver, an output and a target"), sentences(robot).toString());
        Hyperlink breakEven = robot.lookup("#goalPresets .goal-preset").queryAllAs(Hyperlink.class).stream()
                .filter(h -> h.getText().equals("What conversion covers the costs (profit 0)?")).findFirst().orElseThrow();
        robot.clickOn(breakEven);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("premium_conversion", robot.lookup("#goalDriver").queryAs(ComboBox.class).getValue());
        robot.clickOn(applyButtons(robot).get(0));
        WaitForAsyncUtils.waitForFxEvents();
        // the profit at the applied conversion is zero, evaluated here
        Scenario s = window.scenario();
        Evaluator e = CompiledScenario.compile(s).newEvaluator();
        e.setValues(s);
        double profit = e.value(Output.of(s, "profit").compile(e.compiled()));
        assertEquals(0, profit, 1e-6);
        assertTrue(s.driver("premium_conversion").value() > 0.3, "InnerWorld needs over 30% paying: " + s.driver("premium_conversion").value());
    }
}
