package costscope.files;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import costscope.engine.CompiledScenario;
import costscope.model.JsonNames;
import costscope.model.Place;
import costscope.model.Problem.Code;
import costscope.model.Problem;
import costscope.model.Scenario;
import costscope.model.ScenarioException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.file.AccessDeniedException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads and writes scenario files (format version 1). Reading reports malformed JSON, unknown fields and wrong
 * types with line and column, and every missing field and formula problem with its path; writing produces stable,
 * readable JSON with a fixed key order, and saving is atomic.
 */
public final class ScenarioFiles {
    /** Files larger than this are refused before parsing. */
    public static final long MAX_BYTES = 16L * 1024 * 1024;

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
            .defaultPropertyInclusion(JsonInclude.Value.construct(JsonInclude.Include.NON_NULL, null))
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .addModule(new SimpleModule().addSerializer(Double.class, new ScenarioJson.PlainNumber())
                    .addDeserializer(Double.class, new ScenarioJson.FiniteNumber())
                    .addDeserializer(Integer.class, new ScenarioJson.WholeNumber())
                    .addDeserializer(String.class, new ScenarioJson.Text())
                    .addDeserializer(Boolean.class, new ScenarioJson.Flag()))
            .build();

    /**
     * Converts the model's records into the file's objects by field name; choices are spelt as the file spells them
     * ({@link JsonNames}).
     */
    private static final ObjectMapper CONVERT = JsonMapper.builder()
            .addModule(new SimpleModule().addSerializer(new ChoiceSpelling()))
            .build();

    /** A choice (billing, tier mode...) written as the file spells it. */
    private static final class ChoiceSpelling extends StdSerializer<Enum<?>> {
        ChoiceSpelling() {
            super(Enum.class, false);
        }

        @Override
        public void serialize(Enum<?> value, JsonGenerator g, SerializerProvider provider) throws IOException {
            g.writeString(JsonNames.of(value));
        }
    }

    private ScenarioFiles() {
    }

    /** Loads and validates a scenario file: structure, names, formulas and cycles. */
    public static Scenario load(Path file) throws ScenarioException {
        return parse(read(file), file.toString());
    }

    /**
     * The text of a scenario file, read with every limit checked before the work: a regular file (a pipe or a device
     * has no end that can be trusted and a pipe with no writer never answers), at most {@link #MAX_BYTES} bytes
     * (counted while reading, so a file that grows cannot walk around it), UTF-8 (a byte-order mark is skipped;
     * UTF-16 and invalid bytes are refused with their place).
     */
    public static String read(Path file) throws ScenarioException {
        return text(bytes(file), file.toString());
    }

    /**
     * The bytes of a file read with the same limits as a scenario file (a regular file, at most {@link #MAX_BYTES}
     * bytes), for a reader that decodes them itself (an imported estimate).
     */
    public static byte[] bytes(Path file) throws ScenarioException {
        String source = file.toString();
        byte[] bytes;
        try {
            if (!Files.exists(file)) throw fileProblem(source, "no such file");
            if (Files.isDirectory(file)) throw fileProblem(source, "is a folder, not a scenario file");
            if (!Files.isRegularFile(file)) {
                throw fileProblem(source, "is not a regular file (a pipe, socket or device); scenario files are read from disk");
            }
            try (InputStream in = Files.newInputStream(file)) {
                bytes = in.readNBytes((int) MAX_BYTES + 1);
            }
        } catch (NoSuchFileException e) {
            throw fileProblem(source, "no such file");
        } catch (AccessDeniedException e) {
            throw fileProblem(source, "cannot read the file: permission denied");
        } catch (IOException e) {
            throw fileProblem(source, "cannot read the file: " + e.getMessage());
        }
        if (bytes.length > MAX_BYTES) throw fileProblem(source, "file is larger than " + MAX_BYTES / (1024 * 1024) + " MiB (the limit)");
        return bytes;
    }

    /** Bytes as UTF-8 text: a UTF-8 byte-order mark skipped, UTF-16 and invalid UTF-8 refused with their place. */
    static String text(byte[] bytes, String source) throws ScenarioException {
        int start = 0;
        if (bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB && (bytes[2] & 0xff) == 0xBF) start = 3;
        if (bytes.length >= 2 && ((bytes[0] & 0xff) == 0xFE && (bytes[1] & 0xff) == 0xFF || (bytes[0] & 0xff) == 0xFF && (bytes[1] & 0xff) == 0xFE)) {
            throw fileProblem(source, "the file is UTF-16 text; save it as UTF-8");
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult r = decoder.decode(in, out, true);
        if (!r.isError()) r = decoder.flush(out);
        if (r.isError()) {
            int at = in.position();
            int line = 1;
            int lineStart = start;
            for (int i = start; i < at; i++) {
                if (bytes[i] == '\n') {
                    line++;
                    lineStart = i + 1;
                }
            }
            int column = new String(bytes, lineStart, at - lineStart, StandardCharsets.UTF_8).length() + 1;
            throw new ScenarioException(source, List.of(Problem.of(Place.file().atLine(line, column), Code.FILE,
                    String.format("not UTF-8 text: byte 0x%02X at offset %d cannot start or continue a character", bytes[at] & 0xff, at))));
        }
        out.flip();
        return out.toString();
    }

    private static ScenarioException fileProblem(String source, String message) {
        return new ScenarioException(source, List.of(Problem.of(Place.file(), Code.FILE, message)));
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
        if (f == null) throw new ScenarioException(source, List.of(Problem.of(Place.file(), Code.TYPE, "the file holds null, not a scenario object")));
        List<Problem> problems = new ArrayList<>();
        Scenario sc = new ModelReader(problems).scenario(f);
        if (!problems.isEmpty()) throw new ScenarioException(source, problems);
        return sc;
    }

    private static Problem problemOf(JsonProcessingException e) {
        JsonLocation loc = e.getLocation();
        int line = loc == null ? 0 : loc.getLineNr();
        int col = loc == null ? 0 : loc.getColumnNr();
        Place at = e instanceof JsonMappingException m ? place(m.getPath()) : Place.file();
        Code code = Code.TYPE;
        String message;
        if (e instanceof UnrecognizedPropertyException u) {
            List<String> known = u.getKnownPropertyIds() == null ? List.of()
                    : u.getKnownPropertyIds().stream().map(Object::toString).sorted().toList();
            message = "unknown field '" + u.getPropertyName() + "'" + (known.isEmpty() ? "" : " (allowed here: " + String.join(", ", known) + ")");
            code = Code.UNKNOWN_FIELD;
        } else if (e instanceof MismatchedInputException mi) {
            String orig = firstLine(mi.getOriginalMessage());
            Class<?> target = mi.getTargetType();
            if (mi instanceof ScenarioJson.Refused || orig.startsWith("expected a number or a formula")) {
                message = orig;
            } else if (orig.startsWith("Trailing token")) {
                message = "more JSON after the end of the scenario object" + foundFrom(orig).replace(", found", " (found") + (foundFrom(orig).isEmpty() ? "" : ")");
                code = Code.JSON;
                at = Place.file();
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
            code = Code.JSON;
        }
        return Problem.of(at.atLine(line, col), code, message);
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

    /**
     * The place of a JSON path: {@code items[2].tiers[1].upTo} is section items, element 2, row tiers[1], field upTo.
     * A path of another shape is kept whole as the section (it renders the same).
     */
    private static Place place(List<JsonMappingException.Reference> refs) {
        List<Object> parts = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        for (JsonMappingException.Reference r : refs) {
            if (r.getFieldName() != null) {
                parts.add(r.getFieldName());
                text.append(text.length() > 0 ? "." : "").append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                parts.add(r.getIndex());
                text.append('[').append(r.getIndex()).append(']');
            }
        }
        if (parts.isEmpty()) return Place.file();
        Place p = parts.get(0) instanceof String s ? Place.section(s) : null;
        int k = 1;
        if (p != null && k < parts.size() && parts.get(k) instanceof Integer i) {
            p = Place.path(p.section(), i);
            k++;
        }
        if (p != null && k + 1 < parts.size() && parts.get(k) instanceof String row) {
            p = parts.get(k + 1) instanceof Integer ri ? p.row(row, ri) : p.row(row);
            k += parts.get(k + 1) instanceof Integer ? 2 : 1;
        }
        if (p != null && k + 1 == parts.size() && parts.get(k) instanceof String field) {
            p = p.field(field);
            k++;
        }
        return p != null && k == parts.size() && p.where().equals(text.toString()) ? p : Place.section(text.toString());
    }

    // ----------------------------------------------------------------------------------------------------------------

    /** The canonical JSON text of a scenario: fixed key order, two-space indent, plain numbers, final newline. */
    public static String toJson(Scenario sc) {
        try {
            ScenarioJson.File file = CONVERT.convertValue(sc, ScenarioJson.File.class);
            file.format = Scenario.FORMAT;
            file.version = Scenario.VERSION;
            if (file.statedFigures != null) {
                for (ScenarioJson.StatedJ f : file.statedFigures) {
                    if (f.low != null && f.high != null) f.value = null;   // a range is written as its ends, not its midpoint
                }
            }
            return MAPPER.writer(new CanonicalPrinter()).writeValueAsString(file) + "\n";
        } catch (JsonProcessingException e) {
            if (e.getCause() instanceof IllegalArgumentException bad) throw bad;
            throw new IllegalStateException("writing JSON to a string failed", e);
        }
    }

    /**
     * Saves atomically ({@link AtomicFiles}): a temporary file beside the target, forced to disk, then moved into
     * place. A failure leaves the previous file as it was.
     */
    public static void save(Scenario sc, Path file) throws IOException {
        AtomicFiles.write(file, toJson(sc));
    }

    private static final class CanonicalPrinter extends DefaultPrettyPrinter {
        CanonicalPrinter() {
            super(DefaultPrettyPrinter.DEFAULT_SEPARATORS.withObjectFieldValueSpacing(Separators.Spacing.AFTER));
            DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
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
}
