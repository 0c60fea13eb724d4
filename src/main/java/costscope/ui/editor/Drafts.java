package costscope.ui.editor;

import costscope.formula.NumberInput;
import costscope.model.Billing;
import costscope.model.Category;
import costscope.model.CategoryBuilder;
import costscope.model.Driver;
import costscope.model.DriverBuilder;
import costscope.model.Lever;
import costscope.model.LeverBuilder;
import costscope.model.LeverEffect;
import costscope.model.LeverEffectBuilder;
import costscope.model.LineItem;
import costscope.model.LineItemBuilder;
import costscope.model.SliderScale;
import costscope.model.Tier;
import costscope.model.TierMode;
import costscope.model.Variable;
import costscope.model.VariableBuilder;

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

    public static Draft of(Object element) {
        Map<String, String> f = new LinkedHashMap<>();
        List<Draft.TierRow> tiers = new ArrayList<>();
        List<Draft.EffectRow> effects = new ArrayList<>();
        ElementKind kind;
        if (element instanceof Driver d) {
            kind = ElementKind.DRIVER;
            f.put("id", d.id());
            f.put("label", text(d.label()));
            f.put("unit", text(d.unit()));
            f.put("value", plain(d.value()));
            f.put("min", plain(d.min()));
            f.put("max", plain(d.max()));
            f.put("step", plain(d.step()));
            f.put("scale", d.scale() == null ? "" : d.scale().json());
            f.put("description", text(d.description()));
        } else if (element instanceof Variable v) {
            kind = ElementKind.VARIABLE;
            f.put("id", v.id());
            f.put("label", text(v.label()));
            f.put("unit", text(v.unit()));
            f.put("formula", text(v.formula()));
            f.put("description", text(v.description()));
        } else if (element instanceof LineItem it) {
            kind = ElementKind.ITEM;
            f.put("id", it.id());
            f.put("label", text(it.label()));
            f.put("category", text(it.category()));
            f.put("quantity", text(it.quantity()));
            f.put("quantityUnit", text(it.quantityUnit()));
            f.put("unitPrice", text(it.unitPrice()));
            f.put("per", plain(it.per()));
            f.put("priceUnit", text(it.priceUnit()));
            f.put("billing", it.billing() == null ? "" : it.billing().json());
            f.put("hours", text(it.hours()));
            f.put("freeAllowance", text(it.freeAllowance()));
            f.put("tierMode", it.tierMode() == null ? "" : it.tierMode().json());
            f.put("fixedMonthly", plain(it.fixedMonthly()));
            f.put("description", text(it.description()));
            for (Tier t : it.tiers()) tiers.add(new Draft.TierRow(plain(t.upTo()), text(t.unitPrice())));
        } else if (element instanceof Category c) {
            kind = ElementKind.CATEGORY;
            f.put("id", c.id());
            f.put("label", text(c.label()));
            f.put("color", text(c.color()));
            f.put("description", text(c.description()));
        } else if (element instanceof Lever l) {
            kind = ElementKind.LEVER;
            f.put("id", l.id());
            f.put("label", text(l.label()));
            f.put("enabled", String.valueOf(l.enabled()));
            f.put("description", text(l.description()));
            for (LeverEffect e : l.effects()) effects.add(effectRow(e));
        } else {
            throw new IllegalArgumentException("not a model element: " + element);
        }
        return new Draft(kind, f, tiers, effects);
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
                    .scale(r.choice("scale", SliderScale.fromJson(d.get("scale").strip())))
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
                        .billing(r.choice("billing", Billing.fromJson(d.get("billing").strip())))
                        .hours(r.formula("hours"))
                        .freeAllowance(r.formula("freeAllowance"))
                        .tiers(tiers)
                        .tierMode(r.choice("tierMode", TierMode.fromJson(d.get("tierMode").strip())))
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
            } catch (NumberFormatException e) {
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
