package costscope.ui.editor;

import costscope.formula.FormulaException;
import costscope.formula.NumberInput;
import costscope.formula.Parser;
import costscope.model.Billing;
import costscope.model.CategoryBuilder;
import costscope.model.Distribution;
import costscope.model.DriverBuilder;
import costscope.model.InputException;
import costscope.model.JsonNames;
import costscope.model.Lever;
import costscope.model.LeverBuilder;
import costscope.model.LeverEffect;
import costscope.model.LeverEffectBuilder;
import costscope.model.LineItem;
import costscope.model.LineItemBuilder;
import costscope.model.Pool;
import costscope.model.PoolBuilder;
import costscope.model.Range;
import costscope.model.RangeBuilder;
import costscope.model.SliderScale;
import costscope.model.Tier;
import costscope.model.TierMode;
import costscope.model.VariableBuilder;

import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
     * The texts of an element's form: every field of its record (in record order; lists of rows are rows, not texts)
     * as the user would type it, with its tier or effect rows. A list of ids reads "a, b, c".
     */
    public static Draft of(Object element) {
        ElementKind kind = ElementKind.of(element);
        Map<String, String> f = new LinkedHashMap<>();
        for (RecordComponent c : element.getClass().getRecordComponents()) {
            if (!Draft.isText(c)) continue;
            if (Draft.isNested(c)) {
                Object nested = component(c, element);
                for (RecordComponent n : c.getType().getRecordComponents()) {
                    f.put(c.getName() + "." + n.getName(), nested == null ? "" : text(value(n, nested)));
                }
            } else {
                f.put(c.getName(), text(value(c, element)));
            }
        }
        List<Draft.TierRow> tiers = new ArrayList<>();
        List<Draft.EffectRow> effects = new ArrayList<>();
        List<Tier> own = element instanceof LineItem it ? it.tiers() : element instanceof Pool p ? p.tiers() : List.of();
        for (Tier t : own) tiers.add(new Draft.TierRow(plain(t.upTo()), text(t.unitPrice())));
        if (element instanceof Lever l) {
            for (LeverEffect e : l.effects()) effects.add(effectRow(e));
        }
        return new Draft(kind, f, tiers, effects);
    }

    /** A record field's value as text: numbers plain, choices as the file spells them, ids joined by ", ", null as "". */
    private static String value(RecordComponent c, Object element) {
        Object v = component(c, element);
        if (v instanceof Double d) return plain(d);
        if (v instanceof Enum<?> e) return JsonNames.of(e);
        if (v instanceof List<?> l) return String.join(", ", l.stream().map(String::valueOf).toList());
        return v == null ? null : String.valueOf(v);
    }

    private static Object component(RecordComponent c, Object element) {
        try {
            return c.getAccessor().invoke(element);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read " + c.getName(), e);
        }
    }

    static Draft.EffectRow effectRow(LeverEffect e) {
        LeverEffect.Target t = e.targetKind();
        String target = t == null ? "set" : name(t);
        String id = text(e.target());
        String change = e.changedField() == null ? "formula" : e.changedField();
        String value = switch (change) {
            case "factor" -> plain(e.factor());
            case "fixedMonthly" -> plain(e.fixedMonthly());
            case "tiers" -> tiersText(e.tiers());
            default -> text(e.changedFormula());
        };
        return new Draft.EffectRow(target, id, change, value);
    }

    /** "item", "category", "pool", "set": the target kinds a lever effect row offers, as the file names them. */
    public static List<String> targets() {
        return java.util.Arrays.stream(LeverEffect.Target.values()).map(Drafts::name).toList();
    }

    private static String name(LeverEffect.Target t) {
        return t.name().toLowerCase(Locale.ROOT);
    }

    /** The changes a lever effect on this kind of target ("item", "pool"...) can make: the model's list. */
    public static List<String> changesFor(String target) {
        for (LeverEffect.Target t : LeverEffect.Target.values()) {
            if (name(t).equals(target)) return LeverEffect.changes(t);
        }
        return List.of();
    }

    // --- a driver's range ---------------------------------------------------------------------------------------

    /**
     * The range fields a distribution takes, as the file spells it ("pert"), in form order: {@code low} and
     * {@code high} for every one, {@code mode} for triangular and PERT, {@code mean} and {@code sd} for normal (instead
     * of low and high). None for "" (no range) or an unknown name. A form shows only these, and reads only these.
     */
    public static List<String> rangeFields(String distribution) {
        Distribution d = JsonNames.parse(Distribution.class, distribution == null ? "" : distribution.strip());
        if (d == null) return List.of();
        return switch (d) {
            case UNIFORM, LOGNORMAL -> List.of("low", "high");
            case TRIANGULAR, PERT -> List.of("low", "high", "mode");
            case NORMAL -> List.of("low", "high", "mean", "sd");
        };
    }

    // --- a tier table typed in one cell ----------------------------------------------------------------------------

    /** How a tier table is typed in one cell, for its tooltip. */
    public static final String TIERS_SYNTAX = "Tiers: upTo: unit price pairs separated by ';', the last tier's unit price"
            + " alone (no upper bound).\nExample: 10000: 0.10; 80000: 0.07; 0.05\n= up to 10,000 units at 0.10, up to 80,000"
            + " at 0.07, the rest at 0.05. A unit price may be a formula.";

    /** A tier table as one line: {@code 10000: 0.1; 80000: 0.07; 0.05} ("" for none). */
    public static String tiersText(List<Tier> tiers) {
        if (tiers == null) return "";
        List<String> parts = new ArrayList<>();
        for (Tier t : tiers) parts.add(t.upTo() == null ? text(t.unitPrice()) : plain(t.upTo()) + ": " + text(t.unitPrice()));
        return String.join("; ", parts);
    }

    /**
     * A tier table read from one line ({@link #tiersText}): the tiers and where each unit price starts in the text, or
     * the first thing wrong ({@code error}, at {@code errorAt}, -1 for no position).
     */
    public record TierText(List<Tier> tiers, List<Integer> priceAt, String error, int errorAt) {
        static TierText wrong(String error, int at) {
            return new TierText(null, null, error, at);
        }
    }

    /** Reads a tier table typed as {@code upTo: unit price; ...; unit price}. */
    public static TierText parseTiers(String text) {
        String all = text == null ? "" : text;
        if (all.isBlank()) {
            return TierText.wrong("type the tiers, e.g. 10000: 0.10; 80000: 0.07; 0.05", -1);
        }
        String[] parts = all.split(";", -1);
        List<Tier> tiers = new ArrayList<>();
        List<Integer> priceAt = new ArrayList<>();
        int start = 0;
        for (int k = 0; k < parts.length; k++) {
            String part = parts[k];
            String tier = "tier " + (k + 1);
            boolean last = k == parts.length - 1;
            int lead = leading(part);
            if (part.isBlank()) {
                return TierText.wrong(tier + " is empty: write upTo: unit price, or the last tier's unit price alone", start + lead);
            }
            int colon = part.indexOf(':');
            if (colon >= 0 && part.indexOf(':', colon + 1) >= 0) {
                return TierText.wrong(tier + " has two ':' (write upTo: unit price; then the next tier)", start + part.indexOf(':', colon + 1));
            }
            Double upTo = null;
            String price;
            int priceStart;
            if (colon >= 0) {
                String bound = part.substring(0, colon).strip();
                if (bound.isEmpty()) return TierText.wrong(tier + ": the upTo before ':' is missing", start + lead);
                try {
                    upTo = NumberInput.parse(bound);
                } catch (InputException e) {
                    return TierText.wrong(tier + ": upTo " + e.getMessage(), start + lead);
                }
                String rest = part.substring(colon + 1);
                price = rest.strip();
                priceStart = start + colon + 1 + leading(rest);
                if (price.isEmpty()) return TierText.wrong(tier + ": the unit price after ':' is missing", start + colon + 1);
            } else {
                price = part.strip();
                priceStart = start + lead;
                if (!last) {
                    return TierText.wrong(tier + " has no upTo: write upTo: unit price (only the last tier leaves out upTo)", priceStart);
                }
            }
            try {
                Parser.parse(price);
            } catch (FormulaException e) {
                String what = colon >= 0 ? tier + ": unit price " + e.detail()
                        : tier + ": '" + price + "' is not a unit price (" + e.detail() + "); write each tier as upTo: unit price,"
                        + " tiers separated by ';' (e.g. 10: 1; 0.5)";
                return TierText.wrong(what, priceStart + e.start());
            }
            tiers.add(new Tier(upTo, price));
            priceAt.add(priceStart);
            start += part.length() + 1;
        }
        return new TierText(tiers, priceAt, null, -1);
    }

    private static int leading(String s) {
        int i = 0;
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) i++;
        return i;
    }

    // --- a list of ids typed in one field ------------------------------------------------------------------------

    private static final Pattern ID_TOKEN = Pattern.compile("[^,\\s]+");

    /** One id in a typed list and where it starts. */
    public record IdAt(String id, int start) {
    }

    /** The ids of a list typed as {@code a, b, c} (commas and/or blanks between them), in order, with their places. */
    public static List<IdAt> ids(String text) {
        List<IdAt> out = new ArrayList<>();
        if (text == null) return out;
        Matcher m = ID_TOKEN.matcher(text);
        while (m.find()) out.add(new IdAt(m.group(), m.start()));
        return out;
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
                    .range(r.range())
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
                List<Tier> tiers = r.tiers();
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
                        .upfront(r.formula("upfront"))
                        .termMonths(r.whole("termMonths"))
                        .description(r.optional("description"))
                        .build();
            }
            case POOL -> PoolBuilder.builder()
                    .id(r.id())
                    .label(r.label())
                    .items(ids(d.get("items")).stream().map(IdAt::id).toList())
                    .freeAllowance(r.formula("freeAllowance"))
                    .unitPrice(r.formula("unitPrice"))
                    .tiers(r.tiers())
                    .tierMode(r.choice("tierMode", JsonNames.parse(TierMode.class, d.get("tierMode").strip())))
                    .per(r.number("per", false, null))
                    .priceUnit(r.optional("priceUnit"))
                    .increment(r.formula("increment"))
                    .description(r.optional("description"))
                    .build();
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

        /**
         * The driver's range: null when no distribution is chosen; else the distribution with the numbers it takes
         * ({@link #rangeFields}: what another distribution would take is left out, even when its field holds text).
         * Whether they make a range is the engine's to check.
         */
        Range range() {
            String name = d.get("range.distribution").strip();
            if (name.isEmpty()) return null;
            Distribution dist = choice("range.distribution", JsonNames.parse(Distribution.class, name));
            if (dist == null) return null;
            List<String> used = rangeFields(name);
            Map<String, Double> v = new LinkedHashMap<>();
            for (String f : List.of("low", "high", "mode", "mean", "sd")) {
                v.put(f, used.contains(f) ? number("range." + f, false, null) : null);
            }
            return RangeBuilder.builder().distribution(dist).low(v.get("low")).high(v.get("high")).mode(v.get("mode"))
                    .mean(v.get("mean")).sd(v.get("sd")).build();
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

        /** The tier rows. */
        List<Tier> tiers() {
            List<Tier> tiers = new ArrayList<>();
            for (int t = 0; t < d.tiers().size(); t++) {
                Draft.TierRow row = d.tiers().get(t);
                tiers.add(new Tier(number("tiers[" + t + "].upTo", row.upTo(), false, null),
                        formula("tiers[" + t + "].unitPrice", row.unitPrice())));
            }
            return tiers;
        }

        /** A whole number (months, say); null when blank. Its range is the engine's to check. */
        Integer whole(String field) {
            String s = d.get(field).strip();
            if (s.isEmpty()) return null;
            double v;
            try {
                v = NumberInput.parse(s);
            } catch (InputException e) {
                errors.put(field, FieldProblem.of(field, e.getMessage()));
                return null;
            }
            if (v != Math.rint(v) || Math.abs(v) > Integer.MAX_VALUE) {
                errors.put(field, FieldProblem.of(field, "'" + s + "' is not a whole number"));
                return null;
            }
            return (int) v;
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
            String value = key + ".value";
            boolean numeric = change.equals("factor") || change.equals("fixedMonthly");
            boolean table = change.equals("tiers");
            Double num = numeric ? number(value, row.value(), true, null) : null;
            List<Tier> tiers = null;
            if (table) {
                TierText t = parseTiers(row.value());
                if (t.error() != null) {
                    errors.put(value, new FieldProblem(value, t.errorAt(), t.error()));
                } else {
                    tiers = t.tiers();
                    for (int k = 0; k < t.priceAt().size(); k++) offsets.put(key + ".tiers[" + k + "].unitPrice", t.priceAt().get(k));
                }
            }
            String formula = numeric || table ? null : formula(value, row.value());
            if (!numeric && !table && formula == null && !change.isEmpty()) {
                errors.put(value, FieldProblem.of(value, "a formula is required"));
            }
            return LeverEffectBuilder.builder()
                    .item(target.equals("item") ? id : null)
                    .category(target.equals("category") ? id : null)
                    .pool(target.equals("pool") ? id : null)
                    .set(target.equals("set") ? id : null)
                    .factor(change.equals("factor") ? num : null)
                    .quantity(change.equals("quantity") ? formula : null)
                    .unitPrice(change.equals("unitPrice") ? formula : null)
                    .fixedMonthly(change.equals("fixedMonthly") ? num : null)
                    .freeAllowance(change.equals("freeAllowance") ? formula : null)
                    .tiers(table ? tiers : null)
                    .upfront(change.equals("upfront") ? formula : null)
                    .formula(change.equals("formula") ? formula : null)
                    .build();
        }
    }
}
