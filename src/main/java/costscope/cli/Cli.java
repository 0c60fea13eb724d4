package costscope.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import costscope.engine.Audit;
import costscope.engine.CompiledScenario;
import costscope.engine.Evaluator;
import costscope.engine.Results;
import costscope.engine.ScaleTable;
import costscope.engine.Sweep;
import costscope.export.Formats;
import costscope.export.Reports;
import costscope.files.ScenarioFiles;
import costscope.formula.NumberInput;
import costscope.model.LineItem;
import costscope.model.Problem;
import costscope.model.Scenario;
import costscope.model.ScenarioException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** The headless command line: evaluate, sweep, table, audit, validate, bench. No JavaFX. */
@Command(name = "costscope", mixinStandardHelpOptions = true, version = "Costscope 0.1",
        description = "What-if explorer for cloud cost models. Without a command, opens the desktop app.",
        subcommands = {Cli.Evaluate.class, Cli.SweepCmd.class, Cli.TableCmd.class, Cli.AuditCmd.class,
                Cli.Validate.class, Bench.class, ExportTable.class, WhatIfCommands.CompareCmd.class,
                WhatIfCommands.SensitivityCmd.class, WhatIfCommands.GoalSeekCmd.class})
public final class Cli implements Callable<Integer> {
    public static final List<String> COMMANDS = List.of("evaluate", "sweep", "table", "audit", "validate", "bench",
            "export-table", "compare", "sensitivity", "goal-seek", "help", "--help", "-h", "--version", "-V");
    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Override
    public Integer call() {
        new CommandLine(this).usage(System.out);
        return 0;
    }

    /** Runs a command line; returns the exit code (0 success, 2 bad input or usage). */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new Cli());
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            if (ex instanceof ScenarioException se) {
                err.println(se.getMessage());
            } else if (ex instanceof BadInput bi) {
                err.println(bi.getMessage());
            } else if (ex instanceof IllegalArgumentException ia) {
                err.println(ia.getMessage());
            } else {
                err.println("costscope: " + ex);
                return 1;
            }
            return 2;
        });
        int code = cl.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    /** Bad input with a message naming the file and the place. */
    static final class BadInput extends IllegalArgumentException {
        BadInput(String message) {
            super(message);
        }
    }

    // ------------------------------------------------------------------------------------------------------------

    /** Options shared by commands that evaluate at a point: --at, --set, --lever. */
    static class Context {
        @Option(names = "--variant", paramLabel = "ID", description = "start from a variant of the model (see `compare`)")
        String variant;
        @Option(names = "--at", paramLabel = "POINT", description = "a scale point id (see `table`)")
        String at;
        @Option(names = "--set", paramLabel = "ID=VALUE", description = "set a driver; values like 1000, 100k, 2.5M, 1e9, 5%%")
        List<String> sets = new ArrayList<>();
        @Option(names = "--lever", paramLabel = "ID=on|off", description = "switch a lever on or off")
        List<String> levers = new ArrayList<>();

        Evaluator apply(Path file, CompiledScenario c) throws ScenarioException {
            Scenario s = applyOptions(file, c.scenario(), variant, at, sets, levers);
            if (!s.items().equals(c.scenario().items())) c = CompiledScenario.compile(s);
            return c.newEvaluator(s);
        }
    }

    /** {@link #applyOptions(Path, Scenario, String, String, List, List)} without a variant. */
    public static Scenario applyOptions(Path file, Scenario sc, String at, List<String> sets, List<String> levers) {
        return applyOptions(file, sc, null, at, sets, levers);
    }

    /**
     * Applies the {@code --variant ID}, {@code --at POINT}, {@code --set ID=VALUE} and {@code --lever ID=on|off} options
     * to a scenario, in that order: the one parser of these options for every command. Bad input throws with a message
     * naming the file.
     */
    public static Scenario applyOptions(Path file, Scenario sc, String variant, String at, List<String> sets, List<String> levers) {
        if (variant != null && !(variant.equals(costscope.whatif.Variants.BASE) && sc.variant(variant) == null)) {
            if (sc.variant(variant) == null) {
                throw new BadInput(file + ": --variant " + variant + ": no such variant (have: "
                        + (sc.variants().isEmpty() ? "none" : String.join(", ", sc.variants().stream().map(v -> v.id()).toList())) + ")");
            }
            sc = sc.withVariant(variant);
        }
        if (at != null) {
            if (sc.scalePoint(at) == null) {
                throw new BadInput(file + ": --at " + at + ": no such scale point (have: "
                        + String.join(", ", sc.scalePoints().stream().map(p -> p.id()).toList()) + ")");
            }
            sc = sc.atScalePoint(at);
        }
        for (String s : sets) {
            int eq = s.indexOf('=');
            if (eq <= 0) throw new BadInput(file + ": --set " + s + ": expected ID=VALUE");
            String id = s.substring(0, eq).trim();
            if (sc.driver(id) == null) {
                throw new BadInput(file + ": --set " + s + ": '" + id + "' is not a driver (have: "
                        + String.join(", ", sc.drivers().stream().map(d -> d.id()).toList()) + ")");
            }
            try {
                sc = sc.withDriverValue(id, NumberInput.parse(s.substring(eq + 1)));
            } catch (NumberFormatException x) {
                throw new BadInput(file + ": --set " + s + ": " + x.getMessage());
            }
        }
        for (String l : levers) {
            int eq = l.indexOf('=');
            if (eq <= 0) throw new BadInput(file + ": --lever " + l + ": expected ID=on or ID=off");
            String id = l.substring(0, eq).trim();
            String v = l.substring(eq + 1).trim().toLowerCase();
            if (sc.levers().stream().noneMatch(x -> x.id().equals(id))) {
                throw new BadInput(file + ": --lever " + l + ": '" + id + "' is not a lever (have: "
                        + String.join(", ", sc.levers().stream().map(x -> x.id()).toList()) + ")");
            }
            if (!v.equals("on") && !v.equals("off")) throw new BadInput(file + ": --lever " + l + ": expected on or off");
            sc = sc.withLeverEnabled(id, v.equals("on"));
        }
        return sc;
    }

    static CompiledScenario load(Path file) throws ScenarioException {
        Scenario sc = ScenarioFiles.load(file);
        try {
            return CompiledScenario.compile(sc);
        } catch (ScenarioException e) {
            throw e.withSource(file.toString());
        }
    }

    static Object num(double v) {
        return Double.isFinite(v) ? v : null;
    }

    static void put(ObjectNode o, String k, double v) {
        if (Double.isFinite(v)) o.put(k, v);
        else o.putNull(k);
    }

    static String json(Object node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    // ------------------------------------------------------------------------------------------------------------

    @Command(name = "evaluate", description = "Evaluate a scenario at its current values, a scale point, or with changes.")
    static final class Evaluate implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;
        @Parameters(index = "0", paramLabel = "FILE")
        Path file;
        @CommandLine.Mixin
        ContextMixin ctx;
        @Option(names = "--format", defaultValue = "text", description = "text, json, csv or markdown (default ${DEFAULT-VALUE})")
        String format;

        @Override
        public Integer call() throws Exception {
            checkFormat(file, format, "text", "json", "csv", "markdown");
            CompiledScenario c = load(file);
            Results r = ctx.apply(file, c).evaluateWithSavings();
            Scenario sc = c.scenario();
            PrintWriter out = spec.commandLine().getOut();
            switch (format) {
                case "json" -> out.println(json(evaluationJson(r, ctx.at)));
                case "csv" -> out.print(Reports.breakdown(r).toCsv());
                case "markdown" -> {
                    out.println("# " + sc.name() + (ctx.at != null ? " at " + ctx.at : ""));
                    out.println();
                    out.println("Monthly total: **" + Formats.money(r.monthlyTotal(), sc.currency()) + "**, annual: **"
                            + Formats.money(r.annualTotal(), sc.currency()) + "**");
                    out.println();
                    out.print(Reports.breakdown(r).toMarkdown());
                    out.println();
                    out.print(Reports.categories(r).toMarkdown());
                    out.println();
                    out.print(Reports.metrics(r).toMarkdown());
                }
                default -> {
                    out.println(sc.name() + (ctx.at != null ? " at " + ctx.at : ""));
                    out.println("Monthly total " + Formats.money(r.monthlyTotal(), sc.currency()) + ", annual "
                            + Formats.money(r.annualTotal(), sc.currency()));
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
            out.flush();
            return 0;
        }
    }

    /** picocli mixin wrapper so Context's options appear on each command. */
    static final class ContextMixin extends Context {
    }

    static ObjectNode evaluationJson(Results r, String at) {
        Scenario sc = r.compiled().scenario();
        ObjectNode o = JSON.createObjectNode();
        o.put("scenario", sc.name());
        if (at != null) o.put("at", at);
        o.put("currency", sc.currency());
        put(o, "monthlyTotal", r.monthlyTotal());
        put(o, "annualTotal", r.annualTotal());
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
        }
        ArrayNode cats = o.putArray("categories");
        for (Results.CategoryResult cr : r.categories()) {
            ObjectNode c = cats.addObject();
            c.put("id", cr.id());
            c.put("name", cr.label());
            c.put("color", cr.color());
            put(c, "monthly", cr.monthly());
            put(c, "share", cr.share());
        }
        ObjectNode vars = o.putObject("variables");
        for (Map.Entry<String, Double> e : r.variables().entrySet()) put(vars, e.getKey(), e.getValue());
        ObjectNode metrics = o.putObject("metrics");
        for (Map.Entry<String, Double> e : r.metrics().entrySet()) put(metrics, e.getKey(), e.getValue());
        ArrayNode levers = o.putArray("levers");
        for (Results.LeverResult l : r.levers()) {
            ObjectNode x = levers.addObject();
            x.put("id", l.id());
            x.put("label", l.label());
            x.put("enabled", l.enabled());
            put(x, "saving", l.saving());
        }
        return o;
    }

    static void checkFormat(Path file, String format, String... allowed) {
        if (!List.of(allowed).contains(format)) {
            throw new BadInput(file + ": --format " + format + ": expected one of " + String.join(", ", allowed));
        }
    }

    // ------------------------------------------------------------------------------------------------------------

    @Command(name = "sweep", description = "Sweep one driver over a range: total, cost per user and each category at every point.")
    static final class SweepCmd implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;
        @Parameters(index = "0", paramLabel = "FILE")
        Path file;
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
        @CommandLine.Mixin
        ContextMixin ctx;
        @Option(names = "--format", defaultValue = "csv", description = "csv or json (default ${DEFAULT-VALUE})")
        String format;

        @Override
        public Integer call() throws Exception {
            checkFormat(file, format, "csv", "json");
            CompiledScenario c = load(file);
            var dflt = c.scenario().sweep();
            if (driver == null) {
                if (dflt == null) throw new BadInput(file + ": --driver is required (the file has no sweep section)");
                driver = dflt.driver();
                log = log || dflt.log();
            }
            if (from == null || to == null) {
                if (dflt == null || !dflt.driver().equals(driver)) {
                    throw new BadInput(file + ": --from and --to are required for driver " + driver);
                }
                if (from == null) from = Formats.plain(dflt.from());
                if (to == null) to = Formats.plain(dflt.to());
            }
            if (c.scenario().driver(driver) == null) {
                throw new BadInput(file + ": --driver " + driver + ": not a driver (have: "
                        + String.join(", ", c.scenario().drivers().stream().map(d -> d.id()).toList()) + ")");
            }
            double a;
            double b;
            try {
                a = NumberInput.parse(from);
                b = NumberInput.parse(to);
            } catch (NumberFormatException x) {
                throw new BadInput(file + ": " + x.getMessage());
            }
            if (points < 2 || points > 1_000_000) throw new BadInput(file + ": --points " + points + ": expected 2 to 1,000,000");
            if (log && (a <= 0 || b <= 0)) throw new BadInput(file + ": --log needs --from and --to above 0");
            Sweep.Result s = Sweep.run(ctx.apply(file, c), driver, a, b, points, log);
            PrintWriter out = spec.commandLine().getOut();
            if (format.equals("json")) {
                ObjectNode o = JSON.createObjectNode();
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
                out.println(json(o));
            } else {
                out.print(Reports.sweep(s, c.scenario().currency()).toCsv());
            }
            out.flush();
            return 0;
        }
    }

    // ------------------------------------------------------------------------------------------------------------

    @Command(name = "table", description = "Every scale point side by side, like the report.")
    static final class TableCmd implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;
        @Parameters(index = "0", paramLabel = "FILE")
        Path file;
        @Option(names = "--format", defaultValue = "text", description = "text, csv, markdown or json (default ${DEFAULT-VALUE})")
        String format;

        @Override
        public Integer call() throws Exception {
            checkFormat(file, format, "text", "csv", "markdown", "json");
            CompiledScenario c = load(file);
            List<ScaleTable.Column> cols = ScaleTable.build(c);
            PrintWriter out = spec.commandLine().getOut();
            switch (format) {
                case "csv" -> out.print(Reports.scalePointsPlain(cols).toCsv());
                case "markdown" -> out.print(Reports.scalePoints(cols).toMarkdown());
                case "json" -> {
                    ArrayNode a = JSON.createArrayNode();
                    for (ScaleTable.Column col : cols) {
                        ObjectNode o = evaluationJson(col.results(), col.id());
                        o.put("label", col.label());
                        a.add(o);
                    }
                    out.println(json(a));
                }
                default -> out.print(Reports.scalePoints(cols).toText());
            }
            out.flush();
            return 0;
        }
    }

    // ------------------------------------------------------------------------------------------------------------

    @Command(name = "audit", description = "Every figure the report states beside what the model computes.")
    static final class AuditCmd implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;
        @Parameters(index = "0", paramLabel = "FILE")
        Path file;
        @Option(names = "--format", defaultValue = "text", description = "text, json, csv or markdown (default ${DEFAULT-VALUE})")
        String format;

        @Override
        public Integer call() throws Exception {
            checkFormat(file, format, "text", "json", "csv", "markdown");
            CompiledScenario c = load(file);
            List<Audit.Line> lines = Audit.run(c);
            PrintWriter out = spec.commandLine().getOut();
            long differs = lines.stream().filter(l -> !l.agrees()).count();
            switch (format) {
                case "json" -> {
                    ArrayNode a = JSON.createArrayNode();
                    for (Audit.Line l : lines) {
                        ObjectNode o = a.addObject();
                        o.put("label", l.label());
                        if (l.at() != null) o.put("at", l.at());
                        else o.putNull("at");
                        o.put("of", l.of());
                        put(o, "stated", l.stated());
                        put(o, "computed", l.computed());
                        put(o, "difference", l.difference());
                        o.put("agrees", l.agrees());
                        o.put("rounding", l.rounding());
                        o.put("format", l.format().json());
                        if (l.note() != null) o.put("note", l.note());
                    }
                    out.println(json(a));
                }
                case "csv" -> out.print(Reports.auditPlain(lines).toCsv());
                case "markdown" -> out.print(Reports.audit(lines, c.scenario().currency()).toMarkdown());
                default -> {
                    out.print(Reports.audit(lines, c.scenario().currency()).toText());
                    out.println();
                    out.println((lines.size() - differs) + " of " + lines.size() + " stated figures agree; " + differs + " differ.");
                }
            }
            out.flush();
            return 0;
        }
    }

    // ------------------------------------------------------------------------------------------------------------

    @Command(name = "validate", description = "Check a scenario file and list every problem with its place.")
    static final class Validate implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;
        @Parameters(index = "0", paramLabel = "FILE")
        Path file;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            try {
                Scenario sc = ScenarioFiles.load(file);
                out.println(file + ": ok (" + sc.drivers().size() + " drivers, " + sc.variables().size() + " variables, "
                        + sc.items().size() + " items, " + sc.categories().size() + " categories, " + sc.levers().size()
                        + " levers, " + sc.scalePoints().size() + " scale points, " + sc.statedFigures().size() + " stated figures)");
                return 0;
            } catch (ScenarioException e) {
                err.println(file + ": " + e.problems().size() + (e.problems().size() == 1 ? " problem" : " problems"));
                for (Problem p : e.problems()) err.println("  " + file + ": " + p.describe());
                return 2;
            }
        }
    }
}
