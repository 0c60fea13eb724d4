package costscope.engine;

import costscope.formula.Columnar;

/**
 * How a pool is priced, the one definition of the rule: the sum of its items' quantities is charged once
 * ({@link Tariff}: the pool's free allowance, increment, unit price or tiers), and each item gets the cost in
 * proportion to its quantity (quantity / sum x cost; nothing of a pool whose quantities sum to 0), then its own
 * levers and upfront payment ({@link ItemPricing#finish}). The items' shares add up to the pool's cost.
 *
 * <p>One step prices the pool and every item in it; the items' own nodes have no step.
 */
final class PoolPricing implements CompiledScenario.Step {
    private final int index;
    private final String id;
    final Tariff tariff;
    private final ItemPricing[] members;
    private final int out;

    /** @param out the pool's cost slot; its quantity, unit price and billable slots follow as an item's do */
    PoolPricing(int index, String id, Tariff tariff, ItemPricing[] members, int out) {
        this.index = index;
        this.id = id;
        this.tariff = tariff;
        this.members = members;
        this.out = out;
        for (int k = 0; k < members.length; k++) {
            members[k].pool = this;
            members[k].member = k;
        }
    }

    @Override
    public void run(double[] s) {
        price(s, -1);
    }

    /**
     * The columnar form ({@link CompiledScenario.Step#columns}): {@link #price}'s rule on each sample, the levers'
     * choices made from {@code base}. Null when a member's or the pool's formula has none.
     */
    @Override
    public CompiledScenario.ColumnStep columns(double[] base) {
        Tariff.Charge charge = tariff.columns(base);
        Columnar[] quantity = new Columnar[members.length];
        ItemPricing.Finish[] finish = new ItemPricing.Finish[members.length];
        for (int k = 0; k < members.length; k++) {
            quantity[k] = members[k].quantityColumns(base);
            finish[k] = members[k].finishColumns(base);
            if (quantity[k] == null || finish[k] == null) return null;
        }
        if (charge == null) return null;
        return b -> {
            int n = b.size();
            int m = b.mark();
            double[][] q = new double[members.length][];
            for (int k = 0; k < members.length; k++) {
                q[k] = b.write(members[k].out + SlotLayout.QUANTITY);
                System.arraycopy(quantity[k].eval(b), 0, q[k], 0, n);
                b.release(m);
            }
            double[] total = b.write(out + SlotLayout.QUANTITY);
            for (int i = 0; i < n; i++) {
                double sum = 0;
                for (double[] x : q) sum += x[i];
                total[i] = sum;
            }
            double[] billable = b.write(out + SlotLayout.BILLABLE);
            double[] unit = b.write(out + SlotLayout.UNIT_PRICE);
            double[] cost = b.write(out);
            charge.run(b, total, billable, unit, cost);
            System.arraycopy(cost, 0, b.write(out + SlotLayout.BASIS), 0, n);
            double[] allocated = b.temp();
            for (int k = 0; k < members.length; k++) {
                double[] memberBillable = b.write(members[k].out + SlotLayout.BILLABLE);
                double[] memberUnit = b.write(members[k].out + SlotLayout.UNIT_PRICE);
                for (int i = 0; i < n; i++) {
                    double share = total[i] == 0 ? 0 : q[k][i] / total[i];
                    allocated[i] = total[i] == 0 ? cost[i] * 0 : cost[i] * share;
                    memberBillable[i] = billable[i] * share;
                    memberUnit[i] = unit[i];
                }
                finish[k].run(b, allocated);
            }
            b.release(m);
        };
    }

    /** Prices the pool and its items; returns the steps of item {@code traced} (its index in the pool), or null for -1. */
    PricingSteps price(double[] s, int traced) {
        double total = 0;
        for (ItemPricing m : members) total += m.quantity(s);
        s[out + SlotLayout.QUANTITY] = total;
        Tariff.Trace t = traced >= 0 ? new Tariff.Trace() : null;
        double cost = tariff.price(s, total, out + SlotLayout.BILLABLE, out + SlotLayout.UNIT_PRICE, t);
        s[out] = cost;
        s[out + SlotLayout.BASIS] = cost;
        PricingSteps steps = null;
        for (int k = 0; k < members.length; k++) {
            ItemPricing m = members[k];
            double share = total == 0 ? 0 : s[m.out + SlotLayout.QUANTITY] / total;
            // cost x 0 keeps a cost that is not a number (or infinite) from turning into a quiet 0
            double allocated = total == 0 ? cost * 0 : cost * share;
            s[m.out + SlotLayout.BILLABLE] = s[out + SlotLayout.BILLABLE] * share;
            s[m.out + SlotLayout.UNIT_PRICE] = s[out + SlotLayout.UNIT_PRICE];
            if (k == traced) {
                steps = m.finish(s, allocated, new ItemPricing.Steps(t, null, cost, null, false, cost,
                        new PricingSteps.PoolShare(index, id, total, cost, share, allocated)));
            } else {
                m.finish(s, allocated, null);
            }
        }
        return steps;
    }
}
