package costscope.cli;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ObjectNode;
import costscope.engine.Results;

import java.io.IOException;

/** The commands' JSON: indented, and a figure that is not finite written as the string "NaN", "Infinity" or "-Infinity". */
final class Json {
    static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .addModule(new SimpleModule()
                    .addSerializer(Double.class, new JsonSerializer<Double>() {
                        @Override
                        public void serialize(Double v, JsonGenerator g, SerializerProvider p) throws IOException {
                            if (Double.isFinite(v)) g.writeNumber(v);
                            else g.writeString(v.toString());
                        }
                    })
                    .setMixInAnnotation(Results.CategoryResult.class, CategoryNames.class))
            .build();

    /** A category's label is its "name" in the JSON (the contract scripts read). */
    private abstract static class CategoryNames {
        @JsonProperty("name")
        abstract String label();
    }

    /** A value as JSON, by its fields (a record's components, a map's entries), non-finite figures as strings. */
    static JsonNode tree(Object value) {
        return MAPPER.valueToTree(value);
    }

    private Json() {
    }

    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    /**
     * Puts a figure; NaN and infinities (a division by zero in the model) are written as the strings "NaN",
     * "Infinity" and "-Infinity" (JSON has no such numbers; Jackson, pandas and most JSON readers of numbers read these).
     */
    static void put(ObjectNode o, String key, double v) {
        if (Double.isFinite(v)) o.put(key, v);
        else o.put(key, Double.toString(v));
    }

    /** The node as indented JSON text. */
    static String text(Object node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
