package costscope.ui.editor;

import costscope.engine.CompiledScenario;
import costscope.model.Billing;
import costscope.model.CategoryBuilder;
import costscope.model.Correlation;
import costscope.model.Denominator;
import costscope.model.Driver;
import costscope.model.DriverBuilder;
import costscope.model.Element;
import costscope.model.LeverBuilder;
import costscope.model.LeverEffectBuilder;
import costscope.model.LineItem;
import costscope.model.LineItemBuilder;
import costscope.model.Pool;
import costscope.model.PoolBuilder;
import costscope.model.Range;
import costscope.model.Scenario;
import costscope.model.VariableBuilder;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Pure edits of a scenario's element lists: replace, insert and remove one element, and new elements with free ids.
 * A pool prices its items, so an edit of a pool moves pricing with its items in the same edit: a line item that
 * joins a pool leaves its own pricing to the pool ({@link #joined}); one that leaves a pool (or whose pool is removed)
 * takes the pool's pricing as its own ({@link #left}). Without that no item could ever join or leave a pool in an
 * edit that keeps the model valid.
 */
public final class ModelEdits {
    private ModelEdits() {
    }

    /** A copy of {@code list} with the element at {@code index} replaced. */
    public static <T> List<T> replaced(List<? extends T> list, int index, T value) {
        List<T> out = new ArrayList<>(list);
        out.set(index, value);
        return List.copyOf(out);
    }

    /** A copy of {@code list} with {@code value} inserted at {@code index} (the size appends). */
    public static <T> List<T> inserted(List<? extends T> list, int index, T value) {
        List<T> out = new ArrayList<>(list);
        out.add(index, value);
        return List.copyOf(out);
    }

    /** A copy of {@code list} without the element at {@code index}. */
    public static <T> List<T> removed(List<? extends T> list, int index) {
        List<T> out = new ArrayList<>(list);
        out.remove(index);
        return List.copyOf(out);
    }

    /**
     * The scenario with the element at {@code index} of the kind's list replaced by {@code element}; for a pool, the
     * items that join or leave it change pricing with it.
     */
    public static Scenario replace(Scenario s, ElementKind kind, int index, Object element) {
        Scenario out = kind.withElements(s, replaced(kind.elements(s), index, (Element) element));
        if (element instanceof Driver d && d.range() == null) return uncorrelated(out, s.drivers().get(index).id());
        return element instanceof Pool p ? repriced(out, s.pools().get(index), p) : out;
    }

    /**
     * The scenario with driver {@code id}'s range set to {@code range} (null: cleared, and the correlations that name the
     * driver go with it, since only uncertain drivers correlate).
     */
    public static Scenario withRange(Scenario s, String id, Range range) {
        int index = ElementKind.DRIVER.indexOf(s, id);
        if (index < 0) throw new IllegalArgumentException("'" + id + "' is not a driver");
        return replace(s, ElementKind.DRIVER, index, s.drivers().get(index).withRange(range));
    }

    /** The scenario without the correlations that name driver {@code id}. */
    static Scenario uncorrelated(Scenario s, String id) {
        if (s.correlations().stream().noneMatch(c -> c.between().contains(id))) return s;
        return s.withCorrelations(s.correlations().stream().filter(c -> !c.between().contains(id)).toList());
    }

    /**
     * What an edit of a driver ({@code before} to {@code after}) does besides: when its range is cleared, one sentence
     * naming the correlations that go with it.
     */
    static List<String> driverNotes(Scenario s, Driver before, Driver after) {
        if (before.range() == null || after.range() != null) return List.of();
        List<String> others = new ArrayList<>();
        for (Correlation c : s.correlations()) {
            if (!c.between().contains(before.id())) continue;
            for (String id : c.between()) if (!id.equals(before.id())) others.add("'" + id + "'");
        }
        if (others.isEmpty()) return List.of();
        return List.of("without a range it correlates with nothing: its correlation" + (others.size() == 1 ? "" : "s")
                + " with " + and(others) + (others.size() == 1 ? " goes" : " go"));
    }

    /** The scenario with {@code element} inserted; a new pool takes over the pricing of its items. */
    public static Scenario insert(Scenario s, ElementKind kind, int index, Object element) {
        Scenario out = kind.withElements(s, inserted(kind.elements(s), index, (Element) element));
        return element instanceof Pool p ? repriced(out, null, p) : out;
    }

    /**
     * The scenario without the element; the variants forget what they set on it (in the same, undoable, edit); the
     * items of a pool removed take its pricing as their own; a driver's correlations go with it.
     */
    public static Scenario remove(Scenario s, ElementKind kind, int index) {
        Object element = kind.elements(s).get(index);
        String id = ElementKind.id(element);
        Scenario out = kind.withElements(s, removed(kind.elements(s), index));
        if (element instanceof Pool p) out = repriced(out, p, null);
        if (element instanceof Driver) out = uncorrelated(out, id);
        return out.withVariants(out.variants().stream().map(v -> v.withDrivers(without(v.drivers(), id))
                .withLevers(without(v.levers(), id)).withPrices(without(v.prices(), id))).toList());
    }

    // --- items joining and leaving a pool ------------------------------------------------------------------------

    /**
     * The scenario (with the pool already as {@code after}) in which the items that joined it (in {@code after}, not
     * in {@code before}) gave up their own pricing and those that left it (in {@code before} only, now in no pool)
     * took {@code before}'s pricing. {@code before} null: a new pool; {@code after} null: the pool was removed.
     */
    static Scenario repriced(Scenario s, Pool before, Pool after) {
        List<String> was = before == null ? List.of() : before.items();
        List<String> now = after == null ? List.of() : after.items();
        List<LineItem> items = new ArrayList<>(s.items());
        boolean changed = false;
        for (int i = 0; i < items.size(); i++) {
            LineItem it = items.get(i);
            LineItem r = it;
            if (now.contains(it.id()) && !was.contains(it.id())) r = joined(it);
            else if (was.contains(it.id()) && !now.contains(it.id()) && s.poolOf(it.id()) == null) r = left(it, before);
            if (!r.equals(it)) {
                items.set(i, r);
                changed = true;
            }
        }
        return changed ? s.withItems(items) : s;
    }

    /**
     * A line item joining a pool: without the pricing the pool gives (unit price, tiers, tier mode, per, price unit,
     * free allowance, increment, and "perUnit" billing, which prices as monthly). Hourly billing, hours, a minimum and
     * a fixed monthly figure are kept: they change the cost, and the engine asks for them to be removed first.
     */
    static LineItem joined(LineItem it) {
        return it.with(b -> b.unitPrice(null).tiers(List.of()).tierMode(null).per(null).priceUnit(null).freeAllowance(null)
                .increment(null).billing(it.billing() == Billing.PER_UNIT ? null : it.billing()));
    }

    /**
     * A line item leaving pool {@code p} (or whose pool is removed): it takes the pool's unit price or tiers, tier
     * mode, per, price unit and increment as its own, and the free allowance only when it was the pool's one item
     * (a shared allowance is not copied to each item). An item that still has a price of its own is left alone.
     */
    static LineItem left(LineItem it, Pool p) {
        if (it.unitPrice() != null || !it.tiers().isEmpty()) return it;
        boolean alone = p.items().size() == 1;
        return it.with(b -> b.unitPrice(p.unitPrice()).tiers(p.tiers()).tierMode(p.tierMode()).per(p.per())
                .priceUnit(it.priceUnit() != null ? it.priceUnit() : p.priceUnit()).increment(p.increment())
                .freeAllowance(alone ? p.freeAllowance() : it.freeAllowance()));
    }

    /**
     * What an edit of a pool ({@code before} to {@code after}, either null for an added or removed pool) in scenario
     * {@code s} does to its items' pricing: one sentence per item that joins or leaves it.
     */
    static List<String> poolNotes(Scenario s, Pool before, Pool after) {
        List<String> out = new ArrayList<>();
        List<String> was = before == null ? List.of() : before.items();
        List<String> now = after == null ? List.of() : after.items();
        for (LineItem it : s.items()) {
            if (now.contains(it.id()) && !was.contains(it.id())) {
                List<String> gone = pricingFields(it);
                if (it.billing() == Billing.PER_UNIT) gone.add("billing");
                if (!gone.isEmpty()) {
                    out.add("'" + it.id() + "' joins the pool, which prices it: its own " + and(gone) + " go");
                }
            } else if (was.contains(it.id()) && !now.contains(it.id())) {
                LineItem r = left(it, before);
                if (!r.equals(it)) {
                    out.add("'" + it.id() + "' leaves the pool and takes its " + and(pricingFields(r))
                            + (before.items().size() == 1 || before.freeAllowance() == null ? "" : " (not the shared free allowance)"));
                }
            }
        }
        return out;
    }

    /** The pricing fields an item has, by their names in the file. */
    private static List<String> pricingFields(LineItem it) {
        List<String> out = new ArrayList<>();
        if (it.unitPrice() != null) out.add("unitPrice");
        if (!it.tiers().isEmpty()) out.add("tiers");
        if (it.tierMode() != null) out.add("tierMode");
        if (it.per() != null) out.add("per");
        if (it.priceUnit() != null) out.add("priceUnit");
        if (it.freeAllowance() != null) out.add("freeAllowance");
        if (it.increment() != null) out.add("increment");
        return out;
    }

    private static String and(List<String> words) {
        if (words.size() <= 1) return String.join("", words);
        return String.join(", ", words.subList(0, words.size() - 1)) + " and " + words.get(words.size() - 1);
    }

    /**
     * The line item a new pool starts with: line item {@code near} when it is one (null when it cannot,
     * {@link #whyNotStartPool}), else the first line item that can. Null when none can.
     */
    static LineItem poolStarter(Scenario s, String near) {
        for (LineItem it : s.items()) {
            if (it.id().equals(near)) return whyNotStartPool(s, it) == null ? it : null;
        }
        return s.items().stream().filter(it -> whyNotStartPool(s, it) == null).findFirst().orElse(null);
    }

    /**
     * Why a new pool cannot start with line item {@code it} (taking over its pricing, so that nothing changes), or
     * null when it can: it is in no pool, has a unit price or tiers, and nothing a pooled item may not have.
     */
    static String whyNotStartPool(Scenario s, LineItem it) {
        if (s.poolOf(it.id()) != null) return "it is in pool '" + s.poolOf(it.id()).id() + "' already";
        if (it.unitPrice() == null && it.tiers().isEmpty()) return "it has no unit price or tiers to give the pool";
        List<String> own = new ArrayList<>();
        if (it.effectiveBilling() == Billing.HOURLY) own.add("hourly billing");
        if (it.hours() != null) own.add("hours");
        if (it.minimumMonthly() != null) own.add("a minimum monthly");
        if (it.fixedMonthly() != null) own.add("a fixed monthly figure");
        return own.isEmpty() ? null : "it has " + and(own) + ", which an item in a pool may not have";
    }

    private static <V> Map<String, V> without(Map<String, V> m, String key) {
        if (!m.containsKey(key)) return m;
        Map<String, V> out = new LinkedHashMap<>(m);
        out.remove(key);
        return out;
    }

    /** Every id in the scenario's one namespace, with what it names ("driver", "line item"...). */
    public static Map<String, String> ids(Scenario s) {
        Map<String, String> out = new LinkedHashMap<>();
        for (ElementKind k : ElementKind.values()) {
            for (Object e : k.elements(s)) out.putIfAbsent(ElementKind.id(e), k.noun());
        }
        if (s.business() != null) {
            for (Denominator d : s.business().denominators()) {
                if (d.id() != null) out.putIfAbsent(d.id(), "denominator");
            }
        }
        return out;
    }

    /** {@code base_1}, {@code base_2}...: the first that no element uses. */
    public static String freshId(Scenario s, String base) {
        Map<String, String> taken = ids(s);
        for (int n = 1; ; n++) {
            String id = base + "_" + n;
            if (!taken.containsKey(id) && !CompiledScenario.RESERVED.contains(id)) return id;
        }
    }

    /**
     * A new, valid element of the kind: a driver at 1, a variable and a line item worth 0 (the item in
     * {@code near}, a category, or the first category), a category with the palette colour, a lever that is off and
     * changes nothing yet (a factor of 1 on the first category), a pool of one line item ({@code near} or the first
     * that can start one, {@link #poolStarter}) priced as the item was, so that nothing changes yet. Null when there
     * is no such item for a pool.
     */
    public static Object newElement(Scenario s, ElementKind kind, String near) {
        String category = kind == ElementKind.ITEM ? near : null;
        return switch (kind) {
            case DRIVER -> DriverBuilder.builder().id(freshId(s, "driver")).label("New driver").value(1).build();
            case VARIABLE -> VariableBuilder.builder().id(freshId(s, "variable")).label("New variable").formula("0").build();
            case ITEM -> LineItemBuilder.builder().id(freshId(s, "item")).label("New line item")
                    .category(category != null ? category : s.categories().isEmpty() ? null : s.categories().get(0).id())
                    .quantity("0").unitPrice("0").build();
            case CATEGORY -> CategoryBuilder.builder().id(freshId(s, "category")).label("New category").build();
            case LEVER -> LeverBuilder.builder().id(freshId(s, "lever")).label("New lever").effects(List.of(LeverEffectBuilder.builder()
                    .category(s.categories().isEmpty() ? null : s.categories().get(0).id()).factor(1.0).build())).build();
            case POOL -> {
                LineItem it = poolStarter(s, near);
                yield it == null ? null : PoolBuilder.builder().id(freshId(s, "pool")).label("New pool").items(List.of(it.id()))
                        .freeAllowance(it.freeAllowance()).unitPrice(it.unitPrice()).tiers(it.tiers()).tierMode(it.tierMode())
                        .per(it.per()).priceUnit(it.priceUnit()).increment(it.increment()).build();
            }
        };
    }
}
