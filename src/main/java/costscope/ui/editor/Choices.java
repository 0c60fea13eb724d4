package costscope.ui.editor;

import costscope.model.Category;
import costscope.model.Driver;
import costscope.model.LineItem;
import costscope.model.Pool;
import costscope.model.Scenario;
import costscope.model.Variable;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the form's choices offer: categories, line items, pools, and the drivers and variables a lever can set (id to
 * label); which line items are in a pool already (id to the pool's id); and the uncertain drivers (those with a range:
 * the ones that may correlate); the drivers alone (a timeline path moves one), the levers and the variants (a timeline
 * event switches or applies them).
 */
public record Choices(Map<String, String> categories, Map<String, String> items, Map<String, String> pools,
                      Map<String, String> settable, Map<String, String> pooled, Map<String, String> uncertain,
                      Map<String, String> drivers, Map<String, String> levers, Map<String, String> variants) {

    public static Choices of(Scenario s) {
        Map<String, String> cats = new LinkedHashMap<>();
        for (Category c : s.categories()) cats.put(c.id(), c.label());
        Map<String, String> items = new LinkedHashMap<>();
        for (LineItem i : s.items()) items.put(i.id(), i.label());
        Map<String, String> pools = new LinkedHashMap<>();
        Map<String, String> pooled = new LinkedHashMap<>();
        for (Pool p : s.pools()) {
            pools.put(p.id(), p.label());
            for (String i : p.items()) pooled.putIfAbsent(i, p.id());
        }
        Map<String, String> set = new LinkedHashMap<>();
        Map<String, String> uncertain = new LinkedHashMap<>();
        Map<String, String> drivers = new LinkedHashMap<>();
        for (Driver d : s.drivers()) {
            set.put(d.id(), d.label());
            drivers.put(d.id(), d.label());
            if (d.range() != null) uncertain.put(d.id(), d.label());
        }
        for (Variable v : s.variables()) set.put(v.id(), v.label());
        Map<String, String> levers = new LinkedHashMap<>();
        s.levers().forEach(l -> levers.put(l.id(), l.label()));
        Map<String, String> variants = new LinkedHashMap<>();
        s.variants().forEach(v -> variants.put(v.id(), v.label()));
        return new Choices(cats, items, pools, set, pooled, uncertain, drivers, levers, variants);
    }

    /** The ids a lever effect on this kind of target may name. */
    public List<String> targets(String target) {
        return switch (target == null ? "" : target) {
            case "item" -> List.copyOf(items.keySet());
            case "category" -> List.copyOf(categories.keySet());
            case "pool" -> List.copyOf(pools.keySet());
            case "set" -> List.copyOf(settable.keySet());
            default -> List.of();
        };
    }

    /** The line items that are in no pool, or in pool {@code poolId}: those a pool's form may list. */
    public List<String> poolable(String poolId) {
        Set<String> out = new LinkedHashSet<>();
        for (String id : items.keySet()) {
            String in = pooled.get(id);
            if (in == null || in.equals(poolId)) out.add(id);
        }
        return List.copyOf(out);
    }

    /** "Claude input tokens (claude_input)", for a choice list. */
    public Map<String, String> names() {
        Map<String, String> out = new LinkedHashMap<>();
        categories.forEach((id, label) -> out.put(id, label + "  (" + id + ")"));
        items.forEach((id, label) -> out.put(id, label + "  (" + id + ")"));
        pools.forEach((id, label) -> out.put(id, label + "  (" + id + ")"));
        settable.forEach((id, label) -> out.put(id, label + "  (" + id + ")"));
        levers.forEach((id, label) -> out.put(id, label + "  (" + id + ")"));
        variants.forEach((id, label) -> out.put(id, label == null || label.isBlank() ? id : label + "  (" + id + ")"));
        return out;
    }
}
