package costscope.files;

import costscope.engine.Audit;
import costscope.engine.CompiledScenario;
import costscope.engine.MonteCarlo;
import costscope.model.Problem;
import costscope.model.Scenario;
import costscope.model.ScenarioException;
import costscope.model.StatedFigure;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A figure the report states as a range: read, written back as its ends, audited, and set beside the simulation. */
class StatedRangeTest {
    static final String MODEL = """
            {"format": "costscope-scenario", "version": 1, "name": "r", "currency": "USD",
             "drivers": [{"id": "tracks", "label": "Tracks", "value": 1000, "min": 0,
                          "range": {"distribution": "uniform", "low": 800, "high": 1200}}],
             "categories": [{"id": "gpu", "label": "GPU"}],
             "items": [{"id": "runs", "label": "Runs", "category": "gpu", "quantity": "tracks", "unitPrice": 0.01}],
             "statedFigures": [%s]}
            """;

    static Scenario parse(String figure) throws ScenarioException {
        return ScenarioFiles.parse(MODEL.formatted(figure), "r.json");
    }

    @Test
    void aRangeIsReadAsItsEndsAndWrittenBackTheSame() throws ScenarioException {
        Scenario s = parse("{\"label\": \"GPU $8-12\", \"of\": \"gpu\", \"low\": 8, \"high\": 12}");
        StatedFigure f = s.statedFigures().get(0);
        assertTrue(f.givenAsRange());
        assertEquals(10, f.value(), 0.0);
        assertEquals(4, f.effectiveRounding(), 0.0);
        String json = ScenarioFiles.toJson(s);
        assertTrue(json.contains("""
                      "of": "gpu",
                      "low": 8,
                      "high": 12
                """), json);
        assertFalse(json.substring(json.indexOf("statedFigures")).contains("\"value\""), "a range is written as its ends, not its midpoint");
        assertEquals(json, ScenarioFiles.toJson(ScenarioFiles.parse(json, "again.json")));
    }

    @Test
    void theAuditAgreesAnywhereInTheRangeAndNotOutside() throws ScenarioException {
        // gpu = 1,000 x 0.01 = $10
        assertTrue(audit("{\"label\": \"a\", \"of\": \"gpu\", \"low\": 10, \"high\": 15}").agrees(), "at the low end");
        assertTrue(audit("{\"label\": \"a\", \"of\": \"gpu\", \"low\": 2, \"high\": 10}").agrees(), "at the high end");
        Audit.Line out = audit("{\"label\": \"a\", \"of\": \"gpu\", \"low\": 10.02, \"high\": 15}");
        assertFalse(out.agrees(), "2 cents below the range");
        assertEquals(10.02, out.low(), 0.0);
        assertEquals(15, out.high(), 0.0);
    }

    @Test
    void simulateSetsTheStatedRangeBesideTheModelsP5ToP95() throws ScenarioException {
        // gpu = tracks x 0.01 with tracks uniform on [800, 1200]: P5 = 8.2, P95 = 11.8
        Scenario s = parse("{\"label\": \"inside\", \"of\": \"gpu\", \"low\": 8, \"high\": 12},"
                + "{\"label\": \"overlaps\", \"of\": \"gpu\", \"low\": 11, \"high\": 20},"
                + "{\"label\": \"outside\", \"of\": \"gpu\", \"low\": 13, \"high\": 20},"
                + "{\"label\": \"held\", \"of\": \"gpu\", \"set\": {\"tracks\": 1500}, \"low\": 14, \"high\": 16},"
                + "{\"label\": \"a point\", \"of\": \"gpu\", \"value\": 10}");
        List<MonteCarlo.StatedRange> r = MonteCarlo.statedRanges(CompiledScenario.compile(s).newEvaluator(),
                new MonteCarlo.Options(100_000, 4, 2), () -> false);
        assertEquals(List.of("inside", "overlaps", "outside", "held"), r.stream().map(MonteCarlo.StatedRange::label).toList());
        double se = Math.sqrt(0.05 * 0.95 / 100_000) * 4;   // a uniform's P5 over a width of $4
        assertEquals(8.2, r.get(0).p5(), 4 * se);
        assertEquals(11.8, r.get(0).p95(), 4 * se);
        assertEquals(List.of(true, false, false, true), r.stream().map(MonteCarlo.StatedRange::inside).toList());
        assertEquals(List.of(true, true, false, true), r.stream().map(MonteCarlo.StatedRange::overlaps).toList());
        assertEquals(15, r.get(3).p5(), 0.0, "tracks set to 1,500 is held there, not sampled");
        assertEquals(15, r.get(3).p95(), 0.0);
    }

    @Test
    void aHalfGivenOrDoublyGivenRangeIsAProblemAtItsField() {
        assertEquals(List.of("statedFigures[0].value: give value (and rounding) or low and high, not both"),
                problems("{\"label\": \"a\", \"of\": \"gpu\", \"value\": 10, \"low\": 8, \"high\": 12}"));
        assertEquals(List.of("statedFigures[0].high: a range needs both low and high"),
                problems("{\"label\": \"a\", \"of\": \"gpu\", \"low\": 8}"));
        assertEquals(List.of("statedFigures[0].high: high (8.0) must not be below low (12.0)"),
                problems("{\"label\": \"a\", \"of\": \"gpu\", \"low\": 12, \"high\": 8}"));
    }

    private static Audit.Line audit(String figure) throws ScenarioException {
        return Audit.run(CompiledScenario.compile(parse(figure))).get(0);
    }

    private static List<String> problems(String figure) {
        return assertThrows(ScenarioException.class, () -> parse(figure)).problems().stream().map(Problem::describe).toList();
    }
}
