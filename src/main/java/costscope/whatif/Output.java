package costscope.whatif;

import costscope.engine.CompiledScenario;
import costscope.engine.Metric;
import costscope.formula.Compiler;
import costscope.formula.Expr;
import costscope.formula.Fn;
import costscope.formula.FormulaException;
import costscope.formula.Parser;
import costscope.model.Category;
import costscope.model.FigureFormat;
import costscope.model.InputException;
import costscope.model.LineItem;
import costscope.model.Scenario;

import java.util.ArrayList;
import java.util.List;

/**
 * An output of the model that what-if analysis reads: the monthly total, a business metric, a category, a line
 * item, or any formula over those names.
 *
 * @param formula what to evaluate: a name ({@code total}, {@code costPerUser}, {@code database}) or a formula
 * @param label   how to show it
 * @param format  how to format its values
 */
public record Output(String formula, String label, FigureFormat format) {

    /** The outputs a user picks from: totals, the business metrics the model has inputs for, categories, items. */
    public static List<Output> choices(Scenario sc) {
        List<Output> out = new ArrayList<>();
        for (Metric.Shown m : Metric.totals(sc)) out.add(new Output(m.id(), m.label(), m.format()));
        for (Metric.Shown m : Metric.of(sc)) out.add(new Output(m.id(), m.label(), m.format()));
        for (Category c : sc.categories()) out.add(new Output(c.id(), c.label() + " (category)", FigureFormat.CURRENCY));
        for (LineItem i : sc.items()) out.add(new Output(i.id(), i.label() + " (item)", FigureFormat.CURRENCY));
        return out;
    }

    /** The output a name or formula stands for: a known choice keeps its label, any other formula is shown as written. */
    public static Output of(Scenario sc, String formula) {
        String f = formula.trim();
        for (Output o : choices(sc)) {
            if (o.formula().equals(f)) return o;
        }
        return new Output(f, f, FigureFormat.NUMBER);
    }

    /**
     * Compiles the output against a model. {@code saving()} is refused (a what-if output is read many times; savings
     * would each need their own evaluations); any other problem names the formula and the position. Either is an
     * {@link InputException}: the output is what the user typed or picked.
     */
    public Fn compile(CompiledScenario c) {
        try {
            Expr e = Parser.parse(formula);
            if (Compiler.calls(e, "saving")) {
                throw new InputException("output '" + formula + "': saving() cannot be an output here; "
                        + "compare variants with and without the lever instead");
            }
            return c.compileResultFormula(formula);
        } catch (FormulaException x) {
            throw new InputException("output '" + formula + "', position " + x.start() + ": " + x.detail(), x);
        }
    }

}
