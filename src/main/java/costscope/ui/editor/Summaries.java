package costscope.ui.editor;

import costscope.engine.Results;
import costscope.export.Formats;
import costscope.model.Driver;
import costscope.model.Scenario;
import costscope.model.Variable;

/** One line of what an element amounts to now ("$1,200.00 a month, 8.1% of the total"), for the form's heading. */
public final class Summaries {
    private Summaries() {
    }

    /**
     * The summary of element {@code id} of {@code kind}, from the latest results; "" while the results do not have the
     * element yet (just added or renamed, not recalculated) or it no longer exists.
     */
    public static String of(Scenario s, Results r, ElementKind kind, String id) {
        if (s == null || r == null || id == null) return "";
        if (kind != ElementKind.DRIVER && kind.find(r.compiled().scenario(), id) == null) return "";
        String cur = s.currency() == null ? Scenario.DEFAULT_CURRENCY : s.currency();
        return switch (kind) {
            case DRIVER -> {
                Driver d = s.driver(id);
                yield d == null ? "" : "now " + Formats.number(d.value()) + unit(d.unit());
            }
            case VARIABLE -> {
                Variable v = (Variable) kind.find(s, id);
                yield v == null ? "" : "= " + Formats.number(r.value(id)) + unit(v.unit());
            }
            case ITEM -> {
                Results.ItemResult it = r.item(id);
                var pool = s.poolOf(id);
                yield Formats.money(it.monthly(), cur) + " a month, " + Formats.percent(it.share()) + " of the total"
                        + (it.upfront() != 0 ? ", " + Formats.money(it.upfront(), cur) + " upfront" : "")
                        + (pool == null ? "" : ", priced in pool '" + pool.id() + "'");
            }
            case POOL -> {
                Results.PoolResult p = r.pools().stream().filter(x -> x.id().equals(id)).findFirst().orElse(null);
                yield p == null ? "" : Formats.money(p.monthly(), cur) + " a month, "
                        + Formats.percent(Results.share(p.monthly(), r.monthlyTotal())) + " of the total";
            }
            case CATEGORY -> {
                Results.CategoryResult c = r.category(id);
                yield Formats.money(c.monthly(), cur) + " a month, " + Formats.percent(c.share()) + " of the total";
            }
            case LEVER -> {
                double saving = r.leverSaving(id);
                yield Double.isNaN(saving) ? "" : "saves " + Formats.money(saving, cur) + " a month";
            }
        };
    }

    private static String unit(String u) {
        return u == null || u.isBlank() ? "" : " " + u;
    }
}
