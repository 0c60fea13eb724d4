package costscope.whatif;

import costscope.files.ScenarioFiles;
import costscope.model.InputException;
import costscope.model.Scenario;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The goal as the Goal seek view asks it, on the example model: its total is {@code 2.7 * messages + $254.04} at
 * 1,000 active users (900 tokens a message at $3 per million, one database instance), and messages move in steps of 10.
 */
class GoalTest {
    static final double DB = 0.348 * 730;

    static Scenario example() throws Exception {
        return ScenarioFiles.load(Path.of("src/test/resources/scenarios/example.json"));
    }

    @Test
    void eachAnswerIsRoundedUpToTheDriversStepWhereTheTargetStillHolds() throws Exception {
        Scenario s = example();
        Goal.Answer a = new Goal("messages", Output.of(s, "total"), 1500, 0, 3000).solve(s);
        assertEquals(1, a.seek().solutions().size());
        assertEquals((1500 - DB) / 2.7, a.seek().solutions().get(0).x(), 1e-6);
        assertEquals(List.of(470.0), a.stepped());
        assertEquals(2.7 * 470 + DB, a.steppedOutput().get(0), 1e-9);
    }

    @Test
    void noRoundingWithoutAStepOrPastTheSearchRange() throws Exception {
        Scenario s = example();
        Goal.Answer users = new Goal("active_users", Output.of(s, "total"), 1500, 10, 100_000).solve(s);
        assertEquals((1500 - DB) / 0.81, users.seek().solutions().get(0).x(), 1e-6);
        assertTrue(Double.isNaN(users.stepped().get(0)), "active users has no step");
        Goal.Answer capped = new Goal("messages", Output.of(s, "total"), 1500, 0, 465).solve(s);
        assertTrue(Double.isNaN(capped.stepped().get(0)), "470 is past the end of the search range");
    }

    @Test
    void aDriverThatIsGoneIsSaidSo() throws Exception {
        Scenario s = example();
        InputException e = assertThrows(InputException.class,
                () -> new Goal("gone", Output.of(s, "total"), 1, 0, 1).solve(s));
        assertEquals("'gone' is no longer a driver of the model", e.getMessage());
    }

    @Test
    void nextStepIsTheNextMultipleWrittenWithTheStepsDecimals() {
        assertEquals(470, Goal.nextStep(461.47, 10));
        assertEquals(0.15, Goal.nextStep(0.123, 0.05));
        assertTrue(Double.isNaN(Goal.nextStep(460, 10)), "already on a step");
    }

    @Test
    void readingTheFormGivesTheGoalOrEveryProblem() throws Exception {
        Output total = Output.of(example(), "total");
        Goal.Reading ok = Goal.read("messages", total, "1.5k", "0", "3,000");
        assertEquals(new Goal("messages", total, 1500, 0, 3000), ok.goal());
        assertEquals(List.of(), ok.problems());

        Goal.Reading bad = Goal.read(null, null, "abc", "5", "5");
        assertNull(bad.goal());
        assertEquals(Set.of(Goal.Field.TARGET, Goal.Field.TO), bad.invalid());
        assertEquals(4, bad.problems().size(), bad.problems().toString());
        assertEquals("Pick a driver to solve for.", bad.problems().get(0));
        assertEquals("Pick an output.", bad.problems().get(1));
        assertTrue(bad.problems().get(2).startsWith("Target: "), bad.problems().get(2));
        assertEquals("The search range must go from a lower to a higher value.", bad.problems().get(3));
    }

    @Test
    void presetsAskOnlyWhatTheModelHasInputsFor() throws Exception {
        Scenario s = example();
        assertEquals(List.of(
                new GoalPresets.Preset("Active users before the monthly total passes $50,000?", "active_users", "total", 50_000),
                new GoalPresets.Preset("Cost per active user under $1?", "active_users", "costPerUser", 1)),
                GoalPresets.of(s, Output.choices(s)));
        Scenario inner = ScenarioFiles.load(Path.of("sample-scenarios/innerworld.json"));
        assertEquals(new GoalPresets.Preset("What conversion covers the costs (profit 0)?", "premium_conversion", "profit", 0),
                GoalPresets.of(inner, Output.choices(inner)).get(0));
        Scenario noSweep = s.withSweep(null);
        assertEquals(List.of(), GoalPresets.of(noSweep, Output.choices(noSweep)), "no sweep driver, no conversion driver");
    }
}
