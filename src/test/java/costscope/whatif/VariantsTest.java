package costscope.whatif;

import costscope.files.ScenarioFiles;
import costscope.model.Scenario;
import costscope.model.Variant;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class VariantsTest {
    static Scenario raptor() throws Exception {
        return ScenarioFiles.load(Path.of("sample-scenarios/raptorflow.json"));
    }

    @Test
    void idsAreMadeFromNamesAndKeptUnique() throws Exception {
        Scenario s = raptor();
        assertEquals("haiku_for_moderation", Variants.newId(s, "Haiku for moderation"));
        assertEquals("phase1_2", Variants.newId(s, "Phase1"));
        assertEquals("v_10x_users", Variants.newId(s, "10x users!"));
        assertEquals("variant", Variants.newId(s, "!!!"));
        assertEquals("base_2", Variants.newId(s, "Base"));
    }

    @Test
    void updateRenameAndRemove() throws Exception {
        Scenario s = raptor().withVariant("phase2");
        assertTrue(Variants.matches(s, s.variant("phase2")));
        assertFalse(Variants.matches(s, s.variant("phase1")));
        Scenario moved = s.withDriverValue("api_requests", 5e6);
        assertTrue(Variants.matches(moved, moved.variant("phase2")), "phase 2 sets levers only: any traffic is in it");
        assertFalse(Variants.matches(moved.withLeverEnabled("serverless", true), moved.variant("phase2")));
        Scenario updated = Variants.updateToCurrent(moved, "phase2");
        Variant v = updated.variant("phase2");
        assertEquals(5e6, v.drivers().get("api_requests"), 0);
        assertEquals("Phase 2: advanced", v.label(), "the label and description stay");
        assertTrue(Variants.matches(updated, v));
        assertEquals("Week 2", Variants.rename(updated, "phase2", "Week 2").variant("phase2").label());
        assertEquals(List.of("current", "phase1", "phase3"), Variants.remove(updated, "phase2").variants().stream().map(Variant::id).toList());
        assertEquals("Sets 7 levers", Variants.summary(raptor().variant("phase1")));
        assertEquals("Sets 15 drivers and 7 levers", Variants.summary(v));
    }

    @Test
    void switchingSetsDriversAndLeversButNeverWritesAVariantsPricesIntoTheModel() throws Exception {
        Scenario s = costscope.files.ScenarioFiles.parse("""
                {"format": "costscope-scenario", "version": 1, "name": "t",
                 "drivers": [{"id": "people", "label": "Users", "value": 1000}],
                 "categories": [{"id": "c", "label": "C"}],
                 "items": [{"id": "tokens", "label": "Tokens", "category": "c", "quantity": "people * 100", "unitPrice": 0.01}],
                 "variants": [{"id": "a", "drivers": {"people": 2000}, "prices": {"tokens": 0.02}},
                              {"id": "b", "drivers": {"people": 3000}}]}
                """, "t.json");
        Scenario a = Variants.switchTo(s, "a");
        assertEquals(2000, a.driver("people").value(), 0);
        assertEquals("0.01", a.items().get(0).unitPrice(), "the model keeps its own price");
        assertTrue(Variants.matches(a, a.variant("a")));
        Scenario b = Variants.switchTo(a, "b");
        assertEquals("0.01", b.items().get(0).unitPrice());
        assertFalse(Variants.matches(b, b.variant("a")));
        // evaluated as a variant (Compare, waterfall, CLI), its price applies
        assertEquals("0.02", Variants.resolve(b, "a").scenario().items().get(0).unitPrice());
        assertEquals(List.of(), Variants.resolve(b, "a").scenario().variants(), "compared states do not carry the variant list");
    }

    @org.junit.jupiter.api.Test
    void removingAVariantTakesItOutOfTheTimelinesEvents() throws Exception {
        costscope.model.Scenario s = costscope.files.ScenarioFiles.load(java.nio.file.Path.of("sample-scenarios/raptorflow.json"))
                .withTimeline(costscope.model.TimelineBuilder.builder().months(6).events(java.util.List.of(
                        costscope.model.TimelineEventBuilder.builder().month(1).label("Phase 1").variant("phase1").build(),
                        costscope.model.TimelineEventBuilder.builder().month(2).label("Phase 2").variant("phase2").cost(100.0).build()))
                        .build());
        costscope.model.Scenario r = Variants.remove(Variants.remove(s, "phase1"), "phase2");
        org.junit.jupiter.api.Assertions.assertEquals(1, r.timeline().events().size(), "the event that only applied phase1 goes");
        org.junit.jupiter.api.Assertions.assertNull(r.timeline().events().get(0).variant());
        org.junit.jupiter.api.Assertions.assertEquals(100.0, r.timeline().events().get(0).cost());
        costscope.engine.CompiledScenario.compile(r);   // still a valid scenario
    }
}
