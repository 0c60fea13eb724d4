package costscope.files;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import costscope.formula.FormulaException;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Jackson data-transfer objects for scenario files, version 1: the one declaration of the file's fields and their
 * order, read and written by Jackson alike. Jackson sees only these plain classes (no polymorphic typing, no JavaFX
 * types). {@link ModelReader} reads them into the model, each problem with its place; writing converts the model's
 * records into them by field name (the records' components are named as these fields) and leaves out what the
 * annotations say (empty optional lists, a lever that is off). Fields are boxed
 * so that a missing field is null (reported by the reader with its path) and a field left out is not written.
 */
final class ScenarioJson {
    private ScenarioJson() {
    }

    /**
     * A JSON number or string holding a formula; a number keeps its literal text ("3.00" stays "3.00"), and a formula
     * that is a plain number literal is written back as a JSON number.
     */
    @JsonDeserialize(using = FormulaText.Deserializer.class)
    @JsonSerialize(using = FormulaText.Serializer.class)
    record FormulaText(String text) {
        private static final Pattern NUMBER = Pattern.compile("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?");

        static FormulaText of(String text) {
            return text == null ? null : new FormulaText(text);
        }

        static String text(FormulaText t) {
            return t == null ? null : t.text();
        }

        static final class Deserializer extends JsonDeserializer<FormulaText> {
            @Override
            public FormulaText deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
                JsonToken t = p.currentToken();
                if (t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT) finite(p, FormulaText.class);
                if (t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT || t == JsonToken.VALUE_STRING) {
                    return new FormulaText(p.getText());
                }
                return (FormulaText) ctxt.handleUnexpectedToken(FormulaText.class, t, p,
                        "expected a number or a formula string, found %s", describe(t));
            }
        }

        static final class Serializer extends JsonSerializer<FormulaText> {
            @Override
            public void serialize(FormulaText v, JsonGenerator g, SerializerProvider provider) throws IOException {
                String t = v.text().trim();
                if (NUMBER.matcher(t).matches()) {
                    g.writeNumber(t);
                } else {
                    g.writeString(v.text());
                }
            }
        }
    }

    /**
     * A value the file gives where another kind is meant (a boolean for a name, 1.9 for the format version, 1e400 for
     * a price): refused with this message as it stands, at the value's line and column.
     */
    static final class Refused extends MismatchedInputException {
        Refused(JsonParser p, String message, Class<?> target) {
            super(p, message, target);
        }
    }

    /** The number at the parser, refused when it is too large for a double (JSON parsers read 1e400 as infinity). */
    static double finite(JsonParser p, Class<?> target) throws IOException {
        double v = p.getDoubleValue();
        if (!Double.isFinite(v)) throw new Refused(p, FormulaException.tooLarge(p.getText()), target);
        return v;
    }

    /** A number, and a finite one: 1e400 is read by JSON parsers as infinity, which no price or count can be. */
    static final class FiniteNumber extends JsonDeserializer<Double> {
        @Override
        public Double deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            JsonToken t = p.currentToken();
            if (t != JsonToken.VALUE_NUMBER_INT && t != JsonToken.VALUE_NUMBER_FLOAT) {
                throw new Refused(p, "expected a number, found " + describe(t), Double.class);
            }
            return finite(p, Double.class);
        }
    }

    /** A whole number: 1.9 is not taken as 1. */
    static final class WholeNumber extends JsonDeserializer<Integer> {
        @Override
        public Integer deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            JsonToken t = p.currentToken();
            if (t == JsonToken.VALUE_NUMBER_INT && p.getNumberType() == JsonParser.NumberType.INT) return p.getIntValue();
            if (t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT) {
                throw new Refused(p, "expected a whole number, found " + p.getText(), Integer.class);
            }
            throw new Refused(p, "expected a whole number, found " + describe(t), Integer.class);
        }
    }

    /**
     * Text, and only text: true or 3.5 is not taken as "true" or "3.5". No control characters (a terminal would obey
     * them: clear the screen, move the cursor, fake a line), except line breaks and tabs in the free texts (a
     * description, a note).
     */
    static final class Text extends JsonDeserializer<String> {
        private static final java.util.Set<String> FREE_TEXT = java.util.Set.of("description", "note");

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            JsonToken t = p.currentToken();
            if (t != JsonToken.VALUE_STRING) throw new Refused(p, "expected a string, found " + describe(t), String.class);
            String text = p.getText();
            String field = p.currentName();
            boolean free = field != null && FREE_TEXT.contains(field);   // an element of a list of texts has no field name
            // by code point: a surrogate pair is one character; a surrogate left over is half of one
            for (int i = 0, c; i < text.length(); i += Character.charCount(c)) {
                c = text.codePointAt(i);
                if (Character.isSurrogate((char) c) && c <= 0xFFFF) {
                    throw new Refused(p, String.format("half a character (unpaired surrogate U+%04X) at position %d of the text;"
                            + " it cannot be saved as UTF-8", c, i), String.class);
                }
                boolean lineBreakOrTab = c == '\n' || c == '\t' || c == '\r';
                if (Character.getType(c) == Character.CONTROL && !(free && lineBreakOrTab)) {
                    throw new Refused(p, String.format("control character U+%04X at position %d of the text; %s", c, i,
                            lineBreakOrTab ? "this field is one line" : "remove it"), String.class);
                }
            }
            return text;
        }
    }

    /** true or false, and only those. */
    static final class Flag extends JsonDeserializer<Boolean> {
        @Override
        public Boolean deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            JsonToken t = p.currentToken();
            if (t == JsonToken.VALUE_TRUE) return Boolean.TRUE;
            if (t == JsonToken.VALUE_FALSE) return Boolean.FALSE;
            throw new Refused(p, "expected true or false, found " + describe(t), Boolean.class);
        }
    }

    /** Numbers are written in plain notation, as short as they can be (1000000000, 0.0000166667, 4.99). */
    static final class PlainNumber extends JsonSerializer<Double> {
        @Override
        public void serialize(Double v, JsonGenerator g, SerializerProvider provider) throws IOException {
            g.writeNumber(plain(v));
        }
    }

    /** The shortest plain decimal text of a double: 1000000000, 0.0000166667, 4.99, -0.5. */
    static String plain(double d) {
        if (!Double.isFinite(d)) throw new IllegalArgumentException("cannot write " + d + " to a scenario file");
        if (d == Math.rint(d) && Math.abs(d) < 1e15) return Long.toString((long) d);
        return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
    }

    static String describe(JsonToken t) {
        if (t == null) return "nothing";
        return switch (t) {
            case START_ARRAY -> "an array";
            case START_OBJECT -> "an object";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            default -> t.toString();
        };
    }

    static final class File {
        public String format;
        public Integer version;
        public String name;
        public String description;
        public String currency;
        public FormulaText hoursPerMonth;
        public List<DriverJ> drivers;
        @JsonInclude(JsonInclude.Include.NON_EMPTY)
        public List<CorrelationJ> correlations;
        @JsonInclude(JsonInclude.Include.NON_EMPTY)
        public List<VariableJ> variables;
        public List<CategoryJ> categories;
        public List<ItemJ> items;
        @JsonInclude(JsonInclude.Include.NON_EMPTY)
        public List<PoolJ> pools;
        @JsonInclude(JsonInclude.Include.NON_EMPTY)
        public List<LeverJ> levers;
        public BusinessJ business;
        public SweepJ sweep;
        @JsonInclude(JsonInclude.Include.NON_EMPTY)
        public List<ScalePointJ> scalePoints;
        @JsonInclude(JsonInclude.Include.NON_EMPTY)
        public List<StatedJ> statedFigures;
        @JsonInclude(JsonInclude.Include.NON_EMPTY)
        public List<VariantJ> variants;
        public TimelineJ timeline;
    }

    static final class DriverJ {
        public String id;
        public String label;
        public String unit;
        public Double value;
        public Double min;
        public Double max;
        public Double step;
        public String scale;
        public RangeJ range;
        public String description;
    }

    static final class RangeJ {
        public String distribution;
        public Double low;
        public Double high;
        public Double mode;
        public Double mean;
        public Double sd;
    }

    static final class CorrelationJ {
        public List<String> between;
        public Double rank;
    }

    static final class VariableJ {
        public String id;
        public String label;
        public String unit;
        public FormulaText formula;
        public String description;
    }

    static final class CategoryJ {
        public String id;
        public String label;
        public String color;
        public String description;
    }

    static final class TierJ {
        public Double upTo;
        public FormulaText unitPrice;
    }

    static final class ItemJ {
        public String id;
        public String label;
        public String category;
        public FormulaText quantity;
        public String quantityUnit;
        public FormulaText unitPrice;
        public Double per;
        public String priceUnit;
        public String billing;
        public FormulaText hours;
        public FormulaText freeAllowance;
        public FormulaText increment;
        @JsonInclude(JsonInclude.Include.NON_EMPTY)
        public List<TierJ> tiers;
        public String tierMode;
        public FormulaText minimumMonthly;
        public Double fixedMonthly;
        public FormulaText upfront;
        public Integer termMonths;
        public String description;
    }

    static final class PoolJ {
        public String id;
        public String label;
        public List<String> items;
        public FormulaText freeAllowance;
        public FormulaText unitPrice;
        @JsonInclude(JsonInclude.Include.NON_EMPTY)
        public List<TierJ> tiers;
        public String tierMode;
        public Double per;
        public String priceUnit;
        public FormulaText increment;
        public String description;
    }

    static final class EffectJ {
        public String item;
        public String category;
        public String pool;
        public String set;
        public Double factor;
        public FormulaText quantity;
        public FormulaText unitPrice;
        public Double fixedMonthly;
        public FormulaText freeAllowance;
        public List<TierJ> tiers;
        public FormulaText upfront;
        public FormulaText formula;
    }

    static final class LeverJ {
        public String id;
        public String label;
        /** Written only when on. */
        @JsonInclude(JsonInclude.Include.NON_DEFAULT)
        public Boolean enabled;
        public String description;
        public List<EffectJ> effects;
    }

    static final class DenominatorJ {
        public String id;
        public String label;
        public FormulaText formula;
    }

    static final class BusinessJ {
        public DenominatorJ users;
        @JsonInclude(JsonInclude.Include.NON_EMPTY)
        public List<DenominatorJ> denominators;
        public FormulaText price;
        public FormulaText conversion;
        public FormulaText payingBase;
        public FormulaText markup;
        public FormulaText funding;
    }

    static final class SweepJ {
        public String driver;
        public Double from;
        public Double to;
        public Boolean log;
    }

    static final class ScalePointJ {
        public String id;
        public String label;
        public LinkedHashMap<String, Double> values;
    }

    static final class StatedJ {
        public String label;
        public String at;
        public Integer month;
        @JsonInclude(JsonInclude.Include.NON_EMPTY)
        public LinkedHashMap<String, Boolean> levers;
        @JsonInclude(JsonInclude.Include.NON_EMPTY)
        public LinkedHashMap<String, Double> set;
        public String of;
        public Double value;
        public Double low;
        public Double high;
        public Double rounding;
        public String format;
        public String note;
    }

    static final class VariantJ {
        public String id;
        public String label;
        public String description;
        @JsonInclude(JsonInclude.Include.NON_EMPTY)
        public LinkedHashMap<String, Double> drivers;
        @JsonInclude(JsonInclude.Include.NON_EMPTY)
        public LinkedHashMap<String, Boolean> levers;
        @JsonInclude(JsonInclude.Include.NON_EMPTY)
        public LinkedHashMap<String, FormulaText> prices;
    }

    static final class TimelineJ {
        public Integer months;
        public String start;
        @JsonInclude(JsonInclude.Include.NON_EMPTY)
        public List<PathJ> paths;
        @JsonInclude(JsonInclude.Include.NON_EMPTY)
        public List<EventJ> events;
    }

    static final class PathJ {
        public String driver;
        public FormulaText growth;
        @JsonInclude(JsonInclude.Include.NON_EMPTY)
        public List<MilestoneJ> milestones;
        public String interpolate;
        public FormulaText formula;
    }

    static final class MilestoneJ {
        public Integer month;
        public Double value;
    }

    static final class EventJ {
        public Integer month;
        public String label;
        @JsonInclude(JsonInclude.Include.NON_EMPTY)
        public LinkedHashMap<String, Boolean> levers;
        public String variant;
        public Double cost;
        public Double funding;
    }
}
