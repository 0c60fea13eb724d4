package costscope.ui.editor;

import costscope.formula.Compiler;
import costscope.formula.Expr;
import costscope.formula.FormulaException;
import costscope.formula.Parser;
import costscope.model.FormulaSites;
import costscope.model.Lever;
import costscope.model.LeverEffect;
import costscope.model.LineItem;
import costscope.model.Place;
import costscope.model.Pool;
import costscope.model.ScalePoint;
import costscope.model.Scenario;
import costscope.model.StatedFigure;
import costscope.model.Variant;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Who refers to an id (formulas, item categories, pools' items, lever targets, scale points, stated figures, variants), and renaming
 * an id everywhere. Formulas are found through {@link FormulaSites}, the one walk over a scenario's formulas.
 */
public final class References {
    private References() {
    }

    /**
     * One reference: the element that refers (its section in the file, its id or label; null id for the scenario or
     * its business model as a whole) and in which field ("quantity", "effects", "price formula").
     */
    public record Use(String section, String id, String field) {
        /** "line item 'db'", "the business model". */
        public String who() {
            return switch (section) {
                case "variables" -> "variable '" + id + "'";
                case "items" -> "line item '" + id + "'";
                case "pools" -> "pool '" + id + "'";
                case "levers" -> "lever '" + id + "'";
                case "business" -> "the business model";
                case "scalePoints" -> "scale point '" + id + "'";
                case "sweep" -> "the chart range";
                case "statedFigures" -> "stated figure '" + id + "'";
                case "variants" -> "variant '" + id + "'";
                case "timeline" -> "the timeline";
                default -> "the scenario";
            };
        }

        public String describe() {
            return who() + " (" + field + ")";
        }
    }

    /** Every element, other than the element itself, that refers to {@code id} of the given kind. */
    public static List<Use> usesOf(Scenario s, ElementKind kind, String id) {
        Map<String, List<FormulaSites.Site>> sites = new LinkedHashMap<>();
        for (FormulaSites.Site site : FormulaSites.of(s)) {
            if (names(site.text()).contains(id)) sites.computeIfAbsent(site.place().section(), k -> new ArrayList<>()).add(site);
        }
        Set<Use> out = new LinkedHashSet<>();
        formulaUses(out, sites, "variables", kind == ElementKind.VARIABLE ? id : null, -1);
        for (int i = 0; i < s.items().size(); i++) {
            LineItem it = s.items().get(i);
            if (kind == ElementKind.CATEGORY && id.equals(it.category())) out.add(new Use("items", it.id(), "category"));
            if (!(kind == ElementKind.ITEM && it.id().equals(id))) formulaUses(out, sites, "items", null, i);
        }
        for (int i = 0; i < s.pools().size(); i++) {
            Pool p = s.pools().get(i);
            if (kind == ElementKind.POOL && p.id().equals(id)) continue;
            if (kind == ElementKind.ITEM && p.items().contains(id)) out.add(new Use("pools", p.id(), "items"));
            formulaUses(out, sites, "pools", null, i);
        }
        for (int i = 0; i < s.levers().size(); i++) {
            Lever l = s.levers().get(i);
            if (kind == ElementKind.LEVER && l.id().equals(id)) continue;
            for (LeverEffect e : l.effects()) {
                if (id.equals(e.target())) out.add(new Use("levers", l.id(), "effects"));
            }
            formulaUses(out, sites, "levers", null, i);
        }
        formulaUses(out, sites, "hoursPerMonth", null, -1);
        formulaUses(out, sites, "business.users", null, -1);
        formulaUses(out, sites, "business.denominators", null, -1);
        formulaUses(out, sites, "business", null, -1);
        if (kind == ElementKind.DRIVER) {
            for (ScalePoint p : s.scalePoints()) {
                if (p.values().containsKey(id)) out.add(new Use("scalePoints", p.id(), "values"));
            }
            if (s.sweep() != null && id.equals(s.sweep().driver())) out.add(new Use("sweep", null, "sweep"));
        }
        for (int i = 0; i < s.statedFigures().size(); i++) {
            StatedFigure f = s.statedFigures().get(i);
            formulaUses(out, sites, "statedFigures", null, i);
            if (kind == ElementKind.LEVER && f.levers().containsKey(id)) out.add(new Use("statedFigures", f.label(), "levers"));
            if (kind == ElementKind.DRIVER && f.set().containsKey(id)) out.add(new Use("statedFigures", f.label(), "set"));
        }
        for (int i = 0; i < s.variants().size(); i++) {
            Variant v = s.variants().get(i);
            if (kind == ElementKind.DRIVER && v.drivers().containsKey(id)) out.add(new Use("variants", v.id(), "drivers"));
            if (kind == ElementKind.LEVER && v.levers().containsKey(id)) out.add(new Use("variants", v.id(), "levers"));
            if ((kind == ElementKind.ITEM || kind == ElementKind.POOL) && v.prices().containsKey(id)) {
                out.add(new Use("variants", v.id(), "prices"));
            }
            formulaUses(out, sites, "variants", null, i);
        }
        if (s.timeline() != null) {
            for (var p : s.timeline().paths()) {
                if (kind == ElementKind.DRIVER && id.equals(p.driver())) out.add(new Use("timeline", null, "path of " + id));
            }
            for (var e : s.timeline().events()) {
                if (kind == ElementKind.LEVER && e.levers().containsKey(id)) {
                    out.add(new Use("timeline", null, "event " + (e.label() != null ? "'" + e.label() + "'" : "at month " + e.month())));
                }
            }
        }
        return List.copyOf(out);
    }

    /** The uses among the formulas of a section (of one element when {@code index} >= 0), but the element {@code self}. */
    private static void formulaUses(Set<Use> out, Map<String, List<FormulaSites.Site>> sites, String section, String self, int index) {
        for (FormulaSites.Site site : sites.getOrDefault(section, List.of())) {
            Place at = site.place();
            if (index >= 0 && at.index() != index || self != null && self.equals(at.id())) continue;
            out.add(use(at));
        }
    }

    /** How a formula's place is named in a use: the element and the field as the editor calls it. */
    private static Use use(Place at) {
        return switch (at.section()) {
            case "hoursPerMonth" -> new Use("scenario", null, "hoursPerMonth");
            case "business.users" -> new Use("business", null, "users");
            case "business.denominators" -> new Use("business", null, "denominator " + at.id());
            case "business" -> new Use("business", null, at.field());
            case "levers" -> new Use("levers", at.id(), "effects");
            case "variants" -> new Use("variants", at.id(), "price formula");
            default -> new Use(at.section(), at.id(), at.row() != null ? at.row() : at.field());
        };
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
     * The scenario with every reference to {@code oldId} (in formulas, item categories, pools' items, lever targets,
     * scale point values, the chart range, stated figures' lever and driver settings, variants, correlations, the
     * timeline's paths and events) written as
     * {@code newId}. The element itself is not renamed here.
     */
    public static Scenario rename(Scenario s, String oldId, String newId) {
        Scenario r = FormulaSites.rewrite(s, (place, scope, text) -> renameIn(text, oldId, newId));
        UnaryOperator<String> ref = x -> oldId.equals(x) ? newId : x;
        return r.with(b -> b
                .correlations(r.correlations().stream().map(c -> c.between().contains(oldId)
                        ? c.withBetween(c.between().stream().map(ref).toList()) : c).toList())
                .items(r.items().stream().map(it -> it.withCategory(ref.apply(it.category()))).toList())
                .pools(r.pools().stream().map(p -> p.items().contains(oldId)
                        ? p.withItems(p.items().stream().map(ref).toList()) : p).toList())
                .levers(r.levers().stream().map(l -> l.withEffects(l.effects().stream().map(e -> e.with(x -> x
                        .item(ref.apply(e.item()))
                        .category(ref.apply(e.category()))
                        .pool(ref.apply(e.pool()))
                        .set(ref.apply(e.set())))).toList())).toList())
                .scalePoints(r.scalePoints().stream()
                        .map(p -> new ScalePoint(p.id(), p.label(), renameKeys(p.values(), oldId, newId))).toList())
                .sweep(r.sweep() == null ? null : r.sweep().withDriver(ref.apply(r.sweep().driver())))
                .statedFigures(r.statedFigures().stream().map(f -> f.with(x -> x
                        .levers(renameKeys(f.levers(), oldId, newId))
                        .set(renameKeys(f.set(), oldId, newId)))).toList())
                .variants(r.variants().stream().map(v -> v.with(x -> x
                        .drivers(renameKeys(v.drivers(), oldId, newId))
                        .levers(renameKeys(v.levers(), oldId, newId))
                        .prices(renameKeys(v.prices(), oldId, newId)))).toList())
                .timeline(r.timeline() == null ? null : r.timeline().with(t -> t
                        .paths(r.timeline().paths().stream().map(p -> p.withDriver(ref.apply(p.driver()))).toList())
                        .events(r.timeline().events().stream().map(e -> e.withLevers(renameKeys(e.levers(), oldId, newId)))
                                .toList()))));
    }

    private static <V> Map<String, V> renameKeys(Map<String, V> map, String oldId, String newId) {
        if (!map.containsKey(oldId)) return map;
        Map<String, V> out = new LinkedHashMap<>();
        map.forEach((k, v) -> out.put(k.equals(oldId) ? newId : k, v));
        return out;
    }
}
