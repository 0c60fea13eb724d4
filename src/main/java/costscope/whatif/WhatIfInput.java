package costscope.whatif;

import costscope.model.Scenario;
import costscope.model.ScenarioException;
import costscope.model.Variant;

import java.util.ArrayList;
import java.util.List;

/**
 * What the what-if charts show, computed without JavaFX: the states compared (variants, or the model as it is and
 * its one variant), the savings waterfall from the first to the second, and the tornado of an output.
 *
 * @param states    the compared states, the reference first; empty when the model has no variants
 * @param waterfall from states[0] to states[1], or null
 */
public record WhatIfInput(List<Compare.Named> states, Compare compare, Waterfall waterfall, String waterfallFrom,
                          String waterfallTo, Sensitivity sensitivity) {
    public WhatIfInput {
        states = List.copyOf(states);
    }

    /** This input with whatever {@code shown} has (what a What-if view shows) taking the place of the defaults. */
    public WhatIfInput with(WhatIfInput shown) {
        if (shown == null) return this;
        boolean compared = shown.compare() != null;
        boolean fall = shown.waterfall() != null;
        return new WhatIfInput(compared ? shown.states() : states, compared ? shown.compare() : compare,
                fall ? shown.waterfall() : waterfall, fall ? shown.waterfallFrom() : waterfallFrom,
                fall ? shown.waterfallTo() : waterfallTo, shown.sensitivity() != null ? shown.sensitivity() : sensitivity);
    }

    /** The parameters: which variants (null: the first two, or the model and its only variant), order, output, swing. */
    public record Params(List<String> variants, List<String> order, String output, double swing) {
        public static Params defaults() {
            return new Params(null, List.of(), "total", Sensitivity.DEFAULT_SWING);
        }
    }

    public String fromLabel() {
        return waterfallFrom;
    }

    public String toLabel() {
        return waterfallTo;
    }

    /** The variant ids compared by default: the first two variants, or "base" and the only one. */
    public static List<String> defaultVariants(Scenario s) {
        List<Variant> vs = s.variants();
        if (vs.size() >= 2) return List.of(vs.get(0).id(), vs.get(1).id());
        if (vs.size() == 1) return List.of(Variants.BASE, vs.get(0).id());
        return List.of();
    }

    /**
     * Computes everything the what-if charts need. Bad parameters (unknown variant, output or order) throw
     * {@link costscope.model.InputException} with the message to show.
     */
    public static WhatIfInput compute(Scenario s, Params p) throws ScenarioException {
        List<String> ids = p.variants() == null ? defaultVariants(s) : p.variants();
        List<Compare.Named> states = new ArrayList<>();
        for (String id : ids) states.add(Variants.resolve(s, id.trim()));
        Compare compare = states.size() >= 2 ? Compare.run(states) : null;
        Waterfall w = states.size() >= 2 ? Waterfall.run(states.get(0).scenario(), states.get(1).scenario(), p.order()) : null;
        Sensitivity sens = Sensitivity.run(s, Output.of(s, p.output()), p.swing());
        return new WhatIfInput(states, compare, w, w == null ? null : states.get(0).label(),
                w == null ? null : states.get(1).label(), sens);
    }
}
