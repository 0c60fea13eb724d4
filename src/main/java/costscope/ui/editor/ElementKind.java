package costscope.ui.editor;

import costscope.model.Category;
import costscope.model.Driver;
import costscope.model.Element;
import costscope.model.Lever;
import costscope.model.LineItem;
import costscope.model.Scenario;
import costscope.model.Variable;

import java.util.List;

/** The kinds of model element the editor edits, with their list in a scenario and their names in problems. */
public enum ElementKind {
    DRIVER("drivers", "Drivers", "driver"),
    VARIABLE("variables", "Variables", "variable"),
    ITEM("items", "Line items", "line item"),
    CATEGORY("categories", "Categories", "category"),
    LEVER("levers", "Levers", "lever");

    private final String listName;
    private final String section;
    private final String noun;

    ElementKind(String listName, String section, String noun) {
        this.listName = listName;
        this.section = section;
        this.noun = noun;
    }

    /** The scenario field holding the list ("items"), as in problem places ({@code items[3] 'x'}). */
    public String listName() {
        return listName;
    }

    /** "Line items": the heading of the section. */
    public String section() {
        return section;
    }

    /** "line item": the element in a sentence. */
    public String noun() {
        return noun;
    }

    /** "Line item": the noun at the start of a title. */
    public String title() {
        return Character.toUpperCase(noun.charAt(0)) + noun.substring(1);
    }

    public static ElementKind ofListName(String name) {
        for (ElementKind k : values()) {
            if (k.listName.equals(name)) return k;
        }
        return null;
    }

    /** The scenario's elements of this kind, in file order. */
    public List<? extends Element> elements(Scenario s) {
        return switch (this) {
            case DRIVER -> s.drivers();
            case VARIABLE -> s.variables();
            case ITEM -> s.items();
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
