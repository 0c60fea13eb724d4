package costscope.fuzz;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import costscope.cli.Cli;
import costscope.engine.Audit;
import costscope.engine.CompiledScenario;
import costscope.engine.Results;
import costscope.engine.ScaleTable;
import costscope.engine.Sweep;
import costscope.export.Explain;
import costscope.export.Reports;
import costscope.export.Table;
import costscope.files.ScenarioFiles;
import costscope.model.Driver;
import costscope.model.LineItem;
import costscope.model.Place;
import costscope.model.Problem;
import costscope.model.Scenario;
import costscope.model.ScenarioException;
import costscope.model.Variant;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Runs one input through the real pipeline, as the CLI does, and lists what went wrong: a scenario file is read
 * ({@link ScenarioFiles#parse}, or {@link ScenarioFiles#load} for bytes), and then either it is rejected with a
 * {@link ScenarioException} whose every problem has a place, or it compiles, evaluates (with lever savings), and every
 * report runs: the breakdown, category and metric tables as text, CSV and Markdown, the explanation of every item, the
 * audit, the scale-point table, a sweep, every variant; and saving it and reading it back gives the same scenario.
 * Optionally the CLI runs in-process on the same bytes: exit 0 or 2, never 1, never a stack trace, exit 2 naming the
 * place, JSON output that parses.
 */
final class Pipeline {
    /** What went wrong: the stage (load, place, compile, evaluate, report, explain, audit, ..., cli) and how. */
    record Failure(String stage, String message, Throwable error) {
        String describe() {
            return stage + ": " + message + (error == null ? "" : "\n      " + trace(error));
        }

        /** Stage, exception class and the first frame in costscope: what makes two failures the same bug. */
        String signature() {
            if (error == null) return stage + ": " + message.replaceAll("\\d+", "N").replaceAll("'[^']*'", "'..'");
            StackTraceElement at = null;
            for (StackTraceElement e : error.getStackTrace()) {
                if (e.getClassName().startsWith("costscope.") && !e.getClassName().startsWith("costscope.fuzz.")) {
                    at = e;
                    break;
                }
            }
            return stage + ": " + error.getClass().getName() + " at " + (at == null ? "?" : at.getClassName() + "." + at.getMethodName());
        }
    }

    /** The exception and its first frames, up to the fuzzer's own. */
    static String trace(Throwable t) {
        StringBuilder b = new StringBuilder(t.toString());
        int n = 0;
        for (StackTraceElement e : t.getStackTrace()) {
            if (e.getClassName().startsWith("costscope.fuzz.") || n++ == 12) break;
            b.append("\n        at ").append(e);
        }
        if (t.getCause() != null && t.getCause() != t) b.append("\n      caused by ").append(trace(t.getCause()));
        return b.toString();
    }

    /** The outcome of one input: whether the file was accepted, and every failure. */
    record Outcome(boolean accepted, List<Failure> failures) {
    }

    /** Strict JSON: what the CLI's --format json prints must parse (no NaN, no trailing text). */
    private static final ObjectMapper STRICT = JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();

    private final List<Failure> failures = new ArrayList<>();

    private Pipeline() {
    }

    /**
     * Runs {@code m}; {@code dir} is a folder of its own for files; {@code cli} whether the CLI runs too, with options
     * drawn from {@code r}.
     */
    static Outcome run(Mutator.Mutant m, Path dir, boolean cli, Random r) {
        Pipeline p = new Pipeline();
        boolean accepted = p.file(m, dir, cli, r);
        return new Outcome(accepted, List.copyOf(p.failures));
    }

    /** Runs a scenario text (a regression case) through the whole pipeline, without the CLI. */
    static Outcome run(String json) {
        Pipeline p = new Pipeline();
        Scenario sc = p.load(() -> ScenarioFiles.parse(json, "fuzz.json"), "fuzz.json", json.lines().count(), json);
        if (sc != null) p.accepted(sc);
        return new Outcome(sc != null, List.copyOf(p.failures));
    }

    private boolean file(Mutator.Mutant m, Path dir, boolean cli, Random r) {
        Scenario sc;
        if (m.bytes() != null) {
            Path f = dir.resolve("fuzz.json");
            try {
                Files.write(f, m.bytes());
            } catch (Exception e) {
                throw new IllegalStateException("cannot write " + f, e);
            }
            sc = load(() -> ScenarioFiles.load(f), f.toString(), lineCount(m.bytes()), null);
        } else {
            sc = load(() -> ScenarioFiles.parse(m.text(), "fuzz.json"), "fuzz.json", m.text().lines().count(), m.text());
        }
        if (sc != null) accepted(sc);
        if (cli) cli(m, sc, dir, r);
        return sc != null;
    }

    private static long lineCount(byte[] b) {
        long n = 1;
        for (byte x : b) if (x == '\n') n++;
        return n;
    }

    private interface Load {
        Scenario get() throws ScenarioException;
    }

    private ScenarioException rejected;

    /** Loads; a rejection is checked (every problem with a place), anything else thrown is a failure. */
    private Scenario load(Load load, String source, long lines, String text) {
        try {
            return load.get();
        } catch (ScenarioException e) {
            rejected = e;
            checkPlaces(e, source, lines, text == null ? null : tree(text));
        } catch (Throwable t) {
            failures.add(new Failure("load", "uncaught " + t, t));
        }
        return null;
    }

    private void checkPlaces(ScenarioException e, String source, long lines, JsonNode tree) {
        if (e.problems().isEmpty()) failures.add(new Failure("place", "a ScenarioException without problems: " + e.getMessage(), null));
        if (e.getMessage() == null || !e.getMessage().startsWith(source + ": ")) {
            failures.add(new Failure("place", "the message does not start with the source: " + e.getMessage(), null));
        }
        for (Problem p : e.problems()) {
            if (p.message() == null || p.message().isBlank()) failures.add(new Failure("place", "a problem without a message: " + p, null));
            if (p.place().line() > lines + 1) {
                failures.add(new Failure("place", "line " + p.place().line() + " of a text of " + lines + " lines: " + p.describe(), null));
            }
            String wrong = wrongPlace(p.place(), tree);
            if (wrong != null) failures.add(new Failure("place", wrong + ": " + p.describe(), null));
            if (!hasPlace(p.place()) && p.code() != Problem.Code.FILE) {
                failures.add(new Failure("place", "a " + p.code() + " problem without a place: " + p.message(), null));
            }
        }
    }

    private static JsonNode tree(String text) {
        try {
            return Mutator.JSON.readTree(text);
        } catch (Exception e) {
            return null;   // not JSON: its problems are placed by line and column
        }
    }

    /**
     * What is wrong with a place that names an element, or null: the file must have {@code section[index]}, the
     * element's id (or a stated figure's label) must be the one the place shows, and a position must be inside the
     * formula text of the field it names. Places found by the JSON reader (with a line) and places in a derived model
     * are not checked here.
     */
    static String wrongPlace(Place p, JsonNode tree) {
        if (tree == null || p.line() > 0 || p.index() < 0 || p.section().contains(".") || p.inner() != null) return null;
        JsonNode list = tree.get(p.section());
        if (list == null || !list.isArray() || p.index() >= list.size()) {
            return "the place names " + p.section() + "[" + p.index() + "], which the file does not have";
        }
        JsonNode el = list.get(p.index());
        if (p.id() != null && !p.id().equals(el.path("id").asText(null)) && !p.id().equals(el.path("label").asText(null))) {
            return "the place shows id '" + p.id() + "' for " + p.section() + "[" + p.index() + "], whose id is " + el.path("id");
        }
        if (p.position() >= 0 && p.row() == null && p.key() == null && p.field() != null && el.path(p.field()).isTextual()
                && p.position() > el.path(p.field()).asText().length()) {
            return "position " + p.position() + " is past the end of the formula " + el.path(p.field());
        }
        return null;
    }

    /**
     * Whether a place says where: a JSON line, a formula position, or a section, element, row or field. Only
     * {@link Place#file()} itself (no line) does not; it is fine for whole-file problems ({@link Problem.Code#FILE}:
     * no such file, not UTF-8, too large).
     */
    static boolean hasPlace(Place p) {
        return p.line() > 0 || p.position() >= 0 || !p.section().isEmpty() || p.index() >= 0 || p.field() != null
                || p.row() != null || p.id() != null;
    }

    // ------------------------------------------------------------------------------------------------ accepted

    private interface Step {
        void run() throws Exception;
    }

    private boolean step(String stage, Step s) {
        try {
            s.run();
            return true;
        } catch (Throwable t) {
            failures.add(new Failure(stage, "uncaught " + t, t));
            return false;
        }
    }

    private void accepted(Scenario sc) {
        CompiledScenario[] c = new CompiledScenario[1];
        if (!step("compile", () -> c[0] = CompiledScenario.compile(sc))) return;
        Results[] r = new Results[1];
        if (!step("evaluate", () -> r[0] = c[0].newEvaluator().evaluateWithSavings())) return;
        String cur = sc.currency();
        step("report breakdown", () -> all(Reports.breakdown(r[0])));
        step("report categories", () -> all(Reports.categories(r[0])));
        step("report metrics", () -> all(Reports.metrics(r[0])));
        // the app explains one item at a time (each is linear in the model): every item of a small model, 40 of a large one
        List<LineItem> items = sc.items();
        int every = Math.max(1, items.size() / 40);
        for (int i = 0; i < items.size(); i += every) {
            String id = items.get(i).id();
            if (!step("explain", () -> explain(r[0], id))) break;
        }
        step("total", () -> total(r[0]));
        step("categories", () -> categories(r[0]));
        step("lever savings", () -> savings(c[0], r[0]));
        if (!sc.statedFigures().isEmpty()) {
            step("audit", () -> {
                List<Audit.Line> lines = Audit.run(c[0]);
                all(Reports.audit(lines, cur));
                // a stated figure's computed value is its formula evaluated in its context (compiled afresh)
                for (int i = 0; i < lines.size(); i += Math.max(1, lines.size() / 8)) {
                    costscope.model.StatedFigure f = sc.statedFigures().get(i);
                    costscope.engine.Evaluator e = c[0].newEvaluator();
                    if (f.at() != null) e.applyScalePoint(f.at());
                    f.levers().forEach(e::setLever);
                    f.set().forEach(e::setDriver);
                    double v = e.evaluateWithSavings().eval(f.of());
                    if (!same(v, lines.get(i).computed())) {
                        throw new AssertionError("stated figure " + i + " '" + f.of() + "': audit computed " + lines.get(i).computed() + ", evaluated " + v);
                    }
                }
                all(Reports.auditPlain(lines));
                for (Audit.Line l : lines) {
                    Reports.auditStated(l, cur);
                    Reports.auditComputed(l, cur);
                    Reports.auditDifference(l, cur);
                }
            });
        }
        if (!sc.scalePoints().isEmpty()) {
            step("scale points", () -> {
                List<ScaleTable.Column> cols = ScaleTable.build(c[0]);
                for (ScaleTable.Column col : cols) {   // a column is the model at its scale point
                    costscope.engine.Evaluator e = c[0].newEvaluator();
                    e.applyScalePoint(col.id());
                    double t = e.total();
                    if (!same(t, col.results().monthlyTotal())) {
                        throw new AssertionError("scale point " + col.id() + ": column total " + col.results().monthlyTotal() + ", evaluated " + t);
                    }
                }
                all(Reports.scalePoints(cols));
                all(Reports.scalePointsPlain(cols));
            });
        }
        step("sweep", () -> {
            String d;
            double from;
            double to;
            boolean log;
            if (sc.sweep() != null) {
                d = sc.sweep().driver();
                from = sc.sweep().from();
                to = sc.sweep().to();
                log = sc.sweep().log();
            } else {
                Driver dr = sc.drivers().get(0);
                d = dr.id();
                from = dr.effectiveMin();
                to = dr.effectiveMax();
                log = false;
            }
            Sweep.Result s = Sweep.run(c[0].newEvaluator(), d, from, to, 12, log);
            all(Reports.sweep(s, cur));
            // a sweep point is the model evaluated at that value
            for (int i = 0; i < s.x().length; i += 5) {
                costscope.engine.Evaluator e = c[0].newEvaluator();
                e.setDriver(d, s.x()[i]);
                double t = e.total();
                if (!same(t, s.total()[i])) throw new AssertionError("sweep of " + d + " at " + s.x()[i] + ": total " + s.total()[i] + ", evaluated " + t);
            }
        });
        for (Variant v : sc.variants()) {
            step("variant", () -> {
                Scenario s = sc.withVariant(v.id());
                CompiledScenario cv = s.items().equals(sc.items()) ? c[0] : CompiledScenario.compile(s);
                Results rv = cv.newEvaluator(s).evaluateWithSavings();
                all(Reports.breakdown(rv));
            });
        }
        step("round trip", () -> {
            // as saving writes it (AtomicFiles: UTF-8 bytes) and loading reads it
            String text = ScenarioFiles.toJson(sc);
            String json = Mutator.asFile(text);
            if (!json.equals(text)) throw new AssertionError("the saved text is not UTF-8 (an unpaired surrogate?): it changes when written");
            Scenario back = ScenarioFiles.parse(json, "saved.json");
            String diff = difference(sc, back, "");
            if (diff != null) throw new AssertionError("saving and reading back changed the scenario at " + diff);
            if (!ScenarioFiles.toJson(back).equals(json)) throw new AssertionError("saving it again gives other text");
        });
    }

    /**
     * Where two model values differ (a path of record components, list indexes and map keys), or null when they are
     * the same; numbers are compared as numbers (-0 is 0: a file's -0 is saved as 0).
     */
    static String difference(Object a, Object b, String path) {
        if (a == b) return null;
        if (a == null || b == null) return path + ": " + a + " vs " + b;
        if (a instanceof Double x && b instanceof Double y) return x.doubleValue() == y.doubleValue() ? null : path + ": " + x + " vs " + y;
        if (a.getClass() != b.getClass()) return path + ": " + a.getClass().getSimpleName() + " vs " + b.getClass().getSimpleName();
        if (a instanceof List<?> x && b instanceof List<?> y) {
            if (x.size() != y.size()) return path + ": " + x.size() + " vs " + y.size() + " elements";
            for (int i = 0; i < x.size(); i++) {
                String d = difference(x.get(i), y.get(i), path + "[" + i + "]");
                if (d != null) return d;
            }
            return null;
        }
        if (a instanceof java.util.Map<?, ?> x && b instanceof java.util.Map<?, ?> y) {
            if (!x.keySet().equals(y.keySet())) return path + ": keys " + x.keySet() + " vs " + y.keySet();
            if (!new ArrayList<>(x.keySet()).equals(new ArrayList<>(y.keySet()))) return path + ": key order";
            for (Object k : x.keySet()) {
                String d = difference(x.get(k), y.get(k), path + "." + k);
                if (d != null) return d;
            }
            return null;
        }
        if (a instanceof Record) {
            try {
                for (java.lang.reflect.RecordComponent c : a.getClass().getRecordComponents()) {
                    String d = difference(c.getAccessor().invoke(a), c.getAccessor().invoke(b), path + "." + c.getName());
                    if (d != null) return d;
                }
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
            return null;
        }
        if (a instanceof String x && b instanceof String y && NUMBER.matcher(x.strip()).matches() && x.strip().equals(y.strip())) {
            return null;   // a formula that is a number is saved as a JSON number, without spaces around it
        }
        return a.equals(b) ? null : path + ": " + a + " vs " + b;
    }

    private static final java.util.regex.Pattern NUMBER = java.util.regex.Pattern.compile("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?");

    private static void all(Table t) {
        t.toText();
        t.toCsv();
        t.toMarkdown();
    }

    /** The explanation's last line is the item's monthly cost ("= $X / month"). */
    private static void explain(Results r, String id) {
        List<String> lines = Explain.lines(r, id);
        if (lines.isEmpty()) throw new AssertionError("no explanation for " + id);
    }

    /** The monthly total is the sum of the items' monthly costs, when both are finite. */
    private static void total(Results r) {
        double sum = 0;
        double abs = 0;
        for (Results.ItemResult i : r.items()) {
            sum += i.monthly();
            abs += Math.abs(i.monthly());
        }
        double t = r.monthlyTotal();
        if (Double.isFinite(sum) && Double.isFinite(t) && Double.isFinite(abs) && Math.abs(sum - t) > 1e-9 * Math.max(1, abs)) {
            throw new AssertionError("monthly total " + t + " is not the sum of the items " + sum);
        }
    }

    /** Both NaN, or equal (the same arithmetic on the same inputs gives the same bits). */
    static boolean same(double a, double b) {
        return Double.isNaN(a) ? Double.isNaN(b) : a == b;
    }

    /** Nearly equal (sums in another order), or both NaN, or the same infinity. */
    private static boolean near(double a, double b, double scale) {
        if (Double.isNaN(a) || Double.isNaN(b) || Double.isInfinite(a) || Double.isInfinite(b)) return same(a, b) || !Double.isFinite(scale);
        return Math.abs(a - b) <= 1e-9 * Math.max(1, scale);
    }

    /** A category's monthly cost is the sum of its items'; the categories add up to the total. */
    private static void categories(Results r) {
        java.util.Map<String, Double> sums = new java.util.HashMap<>();
        java.util.Map<String, Double> abs = new java.util.HashMap<>();
        for (Results.ItemResult i : r.items()) {
            sums.merge(i.category(), i.monthly(), Double::sum);
            abs.merge(i.category(), Math.abs(i.monthly()), Double::sum);
        }
        double all = 0;
        double allAbs = 0;
        for (Results.CategoryResult c : r.categories()) {
            double want = sums.getOrDefault(c.id(), 0.0);
            double scale = abs.getOrDefault(c.id(), 0.0);
            if (!near(c.monthly(), want, scale)) throw new AssertionError("category " + c.id() + " is " + c.monthly() + ", its items sum to " + want);
            all += c.monthly();
            allAbs += Math.abs(c.monthly());
        }
        if (!near(r.monthlyTotal(), all, allAbs)) throw new AssertionError("the categories sum to " + all + ", the total is " + r.monthlyTotal());
    }

    /** A lever's saving is the total with it off minus the total with it on, everything else as it is. */
    private static void savings(CompiledScenario c, Results r) {
        List<Results.LeverResult> levers = r.levers();
        for (int i = 0; i < levers.size(); i += Math.max(1, levers.size() / 6)) {
            Results.LeverResult l = levers.get(i);
            costscope.engine.Evaluator off = c.newEvaluator();
            costscope.engine.Evaluator on = c.newEvaluator();
            off.setLever(l.id(), false);
            on.setLever(l.id(), true);
            double want = off.total() - on.total();
            if (!same(want, l.saving())) throw new AssertionError("lever " + l.id() + " saves " + l.saving() + "; off minus on is " + want);
        }
    }

    // ------------------------------------------------------------------------------------------------ the CLI

    private static final String[][] COMMANDS = {
        {"evaluate", "text", "json", "csv", "markdown"},
        {"table", "text", "csv", "markdown", "json"},
        {"audit", "text", "json", "csv", "markdown"},
        {"sweep", "csv", "json"},
        {"compare", "text", "json", "csv", "markdown"},
        {"sensitivity", "text", "json", "csv", "markdown"},
        {"goal-seek", "text", "json"},
    };

    /**
     * Text as a terminal shows it, for comparing what the CLI printed with a message: the CLI writes a control or
     * direction character from a file as a visible \\uXXXX (cli/TerminalText), so both lose those characters.
     */
    private static String shown(String s) {
        StringBuilder b = new StringBuilder();
        String t = s.replaceAll("\\\\u[0-9A-Fa-f]{4}", "");
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            int type = Character.getType(c);
            if (type != Character.CONTROL && type != Character.FORMAT) b.append(c);
        }
        return b.toString();
    }

    private static String pick(Random r, List<String> l) {
        return l.isEmpty() ? "none" : l.get(r.nextInt(l.size()));
    }

    private void cli(Mutator.Mutant m, Scenario sc, Path dir, Random r) {
        Path f = dir.resolve("fuzz-cli.json");
        try {
            Files.write(f, m.content());
        } catch (Exception e) {
            throw new IllegalStateException("cannot write " + f, e);
        }
        // mostly the four commands of the reports; now and then a what-if one (they search and iterate: no hang)
        String[] cmd = COMMANDS[r.nextInt(5) == 0 ? 4 + r.nextInt(3) : r.nextInt(4)];
        List<String> args = new ArrayList<>(List.of(cmd[0], f.toString(), "--format", cmd[1 + r.nextInt(cmd.length - 1)]));
        Mutator.Sample s = m.sample();
        if (cmd[0].equals("evaluate") || cmd[0].equals("sweep")) {
            if (r.nextInt(3) == 0 && !s.scalePoints().isEmpty()) args.addAll(List.of("--at", s.scalePoints().get(r.nextInt(s.scalePoints().size()))));
            if (r.nextInt(3) == 0 && !s.variants().isEmpty()) args.addAll(List.of("--variant", s.variants().get(r.nextInt(s.variants().size()))));
            if (r.nextInt(3) == 0) {
                String[] values = {"0", "1", "1000", "2.5M", "1e9", "5%", "-1", "1e308", "1,000", "4,99", "1_000", "$4.99",
                    "NaN", "1e400", "", "-0", "1e-320", "12,345.67", "1,,000"};
                args.addAll(List.of("--set", s.drivers().get(r.nextInt(s.drivers().size())) + "=" + values[r.nextInt(values.length)]));
            }
            if (r.nextInt(3) == 0 && !s.levers().isEmpty()) {
                args.addAll(List.of("--lever", s.levers().get(r.nextInt(s.levers().size())) + "=" + (r.nextBoolean() ? "on" : "off")));
            }
        }
        String[] outputs = {"total", "costPerUser", "breakEvenConversion", pick(r, s.items()), pick(r, s.drivers()) + " * 2", "total / 0"};
        switch (cmd[0]) {
            case "compare" -> {
                List<String> vs = new ArrayList<>(s.variants());
                vs.add("base");
                args.addAll(List.of("--variants", pick(r, vs) + "," + pick(r, vs)));
            }
            case "sensitivity" -> args.addAll(List.of("--output", outputs[r.nextInt(outputs.length)],
                    "--swing", List.of("0.2", "0", "1", "5", "1e-9").get(r.nextInt(5))));
            case "goal-seek" -> args.addAll(List.of("--driver", pick(r, s.drivers()), "--output", outputs[r.nextInt(outputs.length)],
                    "--target", List.of("0", "50k", "1e9", "-1", "5%").get(r.nextInt(5))));
            default -> {
            }
        }
        if (cmd[0].equals("sweep") && r.nextBoolean()) {
            args.addAll(List.of("--driver", s.drivers().get(r.nextInt(s.drivers().size())), "--from", "1", "--to", "1000",
                    "--points", String.valueOf(2 + r.nextInt(30))));
            if (r.nextBoolean()) args.add("--log");
        } else if (cmd[0].equals("sweep")) {
            args.addAll(List.of("--points", String.valueOf(2 + r.nextInt(30))));
        }
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code;
        try {
            code = Cli.run(args.toArray(String[]::new), new PrintWriter(out), new PrintWriter(err));
        } catch (Throwable t) {
            failures.add(new Failure("cli", "uncaught " + t + " from " + args, t));
            return;
        }
        String e = err.toString();
        String what = String.join(" ", args);
        if (code != 0 && code != 2) {
            failures.add(new Failure("cli", "exit " + code + " from " + what + ": " + e.strip(), null));
            return;
        }
        if (e.contains("Exception") || e.contains("\tat ") || e.contains("Error:")) {
            failures.add(new Failure("cli", "a stack trace or exception on stderr from " + what + ": " + e.strip(), null));
        }
        if (code == 2) {
            if (!e.startsWith(f + ": ")) failures.add(new Failure("cli", "exit 2 without the file first from " + what + ": " + e.strip(), null));
            if (sc != null && rejected == null && !e.contains(": --")) {
                failures.add(new Failure("cli", "exit 2 on an accepted file, not about an option, from " + what + ": " + e.strip(), null));
            }
            if (rejected != null && !rejected.problems().isEmpty() && !shown(e).contains(shown(rejected.problems().get(0).describe()))) {
                failures.add(new Failure("cli", "exit 2 does not name the place " + rejected.problems().get(0).describe() + " from " + what + ": " + e.strip(), null));
            }
        } else {
            if (sc == null) failures.add(new Failure("cli", "exit 0 on a rejected file from " + what, null));
            if (args.get(3).equals("json")) {
                try {
                    STRICT.readTree(out.toString());
                } catch (Exception x) {
                    failures.add(new Failure("cli", "--format json output is not JSON (" + x.getMessage().lines().findFirst().orElse("")
                            + ") from " + what, null));
                }
            }
        }
    }
}
