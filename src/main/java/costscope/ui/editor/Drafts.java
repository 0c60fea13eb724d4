package costscope.ui.editor;

import costscope.formula.NumberInput;
import costscope.model.Billing;
import costscope.model.CategoryBuilder;
import costscope.model.DriverBuilder;
import costscope.model.InputException;
import costscope.model.JsonNames;
import costscope.model.Lever;
import costscope.model.LeverBuilder;
import costscope.model.LeverEffect;
import costscope.model.LeverEffectBuilder;
import costscope.model.LineItem;
import costscope.model.LineItemBuilder;
import costscope.model.SliderScale;
import costscope.model.Tier;
import costscope.model.TierMode;
import costscope.model.VariableBuilder;

import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Turns a model element into the texts of its form, and a form's texts back into an element (or field errors). */
public final class Drafts {
    private Drafts() {
    }

    /** The element built from a draft, or null with the fields that could not be read. */
    public record Built(Object element, Map<String, FieldProblem> errors, Map<String, Integer> offsets) {
        /** Characters trimmed from the start of a formula field: positions in the element are this much to the left. */
        public int offset(String field) {
            return offsets.getOrDefault(field, 0);
        }
    }

    /** A number as a user would type it: no exponent, no trailing zeros ("1000000000", "0.25"); "" for null. */
    public static String plain(Double v) {
        if (v == null) return "";
        if (!Double.isFinite(v)) return String.valueOf(v);
        return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }

    private static String text(String s) {
        return s == null ? "" : s;
    }

    /**
     * The texts of an element's form: every field of its record (in record order; lists are rows, not texts) as the
     * user would type it, with its tier or effect rows.
     */
    public static Draft of(Object element) {
        ElementKind kind = ElementKind.of(element);
        Map<String, String> f = new LinkedHashMap<>();
        for (RecordComponent c : element.getClass().getRecordComponents()) {
            if (c.getType() != List.class) f.put(c.getName(), text(value(c, element)));
        }
        List<Draft.TierRow> tiers = new ArrayList<>();
        List<Draft.EffectRow> effects = new ArrayList<>();
        if (element instanceof LineItem it) {
            for (Tier t : it.tiers()) tiers.add(new Draft.TierRow(plain(t.upTo()), text(t.unitPrice())));
        } else if (element instanceof Lever l) {
            for (LeverEffect e : l.effects()) effects.add(effectRow(e));
        }
        return new Draft(kind, f, tiers, effects);
    }

    /** A record field's value as text: numbers plain, choices as the file spells them, null as "". */
    private static String value(RecordComponent c, Object element) {
        Object v;
        try {
            v = c.getAccessor().invoke(element);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read " + c.getName(), e);
        }
        if (v instanceof Double d) return plain(d);
        if (v instanceof Enum<?> e) return JsonNames.of(e);
        return v == null ? null : String.valueOf(v);
    }

    static Draft.EffectRow effectRow(LeverEffect e) {
        String target = e.item() != null ? "item" : e.category() != null ? "category" : "set";
        String id = text(e.target());
        String change = e.changedField() == null ? "formula" : e.changedField();
        String value = switch (change) {
            case "factor" -> plain(e.factor());
            case "fixedMonthly" -> plain(e.fixedMonthly());
            case "quantity" -> e.quantity();
            case "unitPrice" -> e.unitPrice();
            default -> text(e.formula());
        };
        return new Draft.EffectRow(target, id, change, value);
    }

    /** The changes a lever effect on this kind of target can make. */
    public static List<String> changesFor(String target) {
        return switch (target == null ? "" : target) {
            case "item" -> List.of("factor", "quantity", "unitPrice", "fixedMonthly");
            case "category" -> List.of("factor");
            case "set" -> List.of("formula");
            default -> List.of();
        };
    }

    /** Reads a draft into an element; fields that cannot be read (numbers, choices, a missing label) are errors. */
    public static Built build(Draft d) {
        Reader r = new Reader(d);
        Object element = switch (d.kind()) {
            case DRIVER -> DriverBuilder.builder()
                    .id(r.id())
                    .label(r.label())
                    .unit(r.optional("unit"))
                    .value(r.number("value", true, 0.0))
                    .min(r.number("min", false, null))
                    .max(r.number("max", false, null))
                    .step(r.number("step", false, null))
                    .scale(r.choice("scale", JsonNames.parse(SliderScale.class, d.get("scale").strip())))
                    .description(r.optional("description"))
                    .build();
            case VARIABLE -> VariableBuilder.builder()
                    .id(r.id())
                    .label(r.label())
                    .unit(r.optional("unit"))
                    .formula(r.formula("formula"))
                    .description(r.optional("description"))
                    .build();
            case ITEM -> {
                List<Tier> tiers = new ArrayList<>();
                for (int t = 0; t < d.tiers().size(); t++) {
                    Draft.TierRow row = d.tiers().get(t);
                    tiers.add(new Tier(r.number("tiers[" + t + "].upTo", row.upTo(), false, null),
                            r.formula("tiers[" + t + "].unitPrice", row.unitPrice())));
                }
                yield LineItemBuilder.builder()
                        .id(r.id())
                        .label(r.label())
                        .category(r.optional("category"))
                        .quantity(r.formula("quantity"))
                        .quantityUnit(r.optional("quantityUnit"))
                        .unitPrice(r.formula("unitPrice"))
                        .per(r.number("per", false, null))
                        .priceUnit(r.optional("priceUnit"))
                        .billing(r.choice("billing", JsonNames.parse(Billing.class, d.get("billing").strip())))
                        .hours(r.formula("hours"))
                        .freeAllowance(r.formula("freeAllowance"))
                        .increment(r.formula("increment"))
                        .tiers(tiers)
                        .tierMode(r.choice("tierMode", JsonNames.parse(TierMode.class, d.get("tierMode").strip())))
                        .minimumMonthly(r.formula("minimumMonthly"))
                        .fixedMonthly(r.number("fixedMonthly", false, null))
                        .description(r.optional("description"))
                        .build();
            }
            case CATEGORY -> CategoryBuilder.builder()
                    .id(r.id())
                    .label(r.label())
                    .color(r.optional("color"))
                    .description(r.optional("description"))
                    .build();
            case LEVER -> {
                List<LeverEffect> effects = new ArrayList<>();
                for (int e = 0; e < d.effects().size(); e++) effects.add(r.effect(e, d.effects().get(e)));
                yield LeverBuilder.builder()
                        .id(r.id())
                        .label(r.label())
                        .enabled(Boolean.parseBoolean(d.get("enabled").strip()))
                        .description(r.optional("description"))
                        .effects(effects)
                        .build();
            }
        };
        return new Built(r.errors.isEmpty() ? element : null, Map.copyOf(r.errors), Map.copyOf(r.offsets));
    }

    /** Reads the fields of one draft, collecting errors. */
    private static final class Reader {
        final Draft d;
        final Map<String, FieldProblem> errors = new LinkedHashMap<>();
        final Map<String, Integer> offsets = new LinkedHashMap<>();

        Reader(Draft d) {
            this.d = d;
        }

        String id() {
            return d.get("id").strip();
        }

        String label() {
            String s = d.get("label").strip();
            if (s.isEmpty()) errors.put("label", FieldProblem.of("label", "a label is required"));
            return s;
        }

        String optional(String field) {
            String s = d.get(field).strip();
            return s.isEmpty() ? null : s;
        }

        String formula(String field) {
            return formula(field, d.get(field));
        }

        /** The formula without surrounding blanks (null when blank); positions shift by the blanks trimmed. */
        String formula(String field, String raw) {
            String s = raw == null ? "" : raw;
            String t = s.strip();
            if (t.isEmpty()) return null;
            int lead = s.indexOf(t.charAt(0));
            if (lead > 0) offsets.put(field, lead);
            return t;
        }

        Double number(String field, boolean required, Double dflt) {
            return number(field, d.get(field), required, dflt);
        }

        Double number(String field, String raw, boolean required, Double dflt) {
            String s = raw == null ? "" : raw.strip();
            if (s.isEmpty()) {
                if (required) errors.put(field, FieldProblem.of(field, "a number is required"));
                return dflt;
            }
            try {
                return NumberInput.parse(s);
            } catch (InputException e) {
                errors.put(field, FieldProblem.of(field, e.getMessage()));
                return dflt;
            }
        }

        <E> E choice(String field, E parsed) {
            if (parsed == null && !d.get(field).isBlank()) {
                errors.put(field, FieldProblem.of(field, "'" + d.get(field).strip() + "' is not one of the choices"));
            }
            return parsed;
        }

        LeverEffect effect(int e, Draft.EffectRow row) {
            String key = "effects[" + e + "]";
            String target = row.target() == null ? "" : row.target();
            String id = row.targetId() == null ? "" : row.targetId().strip();
            if (id.isEmpty()) errors.put(key + ".targetId", FieldProblem.of(key + ".targetId", "choose what the effect changes"));
            if (!Drafts.changesFor(target).contains(row.change())) {
                errors.put(key + ".change", FieldProblem.of(key + ".change",
                        "a " + (target.isEmpty() ? "target" : target) + " effect takes " + String.join(", ", Drafts.changesFor(target))));
            }
            String change = row.change() == null ? "" : row.change();
            boolean numeric = change.equals("factor") || change.equals("fixedMonthly");
            Double num = numeric ? number(key + ".value", row.value(), true, null) : null;
            String formula = numeric ? null : formula(key + ".value", row.value());
            if (!numeric && formula == null && !change.isEmpty()) {
                errors.put(key + ".value", FieldProblem.of(key + ".value", "a formula is required"));
            }
            return LeverEffectBuilder.builder()
                    .item(target.equals("item") ? id : null)
                    .category(target.equals("category") ? id : null)
                    .set(target.equals("set") ? id : null)
                    .factor(change.equals("factor") ? num : null)
                    .quantity(change.equals("quantity") ? formula : null)
                    .unitPrice(change.equals("unitPrice") ? formula : null)
                    .fixedMonthly(change.equals("fixedMonthly") ? num : null)
                    .formula(change.equals("formula") ? formula : null)
                    .build();
        }
    }
}
