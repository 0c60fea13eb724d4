package costscope.ui.editor;

import costscope.model.Problem;
import costscope.model.Scenario;
import costscope.files.ScenarioFiles;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReferencesTest {
    @Test
    void renameInAFormulaTouchesOnlyThatName() {
        assertEquals("a_b * ab + max(ab, 2) - abc", References.renameIn("a_b * a + max(a, 2) - abc", "a", "ab"));
        assertEquals("quantity(new_item) / 2", References.renameIn("quantity(old) / 2", "old", "new_item"));
        assertEquals("broken (", References.renameIn("broken (", "broken", "x"), "a formula that does not parse is left alone");
        assertNull(References.renameIn(null, "a", "b"));
    }

    @Test
    void namesLeaveOutFunctions() {
        assertEquals(Set.of("x", "y"), References.names("max(x, ceil(y))"));
        assertEquals(Set.of(), References.names("1 +"));
    }

    @Test
    void renameFollowsEveryKindOfReference() throws Exception {
        Scenario s = ScenarioFiles.load(Path.of("sample-scenarios/innerworld.json"));
        Scenario r = References.rename(s, "concurrent_users", "ccu");
        assertEquals("ccu", r.sweep().driver());
        assertTrue(r.scalePoints().stream().allMatch(p -> p.values().containsKey("ccu") && !p.values().containsKey("concurrent_users")));
        assertEquals("ccu", r.business().payingBase());
        Scenario c = References.rename(s, "llm", "language_models");
        assertTrue(c.items().stream().noneMatch(i -> i.category().equals("llm")));
        assertEquals("language_models", c.levers().get(0).effects().get(0).category());
        assertEquals(References.usesOf(s, ElementKind.CATEGORY, "llm").size(), References.usesOf(c, ElementKind.CATEGORY, "language_models").size());
    }

    @Test
    void variantsFollowRenamesAndCountAsUses() throws Exception {
        Scenario s = ScenarioFiles.load(Path.of("sample-scenarios/billion-users.json"));
        Scenario r = References.rename(References.rename(s, "total_users", "users_total"), "cdn_cache_hits", "cdn_hits");
        assertEquals(1e9, r.variant("optimized").drivers().get("users_total"), 0);
        assertEquals(true, r.variant("optimized").levers().get("cdn_hits"));
        assertTrue(r.variants().stream().noneMatch(v -> v.drivers().containsKey("total_users") || v.levers().containsKey("cdn_cache_hits")));
        List<References.Use> uses = References.usesOf(s, ElementKind.LEVER, "cheaper_gpus");
        assertEquals(List.of(new References.Use("variant 'original'", "levers"), new References.Use("variant 'optimized'", "levers"),
                new References.Use("variant 'optimized_regions'", "levers")), uses.stream().filter(u -> u.who().startsWith("variant")).toList());
    }

    @Test
    void describeNamesTheFirstUsesAndCountsTheRest() {
        List<References.Use> uses = List.of(new References.Use("a", "x"), new References.Use("b", "y"), new References.Use("c", "z"));
        assertEquals("a (x), b (y) and c (z)", References.describe(uses, 4));
        assertEquals("a (x) and 2 more", References.describe(uses, 1));
    }

    @Test
    void problemPlacesNameTheirField() {
        assertEquals(new ProblemPlaces.Place(ElementKind.ITEM, 3, "quantity"),
                ProblemPlaces.place(Problem.inFormula("items[3] 'x', field quantity", 4, "unknown name 'y'")));
        assertEquals(new ProblemPlaces.Place(ElementKind.DRIVER, 0, "id"), ProblemPlaces.place(Problem.at("drivers[0].id", "bad")));
        assertEquals(new ProblemPlaces.Place(ElementKind.ITEM, 1, "tiers[2].unitPrice"),
                ProblemPlaces.place(Problem.at("items[1] 'x', tiers[2], field unitPrice", "missing formula")));
        assertEquals(new ProblemPlaces.Place(ElementKind.ITEM, 1, "tiers[0].upTo"),
                ProblemPlaces.place(Problem.at("items[1] 'x', tiers[0]", "only the last tier may omit upTo")));
        assertEquals(new ProblemPlaces.Place(ElementKind.LEVER, 2, "effects[1].targetId"),
                ProblemPlaces.place(Problem.at("levers[2] 'l', effects[1]", "'q' is not an item")));
        assertEquals(new ProblemPlaces.Place(ElementKind.LEVER, 2, "effects[0].value"),
                ProblemPlaces.place(Problem.at("levers[2] 'l', effects[0], field formula", "x")));
        assertEquals(new ProblemPlaces.Place(ElementKind.VARIABLE, 5, null), ProblemPlaces.place(Problem.at("variables[5] 'v'", "cycle: v -> w -> v")));
        assertNull(ProblemPlaces.place(Problem.at("statedFigures[0] 'x', field of", "y")));
        assertNull(ProblemPlaces.place(Problem.at("business.users, field formula", "y")));
    }
}
