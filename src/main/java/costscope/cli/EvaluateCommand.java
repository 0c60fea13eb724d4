package costscope.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import costscope.engine.CompiledScenario;
import costscope.engine.Results;
import costscope.export.Formats;
import costscope.export.Reports;
import costscope.model.LineItem;
import costscope.model.Scenario;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.io.PrintWriter;

import static costscope.cli.Json.put;

/** {@code evaluate FILE}: the breakdown, categories, metrics and levers at the file's values or the state asked for. */
@Command(name = "evaluate", description = "Evaluate a scenario at its current values, a scale point, or with changes.")
@FormatChoices({"text", "json", "csv", "markdown"})
final class EvaluateCommand extends FormattedCommand {
    @Mixin
    StateOptions state;

    @Override
    void print(CompiledScenario c, PrintWriter out) throws Exception {
        Results r = state.evaluator(file, c).evaluateWithSavings();
        Scenario sc = c.scenario();
        String at = state.at();
        switch (format()) {
            case "json" -> out.println(Json.text(json(r, at)));
            case "csv" -> out.print(Reports.breakdown(r).toCsv());
            case "markdown" -> {
                out.println("# " + sc.name() + (at != null ? " at " + at : ""));
                out.println();
                out.println("Monthly total: **" + Formats.money(r.monthlyTotal(), sc.currency()) + "**, annual: **"
                        + Formats.money(r.annualTotal(), sc.currency()) + "**" + upfront(r, "**"));
                out.println();
                out.print(Reports.breakdown(r).toMarkdown());
                out.println();
                out.print(Reports.categories(r).toMarkdown());
                out.println();
                out.print(Reports.metrics(r).toMarkdown());
            }
            default -> {
                out.println(sc.name() + (at != null ? " at " + at : ""));
                out.println("Monthly total " + Formats.money(r.monthlyTotal(), sc.currency()) + ", annual "
                        + Formats.money(r.annualTotal(), sc.currency()) + upfront(r, ""));
                out.println();
                out.print(Reports.breakdown(r).toText());
                out.println();
                out.print(Reports.categories(r).toText());
                out.println();
                out.print(Reports.metrics(r).toText());
                if (!sc.levers().isEmpty()) {
                    out.println();
                    for (Results.LeverResult l : r.levers()) {
                        out.println((l.enabled() ? "[on]  " : "[off] ") + l.label() + " (" + l.id() + "): saves "
                                + Formats.money(l.saving(), sc.currency()) + "/month");
                    }
                }
            }
        }
    }

    /** ", upfront $X, first 12 months $Y, amortized $Z a month" when the scenario has upfront payments, else "". */
    private static String upfront(Results r, String bold) {
        Scenario sc = r.compiled().scenario();
        if (!sc.hasUpfront()) return "";
        String cur = sc.currency();
        return ", upfront: " + bold + Formats.money(r.upfrontTotal(), cur) + bold + ", first 12 months: " + bold
                + Formats.money(r.firstYearTotal(), cur) + bold + ", amortized: " + bold
                + Formats.money(r.amortizedMonthlyTotal(), cur) + bold + " a month";
    }

    /** An evaluation as JSON (also each scale point of {@code table --format json}); {@code at}: the point, or null. */
    static ObjectNode json(Results r, String at) {
        Scenario sc = r.compiled().scenario();
        ObjectNode o = Json.object();
        o.put("scenario", sc.name());
        if (at != null) o.put("at", at);
        o.put("currency", sc.currency());
        put(o, "monthlyTotal", r.monthlyTotal());
        put(o, "annualTotal", r.annualTotal());
        put(o, "upfrontTotal", r.upfrontTotal());
        put(o, "firstYearTotal", r.firstYearTotal());
        put(o, "amortizedMonthlyTotal", r.amortizedMonthlyTotal());
        ArrayNode items = o.putArray("items");
        for (LineItem it : sc.items()) {
            Results.ItemResult ir = r.item(it.id());
            ObjectNode i = items.addObject();
            i.put("id", it.id());
            i.put("label", it.label());
            i.put("category", it.category());
            put(i, "quantity", ir.quantity());
            if (it.quantityUnit() != null) i.put("quantityUnit", it.quantityUnit());
            put(i, "unitPrice", ir.unitPrice());
            if (it.priceUnit() != null) i.put("priceUnit", it.priceUnit());
            put(i, "monthly", ir.monthly());
            put(i, "basis", ir.basis());
            put(i, "share", ir.share());
            if (sc.hasUpfront()) put(i, "upfront", ir.upfront());
            var pool = sc.poolOf(it.id());
            if (pool != null) i.put("pool", pool.id());
        }
        if (!sc.pools().isEmpty()) o.set("pools", Json.tree(r.pools()));
        o.set("categories", Json.tree(r.categories()));
        o.set("variables", Json.tree(r.variables()));
        o.set("metrics", Json.tree(r.metrics()));
        o.set("levers", Json.tree(r.levers()));
        return o;
    }
}
