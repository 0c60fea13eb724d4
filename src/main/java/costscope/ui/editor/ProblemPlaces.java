package costscope.ui.editor;

import costscope.model.Problem;

/**
 * Which form field an engine problem belongs to, read from the problem's {@link costscope.model.Place} (section,
 * index, row, field) and code: {@code items[3] 'x', field quantity} is the line item form's quantity field,
 * {@code levers[0] 'y', effects[1]} the effect's target, {@code pools[0] 'z', items[2]} the pool's items field,
 * {@code drivers[0] 'u', range} the range's field its subject names ({@code range.high}).
 * Nothing here reads a message.
 */
public final class ProblemPlaces {
    private ProblemPlaces() {
    }

    /** An element and the field a problem is in; {@code field} null for a problem of the element as a whole. */
    public record Place(ElementKind kind, int index, String field) {
    }

    /** The place of the problem, or null when it is not in one of the editor's elements ({@link ElementKind}). */
    public static Place place(Problem p) {
        costscope.model.Place at = p.place();
        ElementKind kind = ElementKind.ofListName(at.section());
        if (kind == null || at.index() < 0 || at.inner() != null) return null;
        String field = fieldKey(at);
        if (field == null && at.row() == null && p.code() == Problem.Code.CONFLICT && !p.subjects().isEmpty()) {
            field = p.subjects().get(0);
        }
        if (field == null && at.row() == null && kind == ElementKind.DRIVER && p.code() == Problem.Code.RANGE) field = "max";
        // a range's problem names the range's field it is about as its subject (high must be above low: high)
        if ("range.distribution".equals(field) && at.field() == null && !p.subjects().isEmpty()) field = "range." + p.subjects().get(0);
        return new Place(kind, at.index(), field);
    }

    /**
     * The form's key for a place inside an element: its field ({@code quantity}), or a row's ({@code tiers[1].upTo},
     * {@code effects[0].targetId}, {@code effects[0].value}, a pool's {@code items} for any of its ids); null for the
     * element as a whole or a row the form does not have.
     */
    public static String fieldKey(costscope.model.Place at) {
        if (at.row() == null) return at.field();
        // a driver's range: its fields are range.low, range.high...; the range as a whole is shown at its distribution
        if (at.row().equals("range") && at.rowIndex() < 0 && at.key() == null) return "range." + (at.field() == null ? "distribution" : at.field());
        if (at.rowIndex() < 0 || at.key() != null) return null;
        String row = at.row() + "[" + at.rowIndex() + "]";
        // a tier of a lever effect's table: effects[0].tiers[1].unitPrice, shown in the effect's value
        if (at.row().startsWith("effects[") && at.row().endsWith("].tiers")) return row + "." + (at.field() == null ? "upTo" : at.field());
        return switch (at.row()) {
            case "tiers" -> row + "." + (at.field() == null ? "upTo" : at.field());
            case "effects" -> row + "." + (at.field() == null ? "targetId" : "value");
            case "items" -> "items";
            default -> null;
        };
    }
}
