package costscope.engine;

import costscope.formula.Compiler;
import costscope.formula.Fn;
import costscope.formula.FormulaException;
import costscope.model.Category;
import costscope.model.Driver;
import costscope.model.Lever;
import costscope.model.LineItem;
import costscope.model.Variable;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** An immutable snapshot of one evaluation: every value, item, category, metric and (optionally) lever saving. */
public final class Results {
    private final CompiledScenario c;
    private final double[] s;
    private final boolean withSavings;

    Results(CompiledScenario c, double[] slots, boolean withSavings) {
        this.c = c;
        this.s = slots;
        this.withSavings = withSavings;
    }

    /** One item: its quantity, effective unit price, billable quantity, basis, monthly cost, share and upfront payment. */
    public record ItemResult(String id, String label, String category, double quantity, double unitPrice,
                             double billable, double basis, double monthly, double share, double upfront) {
    }

    /** One pool: the sum of its items' quantities, the billable part, its average unit price and its monthly cost. */
    public record PoolResult(String id, String label, double quantity, double billable, double unitPrice, double monthly) {
    }

    public record CategoryResult(String id, String label, String color, double monthly, double share) {
    }

    public record LeverResult(String id, String label, boolean enabled, double saving) {
    }

    public CompiledScenario compiled() {
        return c;
    }

    public double monthlyTotal() {
        return s[c.slots.totalSlot];
    }

    public double annualTotal() {
        return s[c.slots.metricSlot.get(Metric.ANNUAL_TOTAL.formulaName())];
    }

    /** The sum of the items' one-time payments. */
    public double upfrontTotal() {
        return s[c.slots.metricSlot.get(Metric.UPFRONT_TOTAL.formulaName())];
    }

    /** The first twelve months: monthly total x 12 + the upfront payments. */
    public double firstYearTotal() {
        return s[c.slots.metricSlot.get(Metric.FIRST_YEAR_TOTAL.formulaName())];
    }

    /** The monthly total plus each upfront payment over its term. */
    public double amortizedMonthlyTotal() {
        return s[c.slots.metricSlot.get(Metric.AMORTIZED_MONTHLY_TOTAL.formulaName())];
    }

    public boolean hasSavings() {
        return withSavings;
    }

    /** The value of any name a formula can use (driver, variable, item, category, total, metric). */
    public double value(String name) {
        int k = c.slotOf(name);
        if (k < 0) throw new IllegalArgumentException("'" + name + "' is not a name in " + c.scenario.name());
        return s[k];
    }

    /** Evaluates a stated-figure formula (names plus quantity(), unitPrice(), basis(), saving()) on this snapshot. */
    public double eval(String formula) {
        if (!withSavings && usesSaving(formula)) {
            throw new IllegalStateException("formula '" + formula + "' uses saving(), but this snapshot was taken without"
                    + " lever savings: use Evaluator.evaluateWithSavings()");
        }
        Fn f;
        try {
            f = c.compileResultFormula(formula);
        } catch (FormulaException e) {
            throw new IllegalArgumentException("formula '" + formula + "': " + e.getMessage(), e);
        }
        return f.eval(s);
    }

    private static boolean usesSaving(String formula) {
        try {
            return Compiler.calls(costscope.formula.Parser.parse(formula), "saving");
        } catch (FormulaException e) {
            return false;
        }
    }


    double evalCompiled(Fn f) {
        return f.eval(s);
    }

    public ItemResult item(String id) {
        return item(index(c.itemIndex, id, "a line item"));
    }

    /** The index of an id in the model, or an error naming what it is not. */
    private int index(Map<String, Integer> ids, String id, String what) {
        Integer i = ids.get(id);
        if (i == null) throw new IllegalArgumentException("'" + id + "' is not " + what + " of " + c.scenario.name());
        return i;
    }

    private ItemResult item(int i) {
        LineItem it = c.scenario.items().get(i);
        int k = c.slots.itemSlot[i];
        double total = monthlyTotal();
        return new ItemResult(it.id(), it.label(), it.category(), s[k + SlotLayout.QUANTITY],
                s[k + SlotLayout.UNIT_PRICE], s[k + SlotLayout.BILLABLE],
                s[k + SlotLayout.BASIS], s[k], share(s[k], total), s[k + SlotLayout.UPFRONT]);
    }

    public List<PoolResult> pools() {
        List<PoolResult> out = new ArrayList<>();
        for (int i = 0; i < c.slots.poolSlot.length; i++) {
            var p = c.scenario.pools().get(i);
            int k = c.slots.poolSlot[i];
            out.add(new PoolResult(p.id(), p.label(), s[k + SlotLayout.QUANTITY], s[k + SlotLayout.BILLABLE],
                    s[k + SlotLayout.UNIT_PRICE], s[k]));
        }
        return out;
    }

    /**
     * A part's share of the total: 0 for nothing of nothing; not a number when the total is not, or is 0 with parts
     * that cancel out (no share can be given), never a quiet 0.
     */
    public static double share(double part, double total) {
        return total == 0 && part == 0 ? 0 : part / total;
    }

    public List<ItemResult> items() {
        List<ItemResult> out = new ArrayList<>();
        for (int i = 0; i < c.slots.itemSlot.length; i++) out.add(item(i));
        return out;
    }

    public CategoryResult category(String id) {
        return category(index(c.categoryIndex, id, "a category"));
    }

    private CategoryResult category(int i) {
        Category cat = c.scenario.categories().get(i);
        double v = s[c.slots.categorySlot[i]];
        return new CategoryResult(cat.id(), cat.label(), cat.color() != null ? cat.color() : Palette.color(i), v,
                share(v, monthlyTotal()));
    }

    public List<CategoryResult> categories() {
        List<CategoryResult> out = new ArrayList<>();
        for (int i = 0; i < c.slots.categorySlot.length; i++) out.add(category(i));
        return out;
    }

    /** Drivers (their effective values, after levers) and variables, in file order. */
    public Map<String, Double> variables() {
        Map<String, Double> m = new LinkedHashMap<>();
        List<Driver> ds = c.scenario.drivers();
        for (int i = 0; i < ds.size(); i++) m.put(ds.get(i).id(), s[c.slots.driverSlot[i]]);
        List<Variable> vs = c.scenario.variables();
        for (int i = 0; i < vs.size(); i++) m.put(vs.get(i).id(), s[c.slots.variableSlot[i]]);
        return Collections.unmodifiableMap(m);
    }

    /**
     * Every business metric by formula name, in {@link Metric} order: users, cost per user, per each denominator, paying
     * users, revenue, profit, margin, break-even, runway (computed whether or not the business model gives inputs for
     * them: see {@link Metric#of} for the ones it does).
     */
    public Map<String, Double> metrics() {
        Map<String, Double> m = new LinkedHashMap<>();
        c.reportedMetrics.forEach((name, slot) -> m.put(name, s[slot]));
        return Collections.unmodifiableMap(m);
    }

    /**
     * The lever whose formula gives a driver's or variable's value at this snapshot (the last enabled one that sets
     * it), or null when none does.
     */
    public Lever setBy(String name) {
        LeverOverrides.Override w = LeverOverrides.winner(c.setters.getOrDefault(name, new LeverOverrides.Override[0]), s);
        return w == null ? null : c.scenario.levers().get(w.lever());
    }

    /**
     * The steps that priced a line item at this snapshot's values (quantity, free allowance, tiers, hours, levers):
     * the item's pricing run again on a copy of these values, so its monthly cost is exactly {@link #item}'s.
     */
    public PricingSteps pricing(String itemId) {
        return c.pricing[index(c.itemIndex, itemId, "a line item")].price(s.clone(), true);
    }

    public List<LeverResult> levers() {
        List<LeverResult> out = new ArrayList<>();
        List<Lever> ls = c.scenario.levers();
        for (int i = 0; i < ls.size(); i++) {
            out.add(new LeverResult(ls.get(i).id(), ls.get(i).label(), s[c.slots.leverSlot[i]] != 0,
                    withSavings ? s[c.slots.savingSlot[i]] : Double.NaN));
        }
        return out;
    }

    /** The lever's saving, or NaN when this snapshot was taken without savings. */
    public double leverSaving(String id) {
        int i = index(c.leverIndex, id, "a lever");
        return withSavings ? s[c.slots.savingSlot[i]] : Double.NaN;
    }
}
