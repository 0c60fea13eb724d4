package costscope.model;

import java.util.function.Consumer;

/** The default range of the scale charts. */
public record Sweep(String driver, double from, double to, boolean log) {

    /** A new chart range, its fields set by name. */
    public static Sweep of(Consumer<Builder> fill) {
        return Records.build(new Builder(), fill);
    }

    /** This chart range with some fields changed by name. */
    public Sweep with(Consumer<Builder> change) {
        return Records.with(this, new Builder(), change);
    }

    /** The fields of a chart range being built or changed. */
    public static final class Builder implements Records.Builder<Sweep> {
        public String driver;
        public double from;
        public double to;
        public boolean log;

        private Builder() {
        }

        @Override
        public Sweep build() {
            return new Sweep(driver, from, to, log);
        }
    }
}
