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

    public Scenario withDrivers(List<Driver> newDrivers) {
        return new Scenario(name, description, currency, hoursPerMonth, newDrivers, variables, categories, items,
                levers, business, sweep, scalePoints, statedFigures);
    }

    public Scenario withLevers(List<Lever> newLevers) {
        return new Scenario(name, description, currency, hoursPerMonth, drivers, variables, categories, items,
                newLevers, business, sweep, scalePoints, statedFigures);
    }
}
