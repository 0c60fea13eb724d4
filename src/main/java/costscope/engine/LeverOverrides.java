package costscope.engine;

import costscope.formula.Fn;
import costscope.model.Lever;
import costscope.model.LeverEffect;
import costscope.model.LineItem;
import costscope.model.Place;
import costscope.model.Problem;
import costscope.model.Problem.Code;
import costscope.model.Scenario;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The levers' effects by what they change, each list in lever order (when several enabled levers touch the same
 * thing, the last one listed wins a replacement and every factor applies): a driver's or variable's value
 * ({@code id}), an item's {@code quantity} or {@code unitPrice} formula, its {@code fixed} monthly figure, its
 * {@code freeAllowance}, {@code tiers} or {@code upfront}, a pool's {@code freeAllowance}, {@code unitPrice} or
 * {@code tiers}, or a {@code factor} on an item's monthly cost (its own, or its category's).
 */
final class LeverOverrides {
    /**
     * One effect on one target: the lever (index and slot) and effect index, and the replacement formula (with the
     * names it uses) or the factor or figure.
     */
    record Override(int lever, int effect, int leverSlot, Fn fn, double value, Tariff.Table table, Set<String> deps) {
        Override(int lever, int effect, int leverSlot, Fn fn, double value, Set<String> deps) {
            this(lever, effect, leverSlot, fn, value, null, deps);
        }
    }

    static final String QUANTITY = "#quantity";
    static final String UNIT_PRICE = "#unitPrice";
    static final String FIXED = "#fixed";
    static final String FACTOR = "#factor";
    static final String FREE = "#freeAllowance";
    static final String TIERS = "#tiers";
    static final String UPFRONT = "#upfront";

    private final Map<String, List<Override>> byTarget = new HashMap<>();

    LeverOverrides(Scenario sc, SlotLayout layout, Checker check, Formulas formulas, List<Problem> problems) {
        for (int l = 0; l < sc.levers().size(); l++) {
            Lever lv = sc.levers().get(l);
            Place lw = Place.element("levers", l, lv.id());
            if (lv.effects().isEmpty()) check.add(lw, Code.MISSING, "a lever needs at least one effect");
            for (int e = 0; e < lv.effects().size(); e++) {
                LeverEffect ef = lv.effects().get(e);
                Place at = lw.row("effects", e);
                LeverEffect.Kind kind = ef.kind();
                if (kind == null) {
                    check.add(at, Code.CONFLICT, "an effect needs exactly one target and one change: an item takes "
                            + String.join(", ", LeverEffect.changes(LeverEffect.Target.ITEM)) + "; a category, factor; a pool, "
                            + String.join(", ", LeverEffect.changes(LeverEffect.Target.POOL)) + "; set, a formula");
                    continue;
                }
                String target = ef.target();
                String want = switch (kind.target()) {
                    case SET -> "driver or variable";
                    case CATEGORY -> "category";
                    case POOL -> "pool";
                    case ITEM -> "item";
                };
                if (!check.target(target, want, at)) continue;
                int ls = layout.leverSlot[l];
                switch (kind) {
                    case ITEM_FACTOR -> add(target + FACTOR, new Override(l, e, ls, null, ef.factor(), Set.of()));
                    case CATEGORY_FACTOR -> {
                        for (LineItem it : sc.items()) {
                            if (target.equals(it.category())) add(it.id() + FACTOR, new Override(l, e, ls, null, ef.factor(), Set.of()));
                        }
                    }
                    case ITEM_FIXED -> add(target + FIXED, new Override(l, e, ls, null, ef.fixedMonthly(), Set.of()));
                    case ITEM_TIERS, POOL_TIERS -> {
                        Set<String> names = new java.util.LinkedHashSet<>();
                        Tariff.Table t = Tariff.table(ef.tiers(), at, formulas, check, names);
                        if (t != null) add(target + TIERS, new Override(l, e, ls, null, 0, t, names));
                    }
                    default -> {
                        String field = ef.changedField();
                        Formulas.Compiled f = formulas.at(at.field(field));
                        problems.addAll(f.problems());
                        if (f.fn() == null) continue;
                        String key = kind == LeverEffect.Kind.SET ? target : target + "#" + field;
                        add(key, new Override(l, e, ls, f.fn(), 0, f.names()));
                    }
                }
            }
        }
    }

    private void add(String key, Override o) {
        byTarget.computeIfAbsent(key, k -> new ArrayList<>()).add(o);
    }

    /**
     * Of the effects replacing one value, the one that holds at these slot values: the last enabled one (in lever
     * order), or null when none is on. The one rule of lever precedence for replacements.
     */
    static Override winner(Override[] ov, double[] s) {
        Override w = null;
        for (Override o : ov) if (s[o.leverSlot()] != 0) w = o;
        return w;
    }

    /** The effects on a target key ({@code id}, or an item id with {@link #QUANTITY} and the like), in lever order. */
    Override[] of(String key) {
        return byTarget.getOrDefault(key, List.of()).toArray(new Override[0]);
    }
}
