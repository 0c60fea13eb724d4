package costscope.ui.editor;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * What a form holds, as the user typed it: one text per field (for every kind its fields from the scenario format:
 * "id", "label", "quantity"...), and for line items and levers their tier and effect rows. Choices are held as their
 * JSON spelling ("hourly", "log", "#4f6bed"); an empty text is a field left out.
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
     * One lever effect: its target kind ("item", "category" or "set"), the target id, the change ("factor",
     * "quantity", "unitPrice", "fixedMonthly" or "formula") and its value (a number or a formula).
     */
    public record EffectRow(String target, String targetId, String change, String value) {
    }

    /** The text of a field, "" when absent. */
    public String get(String field) {
        return fields.getOrDefault(field, "");
    }

    /** The fields of each kind, in form order: its record's fields, lists (tiers, effects) aside. */
    public static List<String> fieldsOf(ElementKind kind) {
        return Arrays.stream(kind.type().getRecordComponents()).filter(c -> c.getType() != List.class)
                .map(RecordComponent::getName).toList();
    }
}
