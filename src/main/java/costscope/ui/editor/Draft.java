package costscope.ui.editor;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * What a form holds, as the user typed it: one text per field (for every kind its fields from the scenario format:
 * "id", "label", "quantity"...), and for line items and pools their tier rows, for levers their effect rows. Choices
 * are held as their JSON spelling ("hourly", "log", "#4f6bed"); a pool's items as ids separated by commas; an empty
 * text is a field left out.
 */
public record Draft(ElementKind kind, Map<String, String> fields, List<TierRow> tiers, List<EffectRow> effects) {

    public Draft {
        fields = Map.copyOf(fields);
        tiers = List.copyOf(tiers);
        effects = List.copyOf(effects);
    }

    /** One price tier: {@code upTo} (empty for the last, unbounded tier) and its unit price formula. */
    public record TierRow(String upTo, String unitPrice) {
    }

    /**
     * One lever effect: its target kind ("item", "category", "pool" or "set"), the target id, the change (one of
     * {@link costscope.model.LeverEffect#changes}: "factor", "quantity", "tiers"...) and its value: a number, a formula,
     * or for "tiers" a tier table in {@link Drafts#tiersText} form ({@code 10000: 0.10; 80000: 0.07; 0.05}).
     */
    public record EffectRow(String target, String targetId, String change, String value) {
    }

    /** The text of a field, "" when absent. */
    public String get(String field) {
        return fields.getOrDefault(field, "");
    }

    /**
     * The fields of each kind, in form order: its record's fields, lists of rows (tiers, effects) aside. A list of ids
     * (a pool's {@code items}) is one field, its ids separated by commas. A field that is a record of its own (a
     * driver's {@code range}) is one field per component: {@code range.distribution}, {@code range.low}...
     */
    public static List<String> fieldsOf(ElementKind kind) {
        List<String> out = new java.util.ArrayList<>();
        for (RecordComponent c : kind.type().getRecordComponents()) {
            if (!isText(c)) continue;
            if (isNested(c)) {
                for (RecordComponent n : c.getType().getRecordComponents()) out.add(c.getName() + "." + n.getName());
            } else {
                out.add(c.getName());
            }
        }
        return List.copyOf(out);
    }

    /** Whether a record component is a record of its own, whose components are fields of the form ({@code range}). */
    static boolean isNested(RecordComponent c) {
        return c.getType().isRecord();
    }

    /** Whether a record component is one text of the form: anything but a list of rows ({@code List<String>} is text). */
    static boolean isText(RecordComponent c) {
        if (c.getType() != List.class) return true;
        return c.getGenericType() instanceof ParameterizedType p && p.getActualTypeArguments()[0] == String.class;
    }
}
