package costscope.model;

import java.util.List;

/** The business model. Every value is a formula string or null. */
public record Business(Denominator users, List<Denominator> denominators, String price, String conversion,
                       String payingBase, String markup, String funding) {
    public Business {
        denominators = denominators == null ? List.of() : List.copyOf(denominators);
    }

    public static Business empty() {
        return new Business(null, List.of(), null, null, null, null, null);
    }
}
