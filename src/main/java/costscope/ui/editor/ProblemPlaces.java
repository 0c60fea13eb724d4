package costscope.ui.editor;

import costscope.model.Problem;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the place of an engine problem ({@code items[3] 'x', field quantity}, {@code levers[0] 'y', effects[1]},
 * {@code drivers[2].id}) as an element and the key of the form field it belongs to.
 */
public final class ProblemPlaces {
    private static final Pattern WHERE = Pattern.compile(
            "^(drivers|variables|items|categories|levers)\\[(\\d+)](?:\\.(id)|(?: '[^']*')?(?:, (.*))?)$");
    private static final Pattern FIELD = Pattern.compile("^field (\\w+)$");
    private static final Pattern ROW = Pattern.compile("^(tiers|effects)\\[(\\d+)](?:, field (\\w+))?$");

    private ProblemPlaces() {
    }

    /** An element and the field a problem is in; {@code field} null for a problem of the element as a whole. */
    public record Place(ElementKind kind, int index, String field) {
    }

    /** The place of the problem, or null when it is not in a driver, variable, line item, category or lever. */
    public static Place place(Problem p) {
        if (p.where() == null) return null;
        Matcher m = WHERE.matcher(p.where());
        if (!m.matches()) return null;
        ElementKind kind = ElementKind.ofListName(m.group(1));
        int index = Integer.parseInt(m.group(2));
        if (m.group(3) != null) return new Place(kind, index, "id");
        String rest = m.group(4);
        return new Place(kind, index, rest == null ? wholeElementField(kind, p.message()) : field(rest));
    }

    /** "field quantity" -> quantity; "tiers[1], field unitPrice" -> tiers[1].unitPrice; "effects[0]" -> effects[0].targetId. */
    static String field(String rest) {
        Matcher f = FIELD.matcher(rest);
        if (f.matches()) return f.group(1);
        Matcher r = ROW.matcher(rest);
        if (r.matches()) {
            String row = r.group(1) + "[" + r.group(2) + "]";
            if (r.group(1).equals("tiers")) return row + "." + (r.group(3) == null ? "upTo" : r.group(3));
            return row + "." + (r.group(3) == null ? "targetId" : "value");
        }
        return null;
    }

    /** The field that best shows a problem reported on the element as a whole, or null. */
    static String wholeElementField(ElementKind kind, String message) {
        if (kind == ElementKind.DRIVER && message.startsWith("min (")) return "max";
        if (kind == ElementKind.ITEM && message.startsWith("give either unitPrice or tiers")) return "unitPrice";
        return null;
    }
}
