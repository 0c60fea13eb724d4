package costscope.engine;

import costscope.formula.Compiler;
import costscope.formula.Expr;
import costscope.formula.Fn;
import costscope.formula.FormulaException;
import costscope.formula.Functions;
import costscope.formula.Parser;
import costscope.formula.UnknownNameException;
import costscope.model.FormulaSites;
import costscope.model.Place;
import costscope.model.Problem.Code;
import costscope.model.Problem;
import costscope.model.Scenario;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every model formula of a scenario ({@link FormulaSites}, scope MODEL) parsed, checked and compiled once against
 * the slot layout: its closure, the names it uses (the node's dependencies) and its problems with their places
 * (syntax, calls, unknown names with a suggestion). The program's builder takes each formula when it builds the
 * node the formula belongs to, so problems are reported in the order of the nodes.
 */
final class Formulas {
    /** One compiled formula: null {@code fn} when it has problems. */
    record Compiled(Fn fn, Set<String> names, List<Problem> problems) {
    }

    private final Map<Place, Compiled> byPlace = new HashMap<>();

    Formulas(Scenario sc, SlotLayout layout, Checker check) {
        Compiler.Scope scope = names(layout);
        for (FormulaSites.Site site : FormulaSites.of(sc)) {
            if (site.scope() == FormulaSites.Scope.MODEL) byPlace.put(site.place(), compile(site, scope, layout, check));
        }
    }

    /**
     * The model's names: each a read of its slot; any other name is an {@link UnknownNameException}. A function that
     * takes ids of one kind ({@code spend(category, ...)}) has its arguments checked here.
     */
    static Compiler.Scope names(SlotLayout layout) {
        Map<String, Integer> nameSlot = layout.nameSlot;
        return new Compiler.Scope() {
            @Override
            public Fn name(Expr.Name n) throws FormulaException {
                Integer slot = nameSlot.get(n.name());
                if (slot == null) throw new UnknownNameException(n);
                return Compiler.slot(slot);
            }

            @Override
            public Fn special(Expr.Call c) throws FormulaException {
                if (!c.name().equals(Functions.SPEND)) return null;
                for (Expr a : c.args()) {
                    if (a instanceof Expr.Name n && nameSlot.containsKey(n.name()) && !layout.categoryIds.contains(n.name())) {
                        throw new FormulaException("spend() takes category ids; '" + n.name() + "' is not a category",
                                a.start(), a.end());
                    }
                }
                return null;
            }
        };
    }

    private static Compiled compile(FormulaSites.Site site, Compiler.Scope scope, SlotLayout layout, Checker check) {
        List<Problem> problems = new ArrayList<>();
        Set<String> names = new LinkedHashSet<>();
        Place at = site.place();
        Expr e;
        try {
            e = Parser.parse(site.text());
        } catch (FormulaException x) {
            return failed(at, x, problems);
        }
        FormulaException calls = Compiler.checkCalls(e);
        if (calls != null) return failed(at, calls, problems);
        boolean ok = true;
        for (Expr.Name n : Compiler.names(e)) {
            if (!layout.nameSlot.containsKey(n.name())) {
                FormulaException x = new UnknownNameException(n);
                problems.add(Problem.of(at.at(x.start()), Code.UNKNOWN_NAME, x.detail() + check.suggest(n.name()), n.name()));
                ok = false;
            } else {
                names.add(n.name());
            }
        }
        if (!ok) return new Compiled(null, names, problems);
        try {
            return new Compiled(Compiler.compile(e, scope), names, problems);
        } catch (FormulaException x) {
            return failed(at, x, problems);
        }
    }

    private static Compiled failed(Place at, FormulaException x, List<Problem> problems) {
        problems.add(Problem.of(at.at(x.start()), Code.FORMULA, x.detail()));
        return new Compiled(null, Set.of(), problems);
    }

    /** The compiled formula at a place; it must be a site (a formula the scenario gives). */
    Compiled at(Place place) {
        Compiled c = byPlace.get(place);
        if (c == null) throw new IllegalStateException("no formula at " + place.describe());
        return c;
    }
}
