package costscope.ui.editor;

import costscope.engine.CompiledScenario;
import costscope.model.Category;
import costscope.model.Denominator;
import costscope.model.Driver;
import costscope.model.Lever;
import costscope.model.LeverEffect;
import costscope.model.LineItem;
import costscope.model.Scenario;
import costscope.model.Variable;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Pure edits of a scenario's element lists: replace, insert and remove one element, and new elements with free ids. */
public final class ModelEdits {
    private ModelEdits() {
    }

    /** A copy of {@code list} with the element at {@code index} replaced. */
    public static <T> List<T> replaced(List<T> list, int index, T value) {
        List<T> out = new ArrayList<>(list);
        out.set(index, value);
        return List.copyOf(out);
    }

    /** A copy of {@code list} with {@code value} inserted at {@code index} (the size appends). */
    public static <T> List<T> inserted(List<T> list, int index, T value) {
        List<T> out = new ArrayList<>(list);
        out.add(index, value);
        return List.copyOf(out);
    }

    /** A copy of {@code list} without the element at {@code index}. */
    public static <T> List<T> removed(List<T> list, int index) {
        List<T> out = new ArrayList<>(list);
        out.remove(index);
        return List.copyOf(out);
    }

    /** The scenario with the element at {@code index} of the kind's list replaced by {@code element}. */
    public static Scenario replace(Scenario s, ElementKind kind, int index, Object element) {
        return switch (kind) {
            case DRIVER -> s.withDrivers(replaced(s.drivers(), index, (Driver) element));
            case VARIABLE -> s.withVariables(replaced(s.variables(), index, (Variable) element));
            case ITEM -> s.withItems(replaced(s.items(), index, (LineItem) element));
            case CATEGORY -> s.withCategories(replaced(s.categories(), index, (Category) element));
            case LEVER -> s.withLevers(replaced(s.levers(), index, (Lever) element));
        };
    }

    public static Scenario insert(Scenario s, ElementKind kind, int index, Object element) {
        return switch (kind) {
            case DRIVER -> s.withDrivers(inserted(s.drivers(), index, (Driver) element));
            case VARIABLE -> s.withVariables(inserted(s.variables(), index, (Variable) element));
            case ITEM -> s.withItems(inserted(s.items(), index, (LineItem) element));
            case CATEGORY -> s.withCategories(inserted(s.categories(), index, (Category) element));
            case LEVER -> s.withLevers(inserted(s.levers(), index, (Lever) element));
        };
    }

    /** The scenario without the element; the variants forget what they set on it (in the same, undoable, edit). */
    public static Scenario remove(Scenario s, ElementKind kind, int index) {
        String id = ElementKind.id(kind.elements(s).get(index));
        Scenario out = switch (kind) {
            case DRIVER -> s.withDrivers(removed(s.drivers(), index));
            case VARIABLE -> s.withVariables(removed(s.variables(), index));
            case ITEM -> s.withItems(removed(s.items(), index));
            case CATEGORY -> s.withCategories(removed(s.categories(), index));
            case LEVER -> s.withLevers(removed(s.levers(), index));
        };
        return out.withVariants(out.variants().stream().map(v -> new costscope.model.Variant(v.id(), v.label(), v.description(),
                without(v.drivers(), id), without(v.levers(), id), without(v.prices(), id))).toList());
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
     * {@code category}, or the first category), a category with the palette colour, a lever that is off and
     * changes nothing yet (a factor of 1 on the first category).
     */
    public static Object newElement(Scenario s, ElementKind kind, String category) {
        return switch (kind) {
            case DRIVER -> new Driver(freshId(s, "driver"), "New driver", null, 1, null, null, null, null, null);
            case VARIABLE -> new Variable(freshId(s, "variable"), "New variable", null, "0", null);
            case ITEM -> new LineItem(freshId(s, "item"), "New line item",
                    category != null ? category : s.categories().isEmpty() ? null : s.categories().get(0).id(),
                    "0", null, "0", null, null, null, null, null, List.of(), null, null, null);
            case CATEGORY -> new Category(freshId(s, "category"), "New category", null, null);
            case LEVER -> new Lever(freshId(s, "lever"), "New lever", false, null, List.of(new LeverEffect(null,
                    s.categories().isEmpty() ? null : s.categories().get(0).id(), null, 1.0, null, null, null, null)));
        };
    }
}
