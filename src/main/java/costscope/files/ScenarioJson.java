package costscope.files;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * Jackson data-transfer objects for scenario files, version 1. Jackson sees only these plain classes (no
 * polymorphic typing, no JavaFX types); {@link ScenarioFiles} converts them to and from the immutable model.
 * Fields are boxed so that a missing field is null and reported by the converter with its path.
 */
final class ScenarioJson {
    private ScenarioJson() {
    }

    /** A JSON number or string holding a formula; a number keeps its literal text ("3.00" stays "3.00"). */
    @JsonDeserialize(using = FormulaText.Deserializer.class)
    record FormulaText(String text, boolean wasNumber) {
        static final class Deserializer extends JsonDeserializer<FormulaText> {
            @Override
            public FormulaText deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
                JsonToken t = p.currentToken();
                if (t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT) {
                    return new FormulaText(p.getText(), true);
                }
                if (t == JsonToken.VALUE_STRING) {
                    return new FormulaText(p.getText(), false);
                }
                return (FormulaText) ctxt.handleUnexpectedToken(FormulaText.class, t, p,
                        "expected a number or a formula string, found %s", describe(t));
            }
        }
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
        public List<VariableJ> variables;
        public List<CategoryJ> categories;
        public List<ItemJ> items;
        public List<LeverJ> levers;
        public BusinessJ business;
        public SweepJ sweep;
        public List<ScalePointJ> scalePoints;
        public List<StatedJ> statedFigures;
        public List<VariantJ> variants;
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
        public String description;
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
        public List<TierJ> tiers;
        public String tierMode;
        public Double fixedMonthly;
        public String description;
    }

    static final class EffectJ {
        public String item;
        public String category;
        public String set;
        public Double factor;
        public FormulaText quantity;
        public FormulaText unitPrice;
        public Double fixedMonthly;
        public FormulaText formula;
    }

    static final class LeverJ {
        public String id;
        public String label;
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
        public LinkedHashMap<String, Boolean> levers;
        public LinkedHashMap<String, Double> set;
        public String of;
        public Double value;
        public Double rounding;
        public String format;
        public String note;
    }

    static final class VariantJ {
        public String id;
        public String label;
        public String description;
        public LinkedHashMap<String, Double> drivers;
        public LinkedHashMap<String, Boolean> levers;
        public LinkedHashMap<String, FormulaText> prices;
    }
}
