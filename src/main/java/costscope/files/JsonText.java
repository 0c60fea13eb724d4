package costscope.files;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.regex.Pattern;

/** How values of a scenario file are read and written: formulas (a number or a string) and plain numbers. */
final class JsonText {
    private JsonText() {
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
}
