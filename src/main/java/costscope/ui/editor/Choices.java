package costscope.ui.editor;

import costscope.model.Category;
import costscope.model.Driver;
import costscope.model.LineItem;
import costscope.model.Scenario;
import costscope.model.Variable;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What the form's choices offer: categories, line items, and the drivers and variables a lever can set (id to label). */
public record Choices(Map<String, String> categories, Map<String, String> items, Map<String, String> settable) {

    public static Choices of(Scenario s) {
        Map<String, String> cats = new LinkedHashMap<>();
        for (Category c : s.categories()) cats.put(c.id(), c.label());
        Map<String, String> items = new LinkedHashMap<>();
        for (LineItem i : s.items()) items.put(i.id(), i.label());
        Map<String, String> set = new LinkedHashMap<>();
        for (Driver d : s.drivers()) set.put(d.id(), d.label());
        for (Variable v : s.variables()) set.put(v.id(), v.label());
        return new Choices(cats, items, set);
    }

    /** The ids a lever effect on this kind of target may name. */
    public List<String> targets(String target) {
        return switch (target == null ? "" : target) {
            case "item" -> List.copyOf(items.keySet());
            case "category" -> List.copyOf(categories.keySet());
            case "set" -> List.copyOf(settable.keySet());
            default -> List.of();
        };
    }

    /** "Claude input tokens (claude_input)", for a choice list. */
    public Map<String, String> names() {
        Map<String, String> out = new LinkedHashMap<>();
        categories.forEach((id, label) -> out.put(id, label + "  (" + id + ")"));
        items.forEach((id, label) -> out.put(id, label + "  (" + id + ")"));
        settable.forEach((id, label) -> out.put(id, label + "  (" + id + ")"));
        return out;
    }
}
