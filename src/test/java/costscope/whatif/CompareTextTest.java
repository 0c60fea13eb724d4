package costscope.whatif;

import costscope.files.ScenarioFiles;
import costscope.model.Scenario;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** What the Compare view says, which states it compares and the waterfall order it remembers, on the billion-users plans. */
class CompareTextTest {
    static Scenario billion() throws Exception {
        return ScenarioFiles.load(Path.of("sample-scenarios/billion-users.json"));
    }

    @Test
    void theSummaryAndCaptionGiveTheEnginesDifference() throws Exception {
        Scenario sc = billion();
        Compare.Named original = Variants.resolve(sc, "original");
        Compare.Named optimized = Variants.resolve(sc, "optimized");
        Compare c = Compare.run(List.of(original, optimized));
        assertEquals("Monthly: Optimized plan -$11,314,982.00 (-56.7%) vs Original plan", CompareText.summary(c, "USD"));
        Waterfall w = WaterfallOrder.run(original, optimized, List.of());
        assertEquals("Bars add up to the difference: -$11,314,982.00 (Original plan $19,955,040.00 → Optimized plan "
                + "$8,640,058.00). With interacting changes a bar depends on the order; reorder to see.",
                CompareText.waterfallCaption(w, original.label(), optimized.label(), "USD"));
        Waterfall none = WaterfallOrder.run(original, original, List.of());
        assertEquals("Original plan and Original plan have the same drivers, levers and prices: nothing to show.",
                CompareText.waterfallCaption(none, original.label(), original.label(), "USD"));
    }

    @Test
    void theOrderIsKeptForItsPairAndChangesThatAreGoneAreLeftOut() throws Exception {
        Scenario sc = billion();
        Compare.Named original = Variants.resolve(sc, "original");
        Compare.Named optimized = Variants.resolve(sc, "optimized");
        List<String> ids = Waterfall.defaultOrder(original.scenario(), optimized.scenario());
        WaterfallOrder order = new WaterfallOrder();
        assertEquals(List.of(), order.forPair("a", "b"));
        List<String> reversed = new java.util.ArrayList<>(ids);
        java.util.Collections.reverse(reversed);
        order.set(reversed);
        assertEquals(reversed, order.forPair("a", "b"));
        assertEquals(List.of(), order.forPair("a", "c"), "another pair starts from the default order");
        assertEquals(true, order.isDefault());

        List<String> wanted = new java.util.ArrayList<>(List.of("no_such_change"));
        wanted.addAll(reversed);
        Waterfall w = WaterfallOrder.run(original, optimized, wanted);
        assertEquals(reversed, w.steps().stream().map(s -> s.change().id()).toList());
        assertEquals(w.toTotal() - w.fromTotal(), w.sumOfSteps(), 1e-6);
    }

    @Test
    void theReferenceAndTargetFollowTheTicks() throws Exception {
        List<CompareStates.State> offered = CompareStates.offered(billion());
        CompareStates.State current = offered.get(0);
        CompareStates.State a = offered.get(1);
        CompareStates.State b = offered.get(2);
        CompareStates.State c = offered.get(3);
        CompareStates.Selection kept = CompareStates.select(List.of(a, b, c), b, c);
        assertEquals(b, kept.reference());
        assertEquals(List.of(a, c), kept.others());
        assertEquals(c, kept.target());
        assertEquals(List.of(b, a, c), kept.columns());

        CompareStates.Selection gone = CompareStates.select(List.of(a, c), b, b);
        assertEquals(a, gone.reference(), "the reference was unticked: the first ticked");
        assertEquals(c, gone.target());

        CompareStates.Selection one = CompareStates.select(List.of(current), null, null);
        assertEquals(List.of(current), one.columns());
        assertNull(one.target());
    }
}
