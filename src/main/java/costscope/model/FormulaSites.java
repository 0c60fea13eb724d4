package costscope.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Every place in a scenario that holds a formula, walked in file order: the one list of formula fields, used to
 * compile a scenario, rename an id in every formula, find who uses a name, and put a problem on a form's field.
 * A new formula field is added here once.
 */
public final class FormulaSites {
    private FormulaSites() {
    }

    /** Which names a formula may use. */
    public enum Scope {
        /** The model's names (drivers, variables, items, categories, totals, metrics). */
        MODEL,
        /** A stated figure's {@code of}: the model's names plus {@code quantity()}, {@code unitPrice()}, {@code basis()}, {@code saving()}. */
        STATED,
        /** A variant's unit price: a model formula, checked on the model with the variant applied. */
        VARIANT_PRICE
    }

    /** One formula: where it is, which names it may use, its text. */
    public record Site(Place place, Scope scope, String text) {
    }

    /** Gives each formula's replacement (the same text to keep it). */
    @FunctionalInterface
    public interface Rewrite {
        String apply(Place place, Scope scope, String text);
    }

    /** Every formula of the scenario, in file order (fields left out are not sites). */
    public static List<Site> of(Scenario s) {
        List<Site> out = new ArrayList<>();
        rewrite(s, (place, scope, text) -> {
            out.add(new Site(place, scope, text));
            return text;
        });
        return out;
    }

    /** The formulas of one element ({@code items[3]}), for its form. */
    public static List<Site> of(Scenario s, String section, int index) {
        return of(s).stream().filter(x -> x.place().in(section, index)).toList();
    }

    /**
     * The scenario with every formula replaced by {@code r}'s answer, visiting them in file order. Elements whose
     * formulas all stay the same are kept as they are (the same objects).
     */
    public static Scenario rewrite(Scenario s, Rewrite r) {
        Walk w = new Walk(r);
        String hours = w.site(Place.section("hoursPerMonth"), s.hoursPerMonth());
        List<Variable> vars = w.list(s.variables(), (v, i) -> {
            String f = w.site(Place.element("variables", i, v.id()).field("formula"), v.formula());
            return same(f, v.formula()) ? v : v.withFormula(f);
        });
        List<LineItem> items = w.list(s.items(), (it, i) -> item(w, it, Place.element("items", i, it.id())));
        List<Pool> pools = w.list(s.pools(), (p, i) -> pool(w, p, Place.element("pools", i, p.id())));
        List<Lever> levers = w.list(s.levers(), (l, i) -> {
            Place at = Place.element("levers", i, l.id());
            List<LeverEffect> effects = w.list(l.effects(), (e, k) -> effect(w, e, at.row("effects", k)));
            return effects == l.effects() ? l : l.withEffects(effects);
        });
        Business business = s.business() == null ? null : business(w, s.business());
        List<StatedFigure> stated = w.list(s.statedFigures(), (f, i) -> {
            String of = w.site(Place.element("statedFigures", i, f.label()).field("of"), Scope.STATED, f.of());
            return same(of, f.of()) ? f : f.withOf(of);
        });
        List<Variant> variants = w.list(s.variants(), (v, i) -> {
            Map<String, String> prices = new LinkedHashMap<>();
            boolean changed = false;
            for (Map.Entry<String, String> e : v.prices().entrySet()) {
                Place at = Place.element("variants", i, v.id()).row("prices").key(e.getKey());
                String p = w.site(at, Scope.VARIANT_PRICE, e.getValue());
                changed |= !same(p, e.getValue());
                prices.put(e.getKey(), p);
            }
            return changed ? v.withPrices(prices) : v;
        });
        if (!w.changed) return s;
        return s.with(b -> b
                .hoursPerMonth(hours)
                .variables(vars)
                .items(items)
                .pools(pools)
                .levers(levers)
                .business(business)
                .statedFigures(stated)
                .variants(variants));
    }

    /**
     * The item with its formulas rewritten, in field order: quantity, unitPrice, hours, freeAllowance, increment,
     * tiers, minimumMonthly, upfront.
     */
    private static LineItem item(Walk w, LineItem it, Place at) {
        LineItem r = it.withQuantity(w.site(at.field("quantity"), it.quantity()))
                .withUnitPrice(w.site(at.field("unitPrice"), it.unitPrice()))
                .withHours(w.site(at.field("hours"), it.hours()))
                .withFreeAllowance(w.site(at.field("freeAllowance"), it.freeAllowance()))
                .withIncrement(w.site(at.field("increment"), it.increment()))
                .withTiers(tiers(w, it.tiers(), at))
                .withMinimumMonthly(w.site(at.field("minimumMonthly"), it.minimumMonthly()))
                .withUpfront(w.site(at.field("upfront"), it.upfront()));
        return r.equals(it) ? it : r;
    }

    /** The pool with its formulas rewritten, in field order: freeAllowance, unitPrice, tiers, increment. */
    private static Pool pool(Walk w, Pool p, Place at) {
        Pool r = p.withFreeAllowance(w.site(at.field("freeAllowance"), p.freeAllowance()))
                .withUnitPrice(w.site(at.field("unitPrice"), p.unitPrice()))
                .withTiers(tiers(w, p.tiers(), at))
                .withIncrement(w.site(at.field("increment"), p.increment()));
        return r.equals(p) ? p : r;
    }

    private static List<Tier> tiers(Walk w, List<Tier> tiers, Place at) {
        if (tiers == null) return null;
        return w.list(tiers, (t, k) -> new Tier(t.upTo(), w.site(at.row("tiers", k).field("unitPrice"), t.unitPrice())));
    }

    /** The effect with its formulas rewritten (quantity, unitPrice, freeAllowance, tiers, upfront or formula, whichever it has). */
    private static LeverEffect effect(Walk w, LeverEffect e, Place at) {
        LeverEffect r = e.withQuantity(w.site(at.field("quantity"), e.quantity()))
                .withUnitPrice(w.site(at.field("unitPrice"), e.unitPrice()))
                .withFreeAllowance(w.site(at.field("freeAllowance"), e.freeAllowance()))
                .withTiers(tiers(w, e.tiers(), at))
                .withUpfront(w.site(at.field("upfront"), e.upfront()))
                .withFormula(w.site(at.field("formula"), e.formula()));
        return r.equals(e) ? e : r;
    }

    /** The business model with its formulas rewritten: users, denominators, price, conversion, paying base, markup, funding. */
    private static Business business(Walk w, Business bz) {
        Denominator u = bz.users();
        Place at = Place.section("business");
        Business r = bz.withUsers(u == null ? null : new Denominator(u.id(), u.label(),
                        w.site(Place.part("business.users").field("formula"), u.formula())))
                .withDenominators(w.list(bz.denominators(), (d, i) -> new Denominator(d.id(), d.label(),
                        w.site(Place.element("business.denominators", i, d.id()).field("formula"), d.formula()))))
                .withPrice(w.site(at.field("price"), bz.price()))
                .withConversion(w.site(at.field("conversion"), bz.conversion()))
                .withPayingBase(w.site(at.field("payingBase"), bz.payingBase()))
                .withMarkup(w.site(at.field("markup"), bz.markup()))
                .withFunding(w.site(at.field("funding"), bz.funding()));
        return r.equals(bz) ? bz : r;
    }

    private static boolean same(String a, String b) {
        return Objects.equals(a, b);
    }

    /** The walk's state: the rewrite and whether anything changed. */
    private static final class Walk {
        final Rewrite r;
        boolean changed;

        Walk(Rewrite r) {
            this.r = r;
        }

        String site(Place place, String text) {
            return site(place, Scope.MODEL, text);
        }

        /** A field left out (null) is no site. */
        String site(Place place, Scope scope, String text) {
            if (text == null) return null;
            String out = r.apply(place, scope, text);
            if (!same(out, text)) changed = true;
            return out;
        }

        <T> List<T> list(List<T> in, Element<T> f) {
            List<T> out = new ArrayList<>(in.size());
            boolean any = false;
            for (int i = 0; i < in.size(); i++) {
                T t = f.apply(in.get(i), i);
                if (t.equals(in.get(i))) t = in.get(i);
                any |= t != in.get(i);
                out.add(t);
            }
            return any ? out : in;
        }
    }

    @FunctionalInterface
    private interface Element<T> {
        T apply(T element, int index);
    }
}
