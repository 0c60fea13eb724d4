package costscope.ui.editor;

import costscope.engine.CompiledScenario;
import costscope.files.ScenarioFiles;
import costscope.model.LineItem;
import costscope.model.Scenario;
import costscope.model.Variable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Candidate building, problem-to-field mapping and removal checks, without a window. */
class EditCheckTest {
    static Scenario innerworld;

    @BeforeAll
    static void load() throws Exception {
        innerworld = ScenarioFiles.load(Path.of("sample-scenarios/innerworld.json"));
    }

    static Draft with(Draft d, String field, String value) {
        Map<String, String> f = new HashMap<>(d.fields());
        f.put(field, value);
        return new Draft(d.kind(), f, d.tiers(), d.effects());
    }

    static Draft draftOf(ElementKind k, String id) {
        return Drafts.of(k.find(innerworld, id));
    }

    @Test
    void aValidPriceMakesACandidateWithOnlyThatChange() throws Exception {
        EditCheck.Result r = EditCheck.check(innerworld, List.of(), ElementKind.ITEM, "sonnet_input",
                with(draftOf(ElementKind.ITEM, "sonnet_input"), "unitPrice", "2.5"));
        assertTrue(r.valid());
        assertTrue(r.changed());
        LineItem it = (LineItem) ElementKind.ITEM.find(r.candidate(), "sonnet_input");
        assertEquals("2.5", it.unitPrice());
        LineItem old = (LineItem) ElementKind.ITEM.find(innerworld, "sonnet_input");
        assertEquals(ModelEdits.replace(innerworld, ElementKind.ITEM, 6, old.withUnitPrice("2.5")), r.candidate());
        double before = CompiledScenario.compile(innerworld).newEvaluator().evaluate().item("sonnet_input").monthly();
        double after = CompiledScenario.compile(r.candidate()).newEvaluator().evaluate().item("sonnet_input").monthly();
        assertEquals(before * 2.5 / 3.0, after, 1e-9);
    }

    @Test
    void anUnchangedFormIsValidAndUnchanged() {
        EditCheck.Result r = EditCheck.check(innerworld, List.of(), ElementKind.ITEM, "sonnet_input", draftOf(ElementKind.ITEM, "sonnet_input"));
        assertTrue(r.valid());
        assertFalse(r.changed());
    }

    @Test
    void anUnknownNameIsOnItsFieldAtItsPosition() {
        EditCheck.Result r = EditCheck.check(innerworld, List.of(), ElementKind.ITEM, "sonnet_input",
                with(draftOf(ElementKind.ITEM, "sonnet_input"), "quantity", "concurrent_users * sonnet_input_tokenz"));
        assertFalse(r.valid());
        FieldProblem p = r.fields().get("quantity");
        assertEquals(19, p.position());
        assertEquals("position 19: unknown name 'sonnet_input_tokenz' (did you mean 'sonnet_input_tokens'?)", p.display());
        assertEquals(38, p.end("concurrent_users * sonnet_input_tokenz"));
    }

    @Test
    void positionsCountTheBlanksTheUserTyped() {
        EditCheck.Result r = EditCheck.check(innerworld, List.of(), ElementKind.VARIABLE, "active_users",
                with(draftOf(ElementKind.VARIABLE, "active_users"), "formula", "   userz * 2"));
        assertEquals(3, r.fields().get("formula").position());
    }

    @Test
    void aSyntaxErrorHasItsPosition() {
        EditCheck.Result r = EditCheck.check(innerworld, List.of(), ElementKind.ITEM, "neptune",
                with(draftOf(ElementKind.ITEM, "neptune"), "unitPrice", "0.348 *"));
        FieldProblem p = r.fields().get("unitPrice");
        assertNotNull(p);
        assertEquals(7, p.position());
    }

    @Test
    void numbersThatDoNotReadAreFieldErrors() {
        EditCheck.Result r = EditCheck.check(innerworld, List.of(), ElementKind.DRIVER, "concurrent_users",
                with(draftOf(ElementKind.DRIVER, "concurrent_users"), "value", "lots"));
        assertNull(r.candidate());
        assertTrue(r.fields().get("value").message().contains("is not a number"));
        r = EditCheck.check(innerworld, List.of(), ElementKind.DRIVER, "concurrent_users",
                with(draftOf(ElementKind.DRIVER, "concurrent_users"), "value", "10k"));
        assertTrue(r.valid());
        assertEquals(10000, r.candidate().driver("concurrent_users").value());
    }

    @Test
    void minAboveMaxIsShownOnMax() {
        EditCheck.Result r = EditCheck.check(innerworld, List.of(), ElementKind.DRIVER, "concurrent_users",
                with(draftOf(ElementKind.DRIVER, "concurrent_users"), "min", "2000000000"));
        assertTrue(r.fields().containsKey("max"), r.toString());
    }

    @Test
    void aCycleIsShownOnTheFormulaThatCloses() {
        // active_users is the business model's user: cost per user depends on it
        EditCheck.Result r = EditCheck.check(innerworld, List.of(), ElementKind.VARIABLE, "active_users",
                with(draftOf(ElementKind.VARIABLE, "active_users"), "formula", "costPerUser * 2"));
        assertFalse(r.valid());
        FieldProblem p = r.fields().get("formula");
        assertNotNull(p, r.toString());
        assertTrue(p.message().startsWith("cycle: "), p.message());
    }

    @Test
    void aDuplicateIdIsRefusedOnTheIdField() {
        EditCheck.Result r = EditCheck.check(innerworld, List.of(), ElementKind.VARIABLE, "active_users",
                with(draftOf(ElementKind.VARIABLE, "active_users"), "id", "concurrent_users"));
        assertEquals("'concurrent_users' is already the id of a driver", r.fields().get("id").message());
        r = EditCheck.check(innerworld, List.of(), ElementKind.VARIABLE, "active_users",
                with(draftOf(ElementKind.VARIABLE, "active_users"), "id", "total"));
        assertTrue(r.fields().get("id").message().contains("built-in name"), r.toString());
    }

    @Test
    void renamingRewritesEveryReference() {
        EditCheck.Result r = EditCheck.check(innerworld, List.of(), ElementKind.VARIABLE, "active_users",
                with(draftOf(ElementKind.VARIABLE, "active_users"), "id", "actives"));
        assertTrue(r.valid(), r.toString());
        assertEquals("actives", r.candidate().business().users().formula());
        assertTrue(References.usesOf(r.candidate(), ElementKind.VARIABLE, "active_users").isEmpty());
        assertEquals(References.usesOf(innerworld, ElementKind.VARIABLE, "active_users").size(),
                References.usesOf(r.candidate(), ElementKind.VARIABLE, "actives").size());
    }

    @Test
    void aBadLeverEffectValueIsOnItsRow() {
        Draft d = draftOf(ElementKind.LEVER, "haiku");
        Draft bad = new Draft(d.kind(), d.fields(), d.tiers(), List.of(new Draft.EffectRow("category", "llm", "factor", "seventy")));
        EditCheck.Result r = EditCheck.check(innerworld, List.of(), ElementKind.LEVER, "haiku", bad);
        assertTrue(r.fields().containsKey("effects[0].value"), r.toString());
        Draft formula = new Draft(d.kind(), d.fields(), d.tiers(), List.of(new Draft.EffectRow("set", "concurrent_users", "formula", "concurent_users * 2")));
        r = EditCheck.check(innerworld, List.of(), ElementKind.LEVER, "haiku", formula);
        assertEquals(0, r.fields().get("effects[0].value").position(), r.toString());
        Draft wrongTarget = new Draft(d.kind(), d.fields(), d.tiers(), List.of(new Draft.EffectRow("item", "llm", "factor", "0.5")));
        r = EditCheck.check(innerworld, List.of(), ElementKind.LEVER, "haiku", wrongTarget);
        assertTrue(r.fields().get("effects[0].targetId").message().contains("'llm' is not an item"), r.toString());
    }

    @Test
    void tiersRoundTripAndTheirProblemsAreOnTheirRow() {
        Draft d = draftOf(ElementKind.ITEM, "neptune");
        Map<String, String> f = new HashMap<>(d.fields());
        f.put("unitPrice", "");
        Draft tiered = new Draft(d.kind(), f, List.of(new Draft.TierRow("1", "0.5"), new Draft.TierRow("", "0.4x")), d.effects());
        EditCheck.Result r = EditCheck.check(innerworld, List.of(), ElementKind.ITEM, "neptune", tiered);
        assertEquals(3, r.fields().get("tiers[1].unitPrice").position(), r.toString());
        Draft backwards = new Draft(d.kind(), f, List.of(new Draft.TierRow("5", "0.5"), new Draft.TierRow("2", "0.4"), new Draft.TierRow("", "0.3")), d.effects());
        r = EditCheck.check(innerworld, List.of(), ElementKind.ITEM, "neptune", backwards);
        assertTrue(r.fields().containsKey("tiers[1].upTo"), r.toString());
        Draft both = new Draft(d.kind(), d.fields(), List.of(new Draft.TierRow("", "0.5")), d.effects());
        r = EditCheck.check(innerworld, List.of(), ElementKind.ITEM, "neptune", both);
        assertTrue(r.fields().get("unitPrice").message().contains("either unitPrice or tiers"), r.toString());
    }

    @Test
    void everyElementOfEverySampleRoundTripsThroughItsDraft() throws Exception {
        for (String name : List.of("innerworld", "billion-users", "raptorflow", "beatsight", "awsomebuilder2", "provider-examples")) {
            Scenario s = ScenarioFiles.load(Path.of("sample-scenarios", name + ".json"));
            for (ElementKind k : ElementKind.values()) {
                for (Object e : k.elements(s)) {
                    Drafts.Built b = Drafts.build(Drafts.of(e));
                    assertEquals(Map.of(), b.errors(), name + " " + ElementKind.id(e));
                    assertEquals(e, b.element(), name + " " + ElementKind.id(e));
                }
            }
        }
    }

    @Test
    void removingIsRefusedWhileSomethingUsesTheElement() {
        String why = EditCheck.whyNotRemove(innerworld, List.of(), ElementKind.CATEGORY, "llm");
        assertNotNull(why);
        assertTrue(why.contains("line item 'sonnet_input' (category)"), why);
        assertTrue(why.contains("lever 'haiku' (effects)"), why);
        why = EditCheck.whyNotRemove(innerworld, List.of(), ElementKind.DRIVER, "concurrent_users");
        assertTrue(why.contains("scale point '10' (values)") || why.contains("more"), why);
        assertNull(EditCheck.whyNotRemove(innerworld, List.of(), ElementKind.LEVER, "lambda_provisioned"));
    }

    @Test
    void aLeverAVariantSwitchesIsRemovedFromTheVariantsToo() throws Exception {
        // a saved variant records every lever; the lever can still go, and the variant forgets it
        Scenario s = costscope.whatif.Variants.saveCurrent(innerworld, "Launch");
        assertNull(EditCheck.whyNotRemove(s, List.of(), ElementKind.LEVER, "lambda_provisioned"));
        int index = ElementKind.LEVER.indexOf(s, "lambda_provisioned");
        Scenario removed = ModelEdits.remove(s, ElementKind.LEVER, index);
        assertTrue(removed.variants().stream().noneMatch(v -> v.levers().containsKey("lambda_provisioned")));
        assertEquals(innerworld.levers().size() - 1, removed.variant("launch").levers().size());
        assertEquals(List.of(), costscope.engine.CompiledScenario.validate(removed));
    }

    @Test
    void removingTheLastCategoryIsRefusedByTheEngine() {
        Scenario one = innerworld.withItems(List.of()).withLevers(List.of()).withCategories(List.of(innerworld.categories().get(0)))
                .withScalePoints(innerworld.scalePoints());
        one = one.withStatedFigures(List.of());
        String why = EditCheck.whyNotRemove(one, CompiledScenario.validate(one), ElementKind.CATEGORY, "database");
        assertNotNull(why);
        assertTrue(why.contains("at least one category"), why);
    }

    @Test
    void addingMakesAValidElementWithAFreeId() {
        for (ElementKind k : ElementKind.values()) {
            EditCheck.Added a = EditCheck.add(innerworld, k, null, 0);
            assertNull(a.error(), k + ": " + a.error());
            assertEquals(List.of(), CompiledScenario.validate(a.candidate()));
            assertEquals(k.elements(innerworld).size() + 1, k.elements(a.candidate()).size());
            assertEquals(0, k.indexOf(a.candidate(), a.id()));
        }
        EditCheck.Added item = EditCheck.add(innerworld, ElementKind.ITEM, "caching", 99);
        assertEquals("caching", ((LineItem) ElementKind.ITEM.find(item.candidate(), item.id())).category());
        Scenario twice = EditCheck.add(EditCheck.add(innerworld, ElementKind.VARIABLE, null, 0).candidate(), ElementKind.VARIABLE, null, 0).candidate();
        assertEquals(List.of("variable_2", "variable_1"), twice.variables().subList(0, 2).stream().map(Variable::id).toList());
    }
}
