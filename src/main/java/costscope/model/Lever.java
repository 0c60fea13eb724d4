package costscope.model;

import java.util.List;
import java.util.function.Consumer;

/** A named optimization that can be switched on and off. */
public record Lever(String id, String label, boolean enabled, String description, List<LeverEffect> effects) {
    public Lever {
        effects = List.copyOf(effects);
    }

    public Lever withEnabled(boolean on) {
        return new Lever(id, label, on, description, effects);
    }

    /** A new lever, its fields set by name. */
    public static Lever of(Consumer<Builder> fill) {
        return Records.build(new Builder(), fill);
    }

    /** This lever with some fields changed by name. */
    public Lever with(Consumer<Builder> change) {
        return Records.with(this, new Builder(), change);
    }

    /** The fields of a lever being built or changed. */
    public static final class Builder implements Records.Builder<Lever> {
        public String id;
        public String label;
        public boolean enabled;
        public String description;
        public List<LeverEffect> effects;

        private Builder() {
        }

        @Override
        public Lever build() {
            return new Lever(id, label, enabled, description, effects);
        }
    }
}
