package costscope.engine;

import costscope.formula.Compiler;
import costscope.formula.Expr;
import costscope.formula.Fn;
import costscope.formula.FormulaException;
import costscope.formula.Parser;
import costscope.formula.UnknownNameException;
import costscope.model.Lever;
import costscope.model.Place;
import costscope.model.Problem.Code;
import costscope.model.Problem;
import costscope.model.Scenario;
import costscope.model.StatedFigure;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The report's stated figures compiled for the audit: each figure's context is checked (its scale point, levers
 * and drivers exist) and its {@code of} compiled in the result scope, the model's names plus
 * {@code quantity(ITEM)}, {@code unitPrice(ITEM)}, {@code basis(ITEM)} and {@code saving(LEVER)}.
 */
final class StatedFigures {
    /**
     * The functions only stated figures have, each to the offset of the item slot it reads ({@code saving} of a
     * lever: -1); their names are reserved for ids.
     */
    static final Map<String, Integer> FUNCTIONS = Map.of("quantity", SlotLayout.QUANTITY, "unitPrice", SlotLayout.UNIT_PRICE,
            "basis", SlotLayout.BASIS, "upfront", SlotLayout.UPFRONT, "saving", -1);
    private StatedFigures() {
    }

    /** The compiled {@code of} of every figure (null where it has a problem, added to the checker). */
    static Fn[] compile(Scenario sc, SlotLayout layout, Checker check) {
        List<StatedFigure> figs = sc.statedFigures();
        Fn[] out = new Fn[figs.size()];
        Compiler.Scope scope = resultScope(sc, layout);
        Map<String, Integer> leverIds = new HashMap<>();
        for (int i = 0; i < sc.levers().size(); i++) leverIds.put(sc.levers().get(i).id(), i);
        for (int i = 0; i < figs.size(); i++) {
            StatedFigure f = figs.get(i);
            Place at = Place.element("statedFigures", i, f.label());
            check.statedContext(f, at, leverIds.keySet());
            if (f.of() == null) {
                check.add(at.field("of"), Code.MISSING, "missing formula");
                continue;
            }
            try {
                out[i] = Compiler.compile(Parser.parse(f.of()), scope);
            } catch (FormulaException x) {
                String name = x instanceof UnknownNameException u ? u.name() : null;
                Problem p = name == null ? Problem.of(at.field("of").at(x.start()), Code.FORMULA, x.detail())
                        : Problem.of(at.field("of").at(x.start()), Code.UNKNOWN_NAME, x.detail() + check.suggest(name), name);
                check.add(p);
            }
        }
        return out;
    }

    /** The result scope of a scenario being compiled. */
    static Compiler.Scope resultScope(Scenario sc, SlotLayout layout) {
        Map<String, Integer> items = new HashMap<>();
        for (int i = 0; i < sc.items().size(); i++) items.put(sc.items().get(i).id(), i);
        Map<String, Integer> levers = new HashMap<>();
        List<Lever> ls = sc.levers();
        for (int i = 0; i < ls.size(); i++) levers.put(ls.get(i).id(), i);
        return resultScope(layout, items, levers);
    }

    /**
     * Names (by slot), and the functions of results: quantity(), unitPrice() and basis() of an item (by index), saving()
     * of a lever (by index).
     */
    static Compiler.Scope resultScope(SlotLayout layout, Map<String, Integer> items, Map<String, Integer> levers) {
        Compiler.Scope names = Formulas.names(layout);
        int[] itemSlot = layout.itemSlot;
        int[] savingSlot = layout.savingSlot;
        return new Compiler.Scope() {
            @Override
            public Fn name(Expr.Name n) throws FormulaException {
                return names.name(n);
            }

            @Override
            public Fn special(Expr.Call c) throws FormulaException {
                Integer offset = FUNCTIONS.get(c.name());
                if (offset == null) return names.special(c);
                boolean lever = offset < 0;
                String what = lever ? "a lever id" : "an item id";
                if (c.args().size() != 1 || !(c.args().get(0) instanceof Expr.Name arg)) {
                    throw new FormulaException(c.name() + "() takes one argument, " + what, c.start(), c.end());
                }
                Integer idx = lever ? levers.get(arg.name()) : items.get(arg.name());
                if (idx == null) throw new FormulaException("'" + arg.name() + "' is not " + what, arg.start(), arg.end());
                return Compiler.slot(lever ? savingSlot[idx] : itemSlot[idx] + offset);
            }
        };
    }
}
