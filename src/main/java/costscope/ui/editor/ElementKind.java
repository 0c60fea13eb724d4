package costscope.ui.editor;

import costscope.model.Category;
import costscope.model.Driver;
import costscope.model.Element;
import costscope.model.Lever;
import costscope.model.LineItem;
import costscope.model.Pool;
import costscope.model.Scenario;
import costscope.model.Variable;

import java.util.List;
import java.util.Locale;

/** The kinds of model element the editor edits, with their list in a scenario and their names in problems. */
public enum ElementKind {
    DRIVER("driver", Driver.class),
    VARIABLE("variable", Variable.class),
    ITEM("line item", LineItem.class),
    POOL("pool", Pool.class),
    CATEGORY("category", Category.class),
    LEVER("lever", Lever.class);

    /** "line item": the element in a sentence. */
    private final String noun;
    private final Class<? extends Record> type;

    ElementKind(String noun, Class<? extends Record> type) {
        this.noun = noun;
        this.type = type;
    }

    /** The model record of this kind. */
    public Class<? extends Record> type() {
        return type;
    }

    /** The kind of a model element. */
    public static ElementKind of(Object element) {
        for (ElementKind k : values()) {
            if (k.type.isInstance(element)) return k;
        }
        throw new IllegalArgumentException("not a model element: " + element);
    }

    /** The scenario field holding the list ("items"), as in problem places ({@code items[3] 'x'}). */
    public String listName() {
        return plural(name().toLowerCase(Locale.ROOT));
    }

    /** "Line items": the heading of the section. */
    public String section() {
        return capitalised(plural(noun));
    }

    public String noun() {
        return noun;
    }

    /** "Line item": the noun at the start of a title. */
    public String title() {
        return capitalised(noun);
    }

    private static String plural(String noun) {
        return noun.endsWith("y") ? noun.substring(0, noun.length() - 1) + "ies" : noun + "s";
    }

    private static String capitalised(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /** The kind whose list is {@code name} in the file ("items"), or null. */
    public static ElementKind ofListName(String name) {
        for (ElementKind k : values()) {
            if (k.listName().equals(name)) return k;
        }
        return null;
    }

    /** The scenario's elements of this kind, in file order. */
    public List<? extends Element> elements(Scenario s) {
        return switch (this) {
            case DRIVER -> s.drivers();
            case VARIABLE -> s.variables();
            case ITEM -> s.items();
            case POOL -> s.pools();
            case CATEGORY -> s.categories();
            case LEVER -> s.levers();
        };
    }

    /** The scenario with this kind's list replaced (its elements must be of this kind). */
    @SuppressWarnings("unchecked")
    public Scenario withElements(Scenario s, List<? extends Element> list) {
        return switch (this) {
            case DRIVER -> s.withDrivers((List<Driver>) list);
            case VARIABLE -> s.withVariables((List<Variable>) list);
            case ITEM -> s.withItems((List<LineItem>) list);
            case POOL -> s.withPools((List<Pool>) list);
            case CATEGORY -> s.withCategories((List<Category>) list);
            case LEVER -> s.withLevers((List<Lever>) list);
        };
    }

    public static String id(Object element) {
        return ((Element) element).id();
    }

    public static String label(Object element) {
        return ((Element) element).label();
    }

    /** Where the element with this id is in the list, or -1. */
    public int indexOf(Scenario s, String id) {
        List<? extends Element> list = elements(s);
        for (int i = 0; i < list.size(); i++) {
            if (id(list.get(i)).equals(id)) return i;
        }
        return -1;
    }

    /** The element with this id, or null. */
    public Object find(Scenario s, String id) {
        int i = indexOf(s, id);
        return i < 0 ? null : elements(s).get(i);
    }
}
