package costscope.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import costscope.engine.CompiledScenario;
import costscope.engine.Metric;
import costscope.engine.MonteCarlo;
import costscope.export.Formats;
import costscope.export.Table;
import costscope.formula.NumberInput;
import costscope.model.FigureFormat;
import costscope.model.InputException;
import costscope.model.Scenario;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

import static costscope.cli.Json.put;

/** {@code simulate FILE}: Monte Carlo over the drivers' ranges: each output's mean, percentiles and histogram. */
@Command(name = "simulate", description = "Monte Carlo over the drivers' ranges: mean, P5-P95, min, max and a histogram of"
        + " each output, and which drivers drive its spread.")
@FormatChoices({"text", "json", "csv"})
final class SimulateCommand extends FormattedCommand {
    @Option(names = "--samples", paramLabel = "N", description = "samples (default 10,000; at most 10,000,000)")
    String samples;
    @Option(names = "--seed", paramLabel = "S", description = "random seed: the same seed gives the same numbers (default 1)")
    Long seed;
    @Option(names = "--output", paramLabel = "ID", description = "an output: a name or formula (default: total, cost per"
            + " user and each category); repeatable")
    List<String> outputs = new ArrayList<>();
    @Option(names = "--threads", paramLabel = "N", description = "threads (default: the machine's cores, at most 8); the"
            + " numbers do not depend on it")
    Integer threads;
    @Mixin
    StateOptions state;

    @Override
    void print(CompiledScenario c, PrintWriter out) throws Exception {
        Scenario sc = c.scenario();
        int n = MonteCarlo.DEFAULT_SAMPLES;
        if (samples != null) {
            double v = NumberInput.parse(samples);
            if (v != Math.rint(v) || v < 1 || v > MonteCarlo.MAX_SAMPLES) {
                throw bad("--samples " + samples + ": expected a whole number from 1 to 10,000,000");
            }
            n = (int) v;
        }
        if (threads != null && (threads < 1 || threads > 256)) throw bad("--threads " + threads + ": expected 1 to 256");
        if (MonteCarlo.uncertain(sc).isEmpty()) {
            throw bad("no driver has a range: give one a \"range\" (see docs/scenario-format.md, Uncertainty)");
        }
        List<String> ids = outputs.isEmpty() ? MonteCarlo.defaultOutputs(sc) : outputs;
        MonteCarlo.Options o = threads == null ? MonteCarlo.Options.of(n, seed == null ? MonteCarlo.DEFAULT_SEED : seed)
                : new MonteCarlo.Options(n, seed == null ? MonteCarlo.DEFAULT_SEED : seed, threads);
        MonteCarlo.Result r;
        List<MonteCarlo.StatedRange> stated;
        try {
            var base = state.evaluator(file, c);
            r = MonteCarlo.run(base, ids, o, () -> false);
            stated = MonteCarlo.statedRanges(base, o, () -> false);
        } catch (InputException e) {
            throw bad(e.getMessage());
        }
        switch (format()) {
            case "json" -> {
                ObjectNode j = json(sc, r);
                ArrayNode a = j.putArray("stated");
                for (MonteCarlo.StatedRange x : stated) {
                    ObjectNode y = a.addObject();
                    y.put("label", x.label());
                    y.put("of", x.of());
                    put(y, "low", x.low());
                    put(y, "high", x.high());
                    put(y, "p5", x.p5());
                    put(y, "p50", x.p50());
                    put(y, "p95", x.p95());
                    y.put("inside", x.inside());
                    y.put("overlaps", x.overlaps());
                }
                out.println(Json.text(j));
            }
            case "csv" -> out.print(table(sc, r).toCsv());
            default -> {
                out.println(sc.name() + ": " + String.format("%,d", r.samples()) + " samples, seed " + r.seed() + ", "
                        + r.uncertain().size() + " uncertain driver" + (r.uncertain().size() == 1 ? "" : "s") + " ("
                        + String.join(", ", r.uncertain()) + "), " + Formats.number(Math.round(r.millis() * 10) / 10.0) + " ms");
                out.println();
                out.print(table(sc, r).toText());
                if (!stated.isEmpty()) {
                    out.println();
                    out.println("The report's ranges beside the model's P5-P95:");
                    for (MonteCarlo.StatedRange x : stated) {
                        out.println("  " + (x.inside() ? "inside  " : x.overlaps() ? "overlaps" : "OUTSIDE ") + "  "
                                + x.label() + ": stated " + Formats.figure(x.low(), x.format(), sc.currency()) + " to "
                                + Formats.figure(x.high(), x.format(), sc.currency()) + ", model "
                                + Formats.figure(x.p5(), x.format(), sc.currency()) + " to "
                                + Formats.figure(x.p95(), x.format(), sc.currency()));
                    }
                }
                List<String> constant = new ArrayList<>();
                for (int j = 0; j < r.outputs().size(); j++) {
                    MonteCarlo.Spread sp = r.outputs().get(j);
                    if (!(sp.max() > sp.min())) {
                        constant.add(label(sc, sp.id()));
                        continue;
                    }
                    out.println();
                    out.println("What drives " + label(sc, sp.id()) + " (rank correlation with each driver):");
                    for (MonteCarlo.Influence i : r.influence().get(j)) {
                        out.println("  " + (Double.isNaN(i.rank()) ? "  n/a" : String.format("%+.2f", i.rank())) + "  "
                                + i.label() + " (" + i.driver() + ")");
                    }
                }
                if (!constant.isEmpty()) {
                    out.println();
                    out.println("Not moved by any range: " + String.join(", ", constant) + ".");
                }
            }
        }
    }

    static String label(Scenario sc, String id) {
        for (Metric.Shown m : Metric.totals(sc)) if (m.id().equals(id)) return m.label();
        for (Metric.Shown m : Metric.of(sc)) if (m.id().equals(id)) return m.label();
        for (var cat : sc.categories()) if (cat.id().equals(id)) return cat.label();
        for (var it : sc.items()) if (it.id().equals(id)) return it.label();
        for (var p : sc.pools()) if (p.id().equals(id)) return p.label();
        for (var d : sc.drivers()) if (d.id().equals(id)) return d.label();
        return id;
    }

    /** Money for totals, categories, items, pools and money metrics; a plain number for anything else. */
    static FigureFormat format(Scenario sc, String id) {
        Metric m = Metric.named(id);
        if (m != null) return m.format();
        boolean money = sc.categories().stream().anyMatch(x -> x.id().equals(id)) || sc.items().stream().anyMatch(x -> x.id().equals(id))
                || sc.pools().stream().anyMatch(x -> x.id().equals(id));
        return money ? FigureFormat.CURRENCY : FigureFormat.NUMBER;
    }

    private static Table table(Scenario sc, MonteCarlo.Result r) {
        List<Table.Column> cols = new ArrayList<>(List.of(Table.Column.text("Output")));
        for (String h : List.of("Mean", "P5", "P10", "P50", "P90", "P95", "Min", "Max")) cols.add(Table.Column.figure(h));
        Table t = new Table(sc.currency(), cols);
        for (MonteCarlo.Spread s : r.outputs()) {
            FigureFormat f = format(sc, s.id());
            List<Object> row = new ArrayList<>(List.of(label(sc, s.id())));
            for (double v : new double[]{s.mean(), s.p5(), s.p10(), s.p50(), s.p90(), s.p95(), s.min(), s.max()}) {
                row.add(Formats.figure(v, f, sc.currency()));
            }
            t.row(row.toArray());
        }
        return t;
    }

    private static ObjectNode json(Scenario sc, MonteCarlo.Result r) {
        ObjectNode o = Json.object();
        o.put("scenario", sc.name());
        o.put("samples", r.samples());
        o.put("seed", r.seed());
        put(o, "millis", Math.round(r.millis() * 1000) / 1000.0);
        ArrayNode outs = o.putArray("outputs");
        for (int j = 0; j < r.outputs().size(); j++) {
            MonteCarlo.Spread s = r.outputs().get(j);
            ObjectNode x = outs.addObject();
            x.put("id", s.id());
            x.put("label", label(sc, s.id()));
            put(x, "mean", s.mean());
            put(x, "p5", s.p5());
            put(x, "p10", s.p10());
            put(x, "p50", s.p50());
            put(x, "p90", s.p90());
            put(x, "p95", s.p95());
            put(x, "min", s.min());
            put(x, "max", s.max());
            if (s.notANumber() > 0) x.put("notANumber", s.notANumber());
            ObjectNode h = x.putObject("histogram");
            ArrayNode edges = h.putArray("edges");
            for (double e : s.histogram().edges()) edges.add(e);
            ArrayNode counts = h.putArray("counts");
            for (long k : s.histogram().counts()) counts.add(k);
            ArrayNode drivers = x.putArray("drivers");
            for (MonteCarlo.Influence i : r.influence().get(j)) {
                ObjectNode d = drivers.addObject();
                d.put("id", i.driver());
                d.put("label", i.label());
                put(d, "rank", i.rank());
            }
        }
        ArrayNode drivers = o.putArray("drivers");
        for (String id : r.uncertain()) {
            ObjectNode d = drivers.addObject();
            d.put("id", id);
            d.put("label", label(sc, id));
            // how much this driver moves the first output (rank correlation), the others are under each output
            for (MonteCarlo.Influence i : r.influence().get(0)) if (i.driver().equals(id)) put(d, "rank", i.rank());
        }
        return o;
    }
}
