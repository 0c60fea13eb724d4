package costscope.ui.editor;

import costscope.formula.Compiler;
import costscope.formula.Expr;
import costscope.formula.FormulaException;
import costscope.formula.Parser;
import costscope.model.Business;
import costscope.model.Denominator;
import costscope.model.Lever;
import costscope.model.LeverEffect;
import costscope.model.LineItem;
import costscope.model.ScalePoint;
import costscope.model.Scenario;
import costscope.model.StatedFigure;
import costscope.model.Sweep;
import costscope.model.Tier;
import costscope.model.Variable;
import costscope.model.Variant;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/** Who refers to an id (formulas, item categories, lever targets, scale points, stated figures), and renaming an id everywhere. */
public final class References {
    private References() {
    }

    /** One reference: who ("line item 'db'") and in which field ("quantity"). */
    public record Use(String who, String field) {
        public String describe() {
            return who + " (" + field + ")";
        }
    }

    /** Every element, other than the element itself, that refers to {@code id} of the given kind. */
    public static List<Use> usesOf(Scenario s, ElementKind kind, String id) {
        Set<Use> out = new LinkedHashSet<>();
        for (int i = 0; i < s.variables().size(); i++) {
            Variable v = s.variables().get(i);
            if (kind == ElementKind.VARIABLE && v.id().equals(id)) continue;
            if (names(v.formula()).contains(id)) out.add(new Use("variable '" + v.id() + "'", "formula"));
        }
        for (LineItem it : s.items()) {
            if (kind == ElementKind.CATEGORY && id.equals(it.category())) out.add(new Use("line item '" + it.id() + "'", "category"));
            if (kind == ElementKind.ITEM && it.id().equals(id)) continue;
            String who = "line item '" + it.id() + "'";
            if (names(it.quantity()).contains(id)) out.add(new Use(who, "quantity"));
            if (names(it.unitPrice()).contains(id)) out.add(new Use(who, "unitPrice"));
            if (names(it.hours()).contains(id)) out.add(new Use(who, "hours"));
            if (names(it.freeAllowance()).contains(id)) out.add(new Use(who, "freeAllowance"));
            for (Tier t : it.tiers()) {
                if (names(t.unitPrice()).contains(id)) out.add(new Use(who, "tiers"));
            }
        }
        for (Lever l : s.levers()) {
            if (kind == ElementKind.LEVER && l.id().equals(id)) continue;
            String who = "lever '" + l.id() + "'";
            for (LeverEffect e : l.effects()) {
                if (id.equals(e.item()) || id.equals(e.category()) || id.equals(e.set())) out.add(new Use(who, "effects"));
                if (names(e.quantity()).contains(id) || names(e.unitPrice()).contains(id) || names(e.formula()).contains(id)) {
                    out.add(new Use(who, "effects"));
                }
            }
        }
        if (names(s.hoursPerMonth()).contains(id)) out.add(new Use("the scenario", "hoursPerMonth"));
        Business b = s.business();
        if (b != null) {
            if (b.users() != null && names(b.users().formula()).contains(id)) out.add(new Use("the business model", "users"));
            for (Denominator d : b.denominators()) {
                if (names(d.formula()).contains(id)) out.add(new Use("the business model", "denominator " + d.id()));
            }
            Map<String, String> fields = new LinkedHashMap<>();
            fields.put("price", b.price());
            fields.put("conversion", b.conversion());
            fields.put("payingBase", b.payingBase());
            fields.put("markup", b.markup());
            fields.put("funding", b.funding());
            fields.forEach((f, text) -> {
                if (names(text).contains(id)) out.add(new Use("the business model", f));
            });
        }
        if (kind == ElementKind.DRIVER) {
            for (ScalePoint p : s.scalePoints()) {
                if (p.values().containsKey(id)) out.add(new Use("scale point '" + p.id() + "'", "values"));
            }
            if (s.sweep() != null && id.equals(s.sweep().driver())) out.add(new Use("the chart range", "sweep"));
        }
        for (StatedFigure f : s.statedFigures()) {
            String who = "stated figure '" + f.label() + "'";
            if (names(f.of()).contains(id)) out.add(new Use(who, "of"));
            if (kind == ElementKind.LEVER && f.levers().containsKey(id)) out.add(new Use(who, "levers"));
            if (kind == ElementKind.DRIVER && f.set().containsKey(id)) out.add(new Use(who, "set"));
        }
        for (Variant v : s.variants()) {
            String who = "variant '" + v.id() + "'";
            if (kind == ElementKind.DRIVER && v.drivers().containsKey(id)) out.add(new Use(who, "drivers"));
            if (kind == ElementKind.LEVER && v.levers().containsKey(id)) out.add(new Use(who, "levers"));
            if (kind == ElementKind.ITEM && v.prices().containsKey(id)) out.add(new Use(who, "prices"));
            for (String price : v.prices().values()) {
                if (names(price).contains(id)) out.add(new Use(who, "price formula"));
            }
        }
        return List.copyOf(out);
    }

    /** "line item 'a' (quantity), variable 'b' (formula) and 4 more". */
    public static String describe(List<Use> uses, int max) {
        StringBuilder b = new StringBuilder();
        int shown = Math.min(max, uses.size());
        for (int i = 0; i < shown; i++) {
            if (i > 0) b.append(i == uses.size() - 1 ? " and " : ", ");
            b.append(uses.get(i).describe());
        }
        if (uses.size() > shown) b.append(" and ").append(uses.size() - shown).append(" more");
        return b.toString();
    }

    /** The names a formula refers to (function names excluded); empty when it is null or does not parse. */
    public static Set<String> names(String formula) {
        if (formula == null) return Set.of();
        try {
            Set<String> out = new LinkedHashSet<>();
            for (Expr.Name n : Compiler.names(Parser.parse(formula))) out.add(n.name());
            return out;
        } catch (FormulaException e) {
            return Set.of();
        }
    }

    /** The formula with every reference to {@code oldId} written as {@code newId}; unchanged when it does not parse. */
    public static String renameIn(String formula, String oldId, String newId) {
        if (formula == null) return null;
        List<Expr.Name> hits = new ArrayList<>();
        try {
            for (Expr.Name n : Compiler.names(Parser.parse(formula))) {
                if (n.name().equals(oldId)) hits.add(n);
            }
        } catch (FormulaException e) {
            return formula;
        }
        if (hits.isEmpty()) return formula;
        StringBuilder b = new StringBuilder(formula);
        for (int i = hits.size() - 1; i >= 0; i--) b.replace(hits.get(i).start(), hits.get(i).end(), newId);
        return b.toString();
    }

    /**
     * The scenario with every reference to {@code oldId} (in formulas, item categories, lever targets, scale point
     * values, the chart range, stated figures' lever and driver settings) written as {@code newId}. The element
     * itself is not renamed here.
     */
    public static Scenario rename(Scenario s, String oldId, String newId) {
        UnaryOperator<String> f = text -> renameIn(text, oldId, newId);
        UnaryOperator<String> ref = r -> oldId.equals(r) ? newId : r;
        List<Variable> vars = s.variables().stream()
                .map(v -> new Variable(v.id(), v.label(), v.unit(), f.apply(v.formula()), v.description())).toList();
        List<LineItem> items = s.items().stream().map(it -> new LineItem(it.id(), it.label(), ref.apply(it.category()),
                f.apply(it.quantity()), it.quantityUnit(), f.apply(it.unitPrice()), it.per(), it.priceUnit(), it.billing(),
                f.apply(it.hours()), f.apply(it.freeAllowance()),
                it.tiers().stream().map(t -> new Tier(t.upTo(), f.apply(t.unitPrice()))).toList(),
                it.tierMode(), it.fixedMonthly(), it.description())).toList();
        List<Lever> levers = s.levers().stream().map(l -> new Lever(l.id(), l.label(), l.enabled(), l.description(),
                l.effects().stream().map(e -> new LeverEffect(ref.apply(e.item()), ref.apply(e.category()), ref.apply(e.set()),
                        e.factor(), f.apply(e.quantity()), f.apply(e.unitPrice()), e.fixedMonthly(), f.apply(e.formula()))).toList()))
                .toList();
        Business b = s.business();
        Business nb = b == null ? null : new Business(
                b.users() == null ? null : new Denominator(b.users().id(), b.users().label(), f.apply(b.users().formula())),
                b.denominators().stream().map(d -> new Denominator(d.id(), d.label(), f.apply(d.formula()))).toList(),
                f.apply(b.price()), f.apply(b.conversion()), f.apply(b.payingBase()), f.apply(b.markup()), f.apply(b.funding()));
        List<ScalePoint> points = s.scalePoints().stream().map(p -> new ScalePoint(p.id(), p.label(), renameKeys(p.values(), oldId, newId))).toList();
        Sweep sw = s.sweep() == null ? null : new Sweep(ref.apply(s.sweep().driver()), s.sweep().from(), s.sweep().to(), s.sweep().log());
        List<StatedFigure> figures = s.statedFigures().stream().map(x -> new StatedFigure(x.label(), x.at(),
                renameKeys(x.levers(), oldId, newId), renameKeys(x.set(), oldId, newId), f.apply(x.of()), x.value(),
                x.rounding(), x.format(), x.note())).toList();
        List<Variant> variants = s.variants().stream().map(v -> {
            Map<String, String> prices = new LinkedHashMap<>();
            v.prices().forEach((k, price) -> prices.put(k.equals(oldId) ? newId : k, f.apply(price)));
            return new Variant(v.id(), v.label(), v.description(), renameKeys(v.drivers(), oldId, newId),
                    renameKeys(v.levers(), oldId, newId), prices);
        }).toList();
        return new Scenario(s.name(), s.description(), s.currency(), f.apply(s.hoursPerMonth()), s.drivers(), vars,
                s.categories(), items, levers, nb, sw, points, figures, variants);
    }

    private static <V> Map<String, V> renameKeys(Map<String, V> map, String oldId, String newId) {
        if (!map.containsKey(oldId)) return map;
        Map<String, V> out = new LinkedHashMap<>();
        map.forEach((k, v) -> out.put(k.equals(oldId) ? newId : k, v));
        return out;
    }
}
