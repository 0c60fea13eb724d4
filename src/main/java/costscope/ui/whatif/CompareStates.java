package costscope.ui.whatif;

import costscope.model.Scenario;
import costscope.model.Variant;
import costscope.whatif.Compare;
import costscope.whatif.Variants;

import java.util.ArrayList;
import java.util.List;

/**
 * The states the Compare view offers: the model as the sliders have it now, then each variant applied to it. Keys are
 * unique even when a variant is called "current" or "base". No JavaFX.
 */
final class CompareStates {
    static final String CURRENT_KEY = "current-sliders";
    static final String CURRENT_LABEL = "Current (sliders)";
    private static final String VARIANT_PREFIX = "variant:";

    /** One state to pick: {@code key} names it in the view, {@code label} is what the user reads. */
    record State(String key, String label) {
        boolean isCurrent() {
            return key.equals(CURRENT_KEY);
        }

        @Override
        public String toString() {
            return label;
        }
    }

    private CompareStates() {
    }

    /** "Current (sliders)" first, then the variants in the file's order; just the current state when there are none. */
    static List<State> offered(Scenario sc) {
        List<State> out = new ArrayList<>();
        out.add(new State(CURRENT_KEY, CURRENT_LABEL));
        for (Variant v : sc.variants()) out.add(new State(VARIANT_PREFIX + v.id(), v.displayName()));
        return out;
    }

    /** The first two variants; with one variant, the current state and that variant; with none, nothing. */
    static List<State> defaultSelection(List<State> offered) {
        List<State> variants = offered.stream().filter(s -> !s.isCurrent()).toList();
        if (variants.size() >= 2) return variants.subList(0, 2);
        if (variants.size() == 1) return List.of(offered.get(0), variants.get(0));
        return List.of();
    }

    /** The scenario a state stands for: the document's scenario, or a variant applied to it. */
    static Compare.Named resolve(Scenario sc, State s) {
        // not Variants.resolve(sc, BASE): a variant may itself be called "base"; the current state is the scenario as is
        if (s.isCurrent()) return new Compare.Named(Variants.BASE, CURRENT_LABEL, sc);
        Compare.Named v = Variants.resolve(sc, s.key().substring(VARIANT_PREFIX.length()));
        return new Compare.Named(v.id(), s.label(), v.scenario());
    }
}
