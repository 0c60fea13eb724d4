package costscope.whatif;

import costscope.export.Formats;
import costscope.model.Driver;
import costscope.model.Lever;
import costscope.model.LineItem;
import costscope.model.Scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One difference between two states of the same model: a driver's value, a lever's state or an item's unit price.
 * Ids are the model's ids (one namespace), so a change is named by what it changes.
 *
 * @param id    the driver, lever or item id
 * @param kind  what kind of thing changes
 * @param label the thing's label
 * @param from  its value before, as text (a number, "on"/"off", or a price formula)
 * @param to    its value after
 */
public record Change(String id, Kind kind, String label, String from, String to) {
    public enum Kind { DRIVER, LEVER, PRICE }

    /** "Read replicas 3 -> 2 per shard: on", "Registered users: 100,000 → 1,000,000,000". */
    public String describe() {
        return switch (kind) {
            case LEVER -> label + ": " + to;
            case DRIVER, PRICE -> label + ": " + from + " → " + to;
        };
    }

    /**
     * The changes that turn {@code a} into {@code b}, in the model's order: drivers, then levers, then prices (scale
     * first, then optimizations, as a report tells it). Both must be states of the same model.
     */
    public static List<Change> between(Scenario a, Scenario b) {
        List<Change> out = new ArrayList<>();
        for (Driver d : a.drivers()) {
            Driver e = b.driver(d.id());
            if (e == null) throw new IllegalArgumentException("driver '" + d.id() + "' is missing from " + b.name());
            if (Double.compare(d.value(), e.value()) != 0) {
                out.add(new Change(d.id(), Kind.DRIVER, d.label(), Formats.number(d.value()), Formats.number(e.value())));
            }
        }
        for (Lever l : a.levers()) {
            Lever m = b.levers().stream().filter(x -> x.id().equals(l.id())).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("lever '" + l.id() + "' is missing from " + b.name()));
            if (l.enabled() != m.enabled()) {
                out.add(new Change(l.id(), Kind.LEVER, l.label(), l.enabled() ? "on" : "off", m.enabled() ? "on" : "off"));
            }
        }
        for (LineItem i : a.items()) {
            LineItem j = b.items().stream().filter(x -> x.id().equals(i.id())).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("item '" + i.id() + "' is missing from " + b.name()));
            if (!Objects.equals(i.unitPrice(), j.unitPrice())) {
                out.add(new Change(i.id(), Kind.PRICE, i.label() + " price", i.unitPrice(), j.unitPrice()));
            }
        }
        return out;
    }

    /** {@code s} with this change made, taking the new value from {@code target} (the state the change leads to). */
    Scenario applyTo(Scenario s, Scenario target) {
        return switch (kind) {
            case DRIVER -> s.withDriverValue(id, target.driver(id).value());
            case LEVER -> s.withLeverEnabled(id, target.levers().stream().filter(l -> l.id().equals(id)).findFirst().orElseThrow().enabled());
            case PRICE -> {
                String price = target.items().stream().filter(i -> i.id().equals(id)).findFirst().orElseThrow().unitPrice();
                yield s.withItems(s.items().stream().map(i -> i.id().equals(id) ? i.withUnitPrice(price) : i).toList());
            }
        };
    }
}
