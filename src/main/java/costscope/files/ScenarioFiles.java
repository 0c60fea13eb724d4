package costscope.files;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import costscope.engine.CompiledScenario;
import costscope.model.Billing;
import costscope.model.Business;
import costscope.model.Category;
import costscope.model.Denominator;
import costscope.model.Driver;
import costscope.model.FigureFormat;
import costscope.model.Lever;
import costscope.model.LeverEffect;
import costscope.model.LineItem;
import costscope.model.Problem;
import costscope.model.ScalePoint;
import costscope.model.Scenario;
import costscope.model.ScenarioException;
import costscope.model.SliderScale;
import costscope.model.StatedFigure;
import costscope.model.Sweep;
import costscope.model.Tier;
import costscope.model.TierMode;
import costscope.model.Variable;
import costscope.model.Variant;

import java.io.IOException;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads and writes scenario files (format version 1). Reading reports malformed JSON, unknown fields and wrong
 * types with line and column, and every missing field and formula problem with its path; writing produces stable,
 * readable JSON with a fixed key order, and saving is atomic.
 */
public final class ScenarioFiles {
    /** Files larger than this are refused before parsing. */
    public static final long MAX_BYTES = 16L * 1024 * 1024;
    private static final Pattern NUMBER = Pattern.compile("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?");

    private static final ObjectMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(64).maxStringLength(1_000_000).build())
                    .build())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .disable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .build();

    private ScenarioFiles() {
    }

    /** Loads and validates a scenario file: structure, names, formulas and cycles. */
    public static Scenario load(Path file) throws ScenarioException {
        String source = file.toString();
        byte[] bytes;
        try {
            if (Files.size(file) > MAX_BYTES) {
                throw new ScenarioException(source, List.of(Problem.at("", "file is larger than " + MAX_BYTES / (1024 * 1024) + " MiB")));
            }
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new ScenarioException(source, List.of(Problem.at("", "no such file")));
        } catch (IOException e) {
            throw new ScenarioException(source, List.of(Problem.at("", "cannot read the file: " + e.getMessage())));
        }
        return parse(new String(bytes, StandardCharsets.UTF_8), source);
    }

    /** Parses and validates scenario JSON; {@code source} names it in messages. */
    public static Scenario parse(String json, String source) throws ScenarioException {
        Scenario sc = parseStructure(json, source);
        List<Problem> problems = CompiledScenario.validate(sc);
        if (!problems.isEmpty()) throw new ScenarioException(source, problems);
        return sc;
    }

    /** Parses JSON into a scenario without compiling its formulas (structure and types only). */
    public static Scenario parseStructure(String json, String source) throws ScenarioException {
        ScenarioJson.File f;
        try {
            f = MAPPER.readValue(json, ScenarioJson.File.class);
        } catch (JsonProcessingException e) {
            throw new ScenarioException(source, List.of(problemOf(e)));
        }
        if (f == null) throw new ScenarioException(source, List.of(Problem.at("", "the file holds null, not a scenario object")));
        List<Problem> problems = new ArrayList<>();
        Scenario sc = new Converter(problems).scenario(f);
        if (!problems.isEmpty()) throw new ScenarioException(source, problems);
        return sc;
    }

    private static Problem problemOf(JsonProcessingException e) {
        JsonLocation loc = e.getLocation();
        int line = loc == null ? 0 : loc.getLineNr();
        int col = loc == null ? 0 : loc.getColumnNr();
        String path = "";
        String message;
        if (e instanceof JsonMappingException m) {
            path = path(m.getPath());
        }
        if (e instanceof UnrecognizedPropertyException u) {
            List<String> known = u.getKnownPropertyIds() == null ? List.of()
                    : u.getKnownPropertyIds().stream().map(Object::toString).sorted().toList();
            message = "unknown field '" + u.getPropertyName() + "'" + (known.isEmpty() ? "" : " (allowed here: " + String.join(", ", known) + ")");
        } else if (e instanceof MismatchedInputException mi) {
            String orig = firstLine(mi.getOriginalMessage());
            Class<?> target = mi.getTargetType();
            if (orig.startsWith("expected a number or a formula")) {
                message = orig;
            } else if (target != null && (target == Double.class || target == Integer.class)) {
                message = "expected a number" + foundFrom(orig);
            } else if (target == String.class) {
                message = "expected a string" + foundFrom(orig);
            } else if (target == Boolean.class) {
                message = "expected true or false" + foundFrom(orig);
            } else if (target != null && List.class.isAssignableFrom(target)) {
                message = "expected an array" + foundFrom(orig);
            } else if (target != null && target.getName().startsWith(ScenarioJson.class.getName()) || target != null && Map.class.isAssignableFrom(target)) {
                message = "expected an object" + foundFrom(orig);
            } else {
                message = orig;
            }
        } else {
            message = "malformed JSON: " + firstLine(e.getOriginalMessage());
        }
        return new Problem(path, line, col, -1, message);
    }

    private static String foundFrom(String jacksonMessage) {
        String m = jacksonMessage.toLowerCase();
        if (m.contains("start_array") || m.contains("from array")) return ", found an array";
        if (m.contains("start_object") || m.contains("from object")) return ", found an object";
        if (m.contains("value_string") || m.contains("string value") || m.contains("from string")) return ", found a string";
        if (m.contains("value_true") || m.contains("value_false") || m.contains("boolean")) return ", found a boolean";
        if (m.contains("value_number") || m.contains("int") || m.contains("floating-point") || m.contains("number")) return ", found a number";
        if (m.contains("null")) return ", found null";
        return "";
    }

    private static String firstLine(String s) {
        if (s == null) return "";
        int i = s.indexOf('\n');
        return (i < 0 ? s : s.substring(0, i)).trim();
    }

    private static String path(List<JsonMappingException.Reference> refs) {
        StringBuilder b = new StringBuilder();
        for (JsonMappingException.Reference r : refs) {
            if (r.getFieldName() != null) {
                if (b.length() > 0) b.append('.');
                b.append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                b.append('[').append(r.getIndex()).append(']');
            }
        }
        return b.toString();
    }

    // ----------------------------------------------------------------------------------------------------------------

    /** Converts DTOs to the model, collecting every missing or invalid field with its path. */
    private static final class Converter {
        private final List<Problem> problems;

        Converter(List<Problem> problems) {
            this.problems = problems;
        }

        private <T> T require(T v, String where, String field) {
            if (v == null) problems.add(Problem.at(where.isEmpty() ? field : where + "." + field, "missing required field '" + field + "'"));
            return v;
        }

        private static String text(ScenarioJson.FormulaText t) {
            return t == null ? null : t.text();
        }

        private <J, M> List<M> list(List<J> in, String name, boolean required, BiFunction<J, String, M> conv) {
            List<M> out = new ArrayList<>();
            if (in == null) {
                if (required) problems.add(Problem.at(name, "missing required field '" + name + "'"));
                return out;
            }
            for (int i = 0; i < in.size(); i++) {
                J j = in.get(i);
                String where = name + "[" + i + "]";
                if (j == null) {
                    problems.add(Problem.at(where, "null is not allowed here"));
                    continue;
                }
                out.add(conv.apply(j, where));
            }
            return out;
        }

        private <E> E enumOf(String s, java.util.function.Function<String, E> parse, List<String> allowed, String where) {
            if (s == null) return null;
            E e = parse.apply(s);
            if (e == null) problems.add(Problem.at(where, "'" + s + "' is not one of " + allowed.stream().map(a -> "\"" + a + "\"").collect(Collectors.joining(", "))));
            return e;
        }

        Scenario scenario(ScenarioJson.File f) {
            if (require(f.format, "", "format") != null && !Scenario.FORMAT.equals(f.format)) {
                problems.add(Problem.at("format", "'" + f.format + "' is not a Costscope scenario (expected \"" + Scenario.FORMAT + "\")"));
            }
            if (require(f.version, "", "version") != null && f.version != Scenario.VERSION) {
                problems.add(Problem.at("version", "version " + f.version + " is not supported (this Costscope reads version " + Scenario.VERSION + ")"));
            }
            require(f.name, "", "name");
            List<Driver> drivers = list(f.drivers, "drivers", true, this::driver);
            List<Variable> vars = list(f.variables, "variables", false, (v, w) -> new Variable(
                    require(v.id, w, "id"), require(v.label, w, "label"), v.unit, text(require(v.formula, w, "formula")), v.description));
            List<Category> cats = list(f.categories, "categories", true, (c, w) -> new Category(
                    require(c.id, w, "id"), require(c.label, w, "label"), c.color, c.description));
            List<LineItem> items = list(f.items, "items", true, this::item);
            List<Lever> levers = list(f.levers, "levers", false, this::lever);
            Business business = f.business == null ? null : business(f.business);
            Sweep sweep = null;
            if (f.sweep != null) {
                sweep = new Sweep(require(f.sweep.driver, "sweep", "driver"), nz(require(f.sweep.from, "sweep", "from")),
                        nz(require(f.sweep.to, "sweep", "to")), f.sweep.log != null && f.sweep.log);
            }
            List<ScalePoint> points = list(f.scalePoints, "scalePoints", false, (p, w) -> new ScalePoint(
                    require(p.id, w, "id"), p.label, nonNullValues(require(p.values, w, "values"), w + ".values")));
            List<StatedFigure> stated = list(f.statedFigures, "statedFigures", false, (s, w) -> new StatedFigure(
                    require(s.label, w, "label"), s.at, nonNullValues(s.levers, w + ".levers"), nonNullValues(s.set, w + ".set"),
                    require(s.of, w, "of"), nz(require(s.value, w, "value")), s.rounding,
                    enumOf(s.format, FigureFormat::fromJson, List.of("currency", "percent", "number", "months"), w + ".format"), s.note));
            List<Variant> variants = list(f.variants, "variants", false, this::variant);
            return new Scenario(f.name, f.description, f.currency == null ? Scenario.DEFAULT_CURRENCY : f.currency,
                    text(f.hoursPerMonth), drivers, vars, cats, items, levers, business, sweep, points, stated, variants);
        }

        private Variant variant(ScenarioJson.VariantJ v, String w) {
            Map<String, String> prices = new java.util.LinkedHashMap<>();
            for (Map.Entry<String, ScenarioJson.FormulaText> e : nonNullValues(v.prices, w + ".prices").entrySet()) {
                prices.put(e.getKey(), e.getValue().text());
            }
            return new Variant(require(v.id, w, "id"), v.label, v.description, nonNullValues(v.drivers, w + ".drivers"),
                    nonNullValues(v.levers, w + ".levers"), prices);
        }

        private <V> Map<String, V> nonNullValues(Map<String, V> m, String where) {
            if (m == null) return Map.of();
            for (Map.Entry<String, V> e : m.entrySet()) {
                if (e.getValue() == null) problems.add(Problem.at(where + "." + e.getKey(), "null is not allowed here"));
            }
            m.values().removeIf(java.util.Objects::isNull);
            return m;
        }

        private static double nz(Double d) {
            return d == null ? 0 : d;
        }

        private Driver driver(ScenarioJson.DriverJ d, String w) {
            return new Driver(require(d.id, w, "id"), require(d.label, w, "label"), d.unit, nz(require(d.value, w, "value")),
                    d.min, d.max, d.step, enumOf(d.scale, SliderScale::fromJson, List.of("linear", "log"), w + ".scale"), d.description);
        }

        private LineItem item(ScenarioJson.ItemJ i, String w) {
            List<Tier> tiers = list(i.tiers, w + ".tiers", false, (t, tw) -> new Tier(t.upTo, text(require(t.unitPrice, tw, "unitPrice"))));
            return new LineItem(require(i.id, w, "id"), require(i.label, w, "label"), require(i.category, w, "category"),
                    text(require(i.quantity, w, "quantity")), i.quantityUnit, text(i.unitPrice), i.per, i.priceUnit,
                    enumOf(i.billing, Billing::fromJson, List.of("monthly", "hourly", "perUnit"), w + ".billing"),
                    text(i.hours), text(i.freeAllowance), tiers,
                    enumOf(i.tierMode, TierMode::fromJson, List.of("graduated", "volume"), w + ".tierMode"), i.fixedMonthly, i.description);
        }

        private Lever lever(ScenarioJson.LeverJ l, String w) {
            List<LeverEffect> effects = list(l.effects, w + ".effects", true, (e, ew) -> new LeverEffect(e.item, e.category, e.set,
                    e.factor, text(e.quantity), text(e.unitPrice), e.fixedMonthly, text(e.formula)));
            return new Lever(require(l.id, w, "id"), require(l.label, w, "label"), l.enabled != null && l.enabled, l.description, effects);
        }

        private Business business(ScenarioJson.BusinessJ b) {
            Denominator users = b.users == null ? null
                    : new Denominator(null, b.users.label, text(require(b.users.formula, "business.users", "formula")));
            if (b.users != null && b.users.id != null) problems.add(Problem.at("business.users.id", "users takes no id (it is always 'users')"));
            List<Denominator> dens = list(b.denominators, "business.denominators", false, (d, w) -> new Denominator(
                    require(d.id, w, "id"), require(d.label, w, "label"), text(require(d.formula, w, "formula"))));
            return new Business(users, dens, text(b.price), text(b.conversion), text(b.payingBase), text(b.markup), text(b.funding));
        }
    }

    // ----------------------------------------------------------------------------------------------------------------

    /** The canonical JSON text of a scenario: fixed key order, two-space indent, plain numbers, final newline. */
    public static String toJson(Scenario sc) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = MAPPER.getFactory().createGenerator(out)) {
            g.setPrettyPrinter(new CanonicalPrinter());
            new Writer(g).scenario(sc);
        } catch (IOException e) {
            throw new IllegalStateException("writing JSON to a string failed", e);
        }
        return out.toString() + "\n";
    }

    /**
     * Saves atomically: writes a temporary file beside the target, forces it to disk, then moves it into place.
     * A failure leaves the previous file as it was.
     */
    public static void save(Scenario sc, Path file) throws IOException {
        byte[] bytes = toJson(sc).getBytes(StandardCharsets.UTF_8);
        Path abs = file.toAbsolutePath();
        Path dir = abs.getParent();
        Path tmp = Files.createTempFile(dir, "." + abs.getFileName() + ".", ".tmp");
        try {
            try (var ch = java.nio.channels.FileChannel.open(tmp, java.nio.file.StandardOpenOption.WRITE,
                    java.nio.file.StandardOpenOption.TRUNCATE_EXISTING)) {
                var buf = java.nio.ByteBuffer.wrap(bytes);
                while (buf.hasRemaining()) ch.write(buf);
                ch.force(true);
            }
            try {
                Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static final class CanonicalPrinter extends com.fasterxml.jackson.core.util.DefaultPrettyPrinter {
        CanonicalPrinter() {
            super(com.fasterxml.jackson.core.util.DefaultPrettyPrinter.DEFAULT_SEPARATORS
                    .withObjectFieldValueSpacing(com.fasterxml.jackson.core.util.Separators.Spacing.AFTER));
            var indenter = new com.fasterxml.jackson.core.util.DefaultIndenter("  ", "\n");
            indentObjectsWith(indenter);
            indentArraysWith(indenter);
        }

        CanonicalPrinter(CanonicalPrinter base) {
            super(base);
        }

        @Override
        public CanonicalPrinter createInstance() {
            return new CanonicalPrinter(this);
        }
    }

    /** Writes the model in the documented key order; optional fields only when set. */
    private static final class Writer {
        private final JsonGenerator g;

        Writer(JsonGenerator g) {
            this.g = g;
        }

        void scenario(Scenario s) throws IOException {
            g.writeStartObject();
            g.writeStringField("format", Scenario.FORMAT);
            g.writeNumberField("version", Scenario.VERSION);
            str("name", s.name());
            str("description", s.description());
            str("currency", s.currency());
            formula("hoursPerMonth", s.hoursPerMonth());
            g.writeArrayFieldStart("drivers");
            for (Driver d : s.drivers()) {
                g.writeStartObject();
                str("id", d.id());
                str("label", d.label());
                str("unit", d.unit());
                num("value", d.value());
                num("min", d.min());
                num("max", d.max());
                num("step", d.step());
                str("scale", d.scale() == null ? null : d.scale().json());
                str("description", d.description());
                g.writeEndObject();
            }
            g.writeEndArray();
            if (!s.variables().isEmpty()) {
                g.writeArrayFieldStart("variables");
                for (Variable v : s.variables()) {
                    g.writeStartObject();
                    str("id", v.id());
                    str("label", v.label());
                    str("unit", v.unit());
                    formula("formula", v.formula());
                    str("description", v.description());
                    g.writeEndObject();
                }
                g.writeEndArray();
            }
            g.writeArrayFieldStart("categories");
            for (Category c : s.categories()) {
                g.writeStartObject();
                str("id", c.id());
                str("label", c.label());
                str("color", c.color());
                str("description", c.description());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("items");
            for (LineItem i : s.items()) item(i);
            g.writeEndArray();
            if (!s.levers().isEmpty()) {
                g.writeArrayFieldStart("levers");
                for (Lever l : s.levers()) lever(l);
                g.writeEndArray();
            }
            if (s.business() != null) business(s.business());
            if (s.sweep() != null) {
                g.writeObjectFieldStart("sweep");
                str("driver", s.sweep().driver());
                num("from", s.sweep().from());
                num("to", s.sweep().to());
                g.writeBooleanField("log", s.sweep().log());
                g.writeEndObject();
            }
            if (!s.scalePoints().isEmpty()) {
                g.writeArrayFieldStart("scalePoints");
                for (ScalePoint p : s.scalePoints()) {
                    g.writeStartObject();
                    str("id", p.id());
                    str("label", p.label());
                    g.writeObjectFieldStart("values");
                    for (Map.Entry<String, Double> e : p.values().entrySet()) num(e.getKey(), e.getValue());
                    g.writeEndObject();
                    g.writeEndObject();
                }
                g.writeEndArray();
            }
            if (!s.statedFigures().isEmpty()) {
                g.writeArrayFieldStart("statedFigures");
                for (StatedFigure f : s.statedFigures()) stated(f);
                g.writeEndArray();
            }
            if (!s.variants().isEmpty()) {
                g.writeArrayFieldStart("variants");
                for (Variant v : s.variants()) variant(v);
                g.writeEndArray();
            }
            g.writeEndObject();
        }

        private void item(LineItem i) throws IOException {
            g.writeStartObject();
            str("id", i.id());
            str("label", i.label());
            str("category", i.category());
            formula("quantity", i.quantity());
            str("quantityUnit", i.quantityUnit());
            formula("unitPrice", i.unitPrice());
            num("per", i.per());
            str("priceUnit", i.priceUnit());
            str("billing", i.billing() == null ? null : i.billing().json());
            formula("hours", i.hours());
            formula("freeAllowance", i.freeAllowance());
            if (!i.tiers().isEmpty()) {
                g.writeArrayFieldStart("tiers");
                for (Tier t : i.tiers()) {
                    g.writeStartObject();
                    num("upTo", t.upTo());
                    formula("unitPrice", t.unitPrice());
                    g.writeEndObject();
                }
                g.writeEndArray();
            }
            str("tierMode", i.tierMode() == null ? null : i.tierMode().json());
            num("fixedMonthly", i.fixedMonthly());
            str("description", i.description());
            g.writeEndObject();
        }

        private void lever(Lever l) throws IOException {
            g.writeStartObject();
            str("id", l.id());
            str("label", l.label());
            if (l.enabled()) g.writeBooleanField("enabled", true);
            str("description", l.description());
            g.writeArrayFieldStart("effects");
            for (LeverEffect e : l.effects()) {
                g.writeStartObject();
                str("item", e.item());
                str("category", e.category());
                str("set", e.set());
                num("factor", e.factor());
                formula("quantity", e.quantity());
                formula("unitPrice", e.unitPrice());
                num("fixedMonthly", e.fixedMonthly());
                formula("formula", e.formula());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }

        private void business(Business b) throws IOException {
            g.writeObjectFieldStart("business");
            if (b.users() != null) {
                g.writeObjectFieldStart("users");
                str("label", b.users().label());
                formula("formula", b.users().formula());
                g.writeEndObject();
            }
            if (!b.denominators().isEmpty()) {
                g.writeArrayFieldStart("denominators");
                for (Denominator d : b.denominators()) {
                    g.writeStartObject();
                    str("id", d.id());
                    str("label", d.label());
                    formula("formula", d.formula());
                    g.writeEndObject();
                }
                g.writeEndArray();
            }
            formula("price", b.price());
            formula("conversion", b.conversion());
            formula("payingBase", b.payingBase());
            formula("markup", b.markup());
            formula("funding", b.funding());
            g.writeEndObject();
        }

        private void stated(StatedFigure f) throws IOException {
            g.writeStartObject();
            str("label", f.label());
            str("at", f.at());
            if (!f.levers().isEmpty()) {
                g.writeObjectFieldStart("levers");
                for (Map.Entry<String, Boolean> e : f.levers().entrySet()) g.writeBooleanField(e.getKey(), e.getValue());
                g.writeEndObject();
            }
            if (!f.set().isEmpty()) {
                g.writeObjectFieldStart("set");
                for (Map.Entry<String, Double> e : f.set().entrySet()) num(e.getKey(), e.getValue());
                g.writeEndObject();
            }
            str("of", f.of());
            num("value", f.value());
            num("rounding", f.rounding());
            str("format", f.format() == null ? null : f.format().json());
            str("note", f.note());
            g.writeEndObject();
        }

        private void variant(Variant v) throws IOException {
            g.writeStartObject();
            str("id", v.id());
            str("label", v.label());
            str("description", v.description());
            if (!v.drivers().isEmpty()) {
                g.writeObjectFieldStart("drivers");
                for (Map.Entry<String, Double> e : v.drivers().entrySet()) num(e.getKey(), e.getValue());
                g.writeEndObject();
            }
            if (!v.levers().isEmpty()) {
                g.writeObjectFieldStart("levers");
                for (Map.Entry<String, Boolean> e : v.levers().entrySet()) g.writeBooleanField(e.getKey(), e.getValue());
                g.writeEndObject();
            }
            if (!v.prices().isEmpty()) {
                g.writeObjectFieldStart("prices");
                for (Map.Entry<String, String> e : v.prices().entrySet()) formula(e.getKey(), e.getValue());
                g.writeEndObject();
            }
            g.writeEndObject();
        }

        private void str(String k, String v) throws IOException {
            if (v != null) g.writeStringField(k, v);
        }

        private void num(String k, Double v) throws IOException {
            if (v == null) return;
            g.writeFieldName(k);
            g.writeNumber(plain(v));
        }

        /** A number or formula field: a plain number literal is written as a JSON number, keeping its text. */
        private void formula(String k, String v) throws IOException {
            if (v == null) return;
            g.writeFieldName(k);
            String t = v.trim();
            if (NUMBER.matcher(t).matches()) {
                g.writeNumber(t);
            } else {
                g.writeString(v);
            }
        }
    }

    /** The shortest plain decimal text of a double: 1000000000, 0.0000166667, 4.99, -0.5. */
    static String plain(double d) {
        if (!Double.isFinite(d)) throw new IllegalArgumentException("cannot write " + d + " to a scenario file");
        if (d == Math.rint(d) && Math.abs(d) < 1e15) return Long.toString((long) d);
        return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
    }
}
