package costscope.ui.editor;

import costscope.engine.CompiledScenario;
import costscope.model.CategoryBuilder;
import costscope.model.Denominator;
import costscope.model.DriverBuilder;
import costscope.model.Element;
import costscope.model.LeverBuilder;
import costscope.model.LeverEffectBuilder;
import costscope.model.LineItemBuilder;
import costscope.model.Scenario;
import costscope.model.VariableBuilder;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Pure edits of a scenario's element lists: replace, insert and remove one element, and new elements with free ids. */
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

    /** The scenario with the element at {@code index} of the kind's list replaced by {@code element}. */
    public static Scenario replace(Scenario s, ElementKind kind, int index, Object element) {
        return kind.withElements(s, replaced(kind.elements(s), index, (Element) element));
    }

    public static Scenario insert(Scenario s, ElementKind kind, int index, Object element) {
        return kind.withElements(s, inserted(kind.elements(s), index, (Element) element));
    }

    /** The scenario without the element; the variants forget what they set on it (in the same, undoable, edit). */
    public static Scenario remove(Scenario s, ElementKind kind, int index) {
        String id = ElementKind.id(kind.elements(s).get(index));
        Scenario out = kind.withElements(s, removed(kind.elements(s), index));
        return out.withVariants(out.variants().stream().map(v -> v.withDrivers(without(v.drivers(), id))
                .withLevers(without(v.levers(), id)).withPrices(without(v.prices(), id))).toList());
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
            case DRIVER -> DriverBuilder.builder().id(freshId(s, "driver")).label("New driver").value(1).build();
            case VARIABLE -> VariableBuilder.builder().id(freshId(s, "variable")).label("New variable").formula("0").build();
            case ITEM -> LineItemBuilder.builder().id(freshId(s, "item")).label("New line item")
                    .category(category != null ? category : s.categories().isEmpty() ? null : s.categories().get(0).id())
                    .quantity("0").unitPrice("0").build();
            case CATEGORY -> CategoryBuilder.builder().id(freshId(s, "category")).label("New category").build();
            case LEVER -> LeverBuilder.builder().id(freshId(s, "lever")).label("New lever").effects(List.of(LeverEffectBuilder.builder()
                    .category(s.categories().isEmpty() ? null : s.categories().get(0).id()).factor(1.0).build())).build();
        };
    }
}
