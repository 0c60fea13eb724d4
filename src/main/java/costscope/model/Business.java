package costscope.model;

import java.util.List;
import java.util.function.Consumer;

/** The business model. Every value is a formula string or null. */
public record Business(Denominator users, List<Denominator> denominators, String price, String conversion,
                       String payingBase, String markup, String funding) {
    public Business {
        denominators = denominators == null ? List.of() : List.copyOf(denominators);
    }

    public static Business empty() {
        return new Business(null, List.of(), null, null, null, null, null);
    }

    /** A new business model, its fields set by name. */
    public static Business of(Consumer<Builder> fill) {
        return Records.build(new Builder(), fill);
    }

    /** This business model with some fields changed by name. */
    public Business with(Consumer<Builder> change) {
        return Records.with(this, new Builder(), change);
    }

    /** The fields of a business model being built or changed. */
    public static final class Builder implements Records.Builder<Business> {
        public Denominator users;
        public List<Denominator> denominators;
        public String price;
        public String conversion;
        public String payingBase;
        public String markup;
        public String funding;

        private Builder() {
        }

        @Override
        public Business build() {
            return new Business(users, denominators, price, conversion, payingBase, markup, funding);
        }
    }
}
