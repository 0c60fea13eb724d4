package costscope.whatif;

import costscope.model.Scenario;
import costscope.model.Variant;

import java.util.ArrayList;
import java.util.List;

/**
 * The states the Compare view offers: the model as the sliders have it now, then each variant applied to it. Keys are
 * unique even when a variant is called "current" or "base". Also which of the ticked states is the reference and which
 * the waterfall goes to.
 */
public final class CompareStates {
    public static final String CURRENT_KEY = "current-sliders";
    public static final String CURRENT_LABEL = "Current (sliders)";
    private static final String VARIANT_PREFIX = "variant:";

    /** One state to pick: {@code key} names it in the view, {@code label} is what the user reads. */
    public record State(String key, String label) {
        public boolean isCurrent() {
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
    public static List<State> offered(Scenario sc) {
        List<State> out = new ArrayList<>();
        out.add(new State(CURRENT_KEY, CURRENT_LABEL));
        for (Variant v : sc.variants()) out.add(new State(VARIANT_PREFIX + v.id(), v.displayName()));
        return out;
    }

    /** The first two variants; with one variant, the current state and that variant; with none, nothing. */
    public static List<State> defaultSelection(List<State> offered) {
        List<State> variants = offered.stream().filter(s -> !s.isCurrent()).toList();
        if (variants.size() >= 2) return variants.subList(0, 2);
        if (variants.size() == 1) return List.of(offered.get(0), variants.get(0));
        return List.of();
    }

    /** The scenario a state stands for: the document's scenario, or a variant applied to it. */
    public static Compare.Named resolve(Scenario sc, State s) {
        // not Variants.resolve(sc, BASE): a variant may itself be called "base"; the current state is the scenario as is
        if (s.isCurrent()) return new Compare.Named(Variants.BASE, CURRENT_LABEL, sc);
        Compare.Named v = Variants.resolve(sc, s.key().substring(VARIANT_PREFIX.length()));
        return new Compare.Named(v.id(), s.label(), v.scenario());
    }

    /**
     * What the ticked states compare: the reference (the one picked, while ticked, else the first ticked), the other
     * ticked states, and the waterfall's target among them (the one picked, while there, else the first).
     */
    public record Selection(State reference, List<State> others, State target) {
        public Selection {
            others = List.copyOf(others);
        }

        /** The states in column order: the reference, then the others. */
        public List<State> columns() {
            List<State> out = new ArrayList<>();
            if (reference != null) out.add(reference);
            out.addAll(others);
            return out;
        }
    }

    /** The selection for the states ticked (in the offered order), keeping the reference and target picked if it can. */
    public static Selection select(List<State> ticked, State reference, State target) {
        State ref = reference != null && ticked.contains(reference) ? reference : ticked.isEmpty() ? null : ticked.get(0);
        List<State> others = ticked.stream().filter(s -> !s.equals(ref)).toList();
        return new Selection(ref, others, target != null && others.contains(target) ? target : others.isEmpty() ? null : others.get(0));
    }
}
