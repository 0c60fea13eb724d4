package costscope.whatif;

import costscope.files.ScenarioFiles;
import costscope.model.InputException;
import costscope.model.Scenario;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CompareTest {
    @Test
    void raptorFlowPhasesSideBySideWithDifferencesFromTheFirst() throws Exception {
        Scenario sc = ScenarioFiles.load(Path.of("sample-scenarios/raptorflow.json"));
        assertEquals(List.of("current", "phase1", "phase2", "phase3"), sc.variants().stream().map(v -> v.id()).toList());
        Compare c = Compare.run(List.of(Variants.resolve(sc, "current"), Variants.resolve(sc, "phase1"), Variants.resolve(sc, "phase3")));
        assertEquals(List.of("Current", "Phase 1: quick wins", "Phase 3: serverless"), c.columns().stream().map(Compare.Column::label).toList());
        Compare.Row fargate = c.row("fargate");
        // one 512/1024 task at $0.04048/h x 720 h = $29.1456
        assertEquals(29.1456, fargate.value(0), 1e-9);
        // right-sized (half the price) and 70% on Spot at 70% off: 14.5728 x (1 - 0.49) = 7.432128
        assertEquals(7.432128, fargate.value(1), 1e-9);
        assertEquals(0, fargate.value(2), 0);
        assertEquals(7.432128 - 29.1456, fargate.difference(1), 1e-9);
        assertEquals((7.432128 - 29.1456) / 29.1456, fargate.relative(1), 1e-12);
        assertEquals(-1, fargate.relative(2), 1e-12);
        Compare.Row total = c.row("total");
        assertEquals(Compare.RowKind.TOTAL, total.kind());
        assertEquals(total.value(0), c.columns().get(0).results().monthlyTotal(), 0);
        assertEquals(total.value(2) - total.value(0), total.difference(2), 0);
        // each category row is the sum of its item rows
        for (Compare.Row r : c.rows()) {
            if (r.kind() != Compare.RowKind.CATEGORY) continue;
            for (int i = 0; i < 3; i++) {
                final int col = i;
                double items = sc.items().stream().filter(it -> it.category().equals(r.key()))
                        .mapToDouble(it -> c.row(it.id()).value(col)).sum();
                assertEquals(r.value(i), items, 1e-9, r.key());
            }
        }
        assertTrue(c.rows().stream().anyMatch(r -> r.key().equals("costPer_request")), "the business denominators are compared");
    }

    @Test
    void baseIsTheModelAsItIsAndUnknownIdsAreNamed() throws Exception {
        Scenario sc = ScenarioFiles.load(Path.of("sample-scenarios/raptorflow.json"));
        assertEquals("Base model", Variants.resolve(sc, "base").label());
        var x = assertThrows(InputException.class, () -> Variants.resolve(sc, "phase9"));
        assertEquals("'phase9' is not a variant (have: current, phase1, phase2, phase3, base)", x.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Compare.run(List.of(Variants.resolve(sc, "base"))));
    }
}
