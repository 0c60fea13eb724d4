package costscope.engine;

import costscope.model.Denominator;
import costscope.model.Lever;
import costscope.model.LeverEffect;
import costscope.model.Scenario;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Where each value lives in the evaluator's {@code double[]}: driver inputs, lever states, lever savings, then one
 * slot per named node (items have {@link #ITEM_SLOTS} - 1 more: quantity, effective unit price, billable quantity,
 * basis, upfront payment and its monthly share; pools have the same block, their cost first), then hidden slots (business inputs, hours per month) handed out while the program is built.
 */
final class SlotLayout {
    /** Offsets of an item's auxiliary slots from its cost slot. */
    static final int QUANTITY = 1;
    static final int UNIT_PRICE = 2;
    static final int BILLABLE = 3;
    static final int BASIS = 4;
    static final int UPFRONT = 5;
    static final int UPFRONT_MONTHLY = 6;
    static final int ITEM_SLOTS = 7;

    /** Every name a formula can use, to its slot. */
    final Map<String, Integer> nameSlot = new HashMap<>();
    /** Totals and business metrics by formula name (costPer_ID included), to their slots. */
    final Map<String, Integer> metricSlot = new LinkedHashMap<>();
    final int[] driverInput;
    final int[] driverSlot;
    final int[] leverSlot;
    final int[] savingSlot;
    final int[] variableSlot;
    final int[] itemSlot;
    final int[] poolSlot;
    final int[] categorySlot;
    /** The category ids, for functions that take them ({@code spend}). */
    final Set<String> categoryIds = new HashSet<>();
    final int totalSlot;
    private int slots;

    SlotLayout(Scenario sc) {
        int nd = sc.drivers().size();
        int nl = sc.levers().size();
        driverInput = new int[nd];
        for (int i = 0; i < nd; i++) driverInput[i] = slots++;
        leverSlot = new int[nl];
        for (int i = 0; i < nl; i++) leverSlot[i] = slots++;
        savingSlot = new int[nl];
        for (int i = 0; i < nl; i++) savingSlot[i] = slots++;
        driverSlot = new int[nd];
        Set<String> replaced = new HashSet<>();
        for (Lever l : sc.levers()) {
            for (LeverEffect e : l.effects()) if (e.set() != null) replaced.add(e.set());
        }
        for (int i = 0; i < nd; i++) {
            String id = sc.drivers().get(i).id();
            if (replaced.contains(id) || nameSlot.containsKey(id)) {
                driverSlot[i] = name(id);
            } else {
                // no lever replaces this driver: formulas read its input slot directly, no copy step
                driverSlot[i] = driverInput[i];
                nameSlot.put(id, driverInput[i]);
            }
        }
        variableSlot = new int[sc.variables().size()];
        for (int i = 0; i < variableSlot.length; i++) variableSlot[i] = name(sc.variables().get(i).id());
        itemSlot = new int[sc.items().size()];
        for (int i = 0; i < itemSlot.length; i++) {
            itemSlot[i] = name(sc.items().get(i).id());
            slots += ITEM_SLOTS - 1;
        }
        poolSlot = new int[sc.pools().size()];
        for (int i = 0; i < poolSlot.length; i++) {
            poolSlot[i] = name(sc.pools().get(i).id());
            slots += ITEM_SLOTS - 1;
        }
        categorySlot = new int[sc.categories().size()];
        for (int i = 0; i < categorySlot.length; i++) {
            categorySlot[i] = name(sc.categories().get(i).id());
            categoryIds.add(sc.categories().get(i).id());
        }
        totalSlot = name(Metric.TOTAL.formulaName());
        for (String m : Metric.reservedNames()) {
            if (!m.equals(Metric.TOTAL.formulaName())) metricSlot.put(m, name(m));
        }
        metricSlot.put(Metric.TOTAL.formulaName(), totalSlot);
        if (!sc.hasUpfront()) {
            // without upfront payments the first year is the annual total and the amortized month the monthly total,
            // to the bit: the names read those slots, and the program computes nothing more
            alias(Metric.FIRST_YEAR_TOTAL.formulaName(), Metric.ANNUAL_TOTAL.formulaName());
            alias(Metric.AMORTIZED_MONTHLY_TOTAL.formulaName(), Metric.TOTAL_NODE);
        }
        if (sc.business() != null) {
            for (Denominator d : sc.business().denominators()) {
                String key = Metric.COST_PER.formulaName() + d.id();
                if (d.id() != null) metricSlot.put(key, name(key));
            }
        }
    }

    private int name(String n) {
        Integer prev = nameSlot.get(n);
        if (prev != null) return prev;
        int s = slots++;
        nameSlot.put(n, s);
        return s;
    }

    /**
     * The node whose slot a metric's name reads when it is an alias (it then has no step of its own), else null: the
     * metric's node depends on it, so that a formula reading the name runs after the slot is computed.
     */
    String aliasOf(String name) {
        return aliases.get(name);
    }

    private final Map<String, String> aliases = new HashMap<>();

    private void alias(String name, String node) {
        int slot = nameSlot.get(node);
        nameSlot.put(name, slot);
        metricSlot.put(name, slot);
        aliases.put(name, node);
    }

    /** A slot no formula can name (a business input, the hours per month). */
    int hidden() {
        return slots++;
    }

    int slotCount() {
        return slots;
    }
}
