package costscope.whatif;

import costscope.model.Scenario;
import costscope.files.ScenarioFiles;
import costscope.model.Variant;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The states the Compare view offers and picks by default. */
class CompareStatesTest {
    static Scenario load(String name) throws Exception {
        return ScenarioFiles.load(Path.of("sample-scenarios", name));
    }

    static List<String> labels(List<CompareStates.State> states) {
        return states.stream().map(CompareStates.State::label).toList();
    }

    @Test
    void twoOrMoreVariantsPickTheFirstTwo() throws Exception {
        Scenario sc = load("raptorflow.json");
        List<CompareStates.State> offered = CompareStates.offered(sc);
        assertEquals("Current (sliders)", offered.get(0).label());
        assertEquals(sc.variants().size() + 1, offered.size());
        assertEquals(List.of(sc.variants().get(0).displayName(), sc.variants().get(1).displayName()),
                labels(CompareStates.defaultSelection(offered)));
    }

    @Test
    void oneVariantIsComparedWithTheSliders() throws Exception {
        Scenario sc = load("raptorflow.json");
        Scenario one = sc.withVariants(List.of(sc.variants().get(1)));
        assertEquals(List.of("Current (sliders)", sc.variants().get(1).displayName()),
                labels(CompareStates.defaultSelection(CompareStates.offered(one))));
    }

    @Test
    void noVariantsNothingToPick() throws Exception {
        Scenario sc = load("innerworld.json");
        assertTrue(sc.variants().isEmpty());
        assertTrue(CompareStates.defaultSelection(CompareStates.offered(sc)).isEmpty());
    }

    @Test
    void theCurrentStateIsTheScenarioAsIsEvenBesideAVariantCalledBase() throws Exception {
        Scenario sc = load("raptorflow.json");
        Scenario withBase = sc.withVariants(List.of(new Variant("base", "Base", null, Map.of(sc.drivers().get(0).id(), 1.0), Map.of(), Map.of())));
        List<CompareStates.State> offered = CompareStates.offered(withBase);
        Compare.Named current = CompareStates.resolve(withBase, offered.get(0));
        assertSame(withBase, current.scenario());
        assertEquals("Current (sliders)", current.label());
        Compare.Named base = CompareStates.resolve(withBase, offered.get(1));
        assertEquals(1.0, base.scenario().driver(sc.drivers().get(0).id()).value());
    }
}
