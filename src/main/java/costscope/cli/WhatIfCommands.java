package costscope.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import costscope.engine.CompiledScenario;
import costscope.engine.Evaluator;
import costscope.export.Formats;
import costscope.formula.NumberInput;
import costscope.model.Driver;
import costscope.model.InputException;
import costscope.model.JsonNames;
import costscope.model.Scenario;
import costscope.whatif.Compare;
import costscope.whatif.GoalSeek;
import costscope.whatif.Output;
import costscope.whatif.Sensitivity;
import costscope.whatif.Variants;
import costscope.whatif.Waterfall;
import costscope.whatif.WhatIfTables;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

import static costscope.cli.Json.put;

/** The what-if commands: compare variants (with their savings waterfall), sensitivity (tornado), goal seek. */
final class WhatIfCommands {
    private WhatIfCommands() {
    }

    /**
     * The --output of a command on {@code sc}, refused (naming the file, the option and the formula position) when the
     * evaluator's model cannot evaluate it.
     */
    static Output output(FormattedCommand cmd, Scenario sc, Evaluator e, String id) {
        if (id == null || id.isBlank()) throw cmd.bad("--output is required (e.g. total, costPerUser, a category id)");
        Output o = Output.of(sc, id);
        try {
            o.compile(e.compiled());
        } catch (InputException x) {
            throw cmd.bad("--output " + o.formula() + ": " + x.getMessage());
        }
        return o;
    }

    // ------------------------------------------------------------------------------------------------------------

    @Command(name = "compare", description = "Variants side by side: categories, items, totals, metrics, differences, and the"
            + " savings waterfall from the first variant to each other one.")
    @FormatChoices({"text", "json", "csv", "markdown"})
    static final class CompareCmd extends FormattedCommand {
        @Option(names = "--variants", paramLabel = "A,B", split = ",", required = true,
                description = "two or more variant ids; the first is the reference ('base': the model without a variant)")
        List<String> variants;
        @Option(names = "--order", paramLabel = "ID,ID", split = ",",
                description = "the waterfall's order: change ids (drivers, levers, items) to apply first")
        List<String> order = new ArrayList<>();

        @Override
        void print(CompiledScenario compiled, PrintWriter out) throws Exception {
            Scenario sc = compiled.scenario();
            if (variants.size() < 2) throw bad("--variants needs at least two ids, e.g. --variants original,optimized");
            List<String> seen = new ArrayList<>();
            for (String id : variants) {
                if (seen.contains(id.trim())) throw bad("--variants: '" + id.trim() + "' is named twice");
                seen.add(id.trim());
            }
            List<Compare.Named> states = new ArrayList<>();
            for (String id : variants) {
                try {
                    states.add(Variants.resolve(sc, id.trim()));
                } catch (InputException x) {
                    throw bad("--variants: " + x.getMessage());
                }
            }
            Compare c = Compare.run(states);
            // --order applies to each waterfall as far as it goes: an id that changes in none of them is a mistake
            List<String> anywhere = new ArrayList<>();
            for (int i = 1; i < states.size(); i++) anywhere.addAll(Waterfall.defaultOrder(states.get(0).scenario(), states.get(i).scenario()));
            for (String id : order) {
                if (!anywhere.contains(id.trim())) {
                    throw bad("--order: '" + id.trim() + "' changes in no waterfall here (changes: "
                            + String.join(", ", anywhere.stream().distinct().toList()) + ")");
                }
            }
            List<Waterfall> falls = new ArrayList<>();
            for (int i = 1; i < states.size(); i++) {
                List<String> ids = Waterfall.defaultOrder(states.get(0).scenario(), states.get(i).scenario());
                try {
                    falls.add(Waterfall.run(states.get(0).scenario(), states.get(i).scenario(),
                            order.stream().map(String::trim).filter(ids::contains).toList()));
                } catch (InputException x) {
                    throw bad("--order: " + x.getMessage());
                }
            }
            String cur = sc.currency();
            switch (format()) {
                case "json" -> out.println(Json.text(compareJson(sc, states, c, falls)));
                case "csv" -> out.print(WhatIfTables.comparePlain(c).toCsv());
                case "markdown" -> {
                    out.println("# " + sc.name() + ": " + String.join(" vs ", states.stream().map(Compare.Named::label).toList()));
                    out.println();
                    out.print(WhatIfTables.compare(c, cur).toMarkdown());
                    for (int i = 0; i < falls.size(); i++) {
                        out.println();
                        out.println("## Waterfall: " + states.get(0).label() + " → " + states.get(i + 1).label());
                        out.println();
                        out.print(WhatIfTables.waterfall(falls.get(i), states.get(0).label(), states.get(i + 1).label(), cur).toMarkdown());
                    }
                }
                default -> {
                    out.println(sc.name() + ": " + String.join(" vs ", states.stream().map(Compare.Named::label).toList()));
                    out.println();
                    out.print(WhatIfTables.compare(c, cur).toText());
                    for (int i = 0; i < falls.size(); i++) {
                        out.println();
                        out.println("Waterfall " + states.get(0).label() + " → " + states.get(i + 1).label()
                                + " (changes made in this order; change it with --order)");
                        out.print(WhatIfTables.waterfall(falls.get(i), states.get(0).label(), states.get(i + 1).label(), cur).toText());
                    }
                }
            }
        }
    }

    static ObjectNode compareJson(Scenario sc, List<Compare.Named> states, Compare c, List<Waterfall> falls) {
        ObjectNode o = Json.object();
        o.put("scenario", sc.name());
        o.put("currency", sc.currency());
        ArrayNode vs = o.putArray("variants");
        for (Compare.Named n : states) vs.addObject().put("id", n.id()).put("label", n.label());
        ArrayNode rows = o.putArray("rows");
        for (Compare.Row r : c.rows()) {
            ObjectNode x = rows.addObject();
            x.put("key", r.key());
            x.put("label", r.label());
            x.put("kind", r.kind().name().toLowerCase());
            x.put("format", JsonNames.of(r.format()));
            ObjectNode values = x.putObject("values");
            ObjectNode diffs = x.putObject("differences");
            ObjectNode rel = x.putObject("relative");
            for (int i = 0; i < states.size(); i++) {
                put(values, states.get(i).id(), r.value(i));
                if (i > 0) {
                    put(diffs, states.get(i).id(), r.difference(i));
                    put(rel, states.get(i).id(), r.relative(i));
                }
            }
        }
        ArrayNode ws = o.putArray("waterfalls");
        for (int i = 0; i < falls.size(); i++) {
            Waterfall w = falls.get(i);
            ObjectNode x = ws.addObject();
            x.put("from", states.get(0).id());
            x.put("to", states.get(i + 1).id());
            put(x, "fromTotal", w.fromTotal());
            put(x, "toTotal", w.toTotal());
            put(x, "difference", w.difference());
            ArrayNode steps = x.putArray("steps");
            for (Waterfall.Step s : w.steps()) {
                ObjectNode y = steps.addObject();
                y.put("id", s.change().id());
                y.put("kind", s.change().kind().name().toLowerCase());
                y.put("label", s.change().label());
                y.put("from", s.change().from());
                y.put("to", s.change().to());
                put(y, "before", s.before());
                put(y, "after", s.after());
                put(y, "delta", s.delta());
            }
        }
        return o;
    }

    // ------------------------------------------------------------------------------------------------------------

    @Command(name = "sensitivity", description = "Tornado: how much an output moves when each driver swings (default ±20%%),"
            + " the others fixed; largest effect first.")
    @FormatChoices({"text", "json", "csv", "markdown"})
    static final class SensitivityCmd extends FormattedCommand {
        @Option(names = "--output", paramLabel = "ID", required = true,
                description = "what to watch: total, costPerUser, breakEvenConversion, a category or item id, or a formula")
        String output;
        @Option(names = "--swing", paramLabel = "S", defaultValue = "0.2", description = "relative swing, 0.2 = ±20%% (default ${DEFAULT-VALUE})")
        String swing;
        @Mixin
        StateOptions state;

        @Override
        void print(CompiledScenario c, PrintWriter out) throws Exception {
            Evaluator e = state.evaluator(file, c);
            Output o = output(this, c.scenario(), e, output);
            double s;
            try {
                s = Sensitivity.parseSwing(swing);
            } catch (InputException x) {
                throw bad("--" + x.getMessage());
            }
            Sensitivity t = Sensitivity.run(e, o, s);
            String cur = c.scenario().currency();
            switch (format()) {
                case "json" -> {
                    ObjectNode j = Json.object();
                    j.put("scenario", c.scenario().name());
                    j.put("output", o.formula());
                    j.put("label", o.label());
                    j.put("format", JsonNames.of(o.format()));
                    put(j, "base", t.base());
                    j.put("swing", s);
                    ArrayNode bars = j.putArray("bars");
                    for (Sensitivity.Bar b : t.bars()) {
                        ObjectNode x = bars.addObject();
                        x.put("driver", b.driver());
                        x.put("label", b.label());
                        if (b.unit() != null) x.put("unit", b.unit());
                        put(x, "value", b.value());
                        put(x, "low", b.low());
                        put(x, "high", b.high());
                        put(x, "outputLow", b.outLow());
                        put(x, "outputHigh", b.outHigh());
                        put(x, "effect", b.effect());
                    }
                    out.println(Json.text(j));
                }
                case "csv" -> out.print(WhatIfTables.sensitivityPlain(t).toCsv());
                case "markdown" -> {
                    out.println("# Sensitivity of " + o.label() + " (" + WhatIfTables.format(t.base(), o.format(), cur)
                            + "), each driver " + WhatIfTables.swing(s));
                    out.println();
                    out.print(WhatIfTables.sensitivity(t, cur).toMarkdown());
                }
                default -> {
                    out.println(c.scenario().name() + ": sensitivity of " + o.label() + " = "
                            + WhatIfTables.format(t.base(), o.format(), cur) + ", each driver " + WhatIfTables.swing(s)
                            + " with the others fixed");
                    out.println();
                    out.print(WhatIfTables.sensitivity(t, cur).toText());
                }
            }
        }
    }

    // ------------------------------------------------------------------------------------------------------------

    @Command(name = "goal-seek", description = "Solve for one driver so that an output hits a target; every solution in the"
            + " driver's range is listed, and none when there is none (exit code 0 either way; see \"solved\" in JSON).")
    @FormatChoices({"text", "json"})
    static final class GoalSeekCmd extends FormattedCommand {
        @Option(names = "--driver", paramLabel = "ID", required = true, description = "the driver to solve for")
        String driver;
        @Option(names = "--output", paramLabel = "ID", required = true,
                description = "the output to hit: total, costPerUser, profit, a category or item id, or a formula")
        String output;
        @Option(names = "--target", paramLabel = "VALUE", required = true, description = "the value to hit, e.g. 50000, 50k, 0 (break even), 5%%")
        String target;
        @Option(names = "--from", paramLabel = "A", description = "search from (default: the driver's slider minimum)")
        String from;
        @Option(names = "--to", paramLabel = "B", description = "search to (default: the driver's slider maximum)")
        String to;
        @Mixin
        StateOptions state;

        @Override
        void print(CompiledScenario c, PrintWriter out) throws Exception {
            Driver d = c.scenario().driver(driver);
            if (d == null) {
                throw bad("--driver " + driver + ": not a driver (have: "
                        + String.join(", ", c.scenario().drivers().stream().map(Driver::id).toList()) + ")");
            }
            Evaluator e = state.evaluator(file, c);
            Output o = output(this, c.scenario(), e, output);
            double t = parse("--target", target);
            double lo = from == null ? d.effectiveMin() : parse("--from", from);
            double hi = to == null ? d.effectiveMax() : parse("--to", to);
            if (!(lo < hi)) throw bad("the search range " + Formats.number(lo) + " to " + Formats.number(hi)
                    + " is empty: --from must be below --to");
            GoalSeek g = GoalSeek.solve(e, driver, o, t, lo, hi, GoalSeek.DEFAULT_GRID);
            if (format().equals("json")) {
                ObjectNode j = Json.object();
                j.put("scenario", c.scenario().name());
                j.put("driver", driver);
                j.put("output", o.formula());
                put(j, "target", t);
                put(j, "from", lo);
                put(j, "to", hi);
                put(j, "current", g.current());
                j.put("solved", g.solved());
                ArrayNode sols = j.putArray("solutions");
                for (GoalSeek.Solution s : g.solutions()) {
                    ObjectNode x = sols.addObject();
                    put(x, "value", s.x());
                    if (s.kind() == GoalSeek.Kind.PLATEAU) put(x, "valueTo", s.xTo());
                    x.put("kind", s.kind().name().toLowerCase());
                    put(x, "outputBefore", s.outBefore());
                    put(x, "outputAfter", s.outAfter());
                    x.put("rising", s.rising());
                }
                put(j, "outputMin", g.outMin());
                put(j, "outputMax", g.outMax());
                j.put("evaluations", g.evaluations());
                out.println(Json.text(j));
            } else {
                for (String line : WhatIfTables.goalSeek(g, d.label(), c.scenario().currency())) out.println(line);
            }
        }

        private double parse(String option, String text) {
            try {
                return NumberInput.parse(text);
            } catch (InputException x) {
                throw bad(option + " " + text + ": " + x.getMessage());
            }
        }
    }
}
