package costscope.whatif;

import costscope.engine.CompiledScenario;
import costscope.engine.Evaluator;
import costscope.files.ScenarioFiles;
import costscope.model.InputException;
import costscope.model.Scenario;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GoalSeekTest {
    static Evaluator evaluator(String drivers, String items) throws Exception {
        Scenario sc = ScenarioFiles.parse("""
                {"format": "costscope-scenario", "version": 1, "name": "t",
                 "drivers": [%s],
                 "categories": [{"id": "c", "label": "C"}],
                 "items": [%s],
                 "business": {"users": {"label": "user", "formula": "people"}}}
                """.formatted(drivers, items), "t.json");
        Evaluator e = CompiledScenario.compile(sc).newEvaluator();
        e.setValues(sc);
        return e;
    }

    static final String PEOPLE = """
            {"id": "people", "label": "Users", "value": 1000, "min": 10, "max": 1000000000, "scale": "log"}""";

    @Test
    void aStepFunctionIsSolvedAtTheStepThatPassesTheTarget() throws Exception {
        // $100 per server, one server per 5,000 users: $50,000 buys 500 servers, i.e. 2,500,000 users;
        // $50,050 is never hit: the total jumps from $50,000 to $50,100 just above 2,500,000 users.
        Evaluator e = evaluator(PEOPLE, """
                {"id": "servers", "label": "Servers", "category": "c", "quantity": "ceil(people / 5000)", "unitPrice": 100}""");
        GoalSeek g = GoalSeek.solve(e, "people", Output.of(e.compiled().scenario(), "total"), 50_050);
        assertEquals(1, g.solutions().size());
        GoalSeek.Solution s = g.solutions().get(0);
        assertEquals(GoalSeek.Kind.JUMP, s.kind());
        assertEquals(2_500_000, s.x(), 1e-6);
        assertTrue(s.x() > 2_500_000, "the first value past the step");
        assertEquals(50_000, s.outBefore(), 0);
        assertEquals(50_100, s.outAfter(), 0);
        assertTrue(s.rising());
        assertEquals(1000, e.driverValue("people"), 0, "the evaluator handed in is not changed");
    }

    @Test
    void aTargetOnAFlatStepIsAPlateauFromWhereItStartsToWhereItEnds() throws Exception {
        Evaluator e = evaluator("""
                {"id": "people", "label": "Users", "value": 1000, "min": 0, "max": 20000}""", """
                {"id": "servers", "label": "Servers", "category": "c", "quantity": "ceil(people / 5000)", "unitPrice": 100}""");
        GoalSeek g = GoalSeek.solve(e, "people", Output.of(e.compiled().scenario(), "total"), 200);
        assertEquals(1, g.solutions().size());
        GoalSeek.Solution s = g.solutions().get(0);
        assertEquals(GoalSeek.Kind.PLATEAU, s.kind());
        assertEquals(5000, s.x(), 1e-6);
        assertEquals(10000, s.xTo(), 1e-6);
    }

    @Test
    void graduatedTiersAreSolvedExactly() throws Exception {
        // first 1M free, next 9M at $3.50/M, the rest at $2.80/M. $50 = 31.50 + 18.50: 10M + 18.5/2.8 M requests.
        Evaluator e = evaluator("""
                {"id": "req", "label": "Requests", "value": 1000, "min": 0, "max": 100000000},
                {"id": "people", "label": "Users", "value": 1}""", """
                {"id": "api", "label": "API", "category": "c", "quantity": "req", "per": 1000000,
                 "tiers": [{"upTo": 1000000, "unitPrice": 0}, {"upTo": 10000000, "unitPrice": 3.5}, {"unitPrice": 2.8}]}""");
        GoalSeek g = GoalSeek.solve(e, "req", Output.of(e.compiled().scenario(), "total"), 50);
        assertEquals(1, g.solutions().size());
        assertEquals(GoalSeek.Kind.EXACT, g.solutions().get(0).kind());
        assertEquals(10_000_000 + 18.5 / 2.8 * 1_000_000, g.solutions().get(0).x(), 1e-4);
    }

    @Test
    void noSolutionSaysWhatTheOutputRangesOver() throws Exception {
        Evaluator e = evaluator(PEOPLE, """
                {"id": "base", "label": "Baseline", "category": "c", "quantity": 1, "unitPrice": 40},
                {"id": "per_user", "label": "Per user", "category": "c", "quantity": "people", "unitPrice": 0.001}""");
        GoalSeek g = GoalSeek.solve(e, "people", Output.of(e.compiled().scenario(), "total"), 20);
        assertFalse(g.solved());
        assertEquals(40.01, g.outMin(), 1e-9);
        assertEquals(1_000_040, g.outMax(), 1e-6);
        assertEquals("No solution: Monthly total never reaches $20.00 for Users from 10 to 1,000,000,000; it ranges from"
                + " $40.01 to $1,000,040.00.", WhatIfTables.goalSeek(g, "Users", "USD").get(0));
    }

    @Test
    void severalSolutionsAreAllReported() throws Exception {
        // a cost that falls then rises: |people - 5,000| x $1: $1,000 at 4,000 and at 6,000 users
        Evaluator e = evaluator("""
                {"id": "people", "label": "Users", "value": 1000, "min": 0, "max": 10000}""", """
                {"id": "x", "label": "X", "category": "c", "quantity": "abs(people - 5000)", "unitPrice": 1}""");
        GoalSeek g = GoalSeek.solve(e, "people", Output.of(e.compiled().scenario(), "total"), 1000);
        assertEquals(2, g.solutions().size());
        assertEquals(4000, g.solutions().get(0).x(), 1e-6);
        assertFalse(g.solutions().get(0).rising());
        assertEquals(6000, g.solutions().get(1).x(), 1e-6);
        assertTrue(g.solutions().get(1).rising());
        assertTrue(WhatIfTables.goalSeek(g, "Users", "USD").get(0).startsWith("2 solutions: "));
    }

    @Test
    void theConversionThatBreaksEvenIsTheBreakEvenMetric() throws Exception {
        Scenario sc = ScenarioFiles.load(Path.of("sample-scenarios/beatsight.json"));
        Evaluator e = CompiledScenario.compile(sc).newEvaluator();
        e.setValues(sc);
        double expected = e.evaluate().metrics().get("breakEvenConversion");
        GoalSeek g = GoalSeek.solve(e, "paid_conversion", Output.of(sc, "profit"), 0, 0, 1, GoalSeek.DEFAULT_GRID);
        assertEquals(1, g.solutions().size());
        assertEquals(expected, g.solutions().get(0).x(), 1e-12);
        assertEquals(GoalSeek.Kind.EXACT, g.solutions().get(0).kind());
    }

    @Test
    void aDivisionByZeroIsAJumpNotAnAnswer() throws Exception {
        // 100 / (people - 4) changes sign at 4 by going through infinity, never through 0 (an output formula:
        // a line item's cost would stop at 0)
        Evaluator e = evaluator("""
                {"id": "people", "label": "Users", "value": 1, "min": 0, "max": 10}""", """
                {"id": "x", "label": "X", "category": "c", "quantity": "people", "unitPrice": 1}""");
        GoalSeek g = GoalSeek.solve(e, "people", Output.of(e.compiled().scenario(), "100 / (people - 4)"), 0);
        assertEquals(1, g.solutions().size());
        assertEquals(GoalSeek.Kind.JUMP, g.solutions().get(0).kind());
        assertEquals(4, g.solutions().get(0).x(), 1e-9);
    }

    // ---------------------------------------------------------------------------------------- wide ranges, no step

    /**
     * The report: a price driver with max 1e100 (min 0) solving break-even, where the answer is 61,414.77. Bisection
     * used to stop after 200 halvings of [0, 2.5e97] (the first cell of the grid), still 1.6e37 wide, and called that
     * unconverged interval a jump.
     */
    @Test
    void aBreakEvenPriceOnAPriceRangeUpTo1e100IsTheAnswerNotAJump() throws Exception {
        Scenario sc = ScenarioFiles.parse("""
                {"format": "costscope-scenario", "version": 1, "name": "Wide price range",
                 "drivers": [{"id": "active_users", "label": "Users", "value": 1000, "min": 1, "max": 1000000},
                             {"id": "price", "label": "Price", "value": 10, "min": 0, "max": 1e100}],
                 "categories": [{"id": "infra", "label": "Infrastructure"}],
                 "items": [{"id": "servers", "label": "Servers", "category": "infra", "quantity": "active_users",
                            "unitPrice": 3070.7385}],
                 "business": {"users": {"label": "user", "formula": "active_users"}, "price": "price",
                              "conversion": 0.05, "payingBase": "active_users"}}
                """, "wide.json");
        Evaluator e = CompiledScenario.evaluatorAt(sc);
        GoalSeek g = GoalSeek.solve(e, "price", Output.of(sc, "profit"), 0);
        assertEquals(1, g.solutions().size(), g.solutions().toString());
        GoalSeek.Solution s = g.solutions().get(0);
        assertEquals(GoalSeek.Kind.EXACT, s.kind());
        assertEquals(61_414.77, s.x(), 1e-9);
        assertEquals("Price = 61,414.77: Profit = $0.00.", WhatIfTables.goalSeek(g, "Price", "USD").get(0));
    }

    /**
     * A linear output {@code slope * (x - root) + target} over ranges from narrow to the whole of the doubles, with the
     * answer small, large, negative, and the output steep (a step of x moves it by 20) or shallow: always one exact
     * answer, to within a few steps of x, in a bounded number of evaluations (the grid, 64 halvings at most, and two
     * to look at the neighbours).
     */
    @ParameterizedTest(name = "root {0}, slope {1}, target {2}, from {3} to {4}")
    @CsvSource({
            "61414.77, 50, 0, 0, 1e100", "61414.77, 50, 0, 0, 1e300", "61414.77, 50, 0, 1, 1e100",
            "61414.77, 50, 0, -1e300, 1e300", "61414.77, 50, 0, -1.7e308, 1.7e308", "61414.77, 50, 1000, 0, 1e100",
            "-61414.77, 50, 0, -1e100, 1e100", "-61414.77, -50, 0, -1.7e308, 0", "0.5, 1, 0, -1e300, 1e300",
            "1e-200, 1, 0, 0, 1e300", "1e250, 1e-250, 0, 0, 1e300", "-1e250, 1, 0, -1e300, 0",
            // steep and shallow: each step of x moves the output a lot, or very little
            "61414.77, 1e12, 0, 0, 1e100", "61414.77, 1e12, 5e9, -1e300, 1e300", "61414.77, 1e-12, 0, 0, 1e100",
            "61414.77, -1e9, 0, 0, 1e100", "2500000, 1e15, 0, 0, 1e100", "3, 1e300, 0, 0, 10",
            "61414.77, 50, 0, 61000, 62000", "61414.77, 50, 0, 61414.7, 61414.8"})
    void aLinearOutputOverAnyRangeHasOneExactAnswer(double root, double slope, double target, double lo, double hi)
            throws Exception {
        Evaluator e = evaluator(PEOPLE, """
                {"id": "x", "label": "X", "category": "c", "quantity": 1, "unitPrice": 1}""");
        // the output passes the target between two doubles, a third of a step of x below the root, never on one
        double offset = slope * Math.ulp(root) / 3;
        String formula = "(people - " + root + ") * " + slope + " + " + (target + offset);
        GoalSeek g = GoalSeek.solve(e, "people", Output.of(e.compiled().scenario(), formula), target, lo, hi,
                GoalSeek.DEFAULT_GRID);
        assertEquals(1, g.solutions().size(), g.solutions().toString());
        GoalSeek.Solution s = g.solutions().get(0);
        assertEquals(GoalSeek.Kind.EXACT, s.kind(), s.toString());
        assertEquals(root, s.x(), 4 * Math.ulp(root) + 1e-12 * Math.abs(root), s.toString());
        assertEquals(slope > 0, s.rising());
        assertTrue(g.evaluations() <= GoalSeek.DEFAULT_GRID + 64 + 2, "evaluations: " + g.evaluations());
    }

    /** A real step is still a jump at the step's exact x, however wide the range and however the output slopes. */
    @ParameterizedTest(name = "{0} = {1} from {3} to {4}")
    @CsvSource(delimiter = ';', value = {
            // $100 a server, a server per 5,000 users: $50,000 up to 2,500,000 users, then $50,100
            "ceil(people / 5000) * 100; 50050; 2500000; 0; 1e100", "ceil(people / 5000) * 100; 50050; 2500000; 0; 1e300",
            "ceil(people / 5000) * 100; 50050; 2500000; -1e300; 1e300",
            "ceil(people / 5000) * 100; 50050; 2500000; -1.7e308; 1.7e308",
            "ceil(people / 5000) * 100; 50050; 2500000; 10; 1e9",
            // a step on a steep slope: 1e6 a user, and 1e9 more above 1,000
            "people * 1e6 + if(people > 1000, 1e9, 0); 1.5e9; 1000; 0; 1e100",
            // a step at a negative x, from below the target to above it
            "if(people >= -5, 1, -1); 0; -5; -1e300; 1e300",
            // a small step on a small output: 1e-6 up at 0.25
            "if(people > 0.25, 2e-6, 1e-6); 1.5e-6; 0.25; 0; 1e100"})
    void aRealStepIsAJumpAtItsExactX(String formula, double target, double step, double lo, double hi) throws Exception {
        Evaluator e = evaluator(PEOPLE, """
                {"id": "x", "label": "X", "category": "c", "quantity": 1, "unitPrice": 1}""");
        GoalSeek g = GoalSeek.solve(e, "people", Output.of(e.compiled().scenario(), formula), target, lo, hi,
                GoalSeek.DEFAULT_GRID);
        assertEquals(1, g.solutions().size(), g.solutions().toString());
        GoalSeek.Solution s = g.solutions().get(0);
        assertEquals(GoalSeek.Kind.JUMP, s.kind(), s.toString());
        // the first value past the step: the step's x itself when the output takes its new value there (>=), else the
        // next double up
        boolean atStep = formula.contains(">=");
        assertEquals(atStep ? step : Math.nextUp(step), s.x(), 0, s.toString());
        assertTrue(s.outBefore() < target && s.outAfter() > target, s.toString());
        assertTrue(g.evaluations() <= GoalSeek.DEFAULT_GRID + 64 + 2, "evaluations: " + g.evaluations());
    }

    @Test
    void bisectionHalvesTheDoublesBetweenTheEndsSoItEndsWithinSixtyFourHalvings() {
        double[][] ranges = {{0, 1e100}, {-Double.MAX_VALUE, Double.MAX_VALUE}, {-0.0, 0.0}, {1, Math.nextUp(1.0)},
                {-1e-300, 1e-300}, {Double.MIN_VALUE, Double.MAX_VALUE}, {-5, -4}};
        for (double[] r : ranges) {
            double lo = r[0];
            double hi = r[1];
            int halvings = 0;
            while (GoalSeek.key(lo) + 1 < GoalSeek.key(hi)) {
                double mid = GoalSeek.between(lo, hi);
                assertTrue(lo < mid || (lo == mid && GoalSeek.key(lo) < GoalSeek.key(mid)), lo + " < " + mid);
                assertTrue(mid < hi || GoalSeek.key(mid) < GoalSeek.key(hi), mid + " < " + hi);
                if (halvings % 2 == 0) lo = mid;
                else hi = mid;
                halvings++;
            }
            assertTrue(halvings <= 64, lo + " to " + hi + ": " + halvings);
            assertTrue(Math.nextUp(lo) == hi || (lo == -0.0 && hi == 0.0), lo + " and " + hi + " are adjacent");
        }
        assertEquals(GoalSeek.key(-0.0) + 1, GoalSeek.key(0.0));
        assertEquals(GoalSeek.key(0.0) + 1, GoalSeek.key(Double.MIN_VALUE));
        assertTrue(GoalSeek.key(-Double.MAX_VALUE) < GoalSeek.key(-1) && GoalSeek.key(-1) < GoalSeek.key(-Double.MIN_VALUE));
    }

    @Test
    void aTargetOrRangeThatIsNotFiniteIsBadInput() throws Exception {
        Evaluator e = evaluator(PEOPLE, """
                {"id": "x", "label": "X", "category": "c", "quantity": "people", "unitPrice": 1}""");
        Output total = Output.of(e.compiled().scenario(), "total");
        for (double[] bad : new double[][]{{Double.NaN, 0, 1}, {Double.POSITIVE_INFINITY, 0, 1}, {1, Double.NEGATIVE_INFINITY, 1},
                {1, 0, Double.POSITIVE_INFINITY}, {1, Double.NaN, 1}, {1, 2, 1}, {1, 1, 1}}) {
            assertThrows(InputException.class, () -> GoalSeek.solve(e, "people", total, bad[0], bad[1], bad[2], GoalSeek.DEFAULT_GRID),
                    java.util.Arrays.toString(bad));
        }
        assertThrows(InputException.class, () -> GoalSeek.solve(e, "nobody", total, 1));
        assertThrows(IllegalArgumentException.class, () -> GoalSeek.solve(e, "people", total, 1, 0, 1, 1), "a grid of one point is a bug");
    }
}
