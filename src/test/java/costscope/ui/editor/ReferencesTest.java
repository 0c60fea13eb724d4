package costscope.ui.editor;

import costscope.engine.CompiledScenario;
import costscope.model.Place;
import costscope.model.Problem;
import costscope.model.Problem.Code;
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
        assertEquals(List.of(new References.Use("variants", "original", "levers"), new References.Use("variants", "optimized", "levers"),
                new References.Use("variants", "optimized_regions", "levers")), uses.stream().filter(u -> u.section().equals("variants")).toList());
        assertEquals("variant 'original' (levers)", uses.stream().filter(u -> u.section().equals("variants")).findFirst().orElseThrow().describe());
    }

    @Test
    void poolsFollowRenamesOfTheirItemsAndLeversOfTheirPools() throws Exception {
        Scenario s = ScenarioFiles.load(Path.of("sample-scenarios/provider-examples.json"));
        Scenario r = References.rename(s, "lambda_fn2_compute", "fn2_compute");
        assertEquals(List.of("lambda_fn1_compute", "fn2_compute"), r.pool("lambda_compute_pool").items());
        assertEquals(s.pool("lambda_requests_pool"), r.pool("lambda_requests_pool"));
        assertEquals(List.of(new References.Use("pools", "lambda_compute_pool", "items")),
                References.usesOf(s, ElementKind.ITEM, "lambda_fn2_compute").stream().filter(u -> u.section().equals("pools")).toList());
        assertEquals("pool 'lambda_compute_pool' (items)", new References.Use("pools", "lambda_compute_pool", "items").describe());

        Scenario withLever = s.withLevers(List.of(costscope.model.LeverBuilder.builder().id("more_free").label("More free")
                .effects(List.of(costscope.model.LeverEffectBuilder.builder().pool("lambda_requests_pool").freeAllowance("2000000").build()))
                .build()));
        assertEquals(List.of(new References.Use("levers", "more_free", "effects")),
                References.usesOf(withLever, ElementKind.POOL, "lambda_requests_pool"));
        Scenario renamed = References.rename(withLever, "lambda_requests_pool", "requests_pool");
        assertEquals("requests_pool", renamed.levers().get(0).effects().get(0).pool());
        // a pool's own formulas count as uses of what they name
        Scenario priced = s.withPools(s.pools().stream().map(p -> p.id().equals("fg_requests_pool")
                ? p.withFreeAllowance("fg_a_invocations") : p).toList());
        assertTrue(References.usesOf(priced, ElementKind.DRIVER, "fg_a_invocations").contains(
                new References.Use("pools", "fg_requests_pool", "freeAllowance")));
        assertEquals("fg_a_calls", References.rename(priced, "fg_a_invocations", "fg_a_calls").pool("fg_requests_pool").freeAllowance());
    }

    @Test
    void describeNamesTheFirstUsesAndCountsTheRest() {
        List<References.Use> uses = List.of(new References.Use("items", "a", "quantity"), new References.Use("variables", "b", "formula"),
                new References.Use("business", null, "price"));
        assertEquals("line item 'a' (quantity), variable 'b' (formula) and the business model (price)", References.describe(uses, 4));
        assertEquals("line item 'a' (quantity) and 2 more", References.describe(uses, 1));
    }

    @Test
    void problemPlacesNameTheirField() {
        assertEquals(new ProblemPlaces.Place(ElementKind.ITEM, 3, "quantity"),
                ProblemPlaces.place(Problem.of(Place.element("items", 3, "x").field("quantity").at(4), Code.UNKNOWN_NAME, "unknown name 'y'")));
        assertEquals(new ProblemPlaces.Place(ElementKind.DRIVER, 0, "id"),
                ProblemPlaces.place(Problem.of(Place.path("drivers", 0).field("id"), Code.INVALID_ID, "bad")));
        assertEquals(new ProblemPlaces.Place(ElementKind.ITEM, 1, "tiers[2].unitPrice"),
                ProblemPlaces.place(Problem.of(Place.element("items", 1, "x").row("tiers", 2).field("unitPrice"), Code.MISSING, "missing formula")));
        assertEquals(new ProblemPlaces.Place(ElementKind.ITEM, 1, "tiers[0].upTo"),
                ProblemPlaces.place(Problem.of(Place.element("items", 1, "x").row("tiers", 0), Code.MISSING, "only the last tier may omit upTo")));
        assertEquals(new ProblemPlaces.Place(ElementKind.LEVER, 2, "effects[1].targetId"),
                ProblemPlaces.place(Problem.of(Place.element("levers", 2, "l").row("effects", 1), Code.UNKNOWN_REFERENCE, "'q' is not an item")));
        assertEquals(new ProblemPlaces.Place(ElementKind.LEVER, 2, "effects[0].value"),
                ProblemPlaces.place(Problem.of(Place.element("levers", 2, "l").row("effects", 0).field("formula"), Code.FORMULA, "x")));
        assertEquals(new ProblemPlaces.Place(ElementKind.VARIABLE, 5, null),
                ProblemPlaces.place(new Problem(Place.element("variables", 5, "v"), Code.CYCLE, "cycle: v -> w -> v", List.of("v", "w", "v"))));
        assertNull(ProblemPlaces.place(Problem.of(Place.element("statedFigures", 0, "x").field("of"), Code.FORMULA, "y")));
        assertNull(ProblemPlaces.place(Problem.of(Place.part("business.users").field("formula"), Code.FORMULA, "y")));
        // a problem of the element as a whole goes to the field its code names, whatever the message says
        assertEquals(new ProblemPlaces.Place(ElementKind.ITEM, 4, "unitPrice"), ProblemPlaces.place(new Problem(
                Place.element("items", 4, "x"), Code.CONFLICT, "reworded", List.of("unitPrice", "tiers"))));
        assertEquals(new ProblemPlaces.Place(ElementKind.DRIVER, 1, "max"),
                ProblemPlaces.place(Problem.of(Place.element("drivers", 1, "d"), Code.RANGE, "reworded")));
        // a pool's places: any of its items is its items field
        assertEquals(new ProblemPlaces.Place(ElementKind.POOL, 0, "items"),
                ProblemPlaces.place(Problem.of(Place.element("pools", 0, "p").row("items", 2), Code.UNKNOWN_REFERENCE, "x")));
        assertEquals(new ProblemPlaces.Place(ElementKind.POOL, 0, "unitPrice"),
                ProblemPlaces.place(Problem.of(Place.element("pools", 0, "p").field("unitPrice"), Code.FORMULA, "x")));
        assertEquals(new ProblemPlaces.Place(ElementKind.POOL, 1, "tiers[1].upTo"),
                ProblemPlaces.place(Problem.of(Place.element("pools", 1, "p").row("tiers", 1).field("upTo"), Code.RANGE, "x")));
    }

    @Test
    void theEnginesProblemsLandOnTheirFields() throws Exception {
        Scenario s = ScenarioFiles.load(Path.of("sample-scenarios/innerworld.json"));
        Scenario broken = s.withItems(s.items().stream().map(it -> it.id().equals("neptune")
                ? it.withQuantity("1 + userz") : it).toList());
        List<Problem> ps = CompiledScenario.validate(broken);
        assertEquals(1, ps.size(), ps.toString());
        assertEquals(Code.UNKNOWN_NAME, ps.get(0).code());
        assertEquals(List.of("userz"), ps.get(0).subjects());
        assertEquals(4, ps.get(0).position());
        assertEquals(new ProblemPlaces.Place(ElementKind.ITEM, 0, "quantity"), ProblemPlaces.place(ps.get(0)));
    }

    @Test
    void theTimelinesPathsAndEventsFollowARenameAndAreListedAsUses() throws Exception {
        costscope.model.Scenario s = costscope.files.ScenarioFiles.load(java.nio.file.Path.of("sample-scenarios/raptorflow.json"))
                .withTimeline(costscope.model.TimelineBuilder.builder().months(6)
                        .paths(java.util.List.of(costscope.model.TimelinePathBuilder.builder().driver("api_requests").growth("0.1").build()))
                        .events(java.util.List.of(costscope.model.TimelineEventBuilder.builder().month(2).label("Spot")
                                .levers(java.util.Map.of("fargate_spot", true)).build()))
                        .build());
        assertEquals(java.util.List.of(new References.Use("timeline", null, "path of api_requests")),
                References.usesOf(s, ElementKind.DRIVER, "api_requests").stream().filter(u -> u.section().equals("timeline")).toList());
        assertEquals("the timeline (event 'Spot')", References.usesOf(s, ElementKind.LEVER, "fargate_spot").stream()
                .filter(u -> u.section().equals("timeline")).findFirst().orElseThrow().describe());
        costscope.model.Scenario r = References.rename(References.rename(s, "api_requests", "requests"), "fargate_spot", "spot");
        assertEquals("requests", r.timeline().paths().get(0).driver());
        assertEquals(java.util.Map.of("spot", true), r.timeline().events().get(0).levers());
    }
}
