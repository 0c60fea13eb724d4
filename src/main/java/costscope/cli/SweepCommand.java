package costscope.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import costscope.engine.CompiledScenario;
import costscope.engine.Sweep;
import costscope.export.Formats;
import costscope.export.Reports;
import costscope.formula.NumberInput;
import costscope.model.InputException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintWriter;

import static costscope.cli.Json.put;

/** {@code sweep FILE}: one driver over a range, by default the file's own sweep. */
@Command(name = "sweep", description = "Sweep one driver over a range: total, cost per user and each category at every point.")
@FormatChoices({"csv", "json"})
final class SweepCommand extends FormattedCommand {
    @Option(names = "--driver", paramLabel = "ID", description = "the driver to sweep (default: the file's sweep.driver)")
    String driver;
    @Option(names = "--from", paramLabel = "A", description = "first value, e.g. 10, 1k (default: the file's sweep.from)")
    String from;
    @Option(names = "--to", paramLabel = "B", description = "last value, e.g. 1M, 1e9 (default: the file's sweep.to)")
    String to;
    @Option(names = "--points", paramLabel = "N", defaultValue = "100", description = "number of points (default ${DEFAULT-VALUE})")
    int points;
    @Option(names = "--log", description = "log-spaced points (default: the file's sweep.log when --driver is not given)")
    boolean log;
    @Mixin
    StateOptions state;

    @Override
    void print(CompiledScenario c, PrintWriter out) throws Exception {
        var dflt = c.scenario().sweep();
        if (driver == null) {
            if (dflt == null) throw bad("--driver is required (the file has no sweep section)");
            driver = dflt.driver();
            log = log || dflt.log();
        }
        if (from == null || to == null) {
            if (dflt == null || !dflt.driver().equals(driver)) throw bad("--from and --to are required for driver " + driver);
            if (from == null) from = Formats.plain(dflt.from());
            if (to == null) to = Formats.plain(dflt.to());
        }
        if (c.scenario().driver(driver) == null) {
            throw bad("--driver " + driver + ": not a driver (have: "
                    + String.join(", ", c.scenario().drivers().stream().map(d -> d.id()).toList()) + ")");
        }
        double a = parse("--from", from);
        double b = parse("--to", to);
        if (points < 2 || points > 1_000_000) throw bad("--points " + points + ": expected 2 to 1,000,000");
        if (log && (a <= 0 || b <= 0)) throw bad("--log needs --from and --to above 0");
        if (!Double.isFinite(b - a)) throw bad("--from " + from + " --to " + to + ": the range is wider than the largest number");
        try {
            Sweep.checkSize(c, points);
        } catch (InputException e) {
            throw bad("--points: " + e.getMessage());
        }
        Sweep.Result s = Sweep.run(state.evaluator(file, c), driver, a, b, points, log);
        if (format().equals("json")) {
            ObjectNode o = Json.object();
            o.put("driver", driver);
            o.put("log", log);
            ArrayNode pts = o.putArray("points");
            for (int i = 0; i < s.x().length; i++) {
                ObjectNode p = pts.addObject();
                put(p, "x", s.x()[i]);
                put(p, "monthlyTotal", s.total()[i]);
                put(p, "costPerUser", s.costPerUser()[i]);
                ObjectNode cats = p.putObject("categories");
                for (int k = 0; k < s.categories().size(); k++) put(cats, s.categories().get(k), s.categoryMonthly()[k][i]);
            }
            out.println(Json.text(o));
        } else {
            out.print(Reports.sweep(s, c.scenario().currency()).toCsv());
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
