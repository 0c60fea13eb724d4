package costscope.whatif;

import costscope.engine.CompiledScenario;
import costscope.engine.Evaluator;
import costscope.files.ScenarioFiles;
import costscope.model.Scenario;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
}
