package costscope.whatif;

import costscope.engine.CompiledScenario;
import costscope.engine.Evaluator;
import costscope.files.ScenarioFiles;
import costscope.model.InputException;
import costscope.model.Scenario;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SensitivityTest {
    static final String MODEL = """
            {"format": "costscope-scenario", "version": 1, "name": "t",
             "drivers": [{"id": "people", "label": "Users", "value": 10000},
                         {"id": "price", "label": "Token price", "value": 0.5},
                         {"id": "share", "label": "Cached share", "value": 0.9, "min": 0, "max": 1},
                         {"id": "unused", "label": "Unused", "value": 7}],
             "categories": [{"id": "c", "label": "C"}],
             "items": [{"id": "tokens", "label": "Tokens", "category": "c", "quantity": "people", "unitPrice": "price"},
                       {"id": "servers", "label": "Servers", "category": "c", "quantity": "ceil(people / 1000)", "unitPrice": 10},
                       {"id": "cache", "label": "Cache misses", "category": "c", "quantity": "(1 - share) * 1000", "unitPrice": 1}],
             "business": {"users": {"label": "user", "formula": "people"}}}
            """;

    static Evaluator evaluator(String json) throws Exception {
        Scenario sc = ScenarioFiles.parse(json, "t.json");
        Evaluator e = CompiledScenario.compile(sc).newEvaluator();
        e.setValues(sc);
        return e;
    }

    @Test
    void eachBarIsTheOutputAtTheDriversLowAndHighWithTheOthersFixedSortedByEffect() throws Exception {
        Evaluator e = evaluator(MODEL);
        Sensitivity s = Sensitivity.run(e, Output.of(e.compiled().scenario(), "total"), 0.2);
        // total = people * price + ceil(people/1000) * 10 + (1 - share) * 1000 = 5,000 + 100 + 100 = 5,200
        assertEquals(5200, s.base(), 1e-9);
        assertEquals(List.of("people", "price", "share", "unused"), s.bars().stream().map(Sensitivity.Bar::driver).toList());
        Sensitivity.Bar users = s.bars().get(0);
        // 8,000 users: 4,000 + 80 + 100 = 4,180; 12,000: 6,000 + 120 + 100 = 6,220
        assertEquals(8000, users.low(), 1e-9);
        assertEquals(12000, users.high(), 1e-9);
        assertEquals(4180, users.outLow(), 1e-9);
        assertEquals(6220, users.outHigh(), 1e-9);
        assertEquals(2040, users.effect(), 1e-9);
        Sensitivity.Bar price = s.bars().get(1);
        // price 0.4: 4,000 + 200 = 4,200; 0.6: 6,000 + 200 = 6,200
        assertEquals(4200, price.outLow(), 1e-9);
        assertEquals(6200, price.outHigh(), 1e-9);
        Sensitivity.Bar share = s.bars().get(2);
        // share 0.72 .. 1.08, kept inside its max of 1: 0.72 -> 280 misses; 1.0 -> 0
        assertEquals(0.72, share.low(), 1e-12);
        assertEquals(1.0, share.high(), 0);
        assertEquals(5100 + 280, share.outLow(), 1e-9);
        assertEquals(5100, share.outHigh(), 1e-9);
        assertEquals(280, share.effect(), 1e-9);
        assertEquals(0, s.bars().get(3).effect(), 0);
        assertEquals(10000, e.driverValue("people"), 0, "the evaluator handed in is not changed");
    }

    @Test
    void costPerUserAndAWiderSwing() throws Exception {
        Evaluator e = evaluator(MODEL);
        Sensitivity s = Sensitivity.run(e, Output.of(e.compiled().scenario(), "costPerUser"), 0.5);
        assertEquals(0.52, s.base(), 1e-12);
        Sensitivity.Bar users = s.bars().stream().filter(b -> b.driver().equals("people")).findFirst().orElseThrow();
        // 5,000 users: (2,500 + 50 + 100) / 5,000 = 0.53; 15,000: (7,500 + 150 + 100) / 15,000 = 0.516666...
        assertEquals(0.53, users.outLow(), 1e-12);
        assertEquals(7750.0 / 15000, users.outHigh(), 1e-12);
        assertEquals("Users", users.label());
    }

    @Test
    void aWideSwingNeverTakesACountBelowZero() throws Exception {
        Evaluator e = evaluator(MODEL);
        Sensitivity s = Sensitivity.run(e, Output.of(e.compiled().scenario(), "total"), 2);
        Sensitivity.Bar users = s.bars().stream().filter(b -> b.driver().equals("people")).findFirst().orElseThrow();
        assertEquals(0, users.low(), 0, "10,000 users -200% is kept at 0");
        assertEquals(30000, users.high(), 0);
        assertEquals(100, users.outLow(), 1e-9, "no users: only the cache misses remain");
    }

    @Test
    void aRealSampleAgainstItsOwnEvaluations() throws Exception {
        Scenario sc = ScenarioFiles.load(Path.of("sample-scenarios/innerworld.json"));
        Evaluator e = CompiledScenario.compile(sc).newEvaluator();
        e.setValues(sc);
        Sensitivity s = Sensitivity.run(e, Output.of(sc, "total"), 0.2);
        for (Sensitivity.Bar b : s.bars()) {
            Evaluator x = e.copy();
            x.setDriver(b.driver(), b.low());
            assertEquals(x.total(), b.outLow(), 0, b.driver());
            x.setDriver(b.driver(), b.high());
            assertEquals(x.total(), b.outHigh(), 0, b.driver());
        }
        for (int i = 1; i < s.bars().size(); i++) assertTrue(s.bars().get(i - 1).effect() >= s.bars().get(i).effect());
        assertEquals(s.bars().size(), sc.drivers().size());
    }

    @Test
    void badOutputsAndSwingsAreRefusedWithTheirPlace() throws Exception {
        Evaluator e = evaluator(MODEL);
        var x = assertThrows(InputException.class, () -> Sensitivity.run(e, Output.of(e.compiled().scenario(), "totl * 2"), 0.2));
        assertEquals("output 'totl * 2', position 0: unknown name 'totl'", x.getMessage());
        var y = assertThrows(IllegalArgumentException.class, () -> Sensitivity.run(e, Output.of(e.compiled().scenario(), "total"), 0));
        assertTrue(y.getMessage().startsWith("swing 0.0: expected above 0"), y.getMessage());
    }
}
