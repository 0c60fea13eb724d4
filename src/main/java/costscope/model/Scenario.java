package costscope.model;

import java.util.List;

/**
 * An immutable cost model, as loaded from a scenario file (format version 1).
 * Lists keep the file's order, which is also the display order.
 */
public record Scenario(
        String name,
        String description,
        String currency,
        String hoursPerMonth,
        List<Driver> drivers,
        List<Variable> variables,
        List<Category> categories,
        List<LineItem> items,
        List<Lever> levers,
        Business business,
        Sweep sweep,
        List<ScalePoint> scalePoints,
        List<StatedFigure> statedFigures) {

    public static final String FORMAT = "costscope-scenario";
    public static final int VERSION = 1;
    public static final String DEFAULT_CURRENCY = "USD";
    public static final String DEFAULT_HOURS_PER_MONTH = "730";

    public Scenario {
        drivers = List.copyOf(drivers);
        variables = List.copyOf(variables);
        categories = List.copyOf(categories);
        items = List.copyOf(items);
        levers = List.copyOf(levers);
        scalePoints = List.copyOf(scalePoints);
        statedFigures = List.copyOf(statedFigures);
    }

    public Driver driver(String id) {
        return drivers.stream().filter(d -> d.id().equals(id)).findFirst().orElse(null);
    }

    public ScalePoint scalePoint(String id) {
        return scalePoints.stream().filter(p -> p.id().equals(id)).findFirst().orElse(null);
    }

    public Scenario withName(String newName, String newDescription) {
        return new Scenario(newName, newDescription, currency, hoursPerMonth, drivers, variables, categories, items,
                levers, business, sweep, scalePoints, statedFigures);
    }

    /** The same scenario with one driver's value changed. */
    public Scenario withDriverValue(String id, double value) {
        List<Driver> ds = new java.util.ArrayList<>(drivers);
        for (int i = 0; i < ds.size(); i++) {
            if (ds.get(i).id().equals(id)) {
                ds.set(i, ds.get(i).withValue(value));
                return withDrivers(ds);
            }
        }
        throw new IllegalArgumentException("'" + id + "' is not a driver");
    }

    /** The same scenario with one lever switched on or off. */
    public Scenario withLeverEnabled(String id, boolean on) {
        List<Lever> ls = new java.util.ArrayList<>(levers);
        for (int i = 0; i < ls.size(); i++) {
            if (ls.get(i).id().equals(id)) {
                ls.set(i, ls.get(i).withEnabled(on));
                return withLevers(ls);
            }
        }
        throw new IllegalArgumentException("'" + id + "' is not a lever");
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
        return new Scenario(name, description, currency, hoursPerMonth,
                drivers.stream().map(d -> d.withValue(0)).toList(), variables, categories, items,
                levers.stream().map(l -> l.withEnabled(false)).toList(), business, sweep, scalePoints, statedFigures);
    }

    public Scenario withVariables(List<Variable> newVariables) {
        return new Scenario(name, description, currency, hoursPerMonth, drivers, newVariables, categories, items,
                levers, business, sweep, scalePoints, statedFigures);
    }

    public Scenario withCategories(List<Category> newCategories) {
        return new Scenario(name, description, currency, hoursPerMonth, drivers, variables, newCategories, items,
                levers, business, sweep, scalePoints, statedFigures);
    }

    public Scenario withItems(List<LineItem> newItems) {
        return new Scenario(name, description, currency, hoursPerMonth, drivers, variables, categories, newItems,
                levers, business, sweep, scalePoints, statedFigures);
    }

    public Scenario withBusiness(Business newBusiness) {
        return new Scenario(name, description, currency, hoursPerMonth, drivers, variables, categories, items,
                levers, newBusiness, sweep, scalePoints, statedFigures);
    }

    public Scenario withScalePoints(List<ScalePoint> newPoints) {
        return new Scenario(name, description, currency, hoursPerMonth, drivers, variables, categories, items,
                levers, business, sweep, newPoints, statedFigures);
    }

    public Scenario withDrivers(List<Driver> newDrivers) {
        return new Scenario(name, description, currency, hoursPerMonth, newDrivers, variables, categories, items,
                levers, business, sweep, scalePoints, statedFigures);
    }

    public Scenario withLevers(List<Lever> newLevers) {
        return new Scenario(name, description, currency, hoursPerMonth, drivers, variables, categories, items,
                newLevers, business, sweep, scalePoints, statedFigures);
    }
}
