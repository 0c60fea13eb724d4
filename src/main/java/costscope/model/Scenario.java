package costscope.model;

import io.soabase.recordbuilder.core.RecordBuilder;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * An immutable cost model, as loaded from a scenario file (format version 1).
 * Lists keep the file's order, which is also the display order.
 */
@RecordBuilder
public record Scenario(
        String name,
        String description,
        String currency,
        String hoursPerMonth,
        List<Driver> drivers,
        List<Correlation> correlations,
        List<Variable> variables,
        List<Category> categories,
        List<LineItem> items,
        List<Pool> pools,
        List<Lever> levers,
        Business business,
        Sweep sweep,
        List<ScalePoint> scalePoints,
        List<StatedFigure> statedFigures,
        List<Variant> variants,
        Timeline timeline) implements ScenarioBuilder.With {

    public static final String FORMAT = "costscope-scenario";
    public static final int VERSION = 1;
    public static final String DEFAULT_CURRENCY = "USD";
    public static final String DEFAULT_HOURS_PER_MONTH = "730";

    /** Lists left out (null) are empty. */
    public Scenario {
        drivers = copy(drivers);
        correlations = copy(correlations);
        variables = copy(variables);
        categories = copy(categories);
        items = copy(items);
        pools = copy(pools);
        levers = copy(levers);
        scalePoints = copy(scalePoints);
        statedFigures = copy(statedFigures);
        variants = copy(variants);
    }

    private static <T> List<T> copy(List<T> l) {
        return l == null ? List.of() : List.copyOf(l);
    }

    public Driver driver(String id) {
        return drivers.stream().filter(d -> d.id().equals(id)).findFirst().orElse(null);
    }

    public Pool pool(String id) {
        return pools.stream().filter(p -> p.id().equals(id)).findFirst().orElse(null);
    }

    /** The pool an item belongs to (the first that lists it), or null. */
    public Pool poolOf(String itemId) {
        return pools.stream().filter(p -> p.items().contains(itemId)).findFirst().orElse(null);
    }

    /** Whether any item has an upfront payment or a lever can give one. */
    public boolean hasUpfront() {
        return items.stream().anyMatch(i -> i.upfront() != null)
                || levers.stream().anyMatch(l -> l.effects().stream().anyMatch(e -> e.upfront() != null));
    }

    public ScalePoint scalePoint(String id) {
        return scalePoints.stream().filter(p -> p.id().equals(id)).findFirst().orElse(null);
    }

    public Scenario withName(String newName, String newDescription) {
        return with(b -> b.name(newName).description(newDescription));
    }

    /** The same scenario with one driver's value changed. */
    public Scenario withDriverValue(String id, double value) {
        return withDrivers(changed(drivers, id, d -> d.withValue(value), "driver"));
    }

    /** The same scenario with one lever switched on or off. */
    public Scenario withLeverEnabled(String id, boolean on) {
        return withLevers(changed(levers, id, l -> l.withEnabled(on), "lever"));
    }

    /** The list with the element of that id changed; an error when there is none. */
    private static <T extends Element> List<T> changed(List<T> list, String id, UnaryOperator<T> change, String kind) {
        List<T> out = new ArrayList<>(list);
        for (int i = 0; i < out.size(); i++) {
            if (out.get(i).id().equals(id)) {
                out.set(i, change.apply(out.get(i)));
                return out;
            }
        }
        throw new IllegalArgumentException("'" + id + "' is not a " + kind);
    }

    /** Sets every driver a scale point names. */
    public Scenario atScalePoint(String id) {
        ScalePoint p = scalePoint(id);
        if (p == null) throw new IllegalArgumentException("'" + id + "' is not a scale point");
        Scenario s = this;
        for (var e : p.values().entrySet()) s = s.withDriverValue(e.getKey(), e.getValue());
        return s;
    }

    /**
     * The scenario with every driver value set to 0 and every lever off: two scenarios with the same structure
     * compile to the same program, so a change between them needs no recompilation.
     */
    public Scenario structure() {
        return with(b -> b.drivers(drivers.stream().map(d -> d.withValue(0)).toList())
                .levers(levers.stream().map(l -> l.withEnabled(false)).toList()));
    }









    public Variant variant(String id) {
        return variants.stream().filter(v -> v.id().equals(id)).findFirst().orElse(null);
    }

    /**
     * The base model with a variant's overrides applied: its driver values, lever states and unit prices (of items and pools). The result
     * keeps the variant list, so it can be switched again.
     */
    public Scenario withVariant(String id) {
        Variant v = variant(id);
        if (v == null) throw new IllegalArgumentException("'" + id + "' is not a variant");
        return withOverrides(v);
    }

    /**
     * One state of the model on its own (a variant applied, a state compared): without its variants, its timeline,
     * whose events name them, and the stated figures at a month of that timeline.
     */
    public Scenario alone() {
        return withVariants(List.of()).withTimeline(null)
                .withStatedFigures(statedFigures.stream().filter(f -> f.month() == null).toList());
    }

    /** The base model with the overrides of {@code v} applied (v need not be in the variant list). */
    public Scenario withOverrides(Variant v) {
        List<Driver> ds = new ArrayList<>(drivers);
        for (int i = 0; i < ds.size(); i++) {
            Double x = v.drivers().get(ds.get(i).id());
            if (x != null) ds.set(i, ds.get(i).withValue(x));
        }
        List<Lever> ls = new ArrayList<>(levers);
        for (int i = 0; i < ls.size(); i++) {
            Boolean on = v.levers().get(ls.get(i).id());
            if (on != null) ls.set(i, ls.get(i).withEnabled(on));
        }
        List<LineItem> its = new ArrayList<>(items);
        for (int i = 0; i < its.size(); i++) {
            String price = v.prices().get(its.get(i).id());
            if (price != null) its.set(i, its.get(i).withUnitPrice(price));
        }
        List<Pool> ps = new ArrayList<>(pools);
        for (int i = 0; i < ps.size(); i++) {
            String price = v.prices().get(ps.get(i).id());
            if (price != null) ps.set(i, ps.get(i).withUnitPrice(price));
        }
        return with(b -> b.drivers(ds).levers(ls).items(its).pools(ps));
    }

    /**
     * A variant that records the current state: every driver's value and every lever's state (prices are the base
     * model's, so none are recorded).
     */
    public Variant snapshot(String id, String label, String description) {
        java.util.Map<String, Double> dv = new java.util.LinkedHashMap<>();
        for (Driver d : drivers) dv.put(d.id(), d.value());
        java.util.Map<String, Boolean> lv = new java.util.LinkedHashMap<>();
        for (Lever l : levers) lv.put(l.id(), l.enabled());
        return new Variant(id, label, description, dv, lv, java.util.Map.of());
    }
}
