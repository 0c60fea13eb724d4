package costscope.model;

import java.util.function.Consumer;

/** A derived quantity: a formula over drivers, other variables, items and metrics. */
public record Variable(String id, String label, String unit, String formula, String description) {

    /** A new variable, its fields set by name. */
    public static Variable of(Consumer<Builder> fill) {
        return Records.build(new Builder(), fill);
    }

    /** This variable with some fields changed by name. */
    public Variable with(Consumer<Builder> change) {
        return Records.with(this, new Builder(), change);
    }

    /** The fields of a variable being built or changed. */
    public static final class Builder implements Records.Builder<Variable> {
        public String id;
        public String label;
        public String unit;
        public String formula;
        public String description;

        private Builder() {
        }

        @Override
        public Variable build() {
            return new Variable(id, label, unit, formula, description);
        }
    }
}
